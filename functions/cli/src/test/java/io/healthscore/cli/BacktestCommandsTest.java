package io.healthscore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.healthscore.modelfile.ScoringModelFile;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backtest, calibrate and rescore through the command line, on a small generated book. */
class BacktestCommandsTest {

    @TempDir
    static Path dir;

    private static Path book;

    @BeforeAll
    static void generate() throws Exception {
        book = dir.resolve("book");
        new SampleGenerator(GeneratorSettings.defaults().withSeed(12).withAccounts(500).withConversationsPerAccountPerYear(0))
                .writeTo(book);
    }

    private static String[] run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HealthscoreCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(expectedExit);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void backtestWritesTheReportAndRecordsHistoryThatRescoreReplays() throws Exception {
        Path out = dir.resolve("bt");
        Path history = dir.resolve("history");
        String[] r = run(0, "backtest", "--input", book.toString(), "--data-end", "2026-11-15", "--out", out.toString(),
                "--history", history.toString(), "--no-conversations", "--threads", "2");
        assertThat(r[0]).contains("90 days before: ROC AUC", "lead time:", "backtest.html");
        JsonNode json = new ObjectMapper().readTree(out.resolve("backtest.json").toFile());
        assertThat(json.at("/horizons/0/auc").asDouble()).isGreaterThan(0.6);
        assertThat(Files.readString(out.resolve("backtest.html"))).contains("data-chart=\"roc\"");
        String lastRun;
        try (Stream<Path> runs = Files.list(history.resolve("runs"))) {
            lastRun = runs.map(p -> p.getFileName().toString().replace(".jsonl.gz", "")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        String[] same = run(0, "rescore", "--history", history.toString(), "--run", lastRun, "--no-record");
        assertThat(same[0]).contains("0 changed band");
        Path model = Path.of(BacktestCommandsTest.class.getResource("/usage-heavy-model.yaml").toURI());
        String[] other = run(0, "rescore", "--history", history.toString(), "--run", lastRun, "--model", model.toString());
        assertThat(other[0]).contains("with 2026.11-usage-heavy", "Recorded as run " + lastRun + ".2026.11-usage-heavy");
        assertThat(history.resolve("runs/" + lastRun + ".2026.11-usage-heavy.jsonl.gz")).exists();
        String[] again = run(1, "rescore", "--history", history.toString(), "--run", lastRun, "--model", model.toString());
        assertThat(again[1]).contains("append-only");
        assertThat(run(1, "rescore", "--history", history.toString(), "--run", "nope")[1]).contains("is not in the history store");
    }

    @Test
    void calibrateWritesAModelThatValidatesAndADiff() throws Exception {
        Path out = dir.resolve("cal");
        String[] r = run(0, "calibrate", "--input", book.toString(), "--data-end", "2026-11-15", "--out", out.toString(),
                "--no-conversations", "--new-version", "cli-calibrated");
        assertThat(r[0]).contains("Calibrated 2026.11-default -> cli-calibrated", "ROC AUC", "model-diff.md");
        Path model = out.resolve("scoring-model.cli-calibrated.yaml");
        assertThat(ScoringModelFile.load(model).version()).isEqualTo("cli-calibrated");
        run(0, "validate-model", model.toString());
        assertThat(Files.readString(out.resolve("model-diff.md"))).contains("## Signal weights", "## Bands");
        assertThat(new ObjectMapper().readTree(out.resolve("backtest.json").toFile()).at("/calibration/later_window")).hasSize(3);
    }

    @Test
    void inputMistakesAreOneLineErrors() {
        assertThat(run(1, "backtest", "--out", dir.resolve("x").toString())[1]).contains("exactly one of --input DIR and --table FILE");
        assertThat(run(1, "backtest", "--input", book.toString(), "--out", dir.resolve("x").toString())[1])
                .contains("--data-end is required");
        assertThat(run(1, "calibrate", "--input", book.toString(), "--data-end", "2026-11-15", "--out", dir.resolve("y").toString(),
                "--target-precision", "2")[1]).contains("between 0 and 1");
    }
}
