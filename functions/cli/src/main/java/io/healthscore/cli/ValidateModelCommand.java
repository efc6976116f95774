package io.healthscore.cli;

import io.healthscore.domain.model.ScoringModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate-model", mixinStandardHelpOptions = true,
        description = "Check a scoring model YAML and print its shape; every problem is named by its field.")
final class ValidateModelCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Model file (default: the embedded default).")
    Path file;

    @Override
    public Integer call() {
        ScoringModel m = HealthscoreCli.model(file);
        System.out.printf(Locale.ROOT, "%s: valid. version %s, %d dimensions, %d signals (%.0f %% qualitative weight), "
                        + "%d segment overrides, %d playbooks%n", file == null ? "embedded default" : file, m.version(),
                m.dimensions().size(), m.signals().size(), 100 * m.qualitativeShare(), m.segmentOverrides().size(),
                m.playbooks().size());
        return 0;
    }
}
