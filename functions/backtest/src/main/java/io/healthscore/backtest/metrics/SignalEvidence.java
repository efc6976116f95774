package io.healthscore.backtest.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the outcomes say about one signal on its own: how often it has data (coverage), whether it varies
 * enough to tell accounts apart, how well it ranks events above non-events (univariate ROC AUC) and the
 * event rate among its worst fifth over the base rate (lift). Computed on the rows where it has data.
 */
public final class SignalEvidence {

    /** How to read a signal's values. */
    public enum Orientation {
        /** A 0-100 sub-score: higher is healthier (the model's transforms point every signal this way). */
        HEALTH_SCORE,
        /** A raw number of unknown direction: the direction that ranks better is reported. */
        UNKNOWN
    }

    /** One level of a categorical signal. */
    public record Level(String value, int rows, int events, double eventRate) {
    }

    /**
     * @param signal          signal id or column
     * @param dimension       dimension id, null for table columns
     * @param currentWeight   its share of the composite in percent in the current model, NaN when it has none
     * @param rows            outcomes with a label
     * @param coverage        share of them with data
     * @param mean            mean value (numeric)
     * @param stdDev          standard deviation (numeric)
     * @param topValueShare   share of the most common value
     * @param lowVariance     too little variation to differentiate accounts
     * @param auc             univariate ROC AUC, oriented so 0.5 is no evidence and above 0.5 means the signal warns
     * @param direction       "higher_is_healthier" (as modelled), "higher_is_riskier" or "lower_is_riskier" (raw), "levels"
     * @param liftWorstFifth  event rate in the worst fifth over the base rate
     * @param verdict         predictive, weak, no_evidence, reversed, low_variance or too_little_data
     * @param levels          levels of a categorical signal, else empty
     */
    public record Result(String signal, String dimension, double currentWeight, int rows, double coverage, double mean,
                         double stdDev, double topValueShare, boolean lowVariance, double auc, String direction,
                         double liftWorstFifth, String verdict, List<Level> levels) {
    }

    public static final double MIN_COVERAGE = 0.10;
    public static final double LOW_VARIANCE_TOP_SHARE = 0.95;
    public static final double LOW_VARIANCE_SCORE_SD = 2.0;

    private SignalEvidence() {
    }

    /**
     * @param values NaN where the signal had no data
     * @param labels 1 event, 0 non-event, -1 left out
     */
    public static Result numeric(String signal, String dimension, double currentWeight, double[] values, int[] labels,
                                 Orientation orientation) {
        int rows = 0;
        int with = 0;
        for (int i = 0; i < values.length; i++) {
            if (labels[i] >= 0) {
                rows++;
                if (!Double.isNaN(values[i])) {
                    with++;
                }
            }
        }
        double[] v = new double[with];
        int[] y = new int[with];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (labels[i] >= 0 && !Double.isNaN(values[i])) {
                v[k] = values[i];
                y[k++] = labels[i];
            }
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean = with == 0 ? Double.NaN : mean / with;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = with < 2 ? Double.NaN : Math.sqrt(ss / (with - 1));
        Map<Double, Integer> counts = new HashMap<>();
        int top = 0;
        for (double x : v) {
            top = Math.max(top, counts.merge(x, 1, Integer::sum));
        }
        double topShare = with == 0 ? Double.NaN : top / (double) with;
        boolean lowVariance = with > 0 && (topShare >= LOW_VARIANCE_TOP_SHARE || !(sd > 1e-9)
                || (orientation == Orientation.HEALTH_SCORE && sd < LOW_VARIANCE_SCORE_SD));
        double[] risk = new double[with];
        String direction;
        if (orientation == Orientation.HEALTH_SCORE) {
            for (int i = 0; i < with; i++) {
                risk[i] = -v[i];
            }
            direction = "higher_is_healthier";
        } else {
            double up = RocAuc.auc(v, y);
            boolean higherRiskier = Double.isNaN(up) || up >= 0.5;
            for (int i = 0; i < with; i++) {
                risk[i] = higherRiskier ? v[i] : -v[i];
            }
            direction = higherRiskier ? "higher_is_riskier" : "lower_is_riskier";
        }
        double auc = RocAuc.auc(risk, y);
        double lift = Lift.ofTopShare(risk, y, 0.2);
        double coverage = rows == 0 ? Double.NaN : with / (double) rows;
        return new Result(signal, dimension, currentWeight, rows, coverage, mean, sd, topShare, lowVariance, auc, direction,
                lift, verdict(coverage, lowVariance, auc, orientation == Orientation.HEALTH_SCORE), List.of());
    }

    /** A categorical signal: each level's event rate; the AUC ranks accounts by their level's rate (in-sample). */
    public static Result categorical(String signal, String[] values, int[] labels) {
        Map<String, int[]> byLevel = new LinkedHashMap<>();
        int rows = 0;
        int with = 0;
        for (int i = 0; i < values.length; i++) {
            if (labels[i] < 0) {
                continue;
            }
            rows++;
            if (values[i] == null) {
                continue;
            }
            with++;
            int[] c = byLevel.computeIfAbsent(values[i], x -> new int[2]);
            c[0]++;
            c[1] += labels[i];
        }
        List<Level> levels = new ArrayList<>();
        int top = 0;
        for (Map.Entry<String, int[]> e : byLevel.entrySet()) {
            levels.add(new Level(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[1] / (double) e.getValue()[0]));
            top = Math.max(top, e.getValue()[0]);
        }
        levels.sort((a, b) -> Integer.compare(b.rows(), a.rows()));
        double[] risk = new double[with];
        int[] y = new int[with];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (labels[i] >= 0 && values[i] != null) {
                int[] c = byLevel.get(values[i]);
                risk[k] = c[1] / (double) c[0];
                y[k++] = labels[i];
            }
        }
        double topShare = with == 0 ? Double.NaN : top / (double) with;
        boolean lowVariance = with > 0 && (topShare >= LOW_VARIANCE_TOP_SHARE || byLevel.size() < 2);
        double auc = RocAuc.auc(risk, y);
        double coverage = rows == 0 ? Double.NaN : with / (double) rows;
        return new Result(signal, null, Double.NaN, rows, coverage, Double.NaN, Double.NaN, topShare, lowVariance, auc,
                "levels", Lift.ofTopShare(risk, y, 0.2), verdict(coverage, lowVariance, auc, false), levels);
    }

    static String verdict(double coverage, boolean lowVariance, double auc, boolean oriented) {
        if (!(coverage >= MIN_COVERAGE)) {
            return "too_little_data";
        }
        if (lowVariance) {
            return "low_variance";
        }
        if (Double.isNaN(auc)) {
            return "too_little_data";
        }
        if (auc >= 0.60) {
            return "predictive";
        }
        if (auc >= 0.55) {
            return "weak";
        }
        if (oriented && auc <= 0.45) {
            return "reversed";
        }
        return "no_evidence";
    }
}
