package io.healthscore.domain;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static io.healthscore.domain.AccountFactsBuilder.LAST_COMPLETE_WEEK;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.Contact;
import io.healthscore.domain.facts.ConversationSignal;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.Invoice;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.facts.RenewalOpportunity;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.SurveyResponse;
import io.healthscore.domain.facts.Touch;
import io.healthscore.domain.facts.WeeklyUsage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random but valid account facts around {@link AccountFactsBuilder#AS_OF}, every source loaded. Dates reach a
 * little into the future so that point-in-time filtering is exercised too.
 */
public final class AccountFactsArbitraries {

    private AccountFactsArbitraries() {
    }

    public static Arbitrary<AccountFacts> accounts() {
        Arbitrary<AccountProfile> profile = Combinators.combine(
                Arbitraries.of(Segment.class),
                Arbitraries.integers().between(1, 20000).injectNull(0.2),
                Arbitraries.doubles().between(1000, 2_000_000).injectNull(0.2),
                Arbitraries.integers().between(0, 72).injectNull(0.2))
                .as((segment, employees, arr, tenureMonths) -> new AccountProfile("001R", "Random", segment, null,
                        employees, arr, tenureMonths == null ? null : AS_OF.minusMonths(tenureMonths), "005O", "005M"));
        Arbitrary<RenewalOpportunity> renewal = Arbitraries.integers().between(-30, 500)
                .map(d -> new RenewalOpportunity("006R", AS_OF.plusDays(d), null, null)).injectNull(0.3);
        Arbitrary<List<WeeklyUsage>> usage = Combinators.combine(
                Arbitraries.integers().between(0, 20),       // weeks on record
                Arbitraries.integers().between(-1, 4),       // newest week: -1 is the current, incomplete one
                Arbitraries.integers().between(1, 500),      // seats
                Arbitraries.integers().between(0, 12),       // key features
                Arbitraries.integers().between(0, 1_000_000).list().ofSize(20))
                .as((weeks, newest, seats, features, noise) -> {
                    List<WeeklyUsage> rows = new ArrayList<>();
                    for (int i = 0; i < weeks; i++) {
                        int n = noise.get(i);
                        int s = Math.max(1, seats + (n % 41) - 20);
                        int active = n % (s + 1);
                        rows.add(new WeeklyUsage(LAST_COMPLETE_WEEK.minusWeeks(newest + i), active, s, active * 4,
                                features == 0 ? 0 : n % (features + 1), features));
                    }
                    return rows;
                });
        Arbitrary<List<Invoice>> invoices = Combinators.combine(
                Arbitraries.integers().between(-420, 5),
                Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(-10, 120).injectNull(0.4),
                Arbitraries.of(Invoice.InvoiceStatus.class))
                .as((issued, terms, paidAfterIssue, status) -> new Invoice("I", AS_OF.plusDays(issued),
                        AS_OF.plusDays(issued + terms),
                        paidAfterIssue == null || status == Invoice.InvoiceStatus.VOID ? null
                                : AS_OF.plusDays(issued + Math.max(0, paidAfterIssue)),
                        1000, paidAfterIssue == null && status == Invoice.InvoiceStatus.PAID ? Invoice.InvoiceStatus.OPEN : status))
                .list().ofMaxSize(8);
        Arbitrary<List<SupportTicket>> tickets = Combinators.combine(
                Arbitraries.strings().numeric().ofLength(2),
                Arbitraries.of(SupportTicket.Priority.class),
                Arbitraries.integers().between(-200, 5),
                Arbitraries.integers().between(0, 60).injectNull(0.4),
                Arbitraries.doubles().between(1, 5).injectNull(0.5),
                Arbitraries.of(true, false))
                .as((id, p, opened, closedAfter, csat, reopened) -> new SupportTicket("T" + id, p, AS_OF.plusDays(opened),
                        closedAfter == null ? null : AS_OF.plusDays(opened + closedAfter),
                        closedAfter == null ? null : csat, reopened))
                .list().ofMaxSize(25);
        Arbitrary<List<SurveyResponse>> surveys = Combinators.combine(
                Arbitraries.of(SurveyResponse.SurveyType.class),
                Arbitraries.integers().between(-250, 5),
                Arbitraries.integers().between(0, 10))
                .as((type, day, score) -> new SurveyResponse("S", AS_OF.plusDays(day), type,
                        type == SurveyResponse.SurveyType.CSAT ? 1 + score % 5 : score))
                .list().ofMaxSize(8);
        Arbitrary<List<Contact>> contacts = Combinators.combine(
                Arbitraries.of(Contact.StakeholderRole.class),
                Arbitraries.integers().between(-400, 10).injectNull(0.7),
                Arbitraries.integers().between(-400, 5).injectNull(0.2))
                .as((role, left, engaged) -> new Contact("C", role, left != null,
                        left == null ? null : AS_OF.plusDays(left), engaged == null ? null : AS_OF.plusDays(engaged)))
                .list().ofMaxSize(8);
        Arbitrary<List<Touch>> touches = Combinators.combine(
                Arbitraries.integers().between(-400, 5),
                Arbitraries.of("call", "email", "Meeting", "qbr", "note"))
                .as((day, type) -> new Touch("A", AS_OF.plusDays(day), type))
                .list().ofMaxSize(8);
        Arbitrary<List<ConversationSignal>> conversations = Combinators.combine(
                Arbitraries.integers().between(-200, 5),
                Arbitraries.of(ConversationSignal.Sentiment.class),
                Arbitraries.subsetOf(ConversationSignal.Intent.values()),
                Arbitraries.subsetOf(ConversationSignal.RiskFlag.values()),
                Arbitraries.doubles().between(0, 1))
                .as((day, sentiment, intents, flags, confidence) -> new ConversationSignal("V", AS_OF.plusDays(day),
                        sentiment, intents, flags, confidence))
                .list().ofMaxSize(8);

        Arbitrary<Part1> part1 = Combinators.combine(profile, renewal, usage, invoices).as(Part1::new);
        Arbitrary<Part2> part2 = Combinators.combine(tickets, surveys, contacts, touches, conversations).as(Part2::new);
        return Combinators.combine(part1, part2).as((a, b) -> new AccountFacts(a.profile, a.renewal, a.usage, a.invoices,
                b.tickets, b.surveys, b.contacts, b.touches, b.conversations, Map.of(), PreviousHealth.none(),
                EnumSet.allOf(FactSource.class)));
    }

    private record Part1(AccountProfile profile, RenewalOpportunity renewal, List<WeeklyUsage> usage, List<Invoice> invoices) {
    }

    private record Part2(List<SupportTicket> tickets, List<SurveyResponse> surveys, List<Contact> contacts,
                         List<Touch> touches, List<ConversationSignal> conversations) {
    }
}
