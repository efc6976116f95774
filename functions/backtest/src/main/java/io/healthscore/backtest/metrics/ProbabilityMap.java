package io.healthscore.backtest.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Maps a 0-100 health score to a probability of the event by a logistic fit (Platt scaling:
 * p = 1 / (1 + e^-(a + b (score - 50) / 10))), and measures how well probabilities match what
 * happened: Brier score and a reliability curve of equal-count bins.
 *
 * @param a intercept
 * @param b slope per 10 score points (negative when healthier means less churn)
 */
public record ProbabilityMap(double a, double b) {

    /** One reliability bin: mean predicted probability against the observed event rate. */
    public record Bin(double meanPredicted, double observedRate, int count) {
    }

    /** Brier score of the probabilities, the Brier score of always forecasting the base rate, and the bins. */
    public record Calibration(double brier, double brierOfBaseRate, double brierSkill, List<Bin> reliability) {
    }

    /** Maximum-likelihood fit (a negligible penalty keeps it finite when the score separates perfectly). */
    public static ProbabilityMap fit(double[] scores, int[] labels) {
        double[] x = new double[scores.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (scores[i] - 50) / 10;
        }
        LogisticRegression.Fit f = LogisticRegression.fit(new double[][] {x}, labels, 1e-6);
        return new ProbabilityMap(f.intercept(), f.coefficients()[0]);
    }

    public double probability(double score) {
        return LogisticRegression.sigmoid(a + b * (score - 50) / 10);
    }

    /** Brier score and reliability of this map on scores and outcomes, in {@code bins} equal-count bins. */
    public Calibration evaluate(double[] scores, int[] labels, int bins) {
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = probability(scores[i]);
        }
        return evaluateProbabilities(p, labels, bins);
    }

    /** Brier score and reliability of given probabilities. */
    public static Calibration evaluateProbabilities(double[] p, int[] labels, int bins) {
        int n = p.length;
        if (n == 0) {
            return new Calibration(Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        double brier = 0;
        double events = 0;
        for (int i = 0; i < n; i++) {
            double d = p[i] - labels[i];
            brier += d * d;
            events += labels[i];
        }
        brier /= n;
        double base = events / n;
        double brierBase = base * (1 - base);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        List<Bin> out = new ArrayList<>();
        int b = Math.max(1, Math.min(bins, n));
        for (int k = 0; k < b; k++) {
            int from = (int) ((long) k * n / b);
            int to = (int) ((long) (k + 1) * n / b);
            if (to <= from) {
                continue;
            }
            double sp = 0;
            double sy = 0;
            for (int r = from; r < to; r++) {
                sp += p[order[r]];
                sy += labels[order[r]];
            }
            out.add(new Bin(sp / (to - from), sy / (to - from), to - from));
        }
        return new Calibration(brier, brierBase, brierBase > 0 ? 1 - brier / brierBase : Double.NaN, out);
    }
}
