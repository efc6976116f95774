package io.healthscore.domain.scoring;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.AccountFactsArbitraries;
import io.healthscore.domain.AccountFactsBuilder;
import io.healthscore.domain.TestModels;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.Invoice;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.WeeklyUsage;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.Transform;
import io.healthscore.domain.signals.BuiltInSignal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Disabled;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of scoring under the default model, for random facts with every source loaded and peer
 * distributions fixed in advance (40 accounts per segment), so that percentile transforms are exercised.
 */
class ScorePropertiesTest {

    private static final ScoringModel MODEL = TestModels.defaultModel();
    private static final Scorer SCORER = new Scorer(MODEL);
    private static final PeerDistributions PEERS = fixedPeers();

    /** Case volume 0, 0.5, ... 19.5 per 100 seats in every segment; other signals are not ranked. */
    private static PeerDistributions fixedPeers() {
        int caseVolume = SCORER.signalIds().indexOf("case_volume_per_seat");
        List<Scorer.Measured> book = new ArrayList<>();
        for (Segment segment : Segment.values()) {
            for (int i = 0; i < 40; i++) {
                double[] raw = new double[SCORER.signalIds().size()];
                Arrays.fill(raw, Double.NaN);
                raw[caseVolume] = i * 0.5;
                book.add(new Scorer.Measured(AccountFactsBuilder.account().segment(segment).build(), AS_OF, raw,
                        new double[BuiltInSignal.values().length]));
            }
        }
        return SCORER.peers(book);
    }

    private static AccountHealth score(AccountFacts f) {
        return SCORER.score(SCORER.measure(f, AS_OF), PEERS);
    }

    @Provide
    Arbitrary<AccountFacts> accounts() {
        return AccountFactsArbitraries.accounts();
    }

    @Property(tries = 300)
    void scoresAndConfidenceStayInRange(@ForAll("accounts") AccountFacts facts) {
        AccountHealth h = score(facts);
        // every source is loaded, so open P1 cases (at least) always have data
        assertThat(h.score()).isNotNull().isBetween(0, 100);
        assertThat(h.confidence()).isBetween(0.0, 1.0);
        assertThat(h.subScores()).allSatisfy(s -> {
            if (s.score() != null) {
                assertThat(s.score()).isBetween(0, 100);
            }
            assertThat(s.coverage()).isBetween(0.0, 1.0);
        });
        assertThat(h.signals()).allSatisfy(s -> {
            if (s.hasData()) {
                assertThat(s.score()).isBetween(0.0, 100.0);
            }
        });
        if (h.expansionScore() != null) {
            assertThat(h.expansionScore()).isBetween(0, 100);
        }
        assertThat(h.attentionPriority()).isBetween(0.0, 200.0);
        assertThat(h.drivers()).hasSizeLessThanOrEqualTo(5);
    }

    @Property(tries = 300)
    void scoreIsNullOnlyWhenNoWeightedSignalHasData(@ForAll("accounts") AccountFacts facts,
                                                    @ForAll("sources") Set<FactSource> sources) {
        AccountFacts partial = new AccountFacts(facts.profile(), facts.renewal(), facts.usage(), facts.invoices(),
                facts.tickets(), facts.surveys(), facts.contacts(), facts.touches(), facts.conversations(),
                facts.customSignals(), facts.previous(), sources);
        AccountHealth h = score(partial);
        boolean anyData = h.signals().stream().anyMatch(s -> s.hasData() && s.weight() > 0);
        assertThat(h.score() == null).isEqualTo(!anyData);
        assertThat(h.confidence()).isBetween(0.0, 1.0);
        if (h.score() == null) {
            assertThat(h.band()).isEqualTo(Band.INSUFFICIENT_SIGNAL);
            assertThat(h.confidence()).isZero();
        }
    }

    @Provide
    Arbitrary<Set<FactSource>> sources() {
        return Arbitraries.subsetOf(FactSource.values());
    }

    @Example
    void overridesNeverFlipTheDirectionOfASignal() {
        // the monotonicity property below takes each signal's direction from its base transform
        for (SegmentOverride o : MODEL.segmentOverrides()) {
            o.signals().forEach((id, change) -> {
                if (change.transform() != null) {
                    Transform base = MODEL.signals().stream().filter(s -> s.id().equals(id)).findFirst()
                            .map(SignalSpec::transform).orElseThrow();
                    assertThat(higherIsBetter(change.transform())).as(id).isEqualTo(higherIsBetter(base));
                }
            });
        }
    }

    private static boolean higherIsBetter(Transform t) {
        if (t instanceof Transform.Linear l) {
            return l.higherIsBetter();
        }
        if (t instanceof Transform.Steps s) {
            return s.higherIsBetter();
        }
        return ((Transform.Percentile) t).higherIsBetter();
    }

    @Property(tries = 1000)
    void movingOneRawValueTheWorseWayNeverRaisesTheComposite(
            @ForAll("accounts") AccountFacts facts,
            @ForAll @IntRange(min = 0, max = 18) int signal,
            @ForAll @DoubleRange(min = 0.01, max = 400) double delta) {
        Scorer.Measured m = SCORER.measure(facts, AS_OF);
        double raw = m.raw()[signal];
        Assume.that(!Double.isNaN(raw));
        double[] worse = m.raw().clone();
        worse[signal] = higherIsBetter(MODEL.signals().get(signal).transform()) ? raw - delta : raw + delta;
        Scorer.Measured moved = new Scorer.Measured(m.facts(), m.asOf(), worse, m.builtIns());

        Integer before = SCORER.score(m, PEERS).score();
        Integer after = SCORER.score(moved, PEERS).score();
        assertThat(after).as("%s %s -> %s", MODEL.signals().get(signal).id(), raw, worse[signal])
                .isLessThanOrEqualTo(before);
    }

    @Property(tries = 300)
    void anotherOpenP1CaseNeverRaisesTheScore(@ForAll("accounts") AccountFacts facts,
                                              @ForAll @IntRange(min = 0, max = 200) int openedDaysAgo) {
        List<SupportTicket> tickets = new ArrayList<>(facts.tickets());
        tickets.add(new SupportTicket("NEW-P1", SupportTicket.Priority.P1, AS_OF.minusDays(openedDaysAgo), null, null, false));
        AccountFacts worse = withTickets(facts, tickets);
        assertThat(score(worse).score()).isLessThanOrEqualTo(score(facts).score());
    }

    @Property(tries = 300)
    void fewerActiveUsersInARecentWeekNeverRaiseTheScore(@ForAll("accounts") AccountFacts facts,
                                                         @ForAll @IntRange(min = 0, max = 3) int recentWeek,
                                                         @ForAll @DoubleRange(min = 0, max = 0.99) double keep) {
        List<WeeklyUsage> complete = facts.usage().stream()
                .filter(u -> !u.weekStart().plusDays(6).isAfter(AS_OF))
                .sorted(Comparator.comparing(WeeklyUsage::weekStart).reversed())
                .toList();
        Assume.that(recentWeek < complete.size() && complete.get(recentWeek).activeUsers() > 0);
        WeeklyUsage chosen = complete.get(recentWeek);
        List<WeeklyUsage> usage = new ArrayList<>(facts.usage());
        usage.set(usage.indexOf(chosen), new WeeklyUsage(chosen.weekStart(), (int) (chosen.activeUsers() * keep),
                chosen.licensedSeats(), chosen.logins(), chosen.keyFeaturesUsed(), chosen.keyFeaturesTotal()));
        AccountFacts worse = withUsage(facts, usage);
        assertThat(score(worse).score()).isLessThanOrEqualTo(score(facts).score());
    }

    @Property(tries = 300)
    void anOverdueInvoiceGettingOlderWithinTheYearNeverRaisesTheScore(@ForAll("accounts") AccountFacts facts,
                                                                      @ForAll @IntRange(min = 1, max = 300) int moreDays) {
        assertOlderOverdueInvoiceNeverRaisesTheScore(facts, moreDays, true);
    }

    @Property(tries = 300)
    void anOverdueInvoiceGettingOlderNeverRaisesTheScore(@ForAll("accounts") AccountFacts facts,
                                                         @ForAll @IntRange(min = 1, max = 300) int moreDays) {
        assertOlderOverdueInvoiceNeverRaisesTheScore(facts, moreDays, false);
    }

    @Example
    void anInvoiceUnpaidForMoreThanAYearStillCountsAsLate() {
        // one invoice paid on time, one unpaid: 300 days overdue the late share is 50 % (linear 60 -> 0: 16.7);
        // 400 days overdue the unpaid one drops out of the share and it becomes 0 % (100)
        AccountFactsBuilder base = AccountFactsBuilder.account()
                .invoice(-130, -100, -101, Invoice.InvoiceStatus.PAID);
        AccountFacts at300 = AccountFactsBuilder.account().invoice(-130, -100, -101, Invoice.InvoiceStatus.PAID)
                .unpaidInvoice(-300).build();
        AccountFacts at400 = base.unpaidInvoice(-400).build();
        int lateShare = SCORER.signalIds().indexOf("late_invoice_share");
        assertThat(SCORER.measure(at400, AS_OF).raw()[lateShare]).isEqualTo(50.0);
        assertThat(score(at400).score()).isLessThanOrEqualTo(score(at300).score());
    }

    private static void assertOlderOverdueInvoiceNeverRaisesTheScore(AccountFacts facts, int moreDays, boolean withinYear) {
        List<Invoice> invoices = new ArrayList<>(facts.invoices());
        int chosen = -1;
        for (int i = 0; i < invoices.size(); i++) {
            Invoice inv = invoices.get(i);
            long dueAge = AS_OF.toEpochDay() - inv.dueOn().toEpochDay();
            boolean overdueUnpaid = inv.status() == Invoice.InvoiceStatus.OPEN && inv.paidOn() == null
                    && !inv.issuedOn().isAfter(AS_OF) && dueAge >= 1;
            if (overdueUnpaid && (!withinYear || dueAge + moreDays <= 365)) {
                chosen = i;
                break;
            }
        }
        Assume.that(chosen >= 0);
        Invoice inv = invoices.get(chosen);
        invoices.set(chosen, new Invoice(inv.invoiceId(), inv.issuedOn().minusDays(moreDays), inv.dueOn().minusDays(moreDays),
                null, inv.amount(), inv.status()));
        AccountFacts worse = withInvoices(facts, invoices);
        assertThat(score(worse).score()).isLessThanOrEqualTo(score(facts).score());
    }

    private static AccountFacts withTickets(AccountFacts f, List<SupportTicket> tickets) {
        return new AccountFacts(f.profile(), f.renewal(), f.usage(), f.invoices(), tickets, f.surveys(), f.contacts(),
                f.touches(), f.conversations(), f.customSignals(), f.previous(), EnumSet.copyOf(f.sources()));
    }

    private static AccountFacts withUsage(AccountFacts f, List<WeeklyUsage> usage) {
        return new AccountFacts(f.profile(), f.renewal(), usage, f.invoices(), f.tickets(), f.surveys(), f.contacts(),
                f.touches(), f.conversations(), f.customSignals(), f.previous(), EnumSet.copyOf(f.sources()));
    }

    private static AccountFacts withInvoices(AccountFacts f, List<Invoice> invoices) {
        return new AccountFacts(f.profile(), f.renewal(), f.usage(), invoices, f.tickets(), f.surveys(), f.contacts(),
                f.touches(), f.conversations(), f.customSignals(), f.previous(), EnumSet.copyOf(f.sources()));
    }
}
