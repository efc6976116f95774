package io.healthscore.domain.model;

import static io.healthscore.domain.TestModels.linear;
import static io.healthscore.domain.TestModels.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformTest {

    @Nested
    class LinearTransform {

        private final Transform.Linear seatUtilisation = linear(20, 85); // higher is better
        private final Transform.Linear lateShare = linear(60, 0);        // lower is better

        @ParameterizedTest(name = "seat utilisation {0} scores {1}")
        @CsvSource({
                "20,   0",     // worst
                "85,   100",   // best
                "52.5, 50",    // midpoint
                "33,   20",    // (33-20)/65 = 0.2
                "10,   0",     // below worst: clamped
                "-500, 0",
                "100,  100",   // above best: clamped
                "1e9,  100"})
        void higherIsBetter(double raw, double expected) {
            assertThat(seatUtilisation.score(raw)).isCloseTo(expected, within(1e-9));
            assertThat(seatUtilisation.higherIsBetter()).isTrue();
        }

        @ParameterizedTest(name = "late share {0} % scores {1}")
        @CsvSource({
                "60, 0",
                "0,  100",
                "30, 50",
                "45, 25",      // (45-60)/(0-60) = 0.25
                "90, 0",       // worse than worst: clamped
                "-5, 100"})    // better than best: clamped
        void lowerIsBetter(double raw, double expected) {
            assertThat(lateShare.score(raw)).isCloseTo(expected, within(1e-9));
            assertThat(lateShare.higherIsBetter()).isFalse();
        }
    }

    @Nested
    class StepsTransform {

        // days_past_due in the default model
        private final Transform.Steps pastDue = steps(5, 0, 100, 15, 75, 30, 45, 60, 20);

        @ParameterizedTest(name = "{0} days past due scores {1}")
        @CsvSource({
                "-3,    100",  // below the first step: the first step
                "0,     100",  // boundary inclusive
                "0.5,   75",
                "15,    75",   // boundary inclusive
                "15.01, 45",
                "30,    45",
                "31,    20",
                "60,    20",
                "61,    5",    // above the last step: otherwise
                "10000, 5"})
        void firstMatchingStepElseOtherwise(double raw, double expected) {
            assertThat(pastDue.score(raw)).isEqualTo(expected);
        }

        @Test
        void firstMatchingStepWinsEvenWhenALaterOneAlsoMatches() {
            // 1 matches upTo 1 and upTo 2: the first one counts
            Transform.Steps s = steps(0, 1, 80, 2, 40);
            assertThat(s.score(1)).isEqualTo(80);
            assertThat(s.score(1.5)).isEqualTo(40);
        }

        @Test
        void directionFollowsFirstStepAndOtherwise() {
            assertThat(pastDue.higherIsBetter()).isFalse();
            // champion_present: 0 scores 10, anything above 100
            assertThat(steps(100, 0, 10).higherIsBetter()).isTrue();
        }
    }
}
