package io.healthscore.domain.scoring;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static io.healthscore.domain.AccountFactsBuilder.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.TestModels;
import io.healthscore.domain.signals.BuiltInSignal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Expansion readiness in the default model: usage_trend 30 (0 -> 0, 25 -> 100), seat_utilisation 25
 * (60 -> 0, 95 -> 100), stakeholders_engaged 20 (1 -> 0, 5 -> 100), expansion_interest 25 (thresholds
 * up to 0.05 -> 0, up to 0.5 -> 60, else 100). expansion_interest is not a model signal: it is read from
 * the built-in measurements.
 */
class ExpansionReadinessTest {

    private final Scorer scorer = new Scorer(TestModels.defaultModel());

    private Integer expansion(double usageTrend, double seatUtilisation, double stakeholders, double interest) {
        double[] raw = new double[scorer.signalIds().size()];
        double[] builtIns = new double[BuiltInSignal.values().length];
        Arrays.fill(raw, Double.NaN);
        Arrays.fill(builtIns, Double.NaN);
        raw[scorer.signalIds().indexOf("usage_trend")] = usageTrend;
        raw[scorer.signalIds().indexOf("seat_utilisation")] = seatUtilisation;
        raw[scorer.signalIds().indexOf("stakeholders_engaged")] = stakeholders;
        builtIns[BuiltInSignal.EXPANSION_INTEREST.ordinal()] = interest;
        return scorer.score(new Scorer.Measured(account().build(), AS_OF, raw, builtIns), PeerDistributions.empty())
                .expansionScore();
    }

    @Test
    void weightedFromItsComponents() {
        // (30 x 80 + 25 x 85.7 + 20 x 50 + 25 x 100) / 100 = 80.4
        assertThat(expansion(20, 90, 3, 0.6)).isEqualTo(80);
        // (30 x 0 + 25 x 0 + 20 x 0 + 25 x 0) / 100
        assertThat(expansion(-10, 40, 0, 0)).isZero();
        // (30 x 100 + 25 x 100 + 20 x 100 + 25 x 60) / 100 = 90
        assertThat(expansion(40, 99, 6, 0.3)).isEqualTo(90);
    }

    @Test
    void componentsWithoutDataAreLeftOut() {
        // only seat utilisation 90 -> 85.7 and interest 0.3 -> 60: (25 x 85.7 + 25 x 60) / 50 = 72.9
        assertThat(expansion(Double.NaN, 90, Double.NaN, 0.3)).isEqualTo(73);
    }

    @Test
    void nullWithoutAnyData() {
        assertThat(expansion(Double.NaN, Double.NaN, Double.NaN, Double.NaN)).isNull();
        assertThat(scorer.score(scorer.measure(account().build(), AS_OF), PeerDistributions.empty()).expansionScore())
                .isNull();
    }

    @Test
    void aComponentCanBeACustomModelSignal() {
        Scorer echo = new Scorer(TestModels.echoModel());
        AccountHealth h = echo.score(echo.measure(account().custom("echo", 40).custom("readiness", 70).build(), AS_OF),
                PeerDistributions.empty());
        assertThat(h.expansionScore()).isEqualTo(70);
        assertThat(h.score()).isEqualTo(40); // readiness is tracked with weight 0: it does not move the composite
    }
}
