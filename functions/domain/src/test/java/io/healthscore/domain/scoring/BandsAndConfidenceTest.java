package io.healthscore.domain.scoring;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static io.healthscore.domain.AccountFactsBuilder.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.healthscore.domain.AccountFactsBuilder;
import io.healthscore.domain.TestModels;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.model.ConfidenceRule;
import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.ExpansionSpec;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.SignalSpec.SignalKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandsAndConfidenceTest {

    private final Scorer echo = new Scorer(TestModels.echoModel());
    private final Scorer defaultScorer = new Scorer(TestModels.defaultModel());

    private static AccountHealth score(Scorer s, AccountFactsBuilder b) {
        return s.score(s.measure(b.build(), AS_OF), PeerDistributions.empty());
    }

    @ParameterizedTest(name = "score {0} is {1}")
    @CsvSource({
            "100, HEALTHY", "70, HEALTHY",
            "69, WATCHING", "55, WATCHING",
            "54, AT_RISK", "40, AT_RISK",
            "39, CRITICAL", "0, CRITICAL"})
    void bandsComeFromTheModelsRanges(int score, Band band) {
        AccountHealth h = score(echo, account().custom("echo", score));
        assertThat(h.score()).isEqualTo(score);
        assertThat(h.band()).isEqualTo(band);
        assertThat(h.effectiveBand()).isEqualTo(band);
        assertThat(echo.bandOf(score)).isEqualTo(band);
    }

    @Test
    void bandOfClampsOutOfRangeScores() {
        assertThat(echo.bandOf(-5)).isEqualTo(Band.CRITICAL);
        assertThat(echo.bandOf(140)).isEqualTo(Band.HEALTHY);
    }

    @Test
    void anAccountWithOnlyCrmFactsIsInsufficientSignalNeverHealthy() {
        AccountHealth noRenewal = score(defaultScorer, account());
        assertThat(noRenewal.score()).isNull();
        assertThat(noRenewal.confidence()).isZero();
        assertThat(noRenewal.band()).isEqualTo(Band.INSUFFICIENT_SIGNAL);

        // a renewal far away scores 100 on days_to_renewal: the composite is 100, but it rests on 1.5 % of the weight
        AccountHealth farRenewal = score(defaultScorer, account().renewalInDays(200));
        assertThat(farRenewal.score()).isEqualTo(100);
        assertThat(farRenewal.confidence()).isCloseTo(0.015, within(1e-9));
        assertThat(farRenewal.band()).isEqualTo(Band.INSUFFICIENT_SIGNAL);
        assertThat(farRenewal.effectiveBand()).isEqualTo(Band.INSUFFICIENT_SIGNAL);
    }

    @Test
    void confidenceIsTheShareOfWeightWithDataAndTheFloorIsInclusive() {
        // usage (35 %) fully measured; support loaded without cases: open P1, case volume and reopened have
        // data (75 of 100 of support's 20 %), CSAT trend has none: 35 + 15 = 50 % of the weight
        AccountFactsBuilder b = account().loaded(FactSource.SUPPORT);
        for (int w = 7; w >= 0; w--) {
            b.usage(w, 60, 100, 5, 10);
        }
        AccountHealth h = score(defaultScorer, b);
        assertThat(h.confidence()).isCloseTo(0.5, within(1e-9));
        assertThat(h.band()).isNotEqualTo(Band.INSUFFICIENT_SIGNAL);
        assertThat(h.subScores()).extracting(SubScore::coverage)
                .containsExactly(1.0, 0.75, 0.0, 0.0, 0.0);

        // the same account without the support export: 35 % is below the floor
        AccountFactsBuilder usageOnly = account();
        for (int w = 7; w >= 0; w--) {
            usageOnly.usage(w, 60, 100, 5, 10);
        }
        AccountHealth low = score(defaultScorer, usageOnly);
        assertThat(low.confidence()).isCloseTo(0.35, within(1e-9));
        assertThat(low.score()).isNotNull();
        assertThat(low.band()).isEqualTo(Band.INSUFFICIENT_SIGNAL);
    }

    @Test
    void aHigherFloorTurnsTheSameAccountInsufficient() {
        TestModels.Builder b = TestModels.echoBuilder();
        b.dimensions = List.of(new DimensionSpec("a", "A", 50), new DimensionSpec("b", "B", 50));
        b.signals = List.of(
                new SignalSpec("echo", "a", 1, SignalKind.QUANTITATIVE, TestModels.linear(0, 100), "echo", null),
                new SignalSpec("other", "b", 1, SignalKind.QUANTITATIVE, TestModels.linear(0, 100), "other", null));
        b.expansion = new ExpansionSpec(List.of(new ExpansionSpec.Component("echo", 1, TestModels.linear(0, 100))), 65);
        AccountFactsBuilder half = account().custom("echo", 90);

        AccountHealth atFloor = score(new Scorer(b.build()), half);
        assertThat(atFloor.confidence()).isCloseTo(0.5, within(1e-9));
        assertThat(atFloor.band()).isEqualTo(Band.HEALTHY);

        b.confidence = new ConfidenceRule(0.51);
        assertThat(score(new Scorer(b.build()), half).band()).isEqualTo(Band.INSUFFICIENT_SIGNAL);
    }

    @Test
    void anActiveCsmOverrideSetsTheEffectiveBandOnly() {
        AccountHealth h = score(echo, account().custom("echo", 80).override(Band.AT_RISK, 0));
        assertThat(h.band()).isEqualTo(Band.HEALTHY);
        assertThat(h.effectiveBand()).isEqualTo(Band.AT_RISK);
        assertThat(h.override()).isNotNull();
        assertThat(h.override().expiresOn()).isEqualTo(AS_OF); // valid through its expiry date
    }

    @Test
    void anExpiredCsmOverrideIsIgnored() {
        AccountHealth h = score(echo, account().custom("echo", 80).override(Band.AT_RISK, -1));
        assertThat(h.band()).isEqualTo(Band.HEALTHY);
        assertThat(h.effectiveBand()).isEqualTo(Band.HEALTHY);
        assertThat(h.override()).isNull();
    }

    @Test
    void anOverrideCanLiftAnInsufficientAccount() {
        AccountFacts f = account().override(Band.WATCHING, 30).build();
        AccountHealth h = echo.score(echo.measure(f, AS_OF), PeerDistributions.empty());
        assertThat(h.band()).isEqualTo(Band.INSUFFICIENT_SIGNAL);
        assertThat(h.effectiveBand()).isEqualTo(Band.WATCHING);
    }
}
