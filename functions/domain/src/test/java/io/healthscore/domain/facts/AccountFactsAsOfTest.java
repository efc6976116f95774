package io.healthscore.domain.facts;

import static io.healthscore.domain.AccountFactsBuilder.account;
import static io.healthscore.domain.AccountFactsBuilder.day;
import static io.healthscore.domain.AccountFactsBuilder.week;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.Contact.StakeholderRole;
import io.healthscore.domain.facts.ConversationSignal.Sentiment;
import io.healthscore.domain.facts.Invoice.InvoiceStatus;
import io.healthscore.domain.facts.SupportTicket.Priority;
import io.healthscore.domain.facts.SurveyResponse.SurveyType;
import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asOf(date): the facts as they were known on the date (the backtest's guard against seeing the future). */
class AccountFactsAsOfTest {

    private static final LocalDate CUT = day(-30);

    @Test
    void datedFactsAfterTheDateAreDropped() {
        AccountFacts f = account()
                .usage(5, 10, 20).usage(3, 11, 20)        // weeks ending 2026-05-10 and 2026-05-24
                .survey(SurveyType.NPS, -40, 9).survey(SurveyType.NPS, -20, 2)
                .touch(-31, "call").touch(-30, "call").touch(-29, "call")
                .conversation(-35, Sentiment.POSITIVE).conversation(-10, Sentiment.ESCALATING)
                .build();
        AccountFacts then = f.asOf(CUT);
        assertThat(then.usage()).extracting(WeeklyUsage::weekStart).containsExactly(week(5));
        assertThat(then.surveys()).extracting(SurveyResponse::score).containsExactly(9.0);
        assertThat(then.touches()).extracting(Touch::occurredOn).containsExactly(day(-31), day(-30));
        assertThat(then.conversations()).extracting(ConversationSignal::sentiment).containsExactly(Sentiment.POSITIVE);
    }

    @Test
    void aUsageWeekCountsOnlyOnceItIsComplete() {
        // week(4) runs 2026-05-11 .. 2026-05-17
        AccountFacts f = account().usage(4, 11, 20).build();
        assertThat(f.asOf(LocalDate.of(2026, 5, 16)).usage()).isEmpty();
        assertThat(f.asOf(LocalDate.of(2026, 5, 17)).usage()).hasSize(1);
    }

    @Test
    void ticketsClosedLaterAreOpenAgainWithoutTheirRating() {
        AccountFacts f = account()
                .ticket("T1", Priority.P1, -40, -35, 5.0, true)   // closed before the date: kept as is
                .ticket("T2", Priority.P1, -40, -10, 2.0, true)   // closed after: open then, no rating, not reopened
                .ticket("T3", Priority.P2, -20, null, null, false) // opened after: dropped
                .build();
        List<SupportTicket> then = f.asOf(CUT).tickets();
        assertThat(then).containsExactly(
                new SupportTicket("T1", Priority.P1, day(-40), day(-35), 5.0, true),
                new SupportTicket("T2", Priority.P1, day(-40), null, null, false));
    }

    @Test
    void invoicesPaidLaterAreUnpaidThen() {
        AccountFacts f = account()
                .invoice(-90, -60, -45, InvoiceStatus.PAID)   // paid before the date
                .invoice(-60, -40, -5, InvoiceStatus.PAID)    // paid after: open then
                .invoice(-60, -40, null, InvoiceStatus.VOID)  // void stays void
                .invoice(-20, 10, null, InvoiceStatus.OPEN)   // issued after: dropped
                .build();
        List<Invoice> then = f.asOf(CUT).invoices();
        assertThat(then).extracting(Invoice::status)
                .containsExactly(InvoiceStatus.PAID, InvoiceStatus.OPEN, InvoiceStatus.VOID);
        assertThat(then.get(1).paidOn()).isNull();
        assertThat(then.get(1).daysPastDue(CUT)).isEqualTo(10);
    }

    @Test
    void contactsWhoLeftLaterWereStillThereAndLaterEngagementIsUnknown() {
        AccountFacts f = account()
                .contact(StakeholderRole.CHAMPION, -10, -12)          // left after the date
                .contact(StakeholderRole.EXECUTIVE_SPONSOR, -50, -60) // left before
                .contact(StakeholderRole.USER, null, -35)
                .build();
        List<Contact> then = f.asOf(CUT).contacts();
        assertThat(then.get(0).leftCompany()).isFalse();
        assertThat(then.get(0).leftOn()).isNull();
        assertThat(then.get(0).lastEngagedOn()).isNull();
        assertThat(then.get(0).presentOn(CUT)).isTrue();
        assertThat(then.get(1).leftCompany()).isTrue();
        assertThat(then.get(1).leftOn()).isEqualTo(day(-50));
        assertThat(then.get(2).lastEngagedOn()).isEqualTo(day(-35));
    }

    @Test
    void aRenewalThatHadPassedIsDroppedAndPreviousHealthIsForgotten() {
        AccountFacts later = account().renewalInDays(-31)
                .previous(-7, 40, Band.AT_RISK, -14, List.of()).build();
        assertThat(later.asOf(CUT).renewal()).isNull();
        assertThat(later.asOf(CUT).previous()).isEqualTo(PreviousHealth.none());
        AccountFacts upcoming = account().renewalInDays(-30).build();
        assertThat(upcoming.asOf(CUT).renewal()).isEqualTo(upcoming.renewal());
    }

    @Test
    void profileSourcesAndCustomSignalsAreKept() {
        AccountFacts f = account().custom("nps_rollup", 42).loaded(FactSource.BILLING).build();
        AccountFacts then = f.asOf(CUT);
        assertThat(then.profile()).isEqualTo(f.profile());
        assertThat(then.sources()).isEqualTo(EnumSet.of(FactSource.CRM, FactSource.BILLING));
        assertThat(then.customSignals()).containsEntry("nps_rollup", 42.0);
    }

    @Test
    void withConversationsMarksTheSourceLoaded() {
        AccountFacts f = AccountFacts.of(account().profile());
        assertThat(f.has(FactSource.CONVERSATIONS)).isFalse();
        AccountFacts g = f.withConversations(List.of());
        assertThat(g.has(FactSource.CONVERSATIONS)).isTrue();
        assertThat(g.has(FactSource.CRM)).isTrue();
    }
}
