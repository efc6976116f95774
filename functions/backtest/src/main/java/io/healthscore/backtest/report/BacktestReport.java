package io.healthscore.backtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.backtest.EvaluationData;
import io.healthscore.backtest.Observation;
import io.healthscore.backtest.calibration.BandThresholds;
import io.healthscore.backtest.calibration.WeightCalibration;
import io.healthscore.backtest.metrics.BandTable;
import io.healthscore.backtest.metrics.HorizonEvaluation;
import io.healthscore.backtest.metrics.LeadTime;
import io.healthscore.backtest.metrics.ProbabilityMap;
import io.healthscore.backtest.metrics.RocAuc;
import io.healthscore.backtest.metrics.SignalEvidence;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeKind;
import io.healthscore.domain.scoring.Band;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes every figure of a backtest and holds them as one JSON document (backtest.json); the HTML
 * report is rendered from the same document, so the two cannot disagree. Figures that cannot be computed
 * (no events, no data) are null.
 */
public final class BacktestReport {

    /**
     * What to report on.
     *
     * @param data            the evaluation data
     * @param labels          which outcomes are the event
     * @param primaryHorizon  horizon the per-signal section and score distribution use
     * @param lookbackDays    lead-time window
     * @param aheadDays       "flagged early" threshold
     * @param meta            extra facts for the header (input, accounts, timings), in order
     * @param calibration     the calibration, null for a plain backtest
     */
    public record Input(EvaluationData data, LabelPolicy labels, int primaryHorizon, int lookbackDays, int aheadDays,
                        Map<String, Object> meta, WeightCalibration.Result calibration) {
    }

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root;

    private BacktestReport(ObjectNode root) {
        this.root = root;
    }

    public ObjectNode json() {
        return root;
    }

    public static BacktestReport build(Input in) {
        EvaluationData data = in.data();
        ObjectNode root = JSON.createObjectNode();
        root.put("report", "healthscore backtest");
        root.put("format_version", 1);
        root.put("source", data.source());
        root.put("model_version", data.modelVersion());
        root.put("rules_version", data.rulesVersion());
        root.put("label_policy", in.labels().wireName());
        root.put("primary_horizon_days", in.primaryHorizon());
        ObjectNode meta = root.putObject("data");
        in.meta().forEach((k, v) -> meta.set(k, JSON.valueToTree(v)));
        meta.put("snapshots", data.snapshotDates().size());
        if (!data.snapshotDates().isEmpty()) {
            meta.put("first_snapshot", data.snapshotDates().get(0).toString());
            meta.put("last_snapshot", data.snapshotDates().get(data.snapshotDates().size() - 1).toString());
        }
        ObjectNode counts = meta.putObject("outcomes");
        Map<OutcomeKind, Long> byKind = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Observation o : data.observations()) {
            if (seen.add(o.accountId() + "|" + o.outcome().date() + "|" + o.outcome().kind())) {
                byKind.merge(o.outcome().kind(), 1L, Long::sum);
            }
        }
        for (OutcomeKind k : OutcomeKind.values()) {
            counts.put(k.wireName(), byKind.getOrDefault(k, 0L));
        }

        ArrayNode horizons = root.putArray("horizons");
        for (int h : data.horizons()) {
            horizons.add(horizon(HorizonEvaluation.of(h, scores(data.at(h)), bands(data.at(h)), kinds(data.at(h)),
                    segments(data.at(h)), in.labels())));
        }
        root.set("lead_time", leadTime(data.churnWindows(), in.lookbackDays(), in.aheadDays()));
        ObjectNode fa = root.putObject("false_alarms");
        ObjectNode byHorizon = fa.putObject("at_risk_or_worse_false_positive_rate");
        for (JsonNode h : horizons) {
            for (JsonNode b : h.get("bands")) {
                if (b.get("band").asText().equals("at_risk_or_worse")) {
                    byHorizon.set(h.get("days").asText(), b.get("false_positive_rate"));
                }
            }
        }
        fa.put("renewals_considered", data.renewalWindows().stream().filter(w -> !w.dates().isEmpty()).count());
        num(fa, "renewed_ever_at_risk_or_worse_share", LeadTime.shareEverRed(data.renewalWindows()));
        fa.put("window_days", in.lookbackDays());

        ObjectNode signals = root.putObject("signals");
        signals.put("horizon_days", in.primaryHorizon());
        ArrayNode items = signals.putArray("items");
        List<Observation> primary = data.at(in.primaryHorizon());
        int[] labels = labels(primary, in.labels());
        Map<String, WeightCalibration.SignalFit> fits = new LinkedHashMap<>();
        if (in.calibration() != null) {
            for (WeightCalibration.SignalFit f : in.calibration().signals()) {
                fits.put(f.signal(), f);
            }
        }
        for (int j = 0; j < data.signals().size(); j++) {
            EvaluationData.SignalInfo s = data.signals().get(j);
            double[] values = new double[primary.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = primary.get(k).signalScores()[j];
            }
            SignalEvidence.Result r = SignalEvidence.numeric(s.id(), s.dimension(), s.currentWeight(), values, labels,
                    s.healthScore() ? SignalEvidence.Orientation.HEALTH_SCORE : SignalEvidence.Orientation.UNKNOWN);
            ObjectNode x = signal(r);
            WeightCalibration.SignalFit f = fits.get(s.id());
            if (f != null) {
                num(x, "calibrated_weight", f.calibratedWeight());
            }
            items.add(x);
        }
        for (EvaluationData.CategoricalColumn c : data.categorical()) {
            String[] values = new String[primary.size()];
            List<Observation> all = data.observations();
            java.util.Map<Observation, Integer> pos = new java.util.IdentityHashMap<>();
            for (int k = 0; k < all.size(); k++) {
                pos.put(all.get(k), k);
            }
            for (int k = 0; k < values.length; k++) {
                values[k] = c.values()[pos.get(primary.get(k))];
            }
            items.add(signal(SignalEvidence.categorical(c.name(), values, labels)));
        }
        if (in.calibration() != null) {
            root.set("calibration", calibration(in.calibration()));
        }
        return new BacktestReport(root);
    }

    /** Writes backtest.json and backtest.html into the directory. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("backtest.json"), JSON.writeValueAsString(root), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("backtest.html"), ReportHtml.render(root), StandardCharsets.UTF_8);
    }

    private static ObjectNode horizon(HorizonEvaluation.Result r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("days", r.horizonDays());
        o.put("outcomes", r.outcomes());
        o.put("scored", r.scored());
        o.put("insufficient_signal", r.insufficientSignal());
        o.put("events", r.events());
        o.put("non_events", r.nonEvents());
        o.put("left_out", r.leftOut());
        num(o, "base_rate", r.baseRate());
        num(o, "auc", r.auc());
        num(o, "auc_including_downgrades", r.aucIncludingDowngrades());
        num(o, "top_decile_lift", r.topDecileLift());
        ProbabilityMap.Calibration c = r.calibration();
        num(o, "brier", c == null ? Double.NaN : c.brier());
        num(o, "brier_base_rate", c == null ? Double.NaN : c.brierOfBaseRate());
        num(o, "brier_skill", c == null ? Double.NaN : c.brierSkill());
        if (r.probabilityMap() != null) {
            ObjectNode m = o.putObject("probability_map");
            num(m, "a", r.probabilityMap().a());
            num(m, "b_per_10_points", r.probabilityMap().b());
            m.put("fitted_on", "these outcomes (in-sample)");
        }
        ArrayNode rel = o.putArray("reliability");
        if (c != null) {
            for (ProbabilityMap.Bin b : c.reliability()) {
                ObjectNode x = rel.addObject();
                num(x, "mean_predicted", b.meanPredicted());
                num(x, "observed_rate", b.observedRate());
                x.put("count", b.count());
            }
        }
        ArrayNode bands = o.putArray("bands");
        for (BandTable.Row b : r.bands()) {
            ObjectNode x = bands.addObject();
            x.put("band", b.band());
            x.put("accounts", b.accounts());
            x.put("events", b.events());
            num(x, "precision", b.precision());
            num(x, "recall", b.recall());
            num(x, "lift", b.lift());
            num(x, "false_positive_rate", b.falsePositiveRate());
        }
        ArrayNode roc = o.putArray("roc");
        for (RocAuc.Point p : r.roc()) {
            ArrayNode pt = roc.addArray();
            pt.add(round6(p.falsePositiveRate()));
            pt.add(round6(p.truePositiveRate()));
        }
        ObjectNode hist = o.putObject("score_histogram");
        r.scoreHistogram().forEach((k, v) -> {
            ArrayNode a = hist.putArray(k);
            for (int x : v) {
                a.add(x);
            }
        });
        ArrayNode segs = o.putArray("segments");
        for (HorizonEvaluation.SegmentRow s : r.segments()) {
            ObjectNode x = segs.addObject();
            x.put("segment", s.segment());
            x.put("outcomes", s.outcomes());
            x.put("events", s.events());
            num(x, "base_rate", s.baseRate());
            num(x, "auc", s.auc());
            num(x, "at_risk_or_worse_precision", s.redPrecision());
            num(x, "at_risk_or_worse_recall", s.redRecall());
        }
        return o;
    }

    static ObjectNode leadTime(List<LeadTime.Window> windows, int lookback, int ahead) {
        LeadTime.Result r = LeadTime.of(windows, lookback, ahead);
        ObjectNode o = leadTimeFigures(r);
        ArrayNode hist = o.putArray("histogram");
        for (LeadTime.Bin b : r.histogram()) {
            ObjectNode x = hist.addObject();
            x.put("from_days", b.fromDays());
            x.put("to_days", b.toDays());
            x.put("churners", b.churners());
        }
        o.put("not_flagged", r.withSnapshots() - r.flagged());
        ArrayNode seg = o.putArray("by_segment");
        Map<String, List<LeadTime.Window>> by = new TreeMap<>();
        for (LeadTime.Window w : windows) {
            by.computeIfAbsent(w.segment(), k -> new ArrayList<>()).add(w);
        }
        by.forEach((s, list) -> {
            ObjectNode x = leadTimeFigures(LeadTime.of(list, lookback, ahead));
            ObjectNode ordered = JSON.createObjectNode();
            ordered.put("segment", s);
            ordered.setAll(x);
            seg.add(ordered);
        });
        return o;
    }

    static ObjectNode leadTimeFigures(LeadTime.Result r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("churners", r.churners());
        o.put("with_snapshots", r.withSnapshots());
        o.put("flagged", r.flagged());
        num(o, "median_days", r.medianDays());
        num(o, "p25_days", r.p25Days());
        num(o, "p75_days", r.p75Days());
        o.put("reaching_back_" + r.aheadDays() + "_days", r.reachingAhead());
        o.put("flagged_at_least_" + r.aheadDays() + "_days_ahead", r.flaggedAhead());
        num(o, "share_flagged_at_least_" + r.aheadDays() + "_days_ahead", r.shareFlaggedAhead());
        o.put("lookback_days", r.lookbackDays());
        return o;
    }

    private static ObjectNode signal(SignalEvidence.Result r) {
        ObjectNode x = JSON.createObjectNode();
        x.put("signal", r.signal());
        x.put("dimension", r.dimension());
        num(x, "current_weight", r.currentWeight());
        x.put("rows", r.rows());
        num(x, "coverage", r.coverage());
        num(x, "mean", r.mean());
        num(x, "std_dev", r.stdDev());
        num(x, "top_value_share", r.topValueShare());
        x.put("low_variance", r.lowVariance());
        num(x, "auc", r.auc());
        x.put("direction", r.direction());
        num(x, "lift_worst_fifth", r.liftWorstFifth());
        x.put("verdict", r.verdict());
        if (!r.levels().isEmpty()) {
            ArrayNode lv = x.putArray("levels");
            for (SignalEvidence.Level l : r.levels()) {
                ObjectNode y = lv.addObject();
                y.put("value", l.value());
                y.put("rows", l.rows());
                y.put("events", l.events());
                num(y, "event_rate", l.eventRate());
            }
        }
        return x;
    }

    private static ObjectNode calibration(WeightCalibration.Result r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("current_version", r.current().version());
        o.put("calibrated_version", r.calibrated().version());
        o.put("split", r.split().toString());
        o.put("fit_from", String.valueOf(r.trainFrom()));
        o.put("fit_to", String.valueOf(r.trainTo()));
        o.put("later_from", String.valueOf(r.laterFrom()));
        o.put("later_to", String.valueOf(r.laterTo()));
        o.put("fit_rows", r.trainRows());
        o.put("fit_events", r.trainEvents());
        o.put("later_rows", r.laterRows());
        o.put("later_events", r.laterEvents());
        o.put("non_negative", r.nonNegative());
        num(o, "lambda", r.lambda());
        ObjectNode lv = o.putObject("lambda_validation_auc");
        r.lambdaValidationAuc().forEach((k, v) -> num(lv, k, v));
        num(o, "intercept", r.intercept());
        o.put("sweeps", r.sweeps());
        o.put("converged", r.converged());
        ArrayNode cmp = o.putArray("later_window");
        for (WeightCalibration.Comparison c : r.comparison()) {
            ObjectNode x = cmp.addObject();
            x.put("days", c.horizon());
            x.put("outcomes", c.outcomes());
            x.put("events", c.events());
            num(x, "auc_current", c.aucCurrent());
            num(x, "auc_calibrated", c.aucCalibrated());
            num(x, "brier_current", c.brierCurrent());
            num(x, "brier_calibrated", c.brierCalibrated());
            num(x, "at_risk_or_worse_precision_current", c.redPrecisionCurrent());
            num(x, "at_risk_or_worse_precision_calibrated", c.redPrecisionCalibrated());
            num(x, "at_risk_or_worse_recall_current", c.redRecallCurrent());
            num(x, "at_risk_or_worse_recall_calibrated", c.redRecallCalibrated());
            num(x, "auc_signed_logistic", c.aucSignedLinear());
        }
        o.set("lead_time_later_current", leadTimeFigures(r.leadCurrent()));
        o.set("lead_time_later_calibrated", leadTimeFigures(r.leadCalibrated()));
        BandThresholds t = r.thresholds();
        ObjectNode th = o.putObject("bands");
        th.put("critical_max", t.criticalMax());
        th.put("at_risk_max", t.atRiskMax());
        th.put("watching_max", t.watchingMax());
        num(th, "critical_precision_fit", t.criticalPrecision());
        num(th, "critical_recall_fit", t.criticalRecall());
        th.put("critical_target_met", t.criticalTargetMet());
        num(th, "at_risk_or_worse_precision_fit", t.atRiskPrecision());
        num(th, "at_risk_or_worse_recall_fit", t.atRiskRecall());
        th.put("at_risk_target_met", t.atRiskTargetMet());
        ArrayNode sig = o.putArray("signals");
        for (WeightCalibration.SignalFit f : r.signals()) {
            ObjectNode x = sig.addObject();
            x.put("signal", f.signal());
            x.put("dimension", f.dimension());
            num(x, "coverage_fit", f.coverage());
            num(x, "auc_fit", f.trainAuc());
            num(x, "standardized_coefficient", f.standardizedCoefficient());
            num(x, "weight_per_point", f.weightPerPoint());
            num(x, "current_weight", f.currentWeight());
            num(x, "calibrated_weight", f.calibratedWeight());
            x.put("flipped", f.flipped());
        }
        return o;
    }

    private static void num(ObjectNode o, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static double[] scores(List<Observation> obs) {
        return obs.stream().mapToDouble(Observation::score).toArray();
    }

    private static Band[] bands(List<Observation> obs) {
        return obs.stream().map(Observation::band).toArray(Band[]::new);
    }

    private static OutcomeKind[] kinds(List<Observation> obs) {
        return obs.stream().map(o -> o.outcome().kind()).toArray(OutcomeKind[]::new);
    }

    private static String[] segments(List<Observation> obs) {
        return obs.stream().map(Observation::segment).toArray(String[]::new);
    }

    private static int[] labels(List<Observation> obs, LabelPolicy policy) {
        return obs.stream().mapToInt(o -> policy.label(o.outcome().kind())).toArray();
    }
}
