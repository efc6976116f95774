package io.healthscore.backtest.calibration;

import io.healthscore.backtest.EvaluationData;
import io.healthscore.backtest.ModelWeights;
import io.healthscore.backtest.Observation;
import io.healthscore.backtest.metrics.BandTable;
import io.healthscore.backtest.metrics.LeadTime;
import io.healthscore.backtest.metrics.LogisticRegression;
import io.healthscore.backtest.metrics.ProbabilityMap;
import io.healthscore.backtest.metrics.RocAuc;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fits signal weights from outcomes and proves them on later ones. Outcomes are split in time: a
 * regularised logistic regression of the event on the signals' 0-100 sub-scores is fitted on the outcomes
 * before the split (every horizon pooled; a missing sub-score counts as the training mean; sub-scores are
 * standardised, so the L2 penalty treats them alike), its weights become a new model (see
 * {@link CalibratedModel}), band thresholds are chosen on the same earlier outcomes for a target precision,
 * and then both models are scored on the outcomes from the split on, which the fit never saw.
 *
 * <p>With {@code nonNegative} (the default) no signal may count against health, so every weight stays
 * explainable ("lower usage lowers the score"); signals whose evidence points the other way get 0. The
 * penalty is chosen, when not given, by a second time split inside the earlier window (the last quarter of
 * it validates), from {@link #LAMBDAS}.
 */
public final class WeightCalibration {

    static final double[] LAMBDAS = {3, 1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001};

    /**
     * @param split                   first outcome date of the later window; null for the median outcome date
     * @param nonNegative             keep every weight 0 or more
     * @param lambda                  the L2 penalty, null to choose it
     * @param targetPrecisionAtRisk   wanted churn precision of at-risk-or-worse
     * @param targetPrecisionCritical wanted churn precision of critical
     * @param newVersion              version of the calibrated model
     * @param labels                  which outcomes are the event
     */
    public record Settings(LocalDate split, boolean nonNegative, Double lambda, double targetPrecisionAtRisk,
                           double targetPrecisionCritical, String newVersion, LabelPolicy labels) {
    }

    /**
     * A signal in the fit.
     *
     * @param signal                 signal id
     * @param dimension              its dimension
     * @param coverage               share of training rows with data
     * @param trainAuc               univariate AUC on the training rows
     * @param standardizedCoefficient fitted log-odds of churn per standard deviation (negative: protective)
     * @param weightPerPoint         health weight per sub-score point (0 when excluded or clipped)
     * @param currentWeight          share of the composite in the current model, %
     * @param calibratedWeight       share in the calibrated model, %
     * @param flipped                transform turned around (signed fits only)
     */
    public record SignalFit(String signal, String dimension, double coverage, double trainAuc,
                            double standardizedCoefficient, double weightPerPoint, double currentWeight,
                            double calibratedWeight, boolean flipped) {
    }

    /**
     * Both models on the later window at one horizon.
     *
     * @param aucSignedLinear AUC of an unconstrained logistic fit's own linear score (a ceiling for reference)
     */
    public record Comparison(int horizon, int outcomes, int events, double aucCurrent, double aucCalibrated,
                             double brierCurrent, double brierCalibrated, double redPrecisionCurrent,
                             double redPrecisionCalibrated, double redRecallCurrent, double redRecallCalibrated,
                             double aucSignedLinear) {
    }

    /** The calibration and its evidence. */
    public record Result(LocalDate split, LocalDate trainFrom, LocalDate trainTo, LocalDate laterFrom, LocalDate laterTo,
                         int trainRows, int trainEvents, int laterRows, int laterEvents, double lambda,
                         Map<String, Double> lambdaValidationAuc, boolean nonNegative, double intercept, int sweeps,
                         boolean converged, List<SignalFit> signals, BandThresholds thresholds, ScoringModel current,
                         ScoringModel calibrated, List<Comparison> comparison, LeadTime.Result leadCurrent,
                         LeadTime.Result leadCalibrated, String yaml, String diff) {
    }

    private WeightCalibration() {
    }

    /**
     * @param data     the evaluation data of the current model (signals in model order)
     * @param current  the current model
     * @param rescore  scores the same outcomes with another model of the same signals, keeping their order
     */
    public static Result calibrate(EvaluationData data, ScoringModel current, Function<ScoringModel, EvaluationData> rescore,
                                   Settings s) {
        Map<Observation, Integer> position = new java.util.IdentityHashMap<>();
        for (int k = 0; k < data.observations().size(); k++) {
            position.put(data.observations().get(k), k);
        }
        List<Observation> labelled = new ArrayList<>();
        for (Observation o : data.observations()) {
            if (s.labels().label(o.outcome().kind()) >= 0 && hasData(o)) {
                labelled.add(o);
            }
        }
        LocalDate split = s.split() != null ? s.split() : medianOutcomeDate(labelled);
        List<Observation> train = labelled.stream().filter(o -> o.outcome().date().isBefore(split)).toList();
        List<Observation> later = labelled.stream().filter(o -> !o.outcome().date().isBefore(split)).toList();
        requireBothKinds(train, "before", split, s.labels());
        requireBothKinds(later, "from", split, s.labels());
        int p = data.signals().size();
        Features f = Features.of(train, p, s.labels());

        LogisticRegression.Bound[] bounds = new LogisticRegression.Bound[p];
        Arrays.fill(bounds, s.nonNegative() ? LogisticRegression.Bound.NON_POSITIVE : LogisticRegression.Bound.FREE);
        Map<String, Double> validation = new LinkedHashMap<>();
        double lambda = s.lambda() != null ? s.lambda() : chooseLambda(train, p, s.labels(), bounds, validation);
        LogisticRegression.Fit fit = LogisticRegression.fit(f.columns, f.labels, lambda, bounds, null);

        double[] perPoint = new double[p];
        double[] trainAuc = new double[p];
        for (int j = 0; j < p; j++) {
            perPoint[j] = f.sd[j] > 0 ? -fit.coefficients()[j] / f.sd[j] : 0;
            trainAuc[j] = f.univariateAuc(j, train);
        }
        ScoringModel weighted = CalibratedModel.withWeights(current, perPoint, trainAuc);
        EvaluationData weightedData = rescore.apply(weighted);
        double[] trainScores = scores(weightedData.observations(), position, train);
        int[] trainLabels = labels(train, s.labels());
        int watchingWidth = current.bandFor(Band.WATCHING).max() - current.bandFor(Band.AT_RISK).max();
        BandThresholds thresholds = BandThresholds.recommend(trainScores, trainLabels, s.targetPrecisionAtRisk(),
                s.targetPrecisionCritical(), watchingWidth);
        LocalDate trainFrom = minDate(train);
        LocalDate trainTo = maxDate(train);
        String description = "Calibrated by healthscore calibrate from " + train.size() + " outcome snapshots ("
                + f.events + " churned) dated " + trainFrom + " to " + trainTo + ", starting from " + current.version()
                + "; weights from a " + (s.nonNegative() ? "non-negative " : "") + "L2-regularised logistic regression "
                + "(lambda " + lambda + "), bands for a churn precision of " + s.targetPrecisionAtRisk()
                + " (at risk or worse) and " + s.targetPrecisionCritical() + " (critical). See model-diff.md.";
        ScoringModel calibrated = CalibratedModel.withBandsAndVersion(weighted, thresholds.bands(), s.newVersion(), description)
                .validate("calibrated model");
        EvaluationData calibratedData = rescore.apply(calibrated);

        // both models on the later window
        LogisticRegression.Bound[] free = new LogisticRegression.Bound[p];
        Arrays.fill(free, LogisticRegression.Bound.FREE);
        LogisticRegression.Fit signed = LogisticRegression.fit(f.columns, f.labels, lambda, free, null);
        List<Comparison> comparison = new ArrayList<>();
        for (int h : data.horizons()) {
            comparison.add(compare(h, data, calibratedData, position, train, later, s.labels(), f, signed));
        }
        LeadTime.Result leadCurrent = LeadTime.of(after(data.churnWindows(), split), 180, 60);
        LeadTime.Result leadCalibrated = LeadTime.of(after(calibratedData.churnWindows(), split), 180, 60);

        double[] oldW = ModelWeights.effective(current);
        double[] newW = ModelWeights.effective(calibrated);
        List<SignalFit> fits = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            fits.add(new SignalFit(data.signals().get(j).id(), data.signals().get(j).dimension(), f.coverage[j], trainAuc[j],
                    fit.coefficients()[j], Math.abs(perPoint[j]), oldW[j], newW[j], perPoint[j] < 0));
        }
        Result partial = new Result(split, trainFrom, trainTo, minDate(later), maxDate(later), train.size(), f.events,
                later.size(), (int) later.stream().filter(o -> s.labels().label(o.outcome().kind()) == 1).count(), lambda,
                validation, s.nonNegative(), fit.intercept(), fit.sweeps(), fit.converged(), fits, thresholds, current,
                calibrated, comparison, leadCurrent, leadCalibrated, null, null);
        String diff = ModelDiff.markdown(partial);
        String yaml = ModelYaml.write(calibrated, List.of(
                "Calibrated scoring model written by `healthscore calibrate` (" + calibrated.version() + ").",
                "Review model-diff.md, then commit it in place of " + current.version() + " if the later-window figures hold.",
                "Reference: docs/scoring-model.md"));
        return new Result(split, trainFrom, trainTo, partial.laterFrom(), partial.laterTo(), train.size(), f.events,
                later.size(), partial.laterEvents(), lambda, validation, s.nonNegative(), fit.intercept(), fit.sweeps(),
                fit.converged(), fits, thresholds, current, calibrated, comparison, leadCurrent, leadCalibrated, yaml, diff);
    }

    private static Comparison compare(int h, EvaluationData currentData, EvaluationData calibratedData,
                                      Map<Observation, Integer> position, List<Observation> train, List<Observation> later, LabelPolicy policy, Features f,
                                      LogisticRegression.Fit signed) {
        List<Observation> laterH = later.stream().filter(o -> o.horizonDays() == h).toList();
        List<Observation> trainH = train.stream().filter(o -> o.horizonDays() == h).toList();
        Side cur = side(currentData.observations(), position, trainH, laterH, policy);
        Side cal = side(calibratedData.observations(), position, trainH, laterH, policy);
        double[] risk = new double[laterH.size()];
        int[] y = labels(laterH, policy);
        for (int k = 0; k < laterH.size(); k++) {
            risk[k] = signed.logit(f.standardized(laterH.get(k)));
        }
        int events = 0;
        for (int v : y) {
            events += v;
        }
        return new Comparison(h, laterH.size(), events, cur.auc, cal.auc, cur.brier, cal.brier, cur.redPrecision,
                cal.redPrecision, cur.redRecall, cal.redRecall, RocAuc.auc(risk, y));
    }

    private record Side(double auc, double brier, double redPrecision, double redRecall) {
    }

    /** One model on the later rows: AUC, Brier of a probability map fitted on the earlier rows, red as a flag. */
    private static Side side(List<Observation> scoredAll, Map<Observation, Integer> position, List<Observation> trainH,
                             List<Observation> laterH, LabelPolicy policy) {
        double[] trainScores = new double[trainH.size()];
        int[] trainY = labels(trainH, policy);
        for (int k = 0; k < trainH.size(); k++) {
            trainScores[k] = scoredAll.get(position.get(trainH.get(k))).score();
        }
        double[] laterScores = new double[laterH.size()];
        Band[] laterBands = new Band[laterH.size()];
        int[] laterY = labels(laterH, policy);
        for (int k = 0; k < laterH.size(); k++) {
            Observation o = scoredAll.get(position.get(laterH.get(k)));
            laterScores[k] = o.score();
            laterBands[k] = o.band();
        }
        Filtered t = filtered(trainScores, trainY);
        Filtered l = filtered(laterScores, laterY);
        double auc = RocAuc.auc(negate(l.scores), l.labels);
        double brier = Double.NaN;
        if (t.hasBoth() && l.labels.length > 0) {
            brier = ProbabilityMap.fit(t.scores, t.labels).evaluate(l.scores, l.labels, 10).brier();
        }
        BandTable.Row red = BandTable.of(laterBands, laterY).get(5);
        return new Side(auc, brier, red.precision(), red.recall());
    }

    private record Filtered(double[] scores, int[] labels) {
        boolean hasBoth() {
            int e = 0;
            for (int y : labels) {
                e += y;
            }
            return e > 0 && e < labels.length;
        }
    }

    private static Filtered filtered(double[] scores, int[] labels) {
        int n = 0;
        for (double v : scores) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        double[] s = new double[n];
        int[] y = new int[n];
        int k = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isNaN(scores[i])) {
                s[k] = scores[i];
                y[k++] = labels[i];
            }
        }
        return new Filtered(s, y);
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = 100 - v[i];
        }
        return out;
    }

    private static double chooseLambda(List<Observation> train, int p, LabelPolicy policy, LogisticRegression.Bound[] bounds,
                                       Map<String, Double> validation) {
        LocalDate inner = quantileDate(train, 0.75);
        List<Observation> fitRows = train.stream().filter(o -> o.outcome().date().isBefore(inner)).toList();
        List<Observation> checkRows = train.stream().filter(o -> !o.outcome().date().isBefore(inner)).toList();
        if (!bothKinds(fitRows, policy) || !bothKinds(checkRows, policy)) {
            return 0.01;
        }
        Features f = Features.of(fitRows, p, policy);
        int[] y = labels(checkRows, policy);
        double best = Double.NEGATIVE_INFINITY;
        double chosen = 0.01;
        LogisticRegression.Fit warm = null;
        for (double lambda : LAMBDAS) {
            warm = LogisticRegression.fit(f.columns, f.labels, lambda, bounds, warm);
            double[] risk = new double[checkRows.size()];
            for (int k = 0; k < risk.length; k++) {
                risk[k] = warm.logit(f.standardized(checkRows.get(k)));
            }
            double auc = RocAuc.auc(risk, y);
            validation.put(Double.toString(lambda), auc);
            if (auc > best + 0.001) { // a smaller penalty must earn its keep
                best = auc;
                chosen = lambda;
            }
        }
        return chosen;
    }

    /** Training features: standardised sub-scores, the training mean for missing ones. */
    static final class Features {
        final double[][] columns;
        final int[] labels;
        final double[] mean;
        final double[] sd;
        final double[] coverage;
        final int events;

        private Features(double[][] columns, int[] labels, double[] mean, double[] sd, double[] coverage, int events) {
            this.columns = columns;
            this.labels = labels;
            this.mean = mean;
            this.sd = sd;
            this.coverage = coverage;
            this.events = events;
        }

        static Features of(List<Observation> rows, int p, LabelPolicy policy) {
            int n = rows.size();
            double[] mean = new double[p];
            double[] sd = new double[p];
            double[] coverage = new double[p];
            for (int j = 0; j < p; j++) {
                double sum = 0;
                int with = 0;
                for (Observation o : rows) {
                    double v = o.signalScores()[j];
                    if (!Double.isNaN(v)) {
                        sum += v;
                        with++;
                    }
                }
                mean[j] = with == 0 ? 0 : sum / with;
                double ss = 0;
                for (Observation o : rows) {
                    double v = o.signalScores()[j];
                    if (!Double.isNaN(v)) {
                        ss += (v - mean[j]) * (v - mean[j]);
                    }
                }
                sd[j] = with < 2 ? 0 : Math.sqrt(ss / (with - 1));
                if (sd[j] < 1e-9) {
                    sd[j] = 0;
                }
                coverage[j] = n == 0 ? 0 : with / (double) n;
            }
            double[][] columns = new double[p][n];
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < n; i++) {
                    double v = rows.get(i).signalScores()[j];
                    columns[j][i] = sd[j] == 0 || Double.isNaN(v) ? 0 : (v - mean[j]) / sd[j];
                }
            }
            int[] y = labels(rows, policy);
            int events = 0;
            for (int v : y) {
                events += v;
            }
            return new Features(columns, y, mean, sd, coverage, events);
        }

        double[] standardized(Observation o) {
            double[] x = new double[mean.length];
            for (int j = 0; j < x.length; j++) {
                double v = o.signalScores()[j];
                x[j] = sd[j] == 0 || Double.isNaN(v) ? 0 : (v - mean[j]) / sd[j];
            }
            return x;
        }

        double univariateAuc(int j, List<Observation> rows) {
            int n = 0;
            for (int i = 0; i < labels.length; i++) {
                if (!Double.isNaN(rows.get(i).signalScores()[j])) {
                    n++;
                }
            }
            double[] risk = new double[n];
            int[] y = new int[n];
            int k = 0;
            for (int i = 0; i < labels.length; i++) {
                double v = rows.get(i).signalScores()[j];
                if (!Double.isNaN(v)) {
                    risk[k] = -v;
                    y[k++] = labels[i];
                }
            }
            return RocAuc.auc(risk, y);
        }
    }

    private static boolean hasData(Observation o) {
        for (double v : o.signalScores()) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    static int[] labels(List<Observation> rows, LabelPolicy policy) {
        int[] y = new int[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = policy.label(rows.get(i).outcome().kind());
        }
        return y;
    }

    private static double[] scores(List<Observation> rescored, Map<Observation, Integer> position, List<Observation> wanted) {
        double[] out = new double[wanted.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = rescored.get(position.get(wanted.get(k))).score();
        }
        return out;
    }

    private static List<LeadTime.Window> after(List<LeadTime.Window> windows, LocalDate split) {
        return windows.stream().filter(w -> !w.eventDate().isBefore(split)).toList();
    }

    private static void requireBothKinds(List<Observation> rows, String side, LocalDate split, LabelPolicy policy) {
        if (!bothKinds(rows, policy)) {
            throw new IllegalArgumentException("calibration needs churned and renewed outcomes " + side + " the split date "
                    + split + "; there are " + rows.size() + " outcome snapshots there. Choose another --split or a longer history");
        }
    }

    private static boolean bothKinds(List<Observation> rows, LabelPolicy policy) {
        boolean e = false;
        boolean ne = false;
        for (Observation o : rows) {
            int y = policy.label(o.outcome().kind());
            e |= y == 1;
            ne |= y == 0;
        }
        return e && ne;
    }

    static LocalDate medianOutcomeDate(List<Observation> rows) {
        return quantileDate(rows, 0.5);
    }

    private static LocalDate quantileDate(List<Observation> rows, double q) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("there are no outcomes to calibrate on");
        }
        long[] d = rows.stream().mapToLong(o -> o.outcome().date().toEpochDay()).sorted().toArray();
        return LocalDate.ofEpochDay(d[(int) Math.min(d.length - 1, Math.floor(q * d.length))]);
    }

    private static LocalDate minDate(List<Observation> rows) {
        return rows.stream().map(o -> o.outcome().date()).min(LocalDate::compareTo).orElse(null);
    }

    private static LocalDate maxDate(List<Observation> rows) {
        return rows.stream().map(o -> o.outcome().date()).max(LocalDate::compareTo).orElse(null);
    }
}
