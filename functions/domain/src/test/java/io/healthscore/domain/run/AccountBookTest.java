package io.healthscore.domain.run;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountBookTest {

    private static final LocalDate D = LocalDate.of(2026, 6, 17);

    private static AccountProfile profile(String id) {
        return new AccountProfile(id, "Name " + id, Segment.SMB, null, null, null, null, null, null);
    }

    @Test
    void aSecondRegistrationOfTheSameAccountIsRefused() {
        AccountBook book = new AccountBook();
        assertThat(book.register(profile("A"))).isTrue();
        assertThat(book.register(new AccountProfile("A", "Other", Segment.ENTERPRISE, null, null, null, null, null, null)))
                .isFalse();
        assertThat(book.size()).isEqualTo(1);
        assertThat(book.facts().get(0).profile().name()).isEqualTo("Name A");
    }

    @Test
    void factsForAnUnknownAccountAreRefused() {
        AccountBook book = new AccountBook();
        book.register(profile("A"));
        assertThat(book.usage("X", new WeeklyUsage(D, 1, 1, 1, 1, 1))).isFalse();
        assertThat(book.invoice("X", new Invoice("I", D, D, null, 1, Invoice.InvoiceStatus.OPEN))).isFalse();
        assertThat(book.ticket("X", new SupportTicket("T", SupportTicket.Priority.P1, D, null, null, false))).isFalse();
        assertThat(book.survey("X", new SurveyResponse("S", D, SurveyResponse.SurveyType.NPS, 9))).isFalse();
        assertThat(book.contact("X", new Contact("C", Contact.StakeholderRole.USER, false, null, null))).isFalse();
        assertThat(book.touch("X", new Touch("T", D, "call"))).isFalse();
        assertThat(book.conversation("X", new ConversationSignal("V", D, ConversationSignal.Sentiment.NEUTRAL,
                Set.of(), Set.of(), 1))).isFalse();
        assertThat(book.custom("X", "col", 1)).isFalse();
        assertThat(book.renewal("X", new RenewalOpportunity("O", D, null, null))).isFalse();
        assertThat(book.previous("X", PreviousHealth.none())).isFalse();
        assertThat(book.contains("X")).isFalse();
        AccountFacts a = book.facts().get(0);
        assertThat(a.usage()).isEmpty();
        assertThat(a.customSignals()).isEmpty();
    }

    @Test
    void factsAreGatheredPerAccountInRegistrationOrder() {
        AccountBook book = new AccountBook();
        book.register(profile("B"));
        book.register(profile("A"));
        assertThat(book.usage("A", new WeeklyUsage(D, 3, 10, 9, 1, 2))).isTrue();
        assertThat(book.ticket("B", new SupportTicket("T", SupportTicket.Priority.P2, D, null, null, false))).isTrue();
        assertThat(book.custom("A", "api_calls", 12.5)).isTrue();
        assertThat(book.custom("A", "api_calls", 13.5)).isTrue(); // the last value wins
        PreviousHealth prev = new PreviousHealth(50, Band.AT_RISK, D.minusDays(7), D.minusDays(7), List.of(), null);
        assertThat(book.previous("B", prev)).isTrue();

        List<AccountFacts> facts = book.facts();
        assertThat(facts).extracting(AccountFacts::accountId).containsExactly("B", "A");
        assertThat(book.accountIds()).containsExactly("B", "A");
        assertThat(facts.get(0).tickets()).hasSize(1);
        assertThat(facts.get(0).previous()).isEqualTo(prev);
        assertThat(facts.get(1).usage()).hasSize(1);
        assertThat(facts.get(1).customSignals()).containsExactly(java.util.Map.entry("api_calls", 13.5));
        assertThat(facts.get(1).previous()).isEqualTo(PreviousHealth.none());
    }

    @Test
    void theEarliestRenewalIsKept() {
        AccountBook book = new AccountBook();
        book.register(profile("A"));
        book.renewal("A", new RenewalOpportunity("O2", D.plusDays(200), null, null));
        book.renewal("A", new RenewalOpportunity("O1", D.plusDays(30), null, null));
        book.renewal("A", new RenewalOpportunity("O3", D.plusDays(90), null, null));
        assertThat(book.facts().get(0).renewal().opportunityId()).isEqualTo("O1");
    }

    @Test
    void loadedSourcesApplyToEveryAccountAndTheCrmIsAlwaysLoaded() {
        AccountBook book = new AccountBook();
        book.register(profile("A"));
        assertThat(book.loadedSources()).containsExactly(FactSource.CRM);
        book.loaded(FactSource.SUPPORT);
        book.register(profile("B"));
        book.loaded(FactSource.BILLING);
        assertThat(book.loadedSources()).isEqualTo(EnumSet.of(FactSource.CRM, FactSource.SUPPORT, FactSource.BILLING));
        assertThat(book.facts()).allSatisfy(f -> {
            assertThat(f.has(FactSource.SUPPORT)).isTrue();
            assertThat(f.has(FactSource.BILLING)).isTrue();
            assertThat(f.has(FactSource.USAGE)).isFalse();
        });
        // the returned set is a copy
        book.loadedSources().add(FactSource.USAGE);
        assertThat(book.loadedSources()).doesNotContain(FactSource.USAGE);
    }
}
