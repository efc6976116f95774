package io.healthscore.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthscore.backtest.calibration.WeightCalibration;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeKind;
import io.healthscore.backtest.table.SignalTable;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.modelfile.ScoringModelFile;
import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse table input: id, as_of, outcome and any signal columns, without the pipeline. */
class SignalTableTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SignalTableTest.class.getResource("/tables/" + name).toURI());
    }

    @Test
    void badRowsAreRejectedWithTheirRowAndReasonAndTheRestKept() throws Exception {
        RejectLog rejects = new RejectLog();
        SignalTable t = SignalTable.read(fixture("rows-with-problems.csv"), Map.of(), rejects);
        assertThat(t.rows()).extracting(SignalTable.Row::id).containsExactly("A1", "A2", "A7", "A8");
        assertThat(rejects.countsByReason()).containsEntry("bad_date", 1L).containsEntry("bad_outcome", 1L)
                .containsEntry("out_of_range", 1L).containsEntry("missing_value", 1L);
        assertThat(rejects.rejects()).extracting(RejectLog.Reject::row).containsExactlyInAnyOrder(3L, 4L, 5L, 6L);
        assertThat(t.numericColumns()).containsExactly("logins_per_seat", "open_escalations");
        assertThat(t.categoricalColumns()).containsExactly("plan");
        SignalTable.Row a7 = t.rows().get(2);
        assertThat(a7.outcome()).isEqualTo(OutcomeKind.CHURNED);
        assertThat(a7.numeric()).doesNotContainKey("logins_per_seat").containsEntry("open_escalations", 1.0);
        assertThat(a7.segment()).isEqualTo("enterprise");
    }

    @Test
    void declaredColumnsAndTypesAreHonoured() throws Exception {
        RejectLog rejects = new RejectLog();
        SignalTable t = SignalTable.read(fixture("rows-with-problems.csv"),
                SignalTable.declarations(List.of("open_escalations:categorical,logins_per_seat")), rejects);
        assertThat(t.numericColumns()).containsExactly("logins_per_seat");
        assertThat(t.categoricalColumns()).containsExactly("open_escalations");
        assertThatThrownBy(() -> SignalTable.read(fixture("rows-with-problems.csv"), SignalTable.declarations(List.of("nope")),
                new RejectLog())).hasMessageContaining("has no column 'nope'");
        assertThatThrownBy(() -> SignalTable.declarations(List.of("x:text"))).hasMessageContaining("numeric or categorical");
    }

    /**
     * A synthetic warehouse table: accounts observed monthly before their renewal; churn follows a hidden
     * health that two columns reflect (one strongly, one weakly, one backwards), plus noise and a plan.
     */
    static Path syntheticTable(Path dir, int accounts, long seed) throws IOException {
        Path file = dir.resolve("warehouse.csv");
        SplittableRandom r = new SplittableRandom(seed);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,as_of,outcome,outcome_date,segment,logins_per_seat,tickets_per_seat,exec_meetings,noise,plan\n");
            LocalDate start = LocalDate.of(2025, 1, 6);
            for (int a = 0; a < accounts; a++) {
                double health = r.nextGaussian();
                boolean churn = r.nextDouble() < 1 / (1 + Math.exp(2.2 + 1.6 * health));
                LocalDate renewal = start.plusDays(120 + r.nextInt(540));
                String plan = r.nextDouble() < 0.5 ? "basic" : "pro";
                for (int m = 6; m >= 1; m--) {
                    LocalDate asOf = renewal.minusDays(30L * m);
                    double drift = churn ? -0.15 * (6 - m) : 0;
                    w.write(String.format(Locale.ROOT, "acc%05d,%s,%s,%s,%s,%.3f,%.3f,%.3f,%.4f,%s%n", a, asOf,
                            churn ? "churned" : "renewed", renewal, a % 3 == 0 ? "smb" : "mid_market",
                            3 + health + drift + r.nextGaussian() * 0.6,       // strong, higher is healthier
                            1 - 0.3 * health + r.nextGaussian() * 0.8,          // weak, higher is riskier
                            2 + 0.4 * health + r.nextGaussian(),                // moderate
                            r.nextDouble(), plan));
                }
            }
        }
        return file;
    }

    @Test
    void perSignalEvidenceAndCalibrationWorkOnATableAlone(@TempDir Path dir) throws IOException {
        Path table = syntheticTable(dir, 4000, 21);
        BacktestSettings s = BacktestSettings.defaults(null);
        BacktestJob.Outcome plain = BacktestJob.backtest(new BacktestJob.Request(null, table, List.of(), null, null,
                ScoringModelFile.loadDefault(), s, null, dir.resolve("plain")), Clock.systemUTC());
        Map<String, JsonNode> signals = new LinkedHashMap<>();
        plain.report().at("/signals/items").forEach(x -> signals.put(x.get("signal").asText(), x));
        assertThat(signals.get("logins_per_seat").get("auc").asDouble()).isGreaterThan(0.75);
        assertThat(signals.get("logins_per_seat").get("direction").asText()).isEqualTo("lower_is_riskier");
        assertThat(signals.get("tickets_per_seat").get("direction").asText()).isEqualTo("higher_is_riskier");
        assertThat(signals.get("noise").get("auc").asDouble()).isBetween(0.45, 0.56);
        assertThat(signals.get("plan").get("direction").asText()).isEqualTo("levels");
        assertThat(signals.get("plan").get("levels")).hasSize(2);
        assertThat(plain.report().at("/lead_time/churners").asInt()).isPositive();

        WeightCalibration.Settings cal = new WeightCalibration.Settings(null, true, null, 0.3, 0.5, null, null);
        BacktestJob.Outcome o = BacktestJob.calibrate(new BacktestJob.Request(null, table, List.of(), null, null,
                ScoringModelFile.loadDefault(), s, null, dir.resolve("cal")), cal, Clock.systemUTC());
        WeightCalibration.Result r = o.calibration();
        assertThat(r.current().version()).isEqualTo("table-equal-weights");
        for (WeightCalibration.Comparison c : r.comparison()) {
            assertThat(c.aucCalibrated()).as("%d days", c.horizon()).isGreaterThan(c.aucCurrent());
        }
        WeightCalibration.SignalFit noise = r.signals().stream().filter(f -> f.signal().equals("noise")).findFirst().orElseThrow();
        WeightCalibration.SignalFit logins = r.signals().stream().filter(f -> f.signal().equals("logins_per_seat")).findFirst().orElseThrow();
        assertThat(noise.calibratedWeight()).isLessThan(3);
        assertThat(logins.calibratedWeight()).isGreaterThan(40);
        assertThat(o.calibratedModel()).exists();
        assertThat(ScoringModelFile.load(o.calibratedModel()).signals()).extracting(x -> x.column())
                .contains("logins_per_seat", "tickets_per_seat");
        assertThat(o.diff()).exists();
    }

    @Test
    void aTableWithoutOutcomeDatesIsOneObservationPerRow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("flat.csv");
        Files.writeString(file, "account_id,as_of,outcome,score,usage\nA,2026-01-05,churned,20,1\nB,2026-01-05,renewed,80,9\n"
                + "C,2026-01-05,renewed,70,7\nD,2026-01-05,1,35,2\n");
        BacktestJob.Outcome o = BacktestJob.backtest(new BacktestJob.Request(null, file, List.of(), "score", null,
                ScoringModelFile.loadDefault(), BacktestSettings.defaults(null), null, dir.resolve("out")), Clock.systemUTC());
        JsonNode h = o.report().at("/horizons/0");
        assertThat(h.get("days").asInt()).isZero();
        assertThat(h.get("outcomes").asInt()).isEqualTo(4);
        assertThat(h.get("auc").asDouble()).isEqualTo(1.0);
        assertThat(o.report().at("/model_version").asText()).isEqualTo("column:score");
        assertThat(o.report().at("/signals/items/0/signal").asText()).isEqualTo("usage");
        assertThat(LabelPolicy.CHURN_VS_RENEWAL.label(OutcomeKind.parse("1"))).isEqualTo(1);
    }
}
