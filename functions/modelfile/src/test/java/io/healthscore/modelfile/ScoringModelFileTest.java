package io.healthscore.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.model.ActivitySettings;
import io.healthscore.domain.model.BandRange;
import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.ExpansionSpec;
import io.healthscore.domain.model.InvalidScoringModelException;
import io.healthscore.domain.model.ModelProblem;
import io.healthscore.domain.model.PlaybookRule;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.Transform;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.Driver;
import io.healthscore.domain.scoring.PeerDistributions;
import io.healthscore.domain.scoring.Scorer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringModelFileTest {

    private static Path fixture(String name) {
        try {
            return Path.of(ScoringModelFileTest.class.getResource("/models/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignalSpec signal(ScoringModel m, String id) {
        return m.signals().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static InvalidScoringModelException loadFailure(Path file) {
        Throwable t = catchThrowable(() -> ScoringModelFile.load(file));
        assertThat(t).as("loading %s", file).isInstanceOf(InvalidScoringModelException.class);
        InvalidScoringModelException e = (InvalidScoringModelException) t;
        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.getMessage()).startsWith("scoring model " + file + " is invalid (");
        assertNoStackTrace(e.getMessage());
        return e;
    }

    private static void assertNoStackTrace(String message) {
        assertThat(message)
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("com.fasterxml")
                .doesNotContain("io.healthscore.modelfile")
                .doesNotContain("ModelFileDto");
    }

    /** 1-based number of the first line of the file containing the text. */
    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    // ---------------------------------------------------------------- the default model

    @Test
    void theEmbeddedDefaultLoads() {
        ScoringModel m = ScoringModelFile.loadDefault();
        assertThat(m.version()).isEqualTo("2026.11-default");
        assertThat(m.problems()).isEmpty();
        assertThat(m.dimensions()).extracting(DimensionSpec::weight).containsExactly(35.0, 20.0, 20.0, 15.0, 10.0);
        assertThat(m.dimensions()).extracting(DimensionSpec::label)
                .containsExactly("Product usage", "Support", "Relationship", "Sentiment and NPS", "Commercial");
        assertThat(m.signals()).hasSize(19);
        assertThat(m.segmentOverrides()).extracting(SegmentOverride::name).containsExactly(
                "enterprise books run many cases", "new customers are still onboarding",
                "smb is served pooled, without sponsor programme");
        assertThat(m.playbooks()).hasSize(8).allMatch(PlaybookRule::enabled);
        // csat 5 + relationship 14 + sentiment 15 of 100
        assertThat(m.qualitativeShare()).isBetween(0.30, 0.40).isCloseTo(0.34, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theEmbeddedDefaultIsConfigScoringModelYaml() {
        Path config = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && config == null; d = d.getParent()) {
            Path c = d.resolve("config/scoring-model.yaml");
            config = Files.isRegularFile(c) ? c : null;
        }
        assertThat(config).as("config/scoring-model.yaml above the module").isNotNull();
        assertThat(ScoringModelFile.load(config)).isEqualTo(ScoringModelFile.loadDefault());
    }

    @Test
    void theDefaultsTransformsTriggersAndSettingsAreReadAsWritten() {
        ScoringModel m = ScoringModelFile.loadDefault();
        assertThat(signal(m, "seat_utilisation").transform()).isEqualTo(new Transform.Linear(20, 85));
        assertThat(signal(m, "seat_utilisation").kind()).isEqualTo(SignalSpec.SignalKind.QUANTITATIVE);
        assertThat(signal(m, "seat_utilisation").custom()).isFalse();
        assertThat(signal(m, "days_past_due").transform()).isEqualTo(new Transform.Steps(List.of(
                new Transform.Step(0, 100), new Transform.Step(15, 75), new Transform.Step(30, 45),
                new Transform.Step(60, 20)), 5));
        assertThat(signal(m, "case_volume_per_seat").transform())
                .isEqualTo(new Transform.Percentile(false, 30, new Transform.Linear(20, 2)));
        assertThat(signal(m, "nps").kind()).isEqualTo(SignalSpec.SignalKind.QUALITATIVE);

        SegmentOverride enterprise = m.segmentOverrides().get(0);
        assertThat(enterprise.when().segments()).containsExactly(Segment.ENTERPRISE);
        assertThat(enterprise.signals().get("case_volume_per_seat")).isEqualTo(new SegmentOverride.SignalChange(null, 15.0));
        assertThat(m.segmentOverrides().get(1).when().maxTenureMonths()).isEqualTo(6);
        assertThat(m.segmentOverrides().get(2).signals().get("executive_sponsor_engaged").weight()).isZero();

        assertThat(m.bands()).containsExactly(new BandRange(Band.HEALTHY, 70, 100), new BandRange(Band.WATCHING, 55, 69),
                new BandRange(Band.AT_RISK, 40, 54), new BandRange(Band.CRITICAL, 0, 39));
        assertThat(m.confidence().floor()).isEqualTo(0.5);
        assertThat(m.expansion().readyAt()).isEqualTo(65);
        assertThat(m.expansion().components()).extracting(ExpansionSpec.Component::signal)
                .containsExactly("usage_trend", "seat_utilisation", "stakeholders_engaged", "expansion_interest");
        assertThat(m.activity()).isEqualTo(new ActivitySettings(
                Set.of("call", "meeting", "qbr", "ebr", "onsite", "workshop"), 30, 90));

        assertThat(m.playbooks()).extracting(PlaybookRule::trigger).containsExactly(
                new PlaybookRule.BandIs(Set.of(Band.AT_RISK)),
                new PlaybookRule.BandIs(Set.of(Band.CRITICAL)),
                new PlaybookRule.BandIs(Set.of(Band.CRITICAL)),
                new PlaybookRule.ScoreDrop(15),
                new PlaybookRule.RedFor(14),
                new PlaybookRule.Recovered(),
                new PlaybookRule.ExpansionMoment(90, 65),
                new PlaybookRule.BandIs(Set.of(Band.INSUFFICIENT_SIGNAL)));
        assertThat(m.playbooks().get(2).assignTo()).isEqualTo(PlaybookRule.Assignee.OWNER_MANAGER);
        assertThat(m.playbooks().get(1).priority()).isEqualTo(PlaybookRule.TaskPriority.HIGH);
        assertThat(m.playbooks().get(0).dueInDays()).isEqualTo(14);
    }

    // ---------------------------------------------------------------- valid custom models

    @Test
    void theMinimalModelLoads() {
        ScoringModel m = ScoringModelFile.load(fixture("valid/minimal.yaml"));
        assertThat(m.version()).isEqualTo("test-minimal-1");
        assertThat(m.dimensions()).containsExactly(new DimensionSpec("usage", "Product usage", 60),
                new DimensionSpec("support", "Support", 40));
        assertThat(m.signals()).extracting(SignalSpec::id)
                .containsExactly("seat_utilisation", "days_since_last_active", "case_volume_per_seat");
        assertThat(signal(m, "days_since_last_active").transform()).isEqualTo(new Transform.Steps(
                List.of(new Transform.Step(7, 100), new Transform.Step(30, 40)), 0));
        assertThat(signal(m, "case_volume_per_seat").transform())
                .isEqualTo(new Transform.Percentile(false, 10, new Transform.Linear(20, 2)));
        SegmentOverride o = m.segmentOverrides().get(0);
        assertThat(o.when()).isEqualTo(new SegmentOverride.Match(Set.of(Segment.ENTERPRISE), Set.of(), 1000, null, null, null));
        assertThat(o.signals()).isEqualTo(Map.of(
                "case_volume_per_seat", new SegmentOverride.SignalChange(null, 50.0),
                "seat_utilisation", new SegmentOverride.SignalChange(new Transform.Linear(10, 70), null)));
        // activity types are matched case-insensitively
        assertThat(m.activity().meaningful("CALL")).isTrue();
        assertThat(m.activity().meaningful("email")).isFalse();
        assertThat(m.playbooks()).containsExactly(new PlaybookRule("at_risk_outreach",
                new PlaybookRule.BandIs(Set.of(Band.AT_RISK)), PlaybookRule.Assignee.OWNER, 14,
                PlaybookRule.TaskPriority.NORMAL, "Health at risk: plan outreach to {account}", true));
    }

    @Test
    void aCustomModelWithAWarehouseColumnSignalLoadsAndScoresIt() {
        ScoringModel m = ScoringModelFile.load(fixture("valid/custom-column.yaml"));
        SignalSpec api = signal(m, "api_calls_per_seat");
        assertThat(api.custom()).isTrue();
        assertThat(api.column()).isEqualTo("api_calls_per_seat_30d");
        assertThat(api.label()).isEqualTo("API calls per seat");
        assertThat(api.transform()).isEqualTo(new Transform.Linear(0, 50));
        // tiers are stored lower case and match any case
        SegmentOverride premium = m.segmentOverrides().get(1);
        assertThat(premium.when().tiers()).containsExactlyInAnyOrder("premium", "gold");
        assertThat(m.playbooks().get(1).enabled()).isFalse();
        assertThat(m.playbooks().get(0).enabled()).isTrue();

        Scorer scorer = new Scorer(m);
        LocalDate asOf = LocalDate.of(2026, 6, 17);
        AccountProfile standard = new AccountProfile("001A", "Acme", Segment.SMB, "standard", 50, null, null, null, null);
        AccountFacts facts = new AccountFacts(standard, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Map.of("api_calls_per_seat_30d", 10.0), PreviousHealth.none(), EnumSet.of(FactSource.CRM));
        AccountHealth h = scorer.score(scorer.measure(facts, asOf), PeerDistributions.empty());
        // 10 of linear(0, 50) = 20: the only signal with data, so the composite; it carries 60 x 25 / 125 = 12 %
        // of the weight, below the 0.5 floor
        assertThat(h.score()).isEqualTo(20);
        assertThat(h.confidence()).isCloseTo(0.12, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(h.band()).isEqualTo(Band.INSUFFICIENT_SIGNAL);
        assertThat(h.drivers()).extracting(Driver::text).containsExactly("No data for support", "API calls per seat: 10");

        AccountProfile premiumProfile = new AccountProfile("001B", "Bcme", Segment.SMB, "PREMIUM", 50, null, null, null, null);
        AccountFacts premiumFacts = new AccountFacts(premiumProfile, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), Map.of("api_calls_per_seat_30d", 10.0), PreviousHealth.none(),
                EnumSet.of(FactSource.CRM));
        // premium: linear(10, 80): 10 scores 0
        assertThat(scorer.score(scorer.measure(premiumFacts, asOf), PeerDistributions.empty()).score()).isZero();
    }

    @Test
    void parseNamesTheSourceItIsGiven() throws IOException {
        byte[] yaml = Files.readAllBytes(fixture("invalid/weights-not-summing.yaml"));
        assertThatThrownBy(() -> ScoringModelFile.parse("s3://models/scoring-model.yaml", yaml))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessage("scoring model s3://models/scoring-model.yaml is invalid (1 problem)" + System.lineSeparator()
                        + "  - dimensions: weights sum to 90, expected 100");
    }

    // ---------------------------------------------------------------- invalid models

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown-field-typo           | signals[0].weigth                                              | unknown field 'weigth'
            unknown-top-level-field      | playbook                                                       | unknown field 'playbook'
            wrong-type                   | signals[0].weight                                              | 'heavy' is not a valid number (line 12)
            whole-number-expected        | playbooks[0].dueInDays                                         | '14.5' is not a valid whole number (line 62)
            wrong-shape                  | segmentOverrides[0].when.segment                               | has the wrong shape: expected list (line 31)
            unknown-transform-kind       | signals[0] (seat_utilisation).transform.kind                   | unknown transform 'logarithmic' (expected linear, thresholds or percentile)
            field-not-for-transform-kind | signals[0] (seat_utilisation).transform.otherwise              | does not apply to a linear transform (it takes worst, best)
            missing-required-field       | signals[0] (seat_utilisation).transform.best                   | is required
            unknown-kind-value           | signals[0] (seat_utilisation).kind                             | unknown value 'qualitive' (expected quantitative, qualitative)
            bad-assignee                 | playbooks[0] (at_risk_outreach).assignTo                       | unknown value 'csm' (expected owner, owner_manager)
            playbook-two-triggers        | playbooks[0] (at_risk_outreach).when                           | needs exactly one of band, dropOfMoreThan, redForDays, recovered, expansion; found 2
            bad-band-name                | bands[0].band                                                  | unknown band 'great' (expected healthy, watching, at_risk, critical or insufficient_signal)
            bad-segment-name             | segmentOverrides[0] (enterprise runs many cases).when.segment  | unknown segment 'enterprize' (expected smb, mid_market or enterprise)
            weights-not-summing          | dimensions                                                     | weights sum to 90, expected 100
            overlapping-bands            | bands[1] (watching)                                            | overlaps healthy (70-100) at score 70
            unknown-signal               | signals[1] (days_since_last_activ).id                          | unknown signal 'days_since_last_activ' (not built in; declare 'column'
            """)
    void aBrokenModelFailsNamingTheFileAndTheField(String name, String path, String message) {
        Path file = fixture("invalid/" + name + ".yaml");
        InvalidScoringModelException e = loadFailure(file);
        assertThat(e.problems()).hasSize(1);
        ModelProblem p = e.problems().get(0);
        assertThat(p.path()).isEqualTo(path);
        assertThat(p.message()).contains(message);
        assertThat(e.getMessage()).endsWith("(1 problem)" + System.lineSeparator() + "  - " + p);
    }

    @Test
    void anUnknownFieldListsTheKnownOnes() {
        InvalidScoringModelException e = loadFailure(fixture("invalid/unknown-field-typo.yaml"));
        assertThat(e.problems().get(0).message())
                .endsWith("; known fields: column, dimension, id, kind, label, transform, weight");
    }

    @Test
    void anUnknownFieldNamesTheLineOfTheMisspeltKey() throws IOException {
        Path file = fixture("invalid/unknown-field-typo.yaml");
        assertThat(loadFailure(file).problems().get(0).message())
                .startsWith("unknown field 'weigth' (line " + lineOf(file, "weigth:") + ")");
    }

    @Test
    void badYamlSyntaxIsReportedWithItsLine() throws IOException {
        Path file = fixture("invalid/bad-yaml-syntax.yaml");
        InvalidScoringModelException e = loadFailure(file);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).message()).contains("(line " + lineOf(file, "      dimension: usage") + ")");
    }

    @Test
    void badYamlSyntaxSaysTheFileIsNotValidYaml() throws IOException {
        Path file = fixture("invalid/bad-yaml-syntax.yaml");
        ModelProblem p = loadFailure(file).problems().get(0);
        assertThat(p.path()).isEqualTo("file");
        assertThat(p.message()).startsWith("is not valid YAML (line " + lineOf(file, "      dimension: usage") + ")");
    }

    @Test
    void aMissingFileIsAClearProblem(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-model.yaml");
        InvalidScoringModelException e = loadFailure(missing);
        assertThat(e.problems()).containsExactly(new ModelProblem("file", "does not exist"));
        assertThat(e.getMessage()).isEqualTo("scoring model " + missing + " is invalid (1 problem)"
                + System.lineSeparator() + "  - file: does not exist");
    }

    @Test
    void aDirectoryIsNotAModelFile(@TempDir Path dir) {
        InvalidScoringModelException e = loadFailure(dir);
        assertThat(e.problems()).extracting(ModelProblem::path).containsExactly("file");
        assertThat(e.problems().get(0).message()).startsWith("cannot be read");
    }

    @Test
    void anEmptyFileIsRefused() {
        InvalidScoringModelException e = loadFailure(fixture("invalid/empty.yaml"));
        assertThat(e.problems()).extracting(ModelProblem::path).containsExactly("file");
    }

    @Test
    void anEmptyFileSaysItIsEmpty() {
        assertThat(loadFailure(fixture("invalid/empty.yaml")).problems())
                .containsExactly(new ModelProblem("file", "is empty"));
    }

    @Test
    void anEmptyListItemIsAProblemNotACrash() {
        InvalidScoringModelException e = loadFailure(fixture("invalid/empty-list-item.yaml"));
        assertThat(e.problems()).extracting(ModelProblem::path).containsExactly("signals[0]");
    }

    @Test
    void aNullTierIsAProblemNotACrash() {
        InvalidScoringModelException e = loadFailure(fixture("invalid/null-tier.yaml"));
        assertThat(e.problems()).extracting(ModelProblem::path)
                .containsExactly("segmentOverrides[0] (enterprise runs many cases).when.tier");
    }

    @Test
    void aDuplicateKeyIsAProblem() {
        InvalidScoringModelException e = loadFailure(fixture("invalid/duplicate-key.yaml"));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).message()).contains("weight");
    }

    @Test
    void anOverflowingOverrideWeightIsAProblem() {
        InvalidScoringModelException e = loadFailure(fixture("invalid/override-weight-overflow.yaml"));
        assertThat(e.problems()).extracting(ModelProblem::path)
                .containsExactly("segmentOverrides[0] (enterprise runs many cases).signals.case_volume_per_seat.weight");
    }
}
