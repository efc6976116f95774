package io.healthscore.domain.scoring;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static io.healthscore.domain.AccountFactsBuilder.account;
import static io.healthscore.domain.facts.Contact.StakeholderRole.CHAMPION;
import static io.healthscore.domain.facts.Contact.StakeholderRole.EXECUTIVE_SPONSOR;
import static io.healthscore.domain.facts.Contact.StakeholderRole.USER;
import static io.healthscore.domain.facts.SurveyResponse.SurveyType.NPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.healthscore.domain.AccountFactsBuilder;
import io.healthscore.domain.TestModels;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.Invoice.InvoiceStatus;
import io.healthscore.domain.signals.BuiltInSignal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drivers: plain-language reasons with their numbers, most important first, at most five. Effective
 * weights (percent of the composite) in the default model for a mid-market account:
 * usage_trend 10.5, seat_utilisation 10.5, open_critical_cases 6, champion_present 6, nps 6,
 * reopened_tickets 4, days_past_due 3.5. A signal scoring below 50 pulls down by weight x (50 - score) / 100;
 * one scoring 75 or more holds up by weight x (score - 75) / 100.
 */
class DriversTest {

    private final Scorer scorer = new Scorer(TestModels.defaultModel());

    private static List<String> texts(AccountHealth h) {
        return h.drivers().stream().map(Driver::text).toList();
    }

    /** Measured values set by hand: the signals named get the raw values, every other signal has no data. */
    private AccountHealth scoreRaw(Object... signalAndRaw) {
        double[] raw = new double[scorer.signalIds().size()];
        double[] builtIns = new double[BuiltInSignal.values().length];
        Arrays.fill(raw, Double.NaN);
        Arrays.fill(builtIns, Double.NaN);
        for (int i = 0; i < signalAndRaw.length; i += 2) {
            String id = (String) signalAndRaw[i];
            double v = ((Number) signalAndRaw[i + 1]).doubleValue();
            raw[scorer.signalIds().indexOf(id)] = v;
            builtIns[BuiltInSignal.byId(id).ordinal()] = v;
        }
        return scorer.score(new Scorer.Measured(account().build(), AS_OF, raw, builtIns), PeerDistributions.empty());
    }

    @Test
    void typicalAccountShowsUsageDropOverdueInvoiceAndRenewal() {
        AccountFactsBuilder b = account().renewalInDays(23).loaded(FactSource.SUPPORT);
        for (int w = 15; w >= 4; w--) {
            b.usage(w, 100, 100);
        }
        for (int w = 3; w >= 0; w--) {
            b.usage(w, 62, 100);       // active users down 38 %; seat utilisation 62 % (neutral)
        }
        b.invoice(-90, -60, -61, InvoiceStatus.PAID)
                .invoice(-120, -90, -95, InvoiceStatus.PAID)
                .invoice(-150, -120, -121, InvoiceStatus.PAID)
                .unpaidInvoice(-45);   // 45 days overdue; 1 late of 4 (25 %: neutral)
        b.touch(-3, "call")
                .contact(CHAMPION, null, -5).contact(EXECUTIVE_SPONSOR, null, -5)
                .contact(USER, null, -5).contact(USER, null, -5)
                .survey(NPS, -10, 9);
        AccountHealth h = scorer.score(scorer.measure(b.build(), AS_OF), PeerDistributions.empty());

        // worked by hand: usage (10.5 x 64.6 + 10.5 x 4 + 7 x 100) + support 15 x 100 + relationship 20 x 100
        // + nps 6 x 100 + commercial (3.5 x 20 + 2.5 x 58.3 + 2.5 x 71.4 + 1.5 x 50) = 5989.9 over 79 % = 75.8
        assertThat(h.score()).isEqualTo(76);
        assertThat(h.band()).isEqualTo(Band.HEALTHY);
        // two negatives (usage trend 4.83, days past due 1.05), the top two positives (days since last active
        // 1.75, then the first of the 1.5 ties in model order), and the renewal last
        assertThat(texts(h)).containsExactly(
                "Active users down 38 % over 4 weeks",
                "Invoice 45 days overdue",
                "Active in the last week",
                "No open P1 cases",
                "Renewal in 23 days");
        assertThat(h.drivers()).extracting(Driver::effect).containsExactly(
                Driver.Effect.NEGATIVE, Driver.Effect.NEGATIVE, Driver.Effect.POSITIVE, Driver.Effect.POSITIVE,
                Driver.Effect.POSITIVE); // renewal soon is good news for a healthy account
        assertThat(h.drivers().get(0).signal()).isEqualTo("usage_trend");
        assertThat(h.drivers().get(0).dimension()).isEqualTo("usage");
        assertThat(h.drivers().get(0).impact()).isCloseTo(10.5 * 46 / 100, within(1e-9));
        assertThat(h.drivers().get(1).impact()).isCloseTo(3.5 * 30 / 100, within(1e-9));
        assertThat(h.drivers().get(4).dimension()).isEqualTo("commercial");
    }

    @Test
    void negativesByImpactThenRoomForTwoPositivesAtMostFive() {
        AccountHealth h = scoreRaw(
                "usage_trend", -38,          // 4   -> pulls 10.5 x 46 / 100 = 4.83
                "champion_present", 0,       // 10  -> 6 x 40 / 100 = 2.4
                "open_critical_cases", 2,    // 20  -> 6 x 30 / 100 = 1.8
                "days_past_due", 45,         // 20  -> 3.5 x 30 / 100 = 1.05
                "nps", 3,                    // 33  -> 6 x 16.7 / 100 = 1.0
                "seat_utilisation", 85,      // 100 -> holds 10.5 x 25 / 100 = 2.625
                "reopened_tickets", 0,       // 100 -> 4 x 25 / 100 = 1.0
                "stakeholders_engaged", 2);  // 50  -> neutral
        assertThat(h.band()).isEqualTo(Band.AT_RISK); // 2142 / 50.5 = 42.4
        assertThat(texts(h)).containsExactly(
                "Active users down 38 % over 4 weeks",
                "No champion in place (left or never named)",
                "2 open P1 cases",
                "Seat utilisation 85 %",
                "No reopened tickets in 90 days");
        assertThat(h.drivers()).extracting(Driver::impact).satisfies(impacts -> {
            assertThat(impacts.get(0)).isGreaterThan(impacts.get(1));
            assertThat(impacts.get(1)).isGreaterThan(impacts.get(2));
            assertThat(impacts.get(3)).isGreaterThan(impacts.get(4));
        });
    }

    @Test
    void withoutPositivesAllFiveAreNegatives() {
        AccountHealth h = scoreRaw(
                "usage_trend", -38, "champion_present", 0, "open_critical_cases", 2, "days_past_due", 45,
                "nps", 3, "reopened_tickets", 5);  // 15 -> 4 x 35 / 100 = 1.4
        assertThat(texts(h)).containsExactly(
                "Active users down 38 % over 4 weeks",
                "No champion in place (left or never named)",
                "2 open P1 cases",
                "5 reopened tickets in 90 days",
                "Invoice 45 days overdue");
        assertThat(h.drivers()).allMatch(d -> d.effect() == Driver.Effect.NEGATIVE);
    }

    @Test
    void aRenewalWithinNinetyDaysTakesTheLastPlaceAndCountsTowardsFive() {
        AccountHealth h = scoreRaw(
                "usage_trend", -38, "champion_present", 0, "open_critical_cases", 2, "days_past_due", 45,
                "nps", 3, "seat_utilisation", 85, "reopened_tickets", 0, "days_to_renewal", 23);
        assertThat(texts(h)).containsExactly(
                "Active users down 38 % over 4 weeks",
                "No champion in place (left or never named)",
                "Seat utilisation 85 %",
                "No reopened tickets in 90 days",
                "Renewal in 23 days");
        assertThat(h.drivers().get(4).effect()).isEqualTo(Driver.Effect.NEGATIVE); // at risk and renewing
        assertThat(h.drivers().get(4).signal()).isEqualTo("days_to_renewal");

        assertThat(texts(scoreRaw("usage_trend", -38, "days_to_renewal", 90))).contains("Renewal in 90 days");
        assertThat(texts(scoreRaw("usage_trend", -38, "days_to_renewal", 91))).doesNotContain("Renewal in 91 days");
    }

    @Test
    void insufficientSignalNamesTheDimensionsWithoutData() {
        AccountHealth h = scorer.score(scorer.measure(account().renewalInDays(200).build(), AS_OF),
                PeerDistributions.empty());
        assertThat(h.band()).isEqualTo(Band.INSUFFICIENT_SIGNAL);
        assertThat(h.drivers()).hasSize(4).allMatch(d -> d.effect() == Driver.Effect.NEGATIVE && d.signal() == null);
        assertThat(texts(h).subList(0, 3)).containsExactly(
                "No data for product usage", "No data for support", "No data for relationship");
        assertThat(h.drivers()).extracting(Driver::dimension)
                .containsExactly("usage", "support", "relationship", "sentiment");
        assertThat(h.drivers().get(0).impact()).isEqualTo(35);
    }

    @Test
    void noDataDriversKeepAcronymsInTheLabel() {
        AccountHealth h = scorer.score(scorer.measure(account().build(), AS_OF), PeerDistributions.empty());
        assertThat(texts(h)).contains("No data for sentiment and NPS");
    }

    @Test
    void customSignalsAreDescribedByTheirLabel() {
        Scorer echo = new Scorer(TestModels.echoModel());
        AccountHealth h = echo.score(echo.measure(account().custom("echo", 12.34).build(), AS_OF),
                PeerDistributions.empty());
        assertThat(texts(h)).containsExactly("Echo: 12.3");
    }
}
