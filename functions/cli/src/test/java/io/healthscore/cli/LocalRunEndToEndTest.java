package io.healthscore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run through the CLI entry point, on a generated sample book. */
class LocalRunEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static Path out;
    static CliResult run;

    record CliResult(int exit, String stdout, String stderr) {
    }

    static CliResult cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int exit = HealthscoreCli.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new CliResult(exit, o.toString(), e.toString());
    }

    @BeforeAll
    static void runSample() {
        out = work.resolve("out");
        run = cli("run", "--out", out.toString(), "--accounts", "400", "--seed", "11", "--quiet");
    }

    @Test
    void writesScoresWithTheDocumentedHeaderAndOneRowPerAccountInScope() throws IOException {
        assertThat(run.exit()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("scores.csv"));
        assertThat(lines.get(0)).startsWith("account_id,score,band,confidence");
        JsonNode report = JSON.readTree(out.resolve("run-report.json").toFile());
        int inScope = report.at("/accounts/in_scope").asInt();
        assertThat(lines).hasSize(inScope + 1);
        assertThat(inScope).isGreaterThan(300);
        assertThat(report.at("/accounts/scored").asInt() + report.at("/accounts/insufficient_signal").asInt()).isEqualTo(inScope);
        int sum = 0;
        for (JsonNode n : report.at("/accounts/by_band")) {
            sum += n.asInt();
        }
        assertThat(sum).isEqualTo(inScope);
        assertThat(report.at("/rejects/total").asLong()).isZero();
        assertThat(report.at("/accounts/out_of_scope").asInt()).isPositive();
        assertThat(report.at("/conversation_signals/status").asText()).isEqualTo("extracted");
        try (Stream<Path> runs = Files.list(out.resolve("history/runs"))) {
            assertThat(runs.filter(p -> p.toString().endsWith(".jsonl.gz")).count()).as("one history snapshot per run").isEqualTo(1);
        }
    }

    @Test
    void everyBandIsPresentAndScoresAreInRange() throws IOException {
        Set<String> bands = new HashSet<>();
        try (Stream<String> rows = Files.lines(out.resolve("accounts.jsonl"))) {
            rows.map(LocalRunEndToEndTest::parse).forEach(a -> {
                bands.add(a.get("band").asText());
                if (!a.get("score").isNull()) {
                    assertThat(a.get("score").asInt()).isBetween(0, 100);
                }
                assertThat(a.get("drivers").size()).isBetween(1, 5);
                assertThat(a.get("sub_scores").size()).isEqualTo(5);
            });
        }
        // the default model's bands on this sample; critical is rare before calibration (see the backtest)
        assertThat(bands).contains("healthy", "watching", "at_risk");
    }

    @Test
    void plansSalesforceWritesAsADryRunWithUniqueTaskKeys() throws IOException {
        List<String> updates = Files.readAllLines(out.resolve("salesforce/account-updates.jsonl"));
        JsonNode first = parse(updates.get(0));
        assertThat(first.has("Id")).isTrue();
        assertThat(first.has("Health_Score__c")).isTrue();
        assertThat(first.has("Health_Drivers__c")).isTrue();
        assertThat(first.has("Health_Override_Band__c")).as("the run never writes override fields").isFalse();
        List<String> tasks = Files.readAllLines(out.resolve("salesforce/tasks.jsonl"));
        assertThat(tasks).isNotEmpty();
        Set<String> keys = new HashSet<>();
        for (String t : tasks) {
            assertThat(keys.add(parse(t).get("Health_Task_Key__c").asText())).isTrue();
        }
    }

    @Test
    void printsBandDistributionAndTopTenWithDrivers() {
        assertThat(run.stdout()).contains("Band distribution:").contains("Top 10 accounts by attention priority:");
        assertThat(run.stdout().lines().filter(l -> l.matches("^\\s*\\d+\\. .*priority.*")).count()).isEqualTo(10);
    }

    @Test
    void conversationTextNeverReachesAnyOutput() throws IOException {
        // take distinctive text fragments from the input and look for them in every output file
        List<String> canaries = new java.util.ArrayList<>();
        try (Stream<String> lines = Files.lines(out.resolve("sample-input/conversations.jsonl"))) {
            lines.limit(50).forEach(l -> {
                String text = parse(l).get("text").asText();
                if (text.length() > 80) {
                    canaries.add(text.substring(20, 60));
                }
            });
        }
        assertThat(canaries).isNotEmpty();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.startsWith(out.resolve("sample-input"))).toList()) {
                String content = f.toString().endsWith(".gz")
                        ? new String(new java.util.zip.GZIPInputStream(Files.newInputStream(f)).readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(f, StandardCharsets.UTF_8);
                for (String c : canaries) {
                    assertThat(content).as(f + " must not hold conversation text").doesNotContain(c);
                }
            }
        }
        assertThat(run.stderr()).doesNotContain(canaries.get(0));
    }

    @Test
    void sameInputGivesIdenticalScores() throws IOException {
        Path again = work.resolve("again");
        CliResult second = cli("run", "--out", again.toString(), "--accounts", "400", "--seed", "11", "--quiet");
        assertThat(second.exit()).isZero();
        assertThat(Files.readAllBytes(again.resolve("scores.csv"))).isEqualTo(Files.readAllBytes(out.resolve("scores.csv")));
        assertThat(Files.readAllBytes(again.resolve("salesforce/tasks.jsonl")))
                .isEqualTo(Files.readAllBytes(out.resolve("salesforce/tasks.jsonl")));
    }

    @Test
    void badRowsAreRejectedWithFileRowAndReasonAndTheRestIsScored() throws IOException {
        Path input = work.resolve("broken-input");
        copyDir(out.resolve("sample-input"), input);
        Path usage = input.resolve("usage_weekly.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(usage));
        String[] cols = lines.get(1).split(",", -1);
        cols[2] = "-5"; // active_users negative
        lines.set(1, String.join(",", cols));
        lines.add(3, "ghost-account,2026-01-05,3,10,4,2,12");
        Files.write(usage, lines);
        CliResult r = cli("run", "--input", input.toString(), "--out", work.resolve("broken-out").toString(),
                "--as-of", "2026-11-16", "--quiet");
        assertThat(r.exit()).isZero();
        JsonNode report = JSON.readTree(work.resolve("broken-out/run-report.json").toFile());
        assertThat(report.at("/rejects/total").asInt()).isEqualTo(2);
        assertThat(report.at("/rejects/by_reason/negative_value").asInt()).isEqualTo(1);
        assertThat(report.at("/rejects/by_reason/unknown_account").asInt()).isEqualTo(1);
        List<String> rejects = Files.readAllLines(work.resolve("broken-out/rejects.csv"));
        assertThat(rejects.get(1)).startsWith("usage_weekly.csv,1,active_users,negative_value");
        assertThat(rejects.get(2)).startsWith("usage_weekly.csv,3,account_id,unknown_account");
        assertThat(report.at("/accounts/in_scope").asInt())
                .isEqualTo(JSON.readTree(out.resolve("run-report.json").toFile()).at("/accounts/in_scope").asInt());
    }

    @Test
    void aBadModelFileFailsWithTheFieldNamedAndNoStackTrace() throws IOException {
        Path model = work.resolve("bad-model.yaml");
        String yaml = new String(getClass().getResourceAsStream("/bad-model-weights.yaml").readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(model, yaml);
        CliResult r = cli("run", "--out", work.resolve("x").toString(), "--model", model.toString(), "--accounts", "10", "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("bad-model.yaml").contains("dimensions: weights sum to 90, expected 100")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
