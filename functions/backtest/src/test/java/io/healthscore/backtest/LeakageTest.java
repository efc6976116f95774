package io.healthscore.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.backtest.metrics.HorizonEvaluation;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeEvent;
import io.healthscore.backtest.outcomes.OutcomeKind;
import io.healthscore.backtest.outcomes.OutcomeLoader;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.Contact;
import io.healthscore.domain.facts.Invoice;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.SurveyResponse;
import io.healthscore.domain.facts.Touch;
import io.healthscore.domain.facts.WeeklyUsage;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.Band;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.modelfile.ScoringModelFile;
import io.healthscore.sampledata.GeneratorSettings;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No score may see its own future: with the labels shuffled the score predicts nothing, and rewriting
 * everything after a date (facts and outcomes) leaves every snapshot up to that date exactly as it was.
 */
class LeakageTest {

    @Test
    void permutingOutcomesAcrossAccountsAndTimeDestroysTheAuc() {
        Backtest.Run run = GeneratedBooks.standardRun();
        List<Observation> obs = run.data().at(90);
        assertThat(HorizonEvaluation.of(90, scores(obs), bands(obs), kinds(obs), segments(obs), LabelPolicy.CHURN_VS_RENEWAL)
                .auc()).isGreaterThan(0.75);
        double sum = 0;
        for (long seed = 1; seed <= 5; seed++) {
            // each outcome (account and date) gets the outcome of another, drawn at random: the same mix of
            // churn and renewal, but no longer where and when it happened
            List<OutcomeKind> k = new ArrayList<>(List.of(kinds(obs)));
            Collections.shuffle(k, new Random(seed));
            double auc = HorizonEvaluation.of(90, scores(obs), bands(obs), k.toArray(new OutcomeKind[0]), segments(obs),
                    LabelPolicy.CHURN_VS_RENEWAL).auc();
            assertThat(auc).as("seed %d", seed).isBetween(0.42, 0.58);
            sum += auc;
        }
        assertThat(sum / 5).isBetween(0.46, 0.54);
    }

    @Test
    void aFullBacktestWithOutcomesShuffledInTimeScoresNoBetterThanChance() {
        Path book = GeneratedBooks.standard();
        HistoricalBook hb = GeneratedBooks.standardRun().book();
        List<OutcomeEvent> real = OutcomeLoader.load(new DirectoryTableFiles(book), OutcomeLoader.Settings.defaults(),
                hb.indexById()::containsKey, new RejectLog());
        // every outcome moves to another account's renewal slot (account and date), keeping its kind
        List<OutcomeKind> kinds = new ArrayList<>(real.stream().map(OutcomeEvent::kind).toList());
        Collections.shuffle(kinds, new Random(42));
        List<OutcomeEvent> shuffled = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            shuffled.add(real.get(i).withKind(kinds.get(i)));
        }
        Backtest.Run run = Backtest.run(hb, shuffled, GeneratedBooks.noiseModel(), GeneratedBooks.settings(), null);
        for (int h : List.of(90, 60, 30)) {
            List<Observation> obs = run.data().at(h);
            double auc = HorizonEvaluation.of(h, scores(obs), bands(obs), kinds(obs), segments(obs),
                    LabelPolicy.CHURN_VS_RENEWAL).auc();
            assertThat(auc).as("%d days", h).isBetween(0.42, 0.58);
        }
    }

    @Test
    void factsAndOutcomesAfterASnapshotCannotChangeIt() {
        Path dir = GeneratedBooks.generate(GeneratorSettings.defaults().withSeed(3).withAccounts(400)
                .withConversationsPerAccountPerYear(0));
        LocalDate end = GeneratedBooks.DATA_END;
        RejectLog rejects = new RejectLog();
        HistoricalBook book = HistoricalBook.load(dir, end, false, rejects);
        List<OutcomeEvent> outcomes = OutcomeLoader.load(new DirectoryTableFiles(dir), OutcomeLoader.Settings.defaults(),
                book.indexById()::containsKey, rejects);
        LocalDate cut = LocalDate.of(2026, 6, 15);
        assertThat(cut.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);

        // a different future: everything after the cut turns catastrophic, and every later outcome flips
        List<AccountFacts> future = new ArrayList<>();
        for (AccountFacts f : book.facts()) {
            future.add(rewriteAfter(f, cut));
        }
        List<OutcomeEvent> flipped = new ArrayList<>();
        for (OutcomeEvent o : outcomes) {
            flipped.add(o.date().isAfter(cut) ? o.withKind(o.kind() == OutcomeKind.CHURNED ? OutcomeKind.RENEWED
                    : OutcomeKind.CHURNED) : o);
        }
        ScoringModel model = ScoringModelFile.loadDefault();
        BacktestSettings s = GeneratedBooks.settings();
        Backtest.Run a = Backtest.run(book, outcomes, model, s, null);
        Backtest.Run b = Backtest.run(HistoricalBook.of(future, null, null), flipped, model, s, null);
        ScoreMatrix ma = a.replay().matrix();
        ScoreMatrix mb = b.replay().matrix();
        assertThat(mb.dates()).isEqualTo(ma.dates());
        int compared = 0;
        int laterDifferences = 0;
        for (int w = 0; w < ma.weeks(); w++) {
            boolean past = !ma.dates().get(w).isAfter(cut);
            for (int i = 0; i < ma.accounts(); i++) {
                if (past) {
                    assertThat(mb.score(w, i)).as("week %s account %d", ma.dates().get(w), i).isEqualTo(ma.score(w, i));
                    assertThat(mb.band(w, i)).isEqualTo(ma.band(w, i));
                    compared++;
                } else if (ma.inScope(w, i) && mb.inScope(w, i) && !java.util.Objects.equals(ma.score(w, i), mb.score(w, i))) {
                    laterDifferences++;
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
        assertThat(laterDifferences).as("the rewritten future does change later snapshots").isGreaterThan(1_000);
    }

    /** The account's facts with everything dated after the cut replaced by a collapse. */
    private static AccountFacts rewriteAfter(AccountFacts f, LocalDate cut) {
        List<WeeklyUsage> usage = new ArrayList<>();
        for (WeeklyUsage u : f.usage()) {
            usage.add(u.weekStart().isAfter(cut.minusDays(6))
                    ? new WeeklyUsage(u.weekStart(), 0, u.licensedSeats() * 3, 0, 0, u.keyFeaturesTotal()) : u);
        }
        List<SupportTicket> tickets = new ArrayList<>();
        for (SupportTicket t : f.tickets()) {
            // later closures never happened; a later reopening is recorded
            tickets.add(t.closedOn() != null && t.closedOn().isAfter(cut)
                    ? new SupportTicket(t.ticketId(), t.priority(), t.openedOn(), null, null, true) : t);
        }
        for (int k = 0; k < 5; k++) {
            tickets.add(new SupportTicket("future-" + f.accountId() + "-" + k, SupportTicket.Priority.P1, cut.plusDays(1 + k),
                    null, null, true));
        }
        List<Invoice> invoices = new ArrayList<>();
        for (Invoice i : f.invoices()) {
            invoices.add(i.paidOn() != null && i.paidOn().isAfter(cut)
                    ? new Invoice(i.invoiceId(), i.issuedOn(), i.dueOn(), null, i.amount(), Invoice.InvoiceStatus.OPEN) : i);
        }
        invoices.add(new Invoice("future-" + f.accountId(), cut.plusDays(1), cut.plusDays(2), null, 1e6, Invoice.InvoiceStatus.OPEN));
        List<SurveyResponse> surveys = new ArrayList<>(f.surveys());
        surveys.add(new SurveyResponse("future-" + f.accountId(), cut.plusDays(2), SurveyResponse.SurveyType.NPS, 0));
        List<Contact> contacts = new ArrayList<>();
        for (Contact c : f.contacts()) {
            boolean leftBefore = c.leftCompany() && c.leftOn() != null && !c.leftOn().isAfter(cut);
            contacts.add(leftBefore ? c : new Contact(c.contactId(), c.role(), true, cut.plusDays(3), c.lastEngagedOn()));
        }
        List<Touch> touches = new ArrayList<>();
        for (Touch t : f.touches()) {
            if (!t.occurredOn().isAfter(cut)) {
                touches.add(t);
            }
        }
        Map<String, Double> custom = new HashMap<>(f.customSignals());
        return new AccountFacts(f.profile(), f.renewal(), usage, invoices, tickets, surveys, contacts, touches,
                f.conversations(), custom, f.previous(), f.sources());
    }

    static double[] scores(List<Observation> obs) {
        return obs.stream().mapToDouble(Observation::score).toArray();
    }

    static Band[] bands(List<Observation> obs) {
        return obs.stream().map(Observation::band).toArray(Band[]::new);
    }

    static OutcomeKind[] kinds(List<Observation> obs) {
        return obs.stream().map(o -> o.outcome().kind()).toArray(OutcomeKind[]::new);
    }

    static String[] segments(List<Observation> obs) {
        return obs.stream().map(Observation::segment).toArray(String[]::new);
    }
}
