package io.healthscore.domain.signals;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static io.healthscore.domain.AccountFactsBuilder.account;
import static io.healthscore.domain.facts.Contact.StakeholderRole.CHAMPION;
import static io.healthscore.domain.facts.Contact.StakeholderRole.EXECUTIVE_SPONSOR;
import static io.healthscore.domain.facts.Contact.StakeholderRole.USER;
import static io.healthscore.domain.facts.ConversationSignal.Sentiment.ESCALATING;
import static io.healthscore.domain.facts.ConversationSignal.Sentiment.NEGATIVE;
import static io.healthscore.domain.facts.ConversationSignal.Sentiment.NEUTRAL;
import static io.healthscore.domain.facts.ConversationSignal.Sentiment.POSITIVE;
import static io.healthscore.domain.facts.SupportTicket.Priority.P1;
import static io.healthscore.domain.facts.SupportTicket.Priority.P2;
import static io.healthscore.domain.facts.SurveyResponse.SurveyType.CSAT;
import static io.healthscore.domain.facts.SurveyResponse.SurveyType.NPS;
import static io.healthscore.domain.signals.BuiltInSignal.CASE_VOLUME_PER_SEAT;
import static io.healthscore.domain.signals.BuiltInSignal.CHAMPION_PRESENT;
import static io.healthscore.domain.signals.BuiltInSignal.CONVERSATION_RISK;
import static io.healthscore.domain.signals.BuiltInSignal.CONVERSATION_SENTIMENT;
import static io.healthscore.domain.signals.BuiltInSignal.CSAT_TREND;
import static io.healthscore.domain.signals.BuiltInSignal.DAYS_PAST_DUE;
import static io.healthscore.domain.signals.BuiltInSignal.DAYS_SINCE_LAST_ACTIVE;
import static io.healthscore.domain.signals.BuiltInSignal.DAYS_SINCE_MEANINGFUL_TOUCH;
import static io.healthscore.domain.signals.BuiltInSignal.DAYS_TO_RENEWAL;
import static io.healthscore.domain.signals.BuiltInSignal.EXECUTIVE_SPONSOR_ENGAGED;
import static io.healthscore.domain.signals.BuiltInSignal.EXPANSION_INTEREST;
import static io.healthscore.domain.signals.BuiltInSignal.FEATURE_BREADTH;
import static io.healthscore.domain.signals.BuiltInSignal.LATE_INVOICE_SHARE;
import static io.healthscore.domain.signals.BuiltInSignal.OPEN_CRITICAL_CASES;
import static io.healthscore.domain.signals.BuiltInSignal.REOPENED_TICKETS;
import static io.healthscore.domain.signals.BuiltInSignal.SEAT_CHANGE;
import static io.healthscore.domain.signals.BuiltInSignal.SEAT_UTILISATION;
import static io.healthscore.domain.signals.BuiltInSignal.STAKEHOLDERS_ENGAGED;
import static io.healthscore.domain.signals.BuiltInSignal.USAGE_TREND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.healthscore.domain.AccountFactsBuilder;
import io.healthscore.domain.TestModels;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.ConversationSignal.Intent;
import io.healthscore.domain.facts.ConversationSignal.Sentiment;
import io.healthscore.domain.facts.ConversationSignal.RiskFlag;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.Invoice.InvoiceStatus;
import io.healthscore.domain.model.ActivitySettings;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every built-in signal from hand-built facts, as of Wednesday 2026-06-17 (day 0). */
class SignalMeasurerTest {

    private static final double EPS = 1e-9;
    private final SignalMeasurer measurer = new SignalMeasurer(TestModels.defaultModel().activity());

    private double[] measure(AccountFactsBuilder b) {
        return measurer.measure(b.build(), AS_OF);
    }

    private static double v(double[] values, BuiltInSignal s) {
        return values[s.ordinal()];
    }

    @Test
    void calendarOfTheseTests() {
        assertThat(AS_OF.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(AccountFactsBuilder.week(0).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(AccountFactsBuilder.week(0).plusDays(6)).isBefore(AS_OF);
        assertThat(AccountFactsBuilder.week(-1).plusDays(6)).isAfter(AS_OF);
    }

    @Nested
    class Usage {

        @Test
        void seatUtilisationOverTheLastFourCompleteWeeks() {
            double[] m = measure(account()
                    .usage(4, 100, 100)   // fifth complete week back: outside the window
                    .usage(3, 40, 100)
                    .usage(2, 50, 100)
                    .usage(1, 60, 100)
                    .usage(0, 70, 120)
                    .usage(-1, 5, 100));  // current week, incomplete: ignored
            // (40 + 50 + 60 + 70) / (100 + 100 + 100 + 120) = 220 / 420
            assertThat(v(m, SEAT_UTILISATION)).isCloseTo(100.0 * 220 / 420, within(EPS));
        }

        @Test
        void usageTrendComparesTheLastFourWeeksWithTheTwelveBefore() {
            AccountFactsBuilder b = account();
            for (int w = 19; w >= 16; w--) {
                b.usage(w, 500, 500);          // older than the 12-week baseline: ignored
            }
            for (int w = 15; w >= 4; w--) {
                b.usage(w, 50, 100);           // baseline average 50
            }
            for (int w = 3; w >= 0; w--) {
                b.usage(w, 31, 100);           // recent average 31
            }
            // (31 - 50) / 50 = -38 %
            assertThat(v(measure(b), USAGE_TREND)).isCloseTo(-38, within(EPS));
        }

        @Test
        void usageTrendWithAShortBaselineUsesTheWeeksThereAre() {
            AccountFactsBuilder b = account();
            b.usage(5, 10, 100).usage(4, 30, 100);                              // baseline avg 20
            b.usage(3, 25, 100).usage(2, 25, 100).usage(1, 25, 100).usage(0, 25, 100); // recent avg 25
            // only 6 weeks: fewer than 4 + 4, no trend
            assertThat(v(measure(b), USAGE_TREND)).isNaN();
            b.usage(7, 20, 100).usage(6, 20, 100);                              // baseline avg (10+30+20+20)/4 = 20
            assertThat(v(measure(b), USAGE_TREND)).isCloseTo(25, within(EPS));
        }

        @Test
        void usageTrendFromAZeroBaseline() {
            AccountFactsBuilder b = account();
            for (int w = 7; w >= 4; w--) {
                b.usage(w, 0, 100);
            }
            for (int w = 3; w >= 0; w--) {
                b.usage(w, 3, 100);
            }
            assertThat(v(measure(b), USAGE_TREND)).isEqualTo(100);
        }

        @Test
        void rowOrderDoesNotMatter() {
            AccountFactsBuilder newestFirst = account();
            AccountFactsBuilder shuffled = account();
            int[] users = {31, 31, 31, 31, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 40};
            for (int w = 0; w < users.length; w++) {
                newestFirst.usage(w, users[w], 100 - w);
            }
            int[] order = {7, 0, 16, 3, 12, 1, 9, 2, 15, 4, 11, 5, 14, 6, 13, 8, 10};
            for (int w : order) {
                shuffled.usage(w, users[w], 100 - w);
            }
            double[] a = measure(newestFirst);
            double[] b = measure(shuffled);
            assertThat(b).containsExactly(a, within(EPS));
            assertThat(v(a, USAGE_TREND)).isCloseTo(-38, within(EPS));
            // seats now 100, 12 weeks back 88: +13.6 %
            assertThat(v(a, SEAT_CHANGE)).isCloseTo(100.0 * (100 - 88) / 88, within(EPS));
        }

        @Test
        void aRepeatedWeekKeepsTheLaterRowWhateverTheInputOrder() {
            // newest week first, then the same week again (a corrected re-export appended at the end)
            AccountFactsBuilder b = account().usage(0, 10, 100).usage(1, 10, 100).usage(0, 90, 100);
            // the later row of week 0 (90 users) wins: (90 + 10) / 200
            assertThat(v(measure(b), SEAT_UTILISATION)).isCloseTo(50, within(EPS));
        }

        @Test
        void aRepeatedWeekInAscendingInputKeepsTheLaterRow() {
            AccountFactsBuilder b = account().usage(1, 10, 100).usage(0, 10, 100).usage(0, 90, 100);
            assertThat(v(measure(b), SEAT_UTILISATION)).isCloseTo(50, within(EPS));
        }

        @Test
        void featureBreadthAveragesTheWeeklyShareOfKeyFeatures() {
            double[] m = measure(account()
                    .usage(4, 10, 10, 10, 10)  // outside the 4 recent weeks
                    .usage(3, 10, 10, 3, 10)
                    .usage(2, 10, 10, 5, 10)
                    .usage(1, 10, 10, 4, 8)
                    .usage(0, 10, 10, 0, 0));  // plan without key features: skipped
            // (0.3 + 0.5 + 0.5) / 3
            assertThat(v(m, FEATURE_BREADTH)).isCloseTo(100.0 * 1.3 / 3, within(EPS));
        }

        @Test
        void daysSinceLastActiveCountsFromTheEndOfTheLastActiveWeek() {
            double[] m = measure(account().usage(3, 8, 10).usage(2, 5, 10).usage(1, 0, 10).usage(0, 0, 10));
            // last active week starts 2026-05-25, ends 2026-05-31; 17 days to 2026-06-17
            assertThat(v(m, DAYS_SINCE_LAST_ACTIVE)).isEqualTo(17);
            assertThat(v(measure(account().usage(0, 1, 10)), DAYS_SINCE_LAST_ACTIVE)).isEqualTo(3);
        }

        @Test
        void neverActiveCountsFromTheFirstWeekOnRecord() {
            double[] m = measure(account().usage(1, 0, 10).usage(0, 0, 10));
            // first week on record starts 2026-06-01: 16 days
            assertThat(v(m, DAYS_SINCE_LAST_ACTIVE)).isEqualTo(16);
        }

        @Test
        void seatChangeOverTwelveWeeks() {
            AccountFactsBuilder b = account();
            for (int w = 12; w >= 0; w--) {
                b.usage(w, 10, w == 12 ? 100 : w == 0 ? 80 : 95);
            }
            assertThat(v(measure(b), SEAT_CHANGE)).isCloseTo(-20, within(EPS));
            // twelve weeks are not enough for a 12-week comparison
            AccountFactsBuilder shortHistory = account();
            for (int w = 11; w >= 0; w--) {
                shortHistory.usage(w, 10, 100);
            }
            assertThat(v(measure(shortHistory), SEAT_CHANGE)).isNaN();
        }
    }

    @Nested
    class Support {

        @Test
        void openP1CasesAsOfTheDay() {
            double[] m = measure(account()
                    .openTicket(P1, -16)
                    .ticket(P1, -30, -7, null, false)    // closed before: not open
                    .ticket(P1, -30, 3, null, false)     // closed after the as-of date: still open then
                    .openTicket(P2, -2)                  // not P1
                    .openTicket(P1, 3));                 // opened in the future: ignored
            assertThat(v(m, OPEN_CRITICAL_CASES)).isEqualTo(2);
        }

        @Test
        void theSameTicketIdFromTwoSourcesCountsOnceThroughTheBook() {
            io.healthscore.domain.run.AccountBook book = new io.healthscore.domain.run.AccountBook();
            AccountFacts base = account().build();
            book.register(base.profile());
            book.loaded(io.healthscore.domain.facts.FactSource.SUPPORT);
            java.time.LocalDate opened = AS_OF.minusDays(5);
            assertThat(book.ticket(base.accountId(), new io.healthscore.domain.facts.SupportTicket("500X", P1, opened, null, null, false))).isTrue();
            assertThat(book.ticket(base.accountId(), new io.healthscore.domain.facts.SupportTicket("500X", P1, opened, null, null, false))).isTrue();
            assertThat(book.ticket(base.accountId(), new io.healthscore.domain.facts.SupportTicket("500Y", P1, opened, null, null, false))).isTrue();
            AccountFacts facts = book.facts().get(0);
            assertThat(facts.tickets()).hasSize(2);
            assertThat(v(new SignalMeasurer(TestModels.defaultModel().activity()).measure(facts, AS_OF), OPEN_CRITICAL_CASES))
                    .isEqualTo(2);
        }

        @Test
        void caseVolumePer100SeatsOverNinetyDays() {
            AccountFactsBuilder b = account().employees(400).usage(0, 150, 200);
            for (int i = 0; i < 5; i++) {
                b.ticket(P2, -10 * i, -10 * i + 1, null, false);
            }
            b.ticket(P2, -90, -80, null, false);   // exactly 90 days: counts
            b.ticket(P2, -91, -80, null, false);   // 91 days: outside
            b.openTicket(P2, 2);                   // future: ignored
            // 6 tickets per 200 seats
            assertThat(v(measure(b), CASE_VOLUME_PER_SEAT)).isCloseTo(3.0, within(EPS));
        }

        @Test
        void caseVolumeFallsBackToEmployeesWithoutSeats() {
            AccountFactsBuilder b = account().employees(400);
            for (int i = 0; i < 6; i++) {
                b.openTicket(P2, -i);
            }
            assertThat(v(measure(b), CASE_VOLUME_PER_SEAT)).isCloseTo(1.5, within(EPS));
            // neither seats nor employees: no data
            assertThat(v(measure(account().openTicket(P2, -1)), CASE_VOLUME_PER_SEAT)).isNaN();
        }

        @Test
        void csatTrendIsTheLast90DaysAgainstThe90Before() {
            double[] m = measure(account()
                    .ticket(P2, -40, -30, 4.0, false)     // recent
                    .ticket(P2, -20, -10, 5.0, false)     // recent
                    .ticket(P2, -150, -120, 3.0, false)   // prior
                    .ticket(P2, -20, null, 1.0, false)    // still open: a rating on an open ticket is ignored
                    .survey(CSAT, -60, 3)                 // recent
                    .survey(CSAT, -100, 4)                // prior
                    .survey(CSAT, -181, 1)                // too old
                    .survey(NPS, -10, 0)                  // not CSAT
                    .survey(CSAT, 5, 1));                 // future
            // recent (4 + 5 + 3) / 3 = 4.0; prior (3 + 4) / 2 = 3.5
            assertThat(v(m, CSAT_TREND)).isCloseTo(0.5, within(EPS));
        }

        @Test
        void csatTrendNeedsBothPeriods() {
            assertThat(v(measure(account().ticket(P2, -40, -30, 4.0, false)), CSAT_TREND)).isNaN();
        }

        @Test
        void reopenedTicketsInTheLookback() {
            double[] m = measure(account()
                    .ticket(P2, -10, -5, null, true)
                    .ticket(P2, -89, -50, null, true)
                    .ticket(P2, -120, -100, null, true)   // outside 90 days
                    .ticket(P2, -10, -5, null, false));
            assertThat(v(m, REOPENED_TICKETS)).isEqualTo(2);
        }
    }

    @Nested
    class Billing {

        @Test
        void daysPastDueIsTheOldestUnpaidInvoice() {
            double[] m = measure(account()
                    .unpaidInvoice(-45)
                    .unpaidInvoice(-10)
                    .invoice(-100, -70, -20, InvoiceStatus.PAID)    // paid late, but paid
                    .invoice(-130, -100, null, InvoiceStatus.VOID)  // void
                    .unpaidInvoice(10)                              // not due yet
                    .invoice(1, -200, null, InvoiceStatus.OPEN));   // issued in the future: ignored
            assertThat(v(m, DAYS_PAST_DUE)).isEqualTo(45);
        }

        @Test
        void anInvoicePaidBeforeTheDayIsNotPastDue() {
            assertThat(v(measure(account().invoice(-60, -30, -1, InvoiceStatus.PAID)), DAYS_PAST_DUE)).isZero();
            // paid after the as-of date: still unpaid then, 30 days past due
            assertThat(v(measure(account().invoice(-60, -30, 2, InvoiceStatus.PAID)), DAYS_PAST_DUE)).isEqualTo(30);
        }

        @Test
        void lateInvoiceShareOverInvoicesDueInTwelveMonths() {
            double[] m = measure(account()
                    .invoice(-100, -70, -75, InvoiceStatus.PAID)    // on time
                    .invoice(-200, -170, -160, InvoiceStatus.PAID)  // late
                    .unpaidInvoice(-5)                              // unpaid, past due: late
                    .unpaidInvoice(10)                              // not due yet: not counted
                    .invoice(-60, -30, null, InvoiceStatus.VOID)    // void: not counted
                    .invoice(-430, -400, -390, InvoiceStatus.PAID)); // due more than a year ago
            assertThat(v(m, LATE_INVOICE_SHARE)).isCloseTo(100.0 * 2 / 3, within(EPS));
        }
    }

    @Test
    void daysToRenewal() {
        assertThat(v(measure(account().renewalInDays(23)), DAYS_TO_RENEWAL)).isEqualTo(23);
        assertThat(v(measure(account().renewalInDays(-4)), DAYS_TO_RENEWAL)).isEqualTo(-4);
        assertThat(v(measure(account()), DAYS_TO_RENEWAL)).isNaN();
    }

    @Nested
    class Activities {

        @Test
        void daysSinceTheLastMeaningfulTouch() {
            double[] m = measure(account()
                    .touch(-2, "Email")       // not a meaningful type
                    .touch(-20, "Call")       // case-insensitive
                    .touch(-40, " QBR ")
                    .touch(3, "meeting"));    // future
            assertThat(v(m, DAYS_SINCE_MEANINGFUL_TOUCH)).isEqualTo(20);
        }

        @Test
        void meaningfulTypesComeFromTheModel() {
            SignalMeasurer demosOnly = new SignalMeasurer(new ActivitySettings(Set.of("Demo"), 30, 90));
            AccountFacts f = account().touch(-2, "call").touch(-12, "demo").build();
            assertThat(demosOnly.measure(f, AS_OF)[DAYS_SINCE_MEANINGFUL_TOUCH.ordinal()]).isEqualTo(12);
            assertThat(measurer.measure(f, AS_OF)[DAYS_SINCE_MEANINGFUL_TOUCH.ordinal()]).isEqualTo(2);
        }

        @Test
        void noMeaningfulTouchIsNever() {
            assertThat(v(measure(account().touch(-2, "email")), DAYS_SINCE_MEANINGFUL_TOUCH))
                    .isEqualTo(SignalMeasurer.NEVER_DAYS);
            assertThat(v(measure(account().touch(-500, "call")), DAYS_SINCE_MEANINGFUL_TOUCH))
                    .isEqualTo(SignalMeasurer.NEVER_DAYS);
        }
    }

    @Nested
    class Contacts {

        @Test
        void championPresentOrLeft() {
            assertThat(v(measure(account().contact(CHAMPION, null, null)), CHAMPION_PRESENT)).isEqualTo(1);
            assertThat(v(measure(account().contact(CHAMPION, -10, -20)), CHAMPION_PRESENT)).isZero();
            // leaves after the as-of date: still there
            assertThat(v(measure(account().contact(CHAMPION, 10, -20)), CHAMPION_PRESENT)).isEqualTo(1);
            assertThat(v(measure(account().contact(USER, null, -1)), CHAMPION_PRESENT)).isZero();
        }

        @Test
        void executiveSponsorEngagement() {
            assertThat(v(measure(account().contact(EXECUTIVE_SPONSOR, null, -40).contact(EXECUTIVE_SPONSOR, null, -100)),
                    EXECUTIVE_SPONSOR_ENGAGED)).isEqualTo(40);
            assertThat(v(measure(account().contact(EXECUTIVE_SPONSOR, -5, -6)), EXECUTIVE_SPONSOR_ENGAGED))
                    .isEqualTo(SignalMeasurer.NEVER_DAYS);
            assertThat(v(measure(account().contact(EXECUTIVE_SPONSOR, null, null)), EXECUTIVE_SPONSOR_ENGAGED))
                    .isEqualTo(SignalMeasurer.NEVER_DAYS);
            assertThat(v(measure(account().contact(EXECUTIVE_SPONSOR, null, -500)), EXECUTIVE_SPONSOR_ENGAGED))
                    .isEqualTo(SignalMeasurer.NEVER_DAYS);
            // engagement dated after the as-of date is not known yet
            assertThat(v(measure(account().contact(EXECUTIVE_SPONSOR, null, 5)), EXECUTIVE_SPONSOR_ENGAGED))
                    .isEqualTo(SignalMeasurer.NEVER_DAYS);
        }

        @Test
        void stakeholdersEngagedInTheLookback() {
            double[] m = measure(account()
                    .contact(CHAMPION, null, -10)
                    .contact(USER, null, -89)
                    .contact(USER, null, -90)    // boundary: counts
                    .contact(USER, null, -91)
                    .contact(USER, -3, -5)       // left the company
                    .contact(USER, null, 4)      // future engagement
                    .contact(USER, null, null));
            assertThat(v(m, STAKEHOLDERS_ENGAGED)).isEqualTo(3);
        }
    }

    @Test
    void npsAveragesAnswersOf180Days() {
        double[] m = measure(account()
                .survey(NPS, -10, 9)
                .survey(NPS, -180, 7)
                .survey(NPS, -181, 0)
                .survey(CSAT, -5, 1)
                .survey(NPS, 2, 0));
        assertThat(v(m, BuiltInSignal.NPS)).isCloseTo(8, within(EPS));
    }

    @Nested
    class Conversations {

        private double sentiment(AccountFactsBuilder b) {
            return v(measure(b), CONVERSATION_SENTIMENT);
        }

        private AccountFactsBuilder many(Sentiment sentiment, int n) {
            AccountFactsBuilder b = account();
            for (int i = 0; i < n; i++) {
                b.conversation(0, sentiment);
            }
            return b;
        }

        @Test
        void oneEscalationAmongManyPositivesDropsSharply() {
            assertThat(sentiment(many(POSITIVE, 10))).isCloseTo(100, within(EPS));
            // ten positives (weight 1 each) and one escalation (weight 6): (10 - 6) / (10 + 6)
            double withEscalation = sentiment(many(POSITIVE, 10).conversation(0, ESCALATING));
            assertThat(withEscalation).isCloseTo(25, within(EPS));
        }

        @Test
        void manyPositivesRaiseItSlowly() {
            // ten negatives (weight 2 each): -100; one positive more: (-20 + 1) / 21
            assertThat(sentiment(many(NEGATIVE, 10))).isCloseTo(-100, within(EPS));
            double onePositive = sentiment(many(NEGATIVE, 10).conversation(0, POSITIVE));
            assertThat(onePositive).isCloseTo(-100.0 * 19 / 21, within(EPS));
            // six positives are needed to cancel one escalation
            AccountFactsBuilder b = account().conversation(0, ESCALATING);
            for (int i = 0; i < 6; i++) {
                b.conversation(0, POSITIVE);
            }
            assertThat(sentiment(b)).isCloseTo(0, within(EPS));
        }

        @Test
        void olderConversationsCountLessWithTheHalfLife() {
            // positive today (weight 1); negative 60 days ago: 0.25 x 2 = 0.5 against
            double s = sentiment(account().conversation(0, POSITIVE).conversation(-60, NEGATIVE));
            assertThat(s).isCloseTo(100.0 * (1 - 0.5) / (1 + 0.5), within(EPS));
            // neutral counts in the denominator only
            assertThat(sentiment(account().conversation(0, POSITIVE).conversation(0, NEUTRAL))).isCloseTo(50, within(EPS));
        }

        @Test
        void lowConfidenceCountsAsATenthAtLeast() {
            // negative with confidence 0.05 weighs 0.1 x 2 = 0.2 against a positive's 1
            double s = sentiment(account().conversation(0, POSITIVE)
                    .conversation(0, NEGATIVE, 0.05, Set.of(), Set.of()));
            assertThat(s).isCloseTo(100.0 * (1 - 0.2) / (1 + 0.2), within(EPS));
        }

        @Test
        void riskIsADecayedCountOfFlagsAndCancellationIntents() {
            double[] m = measure(account()
                    .conversation(0, NEUTRAL, 1, Set.of(Intent.CANCELLATION),
                            Set.of(RiskFlag.CHAMPION_LEAVING, RiskFlag.BUDGET_CUTS))       // 2 + 2
                    .conversation(-30, NEUTRAL, 1, Set.of(Intent.EVALUATING_ALTERNATIVES), Set.of()) // 1 x 0.5
                    .conversation(-181, NEGATIVE, 1, Set.of(Intent.CANCELLATION), Set.of(RiskFlag.BUDGET_CUTS)) // too old
                    .conversation(2, NEGATIVE, 1, Set.of(Intent.CANCELLATION), Set.of()));   // future
            assertThat(v(m, CONVERSATION_RISK)).isCloseTo(4.5, within(EPS));
        }

        @Test
        void expansionInterestIsDecayed() {
            double[] m = measure(account()
                    .conversation(0, POSITIVE, 1, Set.of(Intent.EXPANSION_INTEREST), Set.of())
                    .conversation(-30, POSITIVE, 1, Set.of(Intent.EXPANSION_INTEREST), Set.of()));
            assertThat(v(m, EXPANSION_INTEREST)).isCloseTo(1.5, within(EPS));
        }
    }

    @Nested
    class LoadedSourcesAndNoData {

        @Test
        void withOnlyTheCrmEverySignalButRenewalHasNoData() {
            double[] m = measure(account().renewalInDays(40));
            for (BuiltInSignal s : BuiltInSignal.values()) {
                if (s == DAYS_TO_RENEWAL) {
                    assertThat(v(m, s)).isEqualTo(40);
                } else {
                    assertThat(v(m, s)).as(s.id()).isNaN();
                }
            }
        }

        @Test
        void loadedSourcesWithNoRowsAreRealZeros() {
            double[] m = measure(account().loaded(FactSource.SUPPORT, FactSource.BILLING, FactSource.ACTIVITIES,
                    FactSource.CONTACTS));
            assertThat(v(m, OPEN_CRITICAL_CASES)).isZero();
            assertThat(v(m, REOPENED_TICKETS)).isZero();
            assertThat(v(m, DAYS_PAST_DUE)).isZero();
            assertThat(v(m, DAYS_SINCE_MEANINGFUL_TOUCH)).isEqualTo(SignalMeasurer.NEVER_DAYS);
            assertThat(v(m, CHAMPION_PRESENT)).isZero();
            assertThat(v(m, EXECUTIVE_SPONSOR_ENGAGED)).isEqualTo(SignalMeasurer.NEVER_DAYS);
            assertThat(v(m, STAKEHOLDERS_ENGAGED)).isZero();
            // ratios and averages of nothing stay without data
            assertThat(v(m, LATE_INVOICE_SHARE)).isNaN();
            assertThat(v(m, CSAT_TREND)).isNaN();
        }

        @Test
        void rowsOfASourceThatWasNotLoadedAreNotMeasured() {
            AccountFacts withRows = account().openTicket(P1, -3).unpaidInvoice(-20).build();
            AccountFacts notLoaded = new AccountFacts(withRows.profile(), null, withRows.usage(), withRows.invoices(),
                    withRows.tickets(), withRows.surveys(), withRows.contacts(), withRows.touches(),
                    withRows.conversations(), withRows.customSignals(), null, EnumSet.of(FactSource.CRM));
            double[] m = measurer.measure(notLoaded, AS_OF);
            assertThat(v(m, OPEN_CRITICAL_CASES)).isNaN();
            assertThat(v(m, DAYS_PAST_DUE)).isNaN();
            double[] loaded = measurer.measure(withRows, AS_OF);
            assertThat(v(loaded, OPEN_CRITICAL_CASES)).isEqualTo(1);
            assertThat(v(loaded, DAYS_PAST_DUE)).isEqualTo(20);
        }

        @Test
        void loadedUsageWithNoRowsIsNeverActive() {
            double[] m = measure(account().loaded(FactSource.USAGE));
            assertThat(v(m, DAYS_SINCE_LAST_ACTIVE)).isEqualTo(SignalMeasurer.NEVER_DAYS);
        }
    }

    @Test
    void factsDatedAfterTheDayAreIgnored() {
        AccountFactsBuilder base = account()
                .usage(1, 10, 20, 2, 4).usage(0, 12, 20, 3, 4)
                .ticket(P1, -20, null, null, true).ticket(P2, -100, -60, 4.0, false).ticket(P2, -30, -10, 3.0, false)
                .unpaidInvoice(-12)
                .survey(NPS, -3, 8).survey(CSAT, -100, 4).survey(CSAT, -3, 5)
                .contact(CHAMPION, null, -4).contact(EXECUTIVE_SPONSOR, null, -50)
                .touch(-9, "call")
                .conversation(-2, NEGATIVE, 1, Set.of(Intent.CANCELLATION), Set.of(RiskFlag.BUDGET_CUTS));
        double[] before = measure(base);
        AccountFactsBuilder withFuture = base
                .usage(-2, 0, 20, 0, 4)                    // a week that has not started
                .openTicket(P1, 1).ticket(P2, 2, 3, 1.0, true)
                .invoice(1, -30, null, InvoiceStatus.OPEN)
                .survey(NPS, 1, 0).survey(CSAT, 1, 1)
                .contact(USER, null, 3)
                .touch(1, "call")
                .conversation(1, ESCALATING, 1, Set.of(Intent.CANCELLATION), Set.of(RiskFlag.BUDGET_CUTS));
        assertThat(measure(withFuture)).containsExactly(before, within(EPS));
    }
}
