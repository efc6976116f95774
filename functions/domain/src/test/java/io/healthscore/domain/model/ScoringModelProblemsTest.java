package io.healthscore.domain.model;

import static io.healthscore.domain.TestModels.change;
import static io.healthscore.domain.TestModels.changes;
import static io.healthscore.domain.TestModels.linear;
import static io.healthscore.domain.TestModels.quant;
import static io.healthscore.domain.TestModels.segments;
import static io.healthscore.domain.TestModels.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.healthscore.domain.TestModels;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.model.PlaybookRule.Assignee;
import io.healthscore.domain.model.PlaybookRule.TaskPriority;
import io.healthscore.domain.model.SignalSpec.SignalKind;
import io.healthscore.domain.scoring.Band;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One broken rule at a time in an otherwise valid default model: exactly that problem is reported, with
 * its path and message. Signal paths read "signals[i] (id)"; override paths "segmentOverrides[i] (name)".
 */
class ScoringModelProblemsTest {

    private static final String ENTERPRISE = "segmentOverrides[0] (enterprise books run many cases)";

    @Test
    void theDefaultAndEchoModelsAreValid() {
        assertThat(TestModels.defaultModel().problems()).isEmpty();
        assertThat(TestModels.echoModel().problems()).isEmpty();
        ScoringModel m = TestModels.defaultModel();
        assertThat(m.validate("default")).isSameAs(m);
    }

    private static Arguments broken(String rule, Consumer<TestModels.Builder> breakIt, String path, String message) {
        return Arguments.of(rule, breakIt, path, message);
    }

    private static DimensionSpec dim(String id, double weight) {
        return new DimensionSpec(id, id, weight);
    }

    private static List<DimensionSpec> dims(double usage, double support, double relationship, double sentiment,
                                            double commercial) {
        return new ArrayList<>(List.of(dim("usage", usage), dim("support", support), dim("relationship", relationship),
                dim("sentiment", sentiment), dim("commercial", commercial)));
    }

    private static void setOverride(TestModels.Builder b, int i, SegmentOverride.Match when,
                                    Map<String, SegmentOverride.SignalChange> changes) {
        SegmentOverride o = b.segmentOverrides.get(i);
        b.segmentOverrides.set(i, new SegmentOverride(o.name(), when, changes));
    }

    private static void setPlaybook(TestModels.Builder b, String id, java.util.function.UnaryOperator<PlaybookRule> f) {
        b.playbooks.replaceAll(r -> r.id().equals(id) ? f.apply(r) : r);
    }

    private static PlaybookRule withTrigger(PlaybookRule r, PlaybookRule.Trigger t) {
        return new PlaybookRule(r.id(), t, r.assignTo(), r.dueInDays(), r.priority(), r.subject(), r.enabled());
    }

    static Stream<Arguments> singleProblems() {
        return Stream.of(
                // version
                broken("version missing", b -> b.version = " ", "version", "is required (it is stamped on every score)"),
                broken("version too long", b -> b.version = "v".repeat(41), "version",
                        "is longer than 40 characters (the Salesforce field holds 40)"),
                // dimensions
                broken("dimension weights not summing to 100", b -> b.dimensions = dims(35, 20, 20, 15, 15),
                        "dimensions", "weights sum to 105, expected 100"),
                broken("dimension weights summing to a fraction", b -> b.dimensions = dims(35, 20, 20, 15, 9.5),
                        "dimensions", "weights sum to 99.5, expected 100"),
                broken("duplicate dimension id", b -> {
                    b.dimensions = dims(35, 20, 20, 15, 5);
                    b.dimensions.add(dim("commercial", 5));
                }, "dimensions[5].id", "duplicate dimension 'commercial'"),
                broken("dimension weight zero", b -> b.dimensions = dims(35, 20, 20, 25, 0),
                        "dimensions[4].weight", "must be greater than 0, got 0.0"),
                broken("dimension without a weighted signal", b -> {
                    b.weight("nps", 0).weight("conversation_sentiment", 0).weight("conversation_risk", 0);
                }, "dimensions (sentiment)", "has no signal with a weight above 0"),
                // signals
                broken("duplicate signal id", b -> b.signals.add(quant("nps", "sentiment", 10, linear(0, 10))),
                        "signals[19] (nps).id", "duplicate signal 'nps'"),
                broken("unknown dimension", b -> b.signal("nps", s -> new SignalSpec(s.id(), "sentiments", s.weight(),
                                s.kind(), s.transform(), null, null)),
                        "signals[12] (nps).dimension",
                        "unknown dimension 'sentiments' (declared: commercial, relationship, sentiment, support, usage)"),
                broken("negative signal weight", b -> b.weight("seat_utilisation", -1),
                        "signals[0] (seat_utilisation).weight", "must be 0 or more, got -1.0"),
                broken("infinite signal weight", b -> b.weight("seat_utilisation", Double.POSITIVE_INFINITY),
                        "signals[0] (seat_utilisation).weight", "must be 0 or more, got Infinity"),
                broken("kind missing", b -> b.signal("seat_utilisation", s -> new SignalSpec(s.id(), s.dimension(),
                                s.weight(), null, s.transform(), null, null)),
                        "signals[0] (seat_utilisation).kind", "is required (quantitative or qualitative)"),
                broken("custom signal without a column name", b -> b.signals.add(new SignalSpec("api_calls", "usage", 10,
                                SignalKind.QUANTITATIVE, linear(0, 10), " ", null)),
                        "signals[19] (api_calls).column", "must name an export column"),
                // transforms
                broken("transform missing", b -> b.transform("seat_utilisation", null),
                        "signals[0] (seat_utilisation).transform", "is required"),
                broken("linear with worst equal to best", b -> b.transform("seat_utilisation", linear(50, 50)),
                        "signals[0] (seat_utilisation).transform", "worst and best are both 50; they must differ"),
                broken("linear with a bound that is not a number", b -> b.transform("seat_utilisation", linear(Double.NaN, 50)),
                        "signals[0] (seat_utilisation).transform", "worst and best must be numbers"),
                broken("thresholds without steps", b -> b.transform("days_since_last_active", steps(0)),
                        "signals[3] (days_since_last_active).transform.steps", "needs at least one step"),
                broken("thresholds not ascending", b -> b.transform("days_since_last_active",
                                steps(0, 7, 100, 7, 70, 30, 35)),
                        "signals[3] (days_since_last_active).transform.steps[1].upTo",
                        "must be greater than the previous step's (7)"),
                broken("thresholds not monotone", b -> b.transform("days_since_last_active",
                                steps(100, 7, 100, 14, 35, 30, 70)),
                        "signals[3] (days_since_last_active).transform.steps[2].score",
                        "scores must only rise or only fall across steps (a worse value can never score better)"),
                broken("otherwise against the steps", b -> b.transform("days_since_last_active",
                                steps(80, 7, 100, 14, 70)),
                        "signals[3] (days_since_last_active).transform.otherwise",
                        "breaks the direction of the steps (a worse value can never score better)"),
                broken("step score above 100", b -> b.transform("days_since_last_active",
                                steps(0, 7, 120, 14, 70, 30, 35)),
                        "signals[3] (days_since_last_active).transform.steps[0].score", "must be between 0 and 100, got 120"),
                broken("otherwise below 0", b -> b.transform("days_since_last_active", steps(-1, 7, 100, 14, 70)),
                        "signals[3] (days_since_last_active).transform.otherwise", "must be between 0 and 100, got -1"),
                broken("percentile minPeers below 1", b -> b.transform("case_volume_per_seat",
                                new Transform.Percentile(false, 0, linear(20, 2))),
                        "signals[5] (case_volume_per_seat).transform.minPeers", "must be at least 1, got 0"),
                broken("percentile fallback the other way", b -> b.transform("case_volume_per_seat",
                                new Transform.Percentile(false, 30, linear(2, 20))),
                        "signals[5] (case_volume_per_seat).transform.fallback", "points the other way than higherIsBetter"),
                broken("percentile fallback with equal bounds", b -> b.transform("case_volume_per_seat",
                                new Transform.Percentile(false, 30, linear(5, 5))),
                        "signals[5] (case_volume_per_seat).transform.fallback", "worst and best are both 5; they must differ"),
                // segment overrides
                broken("override of an unknown signal", b -> setOverride(b, 0, segments(Segment.ENTERPRISE),
                                changes("nsp", change(null, 10.0))),
                        ENTERPRISE + ".signals.nsp", "unknown signal 'nsp' (not declared under signals)"),
                broken("override matching every account", b -> setOverride(b, 0,
                                new SegmentOverride.Match(Set.of(), Set.of(), null, null, null, null),
                                changes("nps", change(null, 10.0))),
                        ENTERPRISE + ".when", "matches every account; change the signal itself instead"),
                broken("override without a condition", b -> setOverride(b, 0, null, changes("nps", change(null, 10.0))),
                        ENTERPRISE + ".when", "matches every account; change the signal itself instead"),
                broken("override with minEmployees above maxEmployees", b -> setOverride(b, 0,
                                new SegmentOverride.Match(null, null, 500, 100, null, null), changes("nps", change(null, 10.0))),
                        ENTERPRISE + ".when", "minEmployees is above maxEmployees"),
                broken("override with minTenureMonths above maxTenureMonths", b -> setOverride(b, 0,
                                new SegmentOverride.Match(null, null, null, null, 12, 6), changes("nps", change(null, 10.0))),
                        ENTERPRISE + ".when", "minTenureMonths is above maxTenureMonths"),
                broken("override changing nothing", b -> setOverride(b, 0, segments(Segment.ENTERPRISE), Map.of()),
                        ENTERPRISE + ".signals", "changes nothing"),
                broken("override change without transform or weight", b -> setOverride(b, 0, segments(Segment.ENTERPRISE),
                                changes("nps", change(null, null))),
                        ENTERPRISE + ".signals.nps", "sets neither transform nor weight"),
                broken("override with a negative weight", b -> setOverride(b, 0, segments(Segment.ENTERPRISE),
                                changes("nps", change(null, -1.0))),
                        ENTERPRISE + ".signals.nps.weight", "must be 0 or more, got -1.0"),
                broken("override with a broken transform", b -> setOverride(b, 0, segments(Segment.ENTERPRISE),
                                changes("nps", change(linear(3, 3), null))),
                        ENTERPRISE + ".signals.nps.transform", "worst and best are both 3; they must differ"),
                // bands
                broken("overlapping bands", b -> b.bands.set(1, new BandRange(Band.WATCHING, 55, 70)),
                        "bands[1] (watching)", "overlaps healthy (70-100) at score 70"),
                broken("gap between bands", b -> b.bands.set(2, new BandRange(Band.AT_RISK, 40, 50)),
                        "bands", "scores 51-54 fall in no band"),
                broken("one-score gap", b -> b.bands.set(1, new BandRange(Band.WATCHING, 56, 69)),
                        "bands", "scores 55 fall in no band"),
                broken("missing band", b -> {
                    b.bands.remove(1);
                    b.bands.set(1, new BandRange(Band.AT_RISK, 40, 69));
                }, "bands", "band watching is missing"),
                broken("band declared twice", b -> {
                    b.bands.set(0, new BandRange(Band.HEALTHY, 70, 84));
                    b.bands.add(new BandRange(Band.HEALTHY, 85, 100));
                }, "bands[4] (healthy).band", "is declared twice"),
                broken("insufficient_signal given a range", b -> b.bands.add(new BandRange(Band.INSUFFICIENT_SIGNAL, 0, 0)),
                        "bands[4] (insufficient_signal).band",
                        "insufficient_signal is set by the confidence floor, not by a score range"),
                broken("no bands", b -> b.bands.clear(), "bands", "are required (healthy, watching, at_risk, critical)"),
                // confidence, priority, trend
                broken("confidence missing", b -> b.confidence = null, "confidence", "is required"),
                broken("confidence floor above 1", b -> b.confidence = new ConfidenceRule(1.5), "confidence.floor",
                        "must be between 0 and 1 (share of weight with data), got 1.5"),
                broken("priority missing", b -> b.priority = null, "priority", "is required"),
                broken("renewal horizon zero", b -> b.priority = new PriorityRule(0, 0.15, 100000, 0.5),
                        "priority.renewalHorizonDays", "must be greater than 0"),
                broken("urgency floor zero", b -> b.priority = new PriorityRule(365, 0, 100000, 0.5),
                        "priority.minUrgency", "must be above 0 and at most 1"),
                broken("ARR reference zero", b -> b.priority = new PriorityRule(365, 0.15, 0, 0.5),
                        "priority.arrReference", "must be greater than 0"),
                broken("insufficient signal risk above 1", b -> b.priority = new PriorityRule(365, 0.15, 100000, 1.5),
                        "priority.insufficientSignalRisk", "must be between 0 and 1"),
                broken("trend missing", b -> b.trend = null, "trend", "is required"),
                broken("improving at zero points", b -> b.trend = new TrendRule(0, -5, 26),
                        "trend.improvingAt", "must be a positive number of points"),
                broken("declining at zero points", b -> b.trend = new TrendRule(5, 0, 26),
                        "trend.decliningAt", "must be a negative number of points"),
                broken("history of 53 points", b -> b.trend = new TrendRule(5, -5, 53),
                        "trend.historyPoints", "must be between 1 and 52"),
                // expansion
                broken("expansion missing", b -> b.expansion = null, "expansion", "is required"),
                broken("expansion without signals", b -> b.expansion = new ExpansionSpec(List.of(), 65),
                        "expansion.signals", "at least one signal is required"),
                broken("expansion of an unknown signal", b -> b.expansion = new ExpansionSpec(List.of(
                                new ExpansionSpec.Component("usage_trnd", 30, linear(0, 25))), 65),
                        "expansion.signals[0] (usage_trnd)", "unknown signal 'usage_trnd'"),
                broken("expansion weight zero", b -> b.expansion = new ExpansionSpec(List.of(
                                new ExpansionSpec.Component("usage_trend", 0, linear(0, 25))), 65),
                        "expansion.signals[0] (usage_trend).weight", "must be greater than 0"),
                broken("expansion with a percentile", b -> b.expansion = new ExpansionSpec(List.of(
                                new ExpansionSpec.Component("usage_trend", 30, new Transform.Percentile(true, 10, null))), 65),
                        "expansion.signals[0] (usage_trend).transform",
                        "percentile is not supported for expansion; use linear or thresholds"),
                broken("expansion readyAt above 100", b -> b.expansion = new ExpansionSpec(b.expansion.components(), 101),
                        "expansion.readyAt", "must be between 0 and 100"),
                // activity
                broken("activity missing", b -> b.activity = null, "activity", "is required"),
                broken("half-life zero", b -> b.activity = new ActivitySettings(Set.of("call"), 0, 90),
                        "activity.conversationHalfLifeDays", "must be greater than 0"),
                broken("lookback of 6 days", b -> b.activity = new ActivitySettings(Set.of("call"), 30, 6),
                        "activity.lookbackDays", "must be between 7 and 365"),
                broken("no meaningful touch types", b -> b.activity = new ActivitySettings(Set.of(), 30, 90),
                        "activity.meaningfulTouchTypes", "needs at least one activity type"),
                // playbooks
                broken("playbook id with capitals and a dash", b -> setPlaybook(b, "at_risk_outreach",
                                r -> new PlaybookRule("At-Risk", r.trigger(), r.assignTo(), r.dueInDays(), r.priority(),
                                        r.subject(), true)),
                        "playbooks[0] (At-Risk).id", "must be 1-40 characters of a-z, 0-9 and _ (it is part of the Task key)"),
                broken("duplicate playbook id", b -> setPlaybook(b, "critical_manager",
                                r -> new PlaybookRule("critical_owner", r.trigger(), r.assignTo(), r.dueInDays(),
                                        r.priority(), r.subject(), true)),
                        "playbooks[2] (critical_owner).id", "duplicate playbook id"),
                broken("playbook without a trigger", b -> setPlaybook(b, "recovery", r -> withTrigger(r, null)),
                        "playbooks[5] (recovery).when", "is required"),
                broken("band trigger without bands", b -> setPlaybook(b, "at_risk_outreach",
                                r -> withTrigger(r, new PlaybookRule.BandIs(Set.of()))),
                        "playbooks[0] (at_risk_outreach).when.band", "names no band"),
                broken("score drop of zero points", b -> setPlaybook(b, "sharp_drop",
                                r -> withTrigger(r, new PlaybookRule.ScoreDrop(0))),
                        "playbooks[3] (sharp_drop).when.dropOfMoreThan", "must be a positive number of points"),
                broken("red for zero days", b -> setPlaybook(b, "stays_red", r -> withTrigger(r, new PlaybookRule.RedFor(0))),
                        "playbooks[4] (stays_red).when.redForDays", "must be a positive number of days"),
                broken("expansion moment with a score above 100", b -> setPlaybook(b, "expansion_moment",
                                r -> withTrigger(r, new PlaybookRule.ExpansionMoment(90, 101))),
                        "playbooks[6] (expansion_moment).when",
                        "expansion needs renewalWithinDays > 0 and minExpansionScore 0-100"),
                broken("playbook without assignee", b -> setPlaybook(b, "recovery", r -> new PlaybookRule(r.id(),
                                r.trigger(), null, r.dueInDays(), r.priority(), r.subject(), true)),
                        "playbooks[5] (recovery).assignTo", "is required (owner or owner_manager)"),
                broken("playbook without priority", b -> setPlaybook(b, "recovery", r -> new PlaybookRule(r.id(),
                                r.trigger(), r.assignTo(), r.dueInDays(), null, r.subject(), true)),
                        "playbooks[5] (recovery).priority", "is required (high, normal or low)"),
                broken("playbook due in 366 days", b -> setPlaybook(b, "recovery", r -> new PlaybookRule(r.id(),
                                r.trigger(), r.assignTo(), 366, r.priority(), r.subject(), true)),
                        "playbooks[5] (recovery).dueInDays", "must be between 0 and 365"),
                broken("playbook subject too long", b -> setPlaybook(b, "recovery", r -> new PlaybookRule(r.id(),
                                r.trigger(), r.assignTo(), r.dueInDays(), r.priority(), "x".repeat(256), true)),
                        "playbooks[5] (recovery).subject", "is required, at most 255 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleProblems")
    void reportsExactlyTheBrokenRule(String rule, Consumer<TestModels.Builder> breakIt, String path, String message) {
        TestModels.Builder b = TestModels.defaultBuilder();
        breakIt.accept(b);
        assertThat(b.build().problems()).containsExactly(new ModelProblem(path, message));
    }

    @Test
    void anUnknownBuiltInSignalListsTheBuiltInOnes() {
        TestModels.Builder b = TestModels.defaultBuilder();
        b.signals.add(quant("seat_utilization", "usage", 10, linear(20, 85)));
        List<ModelProblem> problems = b.build().problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("signals[19] (seat_utilization).id");
        assertThat(problems.get(0).message())
                .startsWith("unknown signal 'seat_utilization' (not built in; declare 'column' to read it from a "
                        + "warehouse roll-up). Built-in signals: seat_utilisation, usage_trend,")
                .endsWith("conversation_risk, expansion_interest");
    }

    @Test
    void bandsInTheWrongOrder() {
        TestModels.Builder b = TestModels.defaultBuilder();
        b.bands = new ArrayList<>(List.of(new BandRange(Band.CRITICAL, 70, 100), new BandRange(Band.WATCHING, 55, 69),
                new BandRange(Band.AT_RISK, 40, 54), new BandRange(Band.HEALTHY, 0, 39)));
        assertThat(b.build().problems()).containsExactlyInAnyOrder(
                new ModelProblem("bands", "at_risk must sit above critical"),
                new ModelProblem("bands", "healthy must sit above watching"));
    }

    @Test
    void aBandOutsideZeroToHundred() {
        TestModels.Builder b = TestModels.defaultBuilder();
        b.bands.set(3, new BandRange(Band.CRITICAL, -5, 39));
        assertThat(b.build().problems()).containsExactly(
                new ModelProblem("bands[3] (critical)", "range -5-39 must lie within 0-100 with min <= max"),
                new ModelProblem("bands", "scores 0-39 fall in no band"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        TestModels.Builder b = TestModels.defaultBuilder();
        b.version = null;
        b.dimensions = dims(35, 20, 20, 15, 15);
        b.bands.set(1, new BandRange(Band.WATCHING, 55, 70));
        assertThat(b.build().problems()).extracting(ModelProblem::path)
                .containsExactly("version", "dimensions", "bands[1] (watching)");
    }

    @Test
    void validateThrowsWithEveryProblemNamedInTheMessage() {
        TestModels.Builder b = TestModels.defaultBuilder();
        b.dimensions = dims(35, 20, 20, 15, 15);
        b.weight("seat_utilisation", -1);
        assertThatThrownBy(() -> b.build().validate("models/custom.yaml"))
                .isInstanceOfSatisfying(InvalidScoringModelException.class, e -> {
                    assertThat(e.source()).isEqualTo("models/custom.yaml");
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.getMessage()).isEqualTo("scoring model models/custom.yaml is invalid (2 problems)"
                            + System.lineSeparator() + "  - dimensions: weights sum to 105, expected 100"
                            + System.lineSeparator() + "  - signals[0] (seat_utilisation).weight: must be 0 or more, got -1.0");
                });
    }

    @Test
    void anInfiniteOverrideWeightIsAProblem() {
        TestModels.Builder b = TestModels.defaultBuilder();
        setOverride(b, 0, segments(Segment.ENTERPRISE), changes("nps", change(null, Double.POSITIVE_INFINITY)));
        assertThat(b.build().problems()).containsExactly(
                new ModelProblem(ENTERPRISE + ".signals.nps.weight", "must be 0 or more, got Infinity"));
    }

    @Test
    void qualitativeShareOfTheDefaultModel() {
        // support: csat 25 of 100 x 20 = 5; relationship: 70 of 100 x 20 = 14; sentiment: all 15 -> 34 of 100
        assertThat(TestModels.defaultModel().qualitativeShare()).isCloseTo(0.34, org.assertj.core.api.Assertions.within(1e-9));
    }
}
