package io.healthscore.backtest.calibration;

import io.healthscore.domain.model.BandRange;
import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.Transform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns fitted per-point weights into a scoring model: the composite is then proportional to the fitted
 * linear score (when every signal has data), so it ranks accounts as the fit does. Dimension weights are
 * the dimensions' shares of the fitted weight (in tenths of a percent, summing to exactly 100); signal
 * weights are percentages within their dimension; segment-override weights keep their ratio to the base
 * weight. A dimension the fit gives nothing keeps {@value #FLOOR_DIMENSION_WEIGHT} % on its best signal,
 * because a model dimension must carry weight. A negative weight (allowed only when asked) flips the
 * signal's transform, so "more is better" becomes "more is worse" explicitly in the file.
 */
public final class CalibratedModel {

    static final double FLOOR_DIMENSION_WEIGHT = 1.0;

    private CalibratedModel() {
    }

    /**
     * @param current        the model calibrated
     * @param perPointWeight fitted weight per sub-score point, per signal (model order); negative flips the transform
     * @param evidence       per signal, a measure of its predictive power (univariate AUC) to pick the floor signal
     */
    public static ScoringModel withWeights(ScoringModel current, double[] perPointWeight, double[] evidence) {
        List<SignalSpec> signals = current.signals();
        int p = signals.size();
        double[] c = new double[p];
        double total = 0;
        for (int j = 0; j < p; j++) {
            c[j] = Math.abs(perPointWeight[j]);
            total += c[j];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the fit gives every signal a weight of 0: the outcomes carry no usable evidence");
        }
        Map<String, Double> dimFit = new LinkedHashMap<>();
        for (DimensionSpec d : current.dimensions()) {
            dimFit.put(d.id(), 0.0);
        }
        for (int j = 0; j < p; j++) {
            dimFit.merge(signals.get(j).dimension(), c[j], Double::sum);
        }
        int empty = 0;
        for (double v : dimFit.values()) {
            if (v <= 0) {
                empty++;
            }
        }
        double room = 100 - empty * FLOOR_DIMENSION_WEIGHT;
        Map<String, Double> share = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : dimFit.entrySet()) {
            share.put(e.getKey(), e.getValue() > 0 ? room * e.getValue() / total : FLOOR_DIMENSION_WEIGHT);
        }
        Map<String, Double> dimWeights = tenthsSummingTo100(share);
        // a dimension without fitted weight keeps its best signal
        for (Map.Entry<String, Double> e : dimFit.entrySet()) {
            if (e.getValue() <= 0) {
                int best = -1;
                for (int j = 0; j < p; j++) {
                    if (signals.get(j).dimension().equals(e.getKey())
                            && (best < 0 || value(evidence[j]) > value(evidence[best]))) {
                        best = j;
                    }
                }
                if (best >= 0) {
                    c[best] = 1;
                    dimFit.put(e.getKey(), 1.0);
                }
            }
        }
        List<SignalSpec> newSignals = new ArrayList<>(p);
        Map<String, Double> ratio = new HashMap<>();
        Map<String, Boolean> flip = new HashMap<>();
        for (int j = 0; j < p; j++) {
            SignalSpec s = signals.get(j);
            double within = dimFit.get(s.dimension());
            double w = within > 0 ? Math.round(1000 * c[j] / within) / 10.0 : 0;
            boolean flipped = perPointWeight[j] < 0;
            flip.put(s.id(), flipped);
            ratio.put(s.id(), s.weight() > 0 ? w / s.weight() : Double.NaN);
            newSignals.add(new SignalSpec(s.id(), s.dimension(), w, s.kind(),
                    flipped ? flipped(s.transform()) : s.transform(), s.column(), s.label()));
        }
        ensureEachDimensionHasWeight(newSignals, c);
        List<DimensionSpec> dims = new ArrayList<>();
        for (DimensionSpec d : current.dimensions()) {
            dims.add(new DimensionSpec(d.id(), d.label(), dimWeights.get(d.id())));
        }
        List<SegmentOverride> overrides = new ArrayList<>();
        for (SegmentOverride o : current.segmentOverrides()) {
            Map<String, SegmentOverride.SignalChange> changes = new LinkedHashMap<>();
            o.signals().forEach((id, ch) -> {
                Double w = ch.weight();
                if (w != null) {
                    double r = ratio.getOrDefault(id, Double.NaN);
                    w = Double.isNaN(r) ? w : Math.round(10 * w * r) / 10.0;
                }
                Transform t = ch.transform();
                if (t != null && flip.getOrDefault(id, false)) {
                    t = flipped(t);
                }
                changes.put(id, new SegmentOverride.SignalChange(t, w));
            });
            overrides.add(new SegmentOverride(o.name(), o.when(), changes));
        }
        return new ScoringModel(current.version(), current.description(), dims, newSignals, overrides, current.bands(),
                current.confidence(), current.priority(), current.trend(), current.expansion(), current.activity(),
                current.playbooks());
    }

    public static ScoringModel withBandsAndVersion(ScoringModel m, List<BandRange> bands, String version, String description) {
        return new ScoringModel(version, description, m.dimensions(), m.signals(), m.segmentOverrides(), bands,
                m.confidence(), m.priority(), m.trend(), m.expansion(), m.activity(), m.playbooks());
    }

    /** The transform read the other way: every sub-score s becomes 100 - s. */
    static Transform flipped(Transform t) {
        if (t instanceof Transform.Linear l) {
            return new Transform.Linear(l.best(), l.worst());
        }
        if (t instanceof Transform.Steps s) {
            List<Transform.Step> steps = new ArrayList<>();
            for (Transform.Step st : s.steps()) {
                steps.add(new Transform.Step(st.upTo(), 100 - st.score()));
            }
            return new Transform.Steps(steps, 100 - s.otherwise());
        }
        Transform.Percentile p = (Transform.Percentile) t;
        return new Transform.Percentile(!p.higherIsBetter(), p.minPeers(),
                p.fallback() == null ? null : new Transform.Linear(p.fallback().best(), p.fallback().worst()));
    }

    private static void ensureEachDimensionHasWeight(List<SignalSpec> signals, double[] c) {
        Map<String, Integer> best = new HashMap<>();
        Map<String, Double> sum = new HashMap<>();
        for (int j = 0; j < signals.size(); j++) {
            String d = signals.get(j).dimension();
            sum.merge(d, signals.get(j).weight(), Double::sum);
            if (!best.containsKey(d) || c[j] > c[best.get(d)]) {
                best.put(d, j);
            }
        }
        for (Map.Entry<String, Double> e : sum.entrySet()) {
            if (e.getValue() <= 0) {
                int j = best.get(e.getKey());
                SignalSpec s = signals.get(j);
                signals.set(j, new SignalSpec(s.id(), s.dimension(), 100, s.kind(), s.transform(), s.column(), s.label()));
            }
        }
    }

    /** Rounds to tenths so that the values sum to exactly 100 (the rounding rest goes to the largest). */
    static Map<String, Double> tenthsSummingTo100(Map<String, Double> shares) {
        Map<String, Long> tenths = new LinkedHashMap<>();
        long sum = 0;
        String largest = null;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            long t = Math.max(1, Math.round(e.getValue() * 10));
            tenths.put(e.getKey(), t);
            sum += t;
            if (largest == null || t > tenths.get(largest)) {
                largest = e.getKey();
            }
        }
        tenths.merge(largest, 1000 - sum, Long::sum);
        Map<String, Double> out = new LinkedHashMap<>();
        tenths.forEach((k, v) -> out.put(k, v / 10.0));
        return out;
    }

    private static double value(double v) {
        return Double.isNaN(v) ? -1 : v;
    }
}
