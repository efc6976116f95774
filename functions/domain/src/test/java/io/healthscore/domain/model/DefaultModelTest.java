package io.healthscore.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.TestModels;
import io.healthscore.domain.signals.BuiltInSignal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shape of the default model, through its in-code mirror {@link TestModels#defaultModel()}. */
class DefaultModelTest {

    private final ScoringModel model = TestModels.defaultModel();

    @Test
    void dimensionWeightsAre35_20_20_15_10() {
        assertThat(model.dimensions()).extracting(DimensionSpec::id, DimensionSpec::weight).containsExactly(
                org.assertj.core.groups.Tuple.tuple("usage", 35.0),
                org.assertj.core.groups.Tuple.tuple("support", 20.0),
                org.assertj.core.groups.Tuple.tuple("relationship", 20.0),
                org.assertj.core.groups.Tuple.tuple("sentiment", 15.0),
                org.assertj.core.groups.Tuple.tuple("commercial", 10.0));
    }

    @Test
    void qualitativeShareIsAboutAThird() {
        assertThat(model.qualitativeShare()).isBetween(0.30, 0.40);
    }

    @Test
    void qualitativeShareFollowsSegmentFreeWeights() {
        // a model whose only qualitative signal carries half of a 50 % dimension: 25 %
        TestModels.Builder b = TestModels.echoBuilder();
        b.dimensions = java.util.List.of(new DimensionSpec("a", "A", 50), new DimensionSpec("b", "B", 50));
        b.signals = java.util.List.of(
                new SignalSpec("echo", "a", 1, SignalSpec.SignalKind.QUALITATIVE, TestModels.linear(0, 100), "echo", null),
                new SignalSpec("x", "a", 1, SignalSpec.SignalKind.QUANTITATIVE, TestModels.linear(0, 100), "x", null),
                new SignalSpec("y", "b", 3, SignalSpec.SignalKind.QUANTITATIVE, TestModels.linear(0, 100), "y", null));
        assertThat(b.build().qualitativeShare()).isEqualTo(0.25);
    }

    @Test
    void everyBuiltInSignalButExpansionInterestIsScored() {
        assertThat(model.signals()).extracting(SignalSpec::id).containsExactlyInAnyOrder(
                java.util.Arrays.stream(BuiltInSignal.values()).filter(s -> s != BuiltInSignal.EXPANSION_INTEREST)
                        .map(BuiltInSignal::id).toArray(String[]::new));
    }

    /**
     * The domain cannot read YAML, so the mirror is checked by version: config/scoring-model.yaml says to bump
     * its version with every change, and a new version means TestModels.defaultBuilder() needs the same change.
     */
    @Test
    void theMirrorMatchesTheVersionOfConfigScoringModelYaml() throws IOException {
        Path config = findConfig();
        String yaml = Files.readString(config, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^version:\\s*\"?([^\"\\s#]+)\"?").matcher(yaml);
        assertThat(m.find()).as("version line in %s", config).isTrue();
        assertThat(m.group(1)).as("update TestModels.defaultBuilder() to mirror %s", config)
                .isEqualTo(TestModels.DEFAULT_VERSION);
        assertThat(model.version()).isEqualTo(TestModels.DEFAULT_VERSION);
    }

    private static Path findConfig() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("config").resolve("scoring-model.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("config/scoring-model.yaml not found above " + dir);
    }
}
