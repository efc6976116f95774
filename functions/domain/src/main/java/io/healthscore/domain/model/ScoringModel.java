package io.healthscore.domain.model;

import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.signals.BuiltInSignal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring model: signals, transforms, weights, segment overrides, bands, confidence, priority,
 * trend, expansion and playbooks. It is data (YAML in git); {@link #validate(String)} checks it and
 * names every problem by its path.
 */
public record ScoringModel(
        String version,
        String description,
        List<DimensionSpec> dimensions,
        List<SignalSpec> signals,
        List<SegmentOverride> segmentOverrides,
        List<BandRange> bands,
        ConfidenceRule confidence,
        PriorityRule priority,
        TrendRule trend,
        ExpansionSpec expansion,
        ActivitySettings activity,
        List<PlaybookRule> playbooks) {

    public ScoringModel {
        dimensions = List.copyOf(dimensions);
        signals = List.copyOf(signals);
        segmentOverrides = List.copyOf(segmentOverrides);
        bands = List.copyOf(bands);
        playbooks = List.copyOf(playbooks);
    }

    /** Returns this model when it is valid, else throws with every problem found. */
    public ScoringModel validate(String source) {
        List<ModelProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidScoringModelException(source, problems);
        }
        return this;
    }

    /** Every problem in the model; empty when it can be used. */
    public List<ModelProblem> problems() {
        List<ModelProblem> p = new ArrayList<>();
        if (version == null || version.isBlank()) {
            p.add(new ModelProblem("version", "is required (it is stamped on every score)"));
        } else if (version.length() > 40) {
            p.add(new ModelProblem("version", "is longer than 40 characters (the Salesforce field holds 40)"));
        }
        Map<String, DimensionSpec> dims = checkDimensions(p);
        Map<String, SignalSpec> sigs = checkSignals(p, dims);
        checkOverrides(p, sigs);
        checkBands(p);
        if (confidence == null) {
            p.add(new ModelProblem("confidence", "is required"));
        } else if (!(confidence.floor() >= 0 && confidence.floor() <= 1)) {
            p.add(new ModelProblem("confidence.floor", "must be between 0 and 1 (share of weight with data), got " + confidence.floor()));
        }
        checkPriority(p);
        checkTrend(p);
        checkExpansion(p, sigs);
        checkActivity(p);
        checkPlaybooks(p);
        return p;
    }

    private Map<String, DimensionSpec> checkDimensions(List<ModelProblem> p) {
        Map<String, DimensionSpec> dims = new HashMap<>();
        if (dimensions.isEmpty()) {
            p.add(new ModelProblem("dimensions", "at least one dimension is required"));
            return dims;
        }
        double sum = 0;
        for (int i = 0; i < dimensions.size(); i++) {
            DimensionSpec d = dimensions.get(i);
            String path = "dimensions[" + i + "]";
            if (d.id() == null || d.id().isBlank()) {
                p.add(new ModelProblem(path + ".id", "is required"));
                continue;
            }
            if (dims.put(d.id(), d) != null) {
                p.add(new ModelProblem(path + ".id", "duplicate dimension '" + d.id() + "'"));
            }
            if (!(d.weight() > 0)) {
                p.add(new ModelProblem(path + ".weight", "must be greater than 0, got " + d.weight()));
            }
            sum += d.weight();
        }
        if (Math.abs(sum - 100) > 0.001) {
            p.add(new ModelProblem("dimensions", "weights sum to " + trim(sum) + ", expected 100"));
        }
        return dims;
    }

    private Map<String, SignalSpec> checkSignals(List<ModelProblem> p, Map<String, DimensionSpec> dims) {
        Map<String, SignalSpec> sigs = new HashMap<>();
        Map<String, Double> weightPerDimension = new HashMap<>();
        for (int i = 0; i < signals.size(); i++) {
            SignalSpec s = signals.get(i);
            String path = "signals[" + i + "]";
            if (s.id() == null || s.id().isBlank()) {
                p.add(new ModelProblem(path + ".id", "is required"));
                continue;
            }
            path = "signals[" + i + "] (" + s.id() + ")";
            if (sigs.put(s.id(), s) != null) {
                p.add(new ModelProblem(path + ".id", "duplicate signal '" + s.id() + "'"));
            }
            if (!s.custom() && BuiltInSignal.byId(s.id()) == null) {
                p.add(new ModelProblem(path + ".id", "unknown signal '" + s.id()
                        + "' (not built in; declare 'column' to read it from a warehouse roll-up). Built-in signals: "
                        + builtInIds()));
            }
            if (s.custom() && s.column().isBlank()) {
                p.add(new ModelProblem(path + ".column", "must name an export column"));
            }
            if (s.dimension() == null || !dims.containsKey(s.dimension())) {
                p.add(new ModelProblem(path + ".dimension", "unknown dimension '" + s.dimension() + "' (declared: "
                        + String.join(", ", dims.keySet().stream().sorted().toList()) + ")"));
            }
            if (!(s.weight() >= 0) || Double.isInfinite(s.weight())) {
                p.add(new ModelProblem(path + ".weight", "must be 0 or more, got " + s.weight()));
            } else if (s.dimension() != null) {
                weightPerDimension.merge(s.dimension(), s.weight(), Double::sum);
            }
            if (s.kind() == null) {
                p.add(new ModelProblem(path + ".kind", "is required (quantitative or qualitative)"));
            }
            checkTransform(p, path + ".transform", s.transform());
        }
        for (DimensionSpec d : dimensions) {
            if (d.id() != null && weightPerDimension.getOrDefault(d.id(), 0.0) <= 0) {
                p.add(new ModelProblem("dimensions (" + d.id() + ")", "has no signal with a weight above 0"));
            }
        }
        return sigs;
    }

    static void checkTransform(List<ModelProblem> p, String path, Transform t) {
        if (t == null) {
            p.add(new ModelProblem(path, "is required"));
            return;
        }
        if (t instanceof Transform.Linear l) {
            checkLinear(p, path, l);
        } else if (t instanceof Transform.Steps s) {
            if (s.steps().isEmpty()) {
                p.add(new ModelProblem(path + ".steps", "needs at least one step"));
                return;
            }
            int direction = 0;
            double prevUpTo = Double.NEGATIVE_INFINITY;
            double prevScore = s.steps().get(0).score();
            for (int i = 0; i < s.steps().size(); i++) {
                Transform.Step st = s.steps().get(i);
                String sp = path + ".steps[" + i + "]";
                if (!(st.upTo() > prevUpTo)) {
                    p.add(new ModelProblem(sp + ".upTo", "must be greater than the previous step's (" + trim(prevUpTo) + ")"));
                }
                checkScore(p, sp + ".score", st.score());
                int d = Double.compare(st.score(), prevScore);
                if (d != 0) {
                    if (direction != 0 && d != direction) {
                        p.add(new ModelProblem(sp + ".score", "scores must only rise or only fall across steps (a worse value can never score better)"));
                    }
                    direction = d;
                }
                prevUpTo = st.upTo();
                prevScore = st.score();
            }
            checkScore(p, path + ".otherwise", s.otherwise());
            int d = Double.compare(s.otherwise(), prevScore);
            if (d != 0 && direction != 0 && d != direction) {
                p.add(new ModelProblem(path + ".otherwise", "breaks the direction of the steps (a worse value can never score better)"));
            }
        } else if (t instanceof Transform.Percentile pc) {
            if (pc.minPeers() < 1) {
                p.add(new ModelProblem(path + ".minPeers", "must be at least 1, got " + pc.minPeers()));
            }
            if (pc.fallback() != null) {
                checkLinear(p, path + ".fallback", pc.fallback());
                if (pc.fallback().higherIsBetter() != pc.higherIsBetter()) {
                    p.add(new ModelProblem(path + ".fallback", "points the other way than higherIsBetter"));
                }
            }
        }
    }

    private static void checkLinear(List<ModelProblem> p, String path, Transform.Linear l) {
        if (!Double.isFinite(l.worst()) || !Double.isFinite(l.best())) {
            p.add(new ModelProblem(path, "worst and best must be numbers"));
        } else if (l.worst() == l.best()) {
            p.add(new ModelProblem(path, "worst and best are both " + trim(l.worst()) + "; they must differ"));
        }
    }

    private static void checkScore(List<ModelProblem> p, String path, double score) {
        if (!(score >= 0 && score <= 100)) {
            p.add(new ModelProblem(path, "must be between 0 and 100, got " + trim(score)));
        }
    }

    /** Segment overrides a model may declare (the scorer caches combinations in a 64-bit mask). */
    public static final int MAX_SEGMENT_OVERRIDES = 64;

    private void checkOverrides(List<ModelProblem> p, Map<String, SignalSpec> sigs) {
        if (segmentOverrides.size() > MAX_SEGMENT_OVERRIDES) {
            p.add(new ModelProblem("segmentOverrides", "has " + segmentOverrides.size() + " entries; at most "
                    + MAX_SEGMENT_OVERRIDES + " are supported"));
        }
        for (int i = 0; i < segmentOverrides.size(); i++) {
            SegmentOverride o = segmentOverrides.get(i);
            String path = "segmentOverrides[" + i + "]" + (o.name() == null ? "" : " (" + o.name() + ")");
            SegmentOverride.Match m = o.when();
            if (m == null || (m.segments().isEmpty() && m.tiers().isEmpty() && m.minEmployees() == null
                    && m.maxEmployees() == null && m.minTenureMonths() == null && m.maxTenureMonths() == null)) {
                p.add(new ModelProblem(path + ".when", "matches every account; change the signal itself instead"));
            } else {
                if (m.minEmployees() != null && m.maxEmployees() != null && m.minEmployees() > m.maxEmployees()) {
                    p.add(new ModelProblem(path + ".when", "minEmployees is above maxEmployees"));
                }
                if (m.minTenureMonths() != null && m.maxTenureMonths() != null && m.minTenureMonths() > m.maxTenureMonths()) {
                    p.add(new ModelProblem(path + ".when", "minTenureMonths is above maxTenureMonths"));
                }
            }
            if (o.signals().isEmpty()) {
                p.add(new ModelProblem(path + ".signals", "changes nothing"));
            }
            for (Map.Entry<String, SegmentOverride.SignalChange> e : o.signals().entrySet()) {
                String sp = path + ".signals." + e.getKey();
                if (!sigs.containsKey(e.getKey())) {
                    p.add(new ModelProblem(sp, "unknown signal '" + e.getKey() + "' (not declared under signals)"));
                }
                SegmentOverride.SignalChange c = e.getValue();
                if (c.transform() == null && c.weight() == null) {
                    p.add(new ModelProblem(sp, "sets neither transform nor weight"));
                }
                if (c.transform() != null) {
                    checkTransform(p, sp + ".transform", c.transform());
                }
                if (c.weight() != null && (!(c.weight() >= 0) || c.weight().isInfinite())) {
                    p.add(new ModelProblem(sp + ".weight", "must be 0 or more, got " + c.weight()));
                }
            }
        }
    }

    private void checkBands(List<ModelProblem> p) {
        if (bands.isEmpty()) {
            p.add(new ModelProblem("bands", "are required (healthy, watching, at_risk, critical)"));
            return;
        }
        EnumSet<Band> seen = EnumSet.noneOf(Band.class);
        int[] owner = new int[101];
        java.util.Arrays.fill(owner, -1);
        for (int i = 0; i < bands.size(); i++) {
            BandRange b = bands.get(i);
            String path = "bands[" + i + "]" + (b.band() == null ? "" : " (" + b.band().wireName() + ")");
            if (b.band() == null) {
                p.add(new ModelProblem(path + ".band", "is required"));
                continue;
            }
            if (b.band() == Band.INSUFFICIENT_SIGNAL) {
                p.add(new ModelProblem(path + ".band", "insufficient_signal is set by the confidence floor, not by a score range"));
                continue;
            }
            if (!seen.add(b.band())) {
                p.add(new ModelProblem(path + ".band", "is declared twice"));
            }
            if (b.min() < 0 || b.max() > 100 || b.min() > b.max()) {
                p.add(new ModelProblem(path, "range " + b.min() + "-" + b.max() + " must lie within 0-100 with min <= max"));
                continue;
            }
            for (int s = b.min(); s <= b.max(); s++) {
                if (owner[s] >= 0) {
                    BandRange other = bands.get(owner[s]);
                    p.add(new ModelProblem(path, "overlaps " + other.band().wireName() + " (" + other.min() + "-"
                            + other.max() + ") at score " + s));
                    break;
                }
                owner[s] = i;
            }
        }
        for (Band b : List.of(Band.HEALTHY, Band.WATCHING, Band.AT_RISK, Band.CRITICAL)) {
            if (!seen.contains(b)) {
                p.add(new ModelProblem("bands", "band " + b.wireName() + " is missing"));
            }
        }
        for (int s = 0; s <= 100; s++) {
            if (owner[s] < 0) {
                int e = s;
                while (e < 100 && owner[e + 1] < 0) {
                    e++;
                }
                p.add(new ModelProblem("bands", "scores " + s + (e > s ? "-" + e : "") + " fall in no band"));
                s = e;
            }
        }
        // healthy must be the top band and critical the bottom one, in order
        Map<Band, BandRange> byBand = new HashMap<>();
        for (BandRange b : bands) {
            if (b.band() != null) {
                byBand.putIfAbsent(b.band(), b);
            }
        }
        Band[] order = {Band.CRITICAL, Band.AT_RISK, Band.WATCHING, Band.HEALTHY};
        for (int i = 1; i < order.length; i++) {
            BandRange lo = byBand.get(order[i - 1]);
            BandRange hi = byBand.get(order[i]);
            if (lo != null && hi != null && lo.min() >= hi.min()) {
                p.add(new ModelProblem("bands", order[i].wireName() + " must sit above " + order[i - 1].wireName()));
            }
        }
    }

    private void checkPriority(List<ModelProblem> p) {
        if (priority == null) {
            p.add(new ModelProblem("priority", "is required"));
            return;
        }
        if (priority.renewalHorizonDays() <= 0) {
            p.add(new ModelProblem("priority.renewalHorizonDays", "must be greater than 0"));
        }
        if (!(priority.minUrgency() > 0 && priority.minUrgency() <= 1)) {
            p.add(new ModelProblem("priority.minUrgency", "must be above 0 and at most 1"));
        }
        if (!(priority.arrReference() > 0)) {
            p.add(new ModelProblem("priority.arrReference", "must be greater than 0"));
        }
        if (!(priority.insufficientSignalRisk() >= 0 && priority.insufficientSignalRisk() <= 1)) {
            p.add(new ModelProblem("priority.insufficientSignalRisk", "must be between 0 and 1"));
        }
    }

    private void checkTrend(List<ModelProblem> p) {
        if (trend == null) {
            p.add(new ModelProblem("trend", "is required"));
            return;
        }
        if (trend.improvingAt() <= 0) {
            p.add(new ModelProblem("trend.improvingAt", "must be a positive number of points"));
        }
        if (trend.decliningAt() >= 0) {
            p.add(new ModelProblem("trend.decliningAt", "must be a negative number of points"));
        }
        if (trend.historyPoints() < 1 || trend.historyPoints() > 52) {
            p.add(new ModelProblem("trend.historyPoints", "must be between 1 and 52"));
        }
    }

    private void checkExpansion(List<ModelProblem> p, Map<String, SignalSpec> sigs) {
        if (expansion == null) {
            p.add(new ModelProblem("expansion", "is required"));
            return;
        }
        if (expansion.components().isEmpty()) {
            p.add(new ModelProblem("expansion.signals", "at least one signal is required"));
        }
        for (int i = 0; i < expansion.components().size(); i++) {
            ExpansionSpec.Component c = expansion.components().get(i);
            String path = "expansion.signals[" + i + "]" + (c.signal() == null ? "" : " (" + c.signal() + ")");
            if (c.signal() == null || (BuiltInSignal.byId(c.signal()) == null && !sigs.containsKey(c.signal()))) {
                p.add(new ModelProblem(path, "unknown signal '" + c.signal() + "'"));
            }
            if (!(c.weight() > 0)) {
                p.add(new ModelProblem(path + ".weight", "must be greater than 0"));
            }
            checkTransform(p, path + ".transform", c.transform());
            if (c.transform() instanceof Transform.Percentile) {
                p.add(new ModelProblem(path + ".transform", "percentile is not supported for expansion; use linear or thresholds"));
            }
        }
        if (expansion.readyAt() < 0 || expansion.readyAt() > 100) {
            p.add(new ModelProblem("expansion.readyAt", "must be between 0 and 100"));
        }
    }

    private void checkActivity(List<ModelProblem> p) {
        if (activity == null) {
            p.add(new ModelProblem("activity", "is required"));
            return;
        }
        if (!(activity.conversationHalfLifeDays() > 0)) {
            p.add(new ModelProblem("activity.conversationHalfLifeDays", "must be greater than 0"));
        }
        if (activity.lookbackDays() < 7 || activity.lookbackDays() > 365) {
            p.add(new ModelProblem("activity.lookbackDays", "must be between 7 and 365"));
        }
        if (activity.meaningfulTouchTypes().isEmpty()) {
            p.add(new ModelProblem("activity.meaningfulTouchTypes", "needs at least one activity type"));
        }
    }

    private void checkPlaybooks(List<ModelProblem> p) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < playbooks.size(); i++) {
            PlaybookRule r = playbooks.get(i);
            String path = "playbooks[" + i + "]" + (r.id() == null ? "" : " (" + r.id() + ")");
            if (r.id() == null || !r.id().matches("[a-z0-9_]{1,40}")) {
                p.add(new ModelProblem(path + ".id", "must be 1-40 characters of a-z, 0-9 and _ (it is part of the Task key)"));
            } else if (!ids.add(r.id())) {
                p.add(new ModelProblem(path + ".id", "duplicate playbook id"));
            }
            if (r.trigger() == null) {
                p.add(new ModelProblem(path + ".when", "is required"));
            } else if (r.trigger() instanceof PlaybookRule.BandIs b && b.bands().isEmpty()) {
                p.add(new ModelProblem(path + ".when.band", "names no band"));
            } else if (r.trigger() instanceof PlaybookRule.ScoreDrop d && d.points() <= 0) {
                p.add(new ModelProblem(path + ".when.dropOfMoreThan", "must be a positive number of points"));
            } else if (r.trigger() instanceof PlaybookRule.RedFor d && d.days() <= 0) {
                p.add(new ModelProblem(path + ".when.redForDays", "must be a positive number of days"));
            } else if (r.trigger() instanceof PlaybookRule.ExpansionMoment e
                    && (e.renewalWithinDays() <= 0 || e.minExpansionScore() < 0 || e.minExpansionScore() > 100)) {
                p.add(new ModelProblem(path + ".when", "expansion needs renewalWithinDays > 0 and minExpansionScore 0-100"));
            }
            if (r.assignTo() == null) {
                p.add(new ModelProblem(path + ".assignTo", "is required (owner or owner_manager)"));
            }
            if (r.priority() == null) {
                p.add(new ModelProblem(path + ".priority", "is required (high, normal or low)"));
            }
            if (r.dueInDays() < 0 || r.dueInDays() > 365) {
                p.add(new ModelProblem(path + ".dueInDays", "must be between 0 and 365"));
            }
            if (r.subject() == null || r.subject().isBlank() || r.subject().length() > 255) {
                p.add(new ModelProblem(path + ".subject", "is required, at most 255 characters"));
            }
        }
    }

    /** Share of the composite weight carried by qualitative signals (0..1). */
    public double qualitativeShare() {
        double qual = 0;
        double total = 0;
        for (DimensionSpec d : dimensions) {
            double dimSignals = 0;
            for (SignalSpec s : signals) {
                if (d.id().equals(s.dimension())) {
                    dimSignals += s.weight();
                }
            }
            for (SignalSpec s : signals) {
                if (d.id().equals(s.dimension()) && dimSignals > 0) {
                    double w = d.weight() * s.weight() / dimSignals;
                    total += w;
                    if (s.kind() == SignalSpec.SignalKind.QUALITATIVE) {
                        qual += w;
                    }
                }
            }
        }
        return total == 0 ? 0 : qual / total;
    }

    public BandRange bandFor(Band band) {
        for (BandRange b : bands) {
            if (b.band() == band) {
                return b;
            }
        }
        return null;
    }

    private static String builtInIds() {
        List<String> ids = new ArrayList<>();
        for (BuiltInSignal s : BuiltInSignal.values()) {
            ids.add(s.id());
        }
        return String.join(", ", ids);
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
