package io.healthscore.domain;

import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.model.ActivitySettings;
import io.healthscore.domain.model.BandRange;
import io.healthscore.domain.model.ConfidenceRule;
import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.ExpansionSpec;
import io.healthscore.domain.model.PlaybookRule;
import io.healthscore.domain.model.PlaybookRule.Assignee;
import io.healthscore.domain.model.PlaybookRule.TaskPriority;
import io.healthscore.domain.model.PriorityRule;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.SignalSpec.SignalKind;
import io.healthscore.domain.model.Transform;
import io.healthscore.domain.model.TrendRule;
import io.healthscore.domain.scoring.Band;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Scoring models built in code for the domain tests, which cannot read YAML. {@link #defaultModel()}
 * mirrors config/scoring-model.yaml version {@value #DEFAULT_VERSION} field by field; when that file
 * changes (and its version is bumped), {@code DefaultModelMirrorTest} fails until this mirror is updated.
 */
public final class TestModels {

    public static final String DEFAULT_VERSION = "2026.11-default";

    private TestModels() {
    }

    /** The default model, as in config/scoring-model.yaml. */
    public static ScoringModel defaultModel() {
        return defaultBuilder().build();
    }

    /**
     * A one-signal model whose composite equals the custom column {@code echo} (linear 0..100), with a
     * tracked-only column {@code readiness} that alone drives expansion readiness, the default bands,
     * confidence, priority, trend, activity and playbooks. For band, trend, history and playbook tests
     * where the score itself must be chosen exactly.
     */
    public static ScoringModel echoModel() {
        return echoBuilder().build();
    }

    public static Builder echoBuilder() {
        Builder b = defaultBuilder();
        b.version = "echo-test";
        b.dimensions = new ArrayList<>(List.of(new DimensionSpec("all", "Everything", 100)));
        b.signals = new ArrayList<>(List.of(
                new SignalSpec("echo", "all", 1, SignalKind.QUANTITATIVE, linear(0, 100), "echo", "Echo"),
                new SignalSpec("readiness", "all", 0, SignalKind.QUANTITATIVE, linear(0, 100), "readiness", "Readiness")));
        b.segmentOverrides = new ArrayList<>();
        b.expansion = new ExpansionSpec(List.of(new ExpansionSpec.Component("readiness", 1, linear(0, 100))), 65);
        return b;
    }

    /** A mutable copy of the default model's parts. */
    public static Builder defaultBuilder() {
        Builder b = new Builder();
        b.version = DEFAULT_VERSION;
        b.description = "Default weights from customer-success practice: product usage 35, support 20, relationship 20, "
                + "sentiment and NPS 15, commercial 10; about a third of the weight on qualitative signals.\n";
        b.dimensions = new ArrayList<>(List.of(
                new DimensionSpec("usage", "Product usage", 35),
                new DimensionSpec("support", "Support", 20),
                new DimensionSpec("relationship", "Relationship", 20),
                new DimensionSpec("sentiment", "Sentiment and NPS", 15),
                new DimensionSpec("commercial", "Commercial", 10)));
        b.signals = new ArrayList<>(List.of(
                quant("seat_utilisation", "usage", 30, linear(20, 85)),
                quant("usage_trend", "usage", 30, linear(-40, 10)),
                quant("feature_breadth", "usage", 20, linear(10, 70)),
                quant("days_since_last_active", "usage", 20, steps(0, 7, 100, 14, 70, 30, 35)),
                quant("open_critical_cases", "support", 30, steps(5, 0, 100, 1, 45, 2, 20)),
                quant("case_volume_per_seat", "support", 25, new Transform.Percentile(false, 30, linear(20, 2))),
                qual("csat_trend", "support", 25, linear(-1.0, 0.3)),
                quant("reopened_tickets", "support", 20, steps(15, 0, 100, 1, 70, 3, 40)),
                quant("days_since_meaningful_touch", "relationship", 30, steps(10, 30, 100, 60, 65, 90, 35)),
                qual("champion_present", "relationship", 30, steps(100, 0, 10)),
                qual("executive_sponsor_engaged", "relationship", 20, steps(20, 90, 100, 180, 55)),
                qual("stakeholders_engaged", "relationship", 20, linear(0, 4)),
                qual("nps", "sentiment", 40, linear(0, 9)),
                qual("conversation_sentiment", "sentiment", 35, linear(-60, 60)),
                qual("conversation_risk", "sentiment", 25, steps(10, 0.05, 100, 0.6, 55, 1.2, 30)),
                quant("days_past_due", "commercial", 35, steps(5, 0, 100, 15, 75, 30, 45, 60, 20)),
                quant("late_invoice_share", "commercial", 25, linear(60, 0)),
                quant("seat_change", "commercial", 25, linear(-25, 10)),
                quant("days_to_renewal", "commercial", 15, steps(100, 30, 50, 90, 75))));
        b.segmentOverrides = new ArrayList<>(List.of(
                override("enterprise books run many cases", segments(Segment.ENTERPRISE), changes(
                        "open_critical_cases", change(steps(15, 0, 100, 1, 70, 3, 40), null),
                        "case_volume_per_seat", change(null, 15.0))),
                override("new customers are still onboarding",
                        new SegmentOverride.Match(null, null, null, null, null, 6), changes(
                        "usage_trend", change(linear(-20, 30), null),
                        "feature_breadth", change(linear(5, 50), null))),
                override("smb is served pooled, without sponsor programme", segments(Segment.SMB), changes(
                        "executive_sponsor_engaged", change(null, 0.0),
                        "days_since_meaningful_touch", change(steps(30, 60, 100, 120, 60), null)))));
        b.bands = new ArrayList<>(List.of(
                new BandRange(Band.HEALTHY, 70, 100),
                new BandRange(Band.WATCHING, 55, 69),
                new BandRange(Band.AT_RISK, 40, 54),
                new BandRange(Band.CRITICAL, 0, 39)));
        b.confidence = new ConfidenceRule(0.5);
        b.priority = new PriorityRule(365, 0.15, 100000, 0.5);
        b.trend = new TrendRule(5, -5, 26);
        b.expansion = new ExpansionSpec(List.of(
                new ExpansionSpec.Component("usage_trend", 30, linear(0, 25)),
                new ExpansionSpec.Component("seat_utilisation", 25, linear(60, 95)),
                new ExpansionSpec.Component("stakeholders_engaged", 20, linear(1, 5)),
                new ExpansionSpec.Component("expansion_interest", 25, steps(100, 0.05, 0, 0.5, 60))), 65);
        b.activity = new ActivitySettings(Set.of("call", "meeting", "qbr", "ebr", "onsite", "workshop"), 30, 90);
        b.playbooks = new ArrayList<>(List.of(
                rule("at_risk_outreach", new PlaybookRule.BandIs(Set.of(Band.AT_RISK)), Assignee.OWNER, 14,
                        TaskPriority.NORMAL, "Health at risk: plan outreach to {account}"),
                rule("critical_owner", new PlaybookRule.BandIs(Set.of(Band.CRITICAL)), Assignee.OWNER, 3,
                        TaskPriority.HIGH, "Health critical: act now on {account}"),
                rule("critical_manager", new PlaybookRule.BandIs(Set.of(Band.CRITICAL)), Assignee.OWNER_MANAGER, 3,
                        TaskPriority.HIGH, "Health critical at {account}: review with the account owner"),
                rule("sharp_drop", new PlaybookRule.ScoreDrop(15), Assignee.OWNER, 0,
                        TaskPriority.HIGH, "Health score dropped sharply at {account}"),
                rule("stays_red", new PlaybookRule.RedFor(14), Assignee.OWNER_MANAGER, 2,
                        TaskPriority.HIGH, "Escalation: {account} has been at risk or worse for two weeks"),
                rule("recovery", new PlaybookRule.Recovered(), Assignee.OWNER, 7,
                        TaskPriority.LOW, "{account} recovered from red: note what worked"),
                rule("expansion_moment", new PlaybookRule.ExpansionMoment(90, 65), Assignee.OWNER, 14,
                        TaskPriority.NORMAL, "Expansion moment at {account} before renewal"),
                rule("insufficient_signal_review", new PlaybookRule.BandIs(Set.of(Band.INSUFFICIENT_SIGNAL)),
                        Assignee.OWNER, 14, TaskPriority.LOW, "Not enough signal to score {account}: check its data sources")));
        return b;
    }

    /** Mutable parts of a scoring model; {@link #build()} makes the immutable record. */
    public static final class Builder {
        public String version;
        public String description;
        public List<DimensionSpec> dimensions;
        public List<SignalSpec> signals;
        public List<SegmentOverride> segmentOverrides;
        public List<BandRange> bands;
        public ConfidenceRule confidence;
        public PriorityRule priority;
        public TrendRule trend;
        public ExpansionSpec expansion;
        public ActivitySettings activity;
        public List<PlaybookRule> playbooks;

        public ScoringModel build() {
            return new ScoringModel(version, description, dimensions, signals, segmentOverrides, bands, confidence,
                    priority, trend, expansion, activity, playbooks);
        }

        /** Replaces the signal with the given id. */
        public Builder signal(String id, UnaryOperator<SignalSpec> change) {
            signals.replaceAll(s -> s.id().equals(id) ? change.apply(s) : s);
            return this;
        }

        public Builder transform(String id, Transform t) {
            return signal(id, s -> new SignalSpec(s.id(), s.dimension(), s.weight(), s.kind(), t, s.column(), s.label()));
        }

        public Builder weight(String id, double w) {
            return signal(id, s -> new SignalSpec(s.id(), s.dimension(), w, s.kind(), s.transform(), s.column(), s.label()));
        }

        public int indexOf(String signalId) {
            for (int i = 0; i < signals.size(); i++) {
                if (signals.get(i).id().equals(signalId)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no signal " + signalId);
        }
    }

    public static Transform.Linear linear(double worst, double best) {
        return new Transform.Linear(worst, best);
    }

    /** Thresholds from (upTo, score) pairs. */
    public static Transform.Steps steps(double otherwise, double... upToScore) {
        List<Transform.Step> s = new ArrayList<>();
        for (int i = 0; i < upToScore.length; i += 2) {
            s.add(new Transform.Step(upToScore[i], upToScore[i + 1]));
        }
        return new Transform.Steps(s, otherwise);
    }

    public static SignalSpec quant(String id, String dimension, double weight, Transform t) {
        return new SignalSpec(id, dimension, weight, SignalKind.QUANTITATIVE, t, null, null);
    }

    public static SignalSpec qual(String id, String dimension, double weight, Transform t) {
        return new SignalSpec(id, dimension, weight, SignalKind.QUALITATIVE, t, null, null);
    }

    public static SegmentOverride.Match segments(Segment... s) {
        return new SegmentOverride.Match(Set.of(s), null, null, null, null, null);
    }

    public static SegmentOverride override(String name, SegmentOverride.Match when,
                                           Map<String, SegmentOverride.SignalChange> changes) {
        return new SegmentOverride(name, when, changes);
    }

    public static SegmentOverride.SignalChange change(Transform t, Double weight) {
        return new SegmentOverride.SignalChange(t, weight);
    }

    public static Map<String, SegmentOverride.SignalChange> changes(Object... idAndChange) {
        Map<String, SegmentOverride.SignalChange> m = new LinkedHashMap<>();
        for (int i = 0; i < idAndChange.length; i += 2) {
            m.put((String) idAndChange[i], (SegmentOverride.SignalChange) idAndChange[i + 1]);
        }
        return m;
    }

    public static PlaybookRule rule(String id, PlaybookRule.Trigger trigger, Assignee to, int dueInDays,
                                    TaskPriority priority, String subject) {
        return new PlaybookRule(id, trigger, to, dueInDays, priority, subject, true);
    }
}
