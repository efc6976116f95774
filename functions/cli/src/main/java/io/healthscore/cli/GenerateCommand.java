package io.healthscore.cli;

import io.healthscore.sampledata.GeneratedBook;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic sample book in the documented export formats (ground truth in ground-truth/).")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--accounts", defaultValue = "1000", description = "Number of accounts (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--weeks", defaultValue = "56", description = "Weeks of history (default: ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--gzip", description = "Gzip the files.")
    boolean gzip;

    @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new HealthscoreCli.UserInputException("--format must be csv or jsonl, not " + format);
        }
        Files.createDirectories(out);
        GeneratorSettings s = GeneratorSettings.defaults().withSeed(seed).withAccounts(accounts).withWeeks(weeks)
                .withGzip(gzip).withFormat(format);
        long t0 = System.nanoTime();
        GeneratedBook book = new SampleGenerator(s).writeTo(out);
        System.out.printf("Wrote %,d accounts (%d weeks, seed %d) to %s in %.1f s%n", accounts, weeks, seed, out,
                (System.nanoTime() - t0) / 1e9);
        System.out.println(book);
        return 0;
    }
}
