package io.healthscore.domain.scoring;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static io.healthscore.domain.AccountFactsBuilder.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.healthscore.domain.AccountFactsBuilder;
import io.healthscore.domain.TestModels;
import org.junit.jupiter.api.Test;

/**
 * priority = 100 x risk x urgency x value; default rule: horizon 365 days, urgency floor 0.15, ARR reference
 * 100 000, risk 0.5 when the band is insufficient_signal. Worked values are rounded to one decimal.
 */
class AttentionPriorityTest {

    private final Scorer echo = new Scorer(TestModels.echoModel());

    private double priority(AccountFactsBuilder b) {
        return echo.score(echo.measure(b.build(), AS_OF), PeerDistributions.empty()).attentionPriority();
    }

    @Test
    void aCloserRenewalOutranksAFarOneAtTheSameScore() {
        // risk 0.55; urgency 1 - 0.85 x 15/365 = 0.9651 -> 53.1; 1 - 0.85 x 300/365 = 0.3014 -> 16.6
        double soon = priority(account().custom("echo", 45).renewalInDays(15));
        double late = priority(account().custom("echo", 45).renewalInDays(300));
        assertThat(soon).isCloseTo(53.1, within(1e-9));
        assertThat(late).isCloseTo(16.6, within(1e-9));
        assertThat(soon).isGreaterThan(late);
    }

    @Test
    void urgencyIsFullWhenTheRenewalIsDueOrPastAndAtItsFloorBeyondTheHorizon() {
        assertThat(priority(account().custom("echo", 45).renewalInDays(0))).isCloseTo(55, within(1e-9));
        assertThat(priority(account().custom("echo", 45).renewalInDays(-10))).isCloseTo(55, within(1e-9));
        // 0.55 x 0.15 = 8.25
        assertThat(priority(account().custom("echo", 45).renewalInDays(365))).isCloseTo(8.25, within(0.051));
        assertThat(priority(account().custom("echo", 45).renewalInDays(900))).isCloseTo(8.25, within(0.051));
        assertThat(priority(account().custom("echo", 45))).isCloseTo(8.25, within(0.051));
    }

    @Test
    void higherArrOutranksLowerAtEqualRisk() {
        // value log(1 + ARR) / log(1 + 100 000): 1e6 -> 1.2; 1e5 -> 1; 1e3 -> 0.6; 10 -> 0.25 (clamped)
        double big = priority(account().custom("echo", 45).renewalInDays(0).arr(1_000_000.0));
        double ref = priority(account().custom("echo", 45).renewalInDays(0).arr(100_000.0));
        double small = priority(account().custom("echo", 45).renewalInDays(0).arr(1_000.0));
        double tiny = priority(account().custom("echo", 45).renewalInDays(0).arr(10.0));
        assertThat(big).isCloseTo(55 * Math.log1p(1e6) / Math.log1p(1e5), within(0.051));
        assertThat(ref).isCloseTo(55, within(1e-9));
        assertThat(small).isCloseTo(55 * Math.log1p(1e3) / Math.log1p(1e5), within(0.051));
        assertThat(tiny).isCloseTo(55 * 0.25, within(0.051));
        assertThat(big).isGreaterThan(ref);
        assertThat(ref).isGreaterThan(small);
        assertThat(small).isGreaterThan(tiny);
        // value is capped at 2
        assertThat(priority(account().custom("echo", 45).renewalInDays(0).arr(1e15))).isCloseTo(110, within(1e-9));
    }

    @Test
    void unknownArrCountsAsTheReference() {
        assertThat(priority(account().custom("echo", 45).renewalInDays(0))).isCloseTo(55, within(1e-9));
    }

    @Test
    void zeroArrDoesNotOutrankPayingAccounts() {
        double zero = priority(account().custom("echo", 45).renewalInDays(0).arr(0.0));
        double paying = priority(account().custom("echo", 45).renewalInDays(0).arr(5_000.0));
        assertThat(zero).isLessThanOrEqualTo(paying);
    }

    @Test
    void higherRiskOutranksLowerRisk() {
        double score30 = priority(account().custom("echo", 30).renewalInDays(100));
        double score45 = priority(account().custom("echo", 45).renewalInDays(100));
        double score90 = priority(account().custom("echo", 90).renewalInDays(100));
        assertThat(score30).isGreaterThan(score45);
        assertThat(score45).isGreaterThan(score90);
        assertThat(priority(account().custom("echo", 100).renewalInDays(0))).isZero();
    }

    @Test
    void insufficientSignalUsesTheConfiguredRisk() {
        // no score: risk 0.5; urgency 1 - 0.85 x 15/365 = 0.96507 -> 48.25 -> 48.3
        assertThat(priority(account().renewalInDays(15))).isCloseTo(48.3, within(1e-9));
        TestModels.Builder b = TestModels.echoBuilder();
        b.priority = new io.healthscore.domain.model.PriorityRule(365, 0.15, 100000, 0.9);
        Scorer cautious = new Scorer(b.build());
        assertThat(cautious.score(cautious.measure(account().renewalInDays(0).build(), AS_OF), PeerDistributions.empty())
                .attentionPriority()).isCloseTo(90, within(1e-9));
    }
}
