package io.healthscore.cli;

import io.healthscore.domain.model.ScoringModel;
import io.healthscore.sampledata.GeneratedBook;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Score accounts from export files and write scores, drivers, the planned Salesforce writes (dry run)",
                "and a run report. Without --input, generates the deterministic sample book and scores it."})
final class RunCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR", description = "Directory with your exports (see docs/export-formats.md).")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--model", paramLabel = "FILE", description = "Scoring model YAML (default: the embedded config/scoring-model.yaml).")
    Path modelFile;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Scoring date YYYY-MM-DD (default: the sample's end, or today UTC for --input).")
    LocalDate asOf;

    @Option(names = "--accounts", defaultValue = "1000", description = "Sample size when no --input is given (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--seed", defaultValue = "42", description = "Sample seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "No progress logs on stderr.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    SalesforceOptions salesforce = new SalesforceOptions();

    @Override
    public Integer call() throws IOException {
        ScoringModel model = HealthscoreCli.model(modelFile);
        Path inputDir = input;
        LocalDate date = asOf;
        PrintWriter console = spec.commandLine().getOut();
        if (inputDir == null) {
            GeneratorSettings settings = GeneratorSettings.defaults().withSeed(seed).withAccounts(accounts);
            inputDir = out.resolve("sample-input");
            Files.createDirectories(inputDir);
            GeneratedBook book = new SampleGenerator(settings).writeTo(inputDir);
            console.printf("Generated a sample book of %,d accounts (seed %d) in %s%n", accounts, seed, inputDir);
            if (date == null) {
                date = settings.asOf();
            }
        } else if (!Files.isDirectory(inputDir)) {
            throw new HealthscoreCli.UserInputException("--input " + inputDir + " is not a directory");
        }
        if (date == null) {
            date = LocalDate.now(ZoneOffset.UTC);
        }
        if (salesforce.enabled()) {
            SalesforceRun.execute(new SalesforceRun.Options(inputDir, out, model, date, "salesforce-" + date, quiet),
                    salesforce, System.getenv(), console, System.err);
            return 0;
        }
        LocalRun.execute(new LocalRun.Options(inputDir, out, model, date, "local-" + date, quiet), console, System.err);
        return 0;
    }
}
