package io.healthscore.backtest.metrics;

import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeKind;
import io.healthscore.domain.scoring.Band;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The score against outcomes at one horizon (the snapshot N days before each outcome): ROC AUC and
 * curve, each band as a flag, lift of the riskiest decile, calibration of a score-to-probability map,
 * the score distribution by outcome, and the same per segment. Outcomes whose snapshot had
 * insufficient signal count in the band table but not in the ranking figures.
 */
public final class HorizonEvaluation {

    /** Outcomes of one segment at the horizon. */
    public record SegmentRow(String segment, int outcomes, int events, double baseRate, double auc, double redPrecision,
                             double redRecall) {
    }

    /**
     * @param horizonDays        days before the outcome
     * @param outcomes           outcomes with a snapshot at the horizon
     * @param scored             of which had a score (not insufficient signal) and a label
     * @param insufficientSignal of which had insufficient signal
     * @param events             scored events (churn)
     * @param nonEvents          scored non-events (renewals)
     * @param leftOut            outcomes the label policy leaves out (downgrades by default)
     * @param baseRate           events / (events + non-events) among scored
     * @param auc                ROC AUC of risk (100 - score)
     * @param aucIncludingDowngrades churn or downgrade against renewal
     * @param roc                the ROC curve
     * @param bands              each band as a flag
     * @param topDecileLift      event rate of the riskiest 10 % over the base rate
     * @param probabilityMap     logistic map from score to probability, fitted on these outcomes
     * @param calibration        Brier score and reliability of that map on these outcomes (in-sample)
     * @param scoreHistogram     outcome kind to counts of scores in ten 10-point bins (0-9, ..., 90-100)
     * @param segments           per segment
     */
    public record Result(int horizonDays, int outcomes, int scored, int insufficientSignal, int events, int nonEvents,
                         int leftOut, double baseRate, double auc, double aucIncludingDowngrades, List<RocAuc.Point> roc,
                         List<BandTable.Row> bands, double topDecileLift, ProbabilityMap probabilityMap,
                         ProbabilityMap.Calibration calibration, Map<String, int[]> scoreHistogram,
                         List<SegmentRow> segments) {
    }

    public static final int ROC_POINTS = 120;
    public static final int RELIABILITY_BINS = 10;

    private HorizonEvaluation() {
    }

    /**
     * @param scores   composite per outcome, NaN when none
     * @param bands    computed band per outcome
     * @param kinds    outcome per outcome
     * @param segments segment per outcome
     */
    public static Result of(int horizonDays, double[] scores, Band[] bands, OutcomeKind[] kinds, String[] segments,
                            LabelPolicy policy) {
        int n = scores.length;
        int[] labels = new int[n];
        int leftOut = 0;
        int insufficient = 0;
        for (int i = 0; i < n; i++) {
            labels[i] = policy.label(kinds[i]);
            if (labels[i] < 0) {
                leftOut++;
            }
            if (bands[i] == Band.INSUFFICIENT_SIGNAL || Double.isNaN(scores[i])) {
                insufficient++;
            }
        }
        Ranked r = ranked(scores, bands, labels);
        Ranked wide = ranked(scores, bands, labelsFor(kinds, LabelPolicy.CHURN_OR_DOWNGRADE_VS_RENEWAL));
        double auc = RocAuc.auc(r.eventRisk(), r.nonEventRisk());
        double base = r.labels.length == 0 ? Double.NaN : r.eventRisk().length / (double) r.labels.length;
        ProbabilityMap map = null;
        ProbabilityMap.Calibration cal = null;
        if (r.eventRisk().length > 0 && r.nonEventRisk().length > 0) {
            map = ProbabilityMap.fit(r.scores, r.labels);
            cal = map.evaluate(r.scores, r.labels, RELIABILITY_BINS);
        }
        Map<String, int[]> histogram = new LinkedHashMap<>();
        for (OutcomeKind k : OutcomeKind.values()) {
            histogram.put(k.wireName(), new int[10]);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(scores[i]) && bands[i] != Band.INSUFFICIENT_SIGNAL) {
                histogram.get(kinds[i].wireName())[Math.min(9, (int) scores[i] / 10)]++;
            }
        }
        return new Result(horizonDays, n, r.labels.length, insufficient, r.eventRisk().length, r.nonEventRisk().length,
                leftOut, base, auc, RocAuc.auc(wide.eventRisk(), wide.nonEventRisk()),
                RocAuc.curve(r.eventRisk(), r.nonEventRisk(), ROC_POINTS), BandTable.of(bands, labels),
                Lift.ofTopShare(r.risk, r.labels, 0.1), map, cal, histogram, segments(scores, bands, labels, segments));
    }

    private static List<SegmentRow> segments(double[] scores, Band[] bands, int[] labels, String[] segments) {
        Map<String, List<Integer>> by = new TreeMap<>();
        for (int i = 0; i < scores.length; i++) {
            by.computeIfAbsent(segments[i] == null ? "unknown" : segments[i], k -> new ArrayList<>()).add(i);
        }
        List<SegmentRow> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : by.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] s = new double[idx.size()];
            Band[] b = new Band[idx.size()];
            int[] y = new int[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                s[k] = scores[idx.get(k)];
                b[k] = bands[idx.get(k)];
                y[k] = labels[idx.get(k)];
            }
            Ranked r = ranked(s, b, y);
            BandTable.Row red = BandTable.of(b, y).get(5);
            out.add(new SegmentRow(e.getKey(), idx.size(), r.eventRisk().length,
                    r.labels.length == 0 ? Double.NaN : r.eventRisk().length / (double) r.labels.length,
                    RocAuc.auc(r.eventRisk(), r.nonEventRisk()), red.precision(), red.recall()));
        }
        return out;
    }

    private static int[] labelsFor(OutcomeKind[] kinds, LabelPolicy p) {
        int[] out = new int[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            out[i] = p.label(kinds[i]);
        }
        return out;
    }

    /** The scored, labelled outcomes: score, risk (100 - score) and label. */
    private record Ranked(double[] scores, double[] risk, int[] labels) {
        double[] eventRisk() {
            return RocAuc.select(risk, labels, 1);
        }

        double[] nonEventRisk() {
            return RocAuc.select(risk, labels, 0);
        }
    }

    private static Ranked ranked(double[] scores, Band[] bands, int[] labels) {
        int m = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] >= 0 && !Double.isNaN(scores[i]) && bands[i] != Band.INSUFFICIENT_SIGNAL) {
                m++;
            }
        }
        double[] s = new double[m];
        double[] risk = new double[m];
        int[] y = new int[m];
        int k = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] >= 0 && !Double.isNaN(scores[i]) && bands[i] != Band.INSUFFICIENT_SIGNAL) {
                s[k] = scores[i];
                risk[k] = 100 - scores[i];
                y[k++] = labels[i];
            }
        }
        return new Ranked(s, risk, y);
    }
}
