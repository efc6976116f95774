package io.healthscore.backtest;

import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.modelfile.ScoringModelFile;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Books generated once per test JVM into temporary directories (removed when the JVM exits): generating
 * and replaying 2,000 accounts takes seconds, so the test classes share them (the same pattern as the
 * sample generator's own tests). Conversations are left out: their offline extraction costs about 2 ms
 * each and is not what these tests measure.
 */
final class GeneratedBooks {

    /** The generator's default data end (its as-of date is the day after). */
    static final LocalDate DATA_END = GeneratorSettings.DEFAULT_AS_OF.minusDays(1);
    static final int STANDARD_ACCOUNTS = 2_000;

    private static Path standard;
    private static Backtest.Run standardRun;

    private GeneratedBooks() {
    }

    /**
     * 2,000 accounts, 56 weeks, seed 7, no conversations, plus an account_rollup with a column of random
     * numbers ({@code noise_index}) that the noise model declares as a signal.
     */
    static synchronized Path standard() {
        if (standard == null) {
            standard = generate(GeneratorSettings.defaults().withSeed(7).withAccounts(STANDARD_ACCOUNTS)
                    .withConversationsPerAccountPerYear(0));
            writeNoiseRollup(standard, 99);
        }
        return standard;
    }

    /** The standard book backtested with the noise model (default weights plus the useless signal). */
    static synchronized Backtest.Run standardRun() {
        if (standardRun == null) {
            standardRun = Backtest.run(standard(), noiseModel(), settings(), null, new RejectLog());
        }
        return standardRun;
    }

    static BacktestSettings settings() {
        return BacktestSettings.defaults(DATA_END).withConversations(false).withThreads(2);
    }

    static ScoringModel noiseModel() {
        return model("default-with-noise-signal.yaml");
    }

    static ScoringModel model(String resource) {
        try (InputStream in = GeneratedBooks.class.getResourceAsStream("/models/" + resource)) {
            return ScoringModelFile.parse(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A book of its own (callers share nothing with other tests). */
    static Path generate(GeneratorSettings settings) {
        try {
            Path dir = Files.createTempDirectory("backtest-book-");
            new SampleGenerator(settings, 2).writeTo(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** account_rollup.csv: {@code noise_index} uniform in [0, 1) per account, independent of everything else. */
    static void writeNoiseRollup(Path book, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        try (BufferedReader in = Files.newBufferedReader(book.resolve("crm_accounts.csv"), StandardCharsets.UTF_8);
             Writer out = Files.newBufferedWriter(book.resolve("account_rollup.csv"), StandardCharsets.UTF_8)) {
            in.readLine();
            out.write("account_id,noise_index\n");
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line.substring(0, line.indexOf(',')) + "," + String.format(Locale.ROOT, "%.6f", r.nextDouble()) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
