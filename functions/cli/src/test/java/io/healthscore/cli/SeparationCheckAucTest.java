package io.healthscore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeparationCheckAucTest {

    @Test
    void perfectSeparationIsOneAndReversedIsZero() {
        assertThat(SeparationCheck.auc(List.of(80.0, 90.0), List.of(10.0, 20.0, 30.0))).isEqualTo(1.0);
        assertThat(SeparationCheck.auc(List.of(10.0, 20.0), List.of(80.0, 90.0, 95.0))).isEqualTo(0.0);
    }

    @Test
    void tiesCountHalf() {
        assertThat(SeparationCheck.auc(List.of(50.0), List.of(50.0))).isEqualTo(0.5);
        // one positive tied with one of two negatives, above the other: (1 + 0.5) / 2
        assertThat(SeparationCheck.auc(List.of(50.0), List.of(50.0, 10.0))).isEqualTo(0.75);
    }

    @Test
    void emptySideIsUndefined() {
        assertThat(SeparationCheck.auc(List.of(), List.of(1.0))).isNaN();
        assertThat(SeparationCheck.auc(List.of(1.0), List.of())).isNaN();
    }

    @Test
    void rankSumMatchesPairwiseCountingOnRandomData() {
        SplittableRandom r = new SplittableRandom(3);
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pos.add((double) r.nextInt(60) + 20); // integer values force many ties
        }
        for (int i = 0; i < 500; i++) {
            neg.add((double) r.nextInt(60));
        }
        double pairs = 0;
        for (double p : pos) {
            for (double n : neg) {
                pairs += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        double expected = pairs / (pos.size() * (double) neg.size());
        assertThat(SeparationCheck.auc(pos, neg)).isCloseTo(expected, within(1e-12));
    }
}
