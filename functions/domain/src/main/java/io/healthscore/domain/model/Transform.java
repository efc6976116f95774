package io.healthscore.domain.model;

import java.util.List;

/**
 * Turns a signal's raw value into a 0-100 sub-score. Every transform is monotone, so a worse raw value
 * can never give a better score.
 */
public sealed interface Transform permits Transform.Linear, Transform.Steps, Transform.Percentile {

    /**
     * Linear between two bounds: {@code worst} maps to 0, {@code best} to 100, clamped outside. When
     * worst is greater than best, lower raw values are better (e.g. days past due).
     */
    record Linear(double worst, double best) implements Transform {
        public double score(double raw) {
            double t = (raw - worst) / (best - worst);
            if (t <= 0) {
                return 0;
            }
            if (t >= 1) {
                return 100;
            }
            return 100 * t;
        }

        public boolean higherIsBetter() {
            return best > worst;
        }
    }

    /** One step: raw values up to and including {@code upTo} score {@code score}. */
    record Step(double upTo, double score) {
    }

    /**
     * Thresholds: the first step whose upTo is at least the raw value gives the score; above the last
     * step, {@code otherwise}. Steps ascend by upTo and their scores move in one direction only.
     */
    record Steps(List<Step> steps, double otherwise) implements Transform {
        public Steps {
            steps = List.copyOf(steps);
        }

        public double score(double raw) {
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                if (raw <= s.upTo()) {
                    return s.score();
                }
            }
            return otherwise;
        }

        public boolean higherIsBetter() {
            double first = steps.isEmpty() ? otherwise : steps.get(0).score();
            return otherwise >= first;
        }
    }

    /**
     * Percentile rank of the raw value among peers of the same segment in the same run. With fewer than
     * {@code minPeers} peers in the segment the whole book is used; with fewer in the book, the
     * {@code fallback} linear transform (or no data when there is none).
     */
    record Percentile(boolean higherIsBetter, int minPeers, Linear fallback) implements Transform {
    }
}
