package io.healthscore.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthscore.backtest.calibration.WeightCalibration;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeEvent;
import io.healthscore.backtest.outcomes.OutcomeKind;
import io.healthscore.backtest.report.BacktestReport;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.scoring.Band;
import io.healthscore.modelfile.ScoringModelFile;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backtest on a generated book whose churn is driven by a latent health the signals reflect: it must
 * find the signals that carry it, see through a signal of pure noise, improve on the default weights when
 * calibrated, and its figures must match a recomputation that shares none of its code.
 */
class BacktestOnGeneratedBookTest {

    private static Map<String, JsonNode> signals(JsonNode report) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        report.at("/signals/items").forEach(s -> m.put(s.get("signal").asText(), s));
        return m;
    }

    private static JsonNode report() {
        Backtest.Run run = GeneratedBooks.standardRun();
        return BacktestReport.build(new BacktestReport.Input(run.data(), LabelPolicy.CHURN_VS_RENEWAL, 90, 180, 60,
                Map.of(), null)).json();
    }

    @Test
    void perSignalAucRanksUsageAndRelationshipSignalsAboveTheNoiseSignal() {
        Map<String, JsonNode> s = signals(report());
        double noise = s.get("noise_index").get("auc").asDouble();
        assertThat(noise).as("a column of random numbers carries no evidence").isBetween(0.44, 0.56);
        assertThat(s.get("noise_index").get("verdict").asText()).isIn("no_evidence", "weak");
        assertThat(s.get("noise_index").get("coverage").asDouble()).isEqualTo(1.0);
        for (String usage : List.of("seat_utilisation", "feature_breadth", "usage_trend")) {
            assertThat(s.get(usage).get("auc").asDouble()).as(usage).isGreaterThan(0.70).isGreaterThan(noise + 0.15);
            assertThat(s.get(usage).get("verdict").asText()).as(usage).isEqualTo("predictive");
        }
        assertThat(s.get("days_since_meaningful_touch").get("auc").asDouble()).as("CSM touches follow engagement")
                .isGreaterThan(noise + 0.04);
        assertThat(s.get("nps").get("auc").asDouble()).isGreaterThan(noise + 0.15);
        // the generator's CSMs chase unhealthy accounts by email, which engages more contacts: the backtest must
        // report that stakeholder counts do not warn the way the model assumes
        assertThat(s.get("stakeholders_engaged").get("auc").asDouble()).isLessThan(0.55);
        // a signal that barely ever moves is flagged as unable to differentiate
        assertThat(s.values().stream().filter(x -> x.get("low_variance").asBoolean()).map(x -> x.get("signal").asText()))
                .isNotEmpty().doesNotContain("seat_utilisation", "noise_index");
        // the five strongest signals are usage or sentiment signals, never the noise
        List<String> top = s.values().stream().filter(x -> !x.get("auc").isNull())
                .sorted((a, b) -> Double.compare(b.get("auc").asDouble(), a.get("auc").asDouble()))
                .limit(5).map(x -> x.get("signal").asText()).toList();
        assertThat(top).contains("seat_utilisation", "feature_breadth").doesNotContain("noise_index");
    }

    @Test
    void calibrationImprovesAucOnTheLaterWindowAndDropsTheNoise() {
        Backtest.Run run = GeneratedBooks.standardRun();
        ScoringModel current = run.model();
        WeightCalibration.Result r = WeightCalibration.calibrate(run.data(), current, run.modelReplay()::rescore,
                new WeightCalibration.Settings(null, true, null, 0.3, 0.5, "test-calibrated", LabelPolicy.CHURN_VS_RENEWAL));
        assertThat(r.trainTo()).isBefore(r.split());
        assertThat(r.laterFrom()).isAfterOrEqualTo(r.split());
        double gain = 0;
        for (WeightCalibration.Comparison c : r.comparison()) {
            assertThat(c.aucCalibrated()).as("%d days: calibrated %.3f vs current %.3f", c.horizon(), c.aucCalibrated(),
                    c.aucCurrent()).isGreaterThan(c.aucCurrent());
            gain += c.aucCalibrated() - c.aucCurrent();
        }
        assertThat(gain / r.comparison().size()).isGreaterThan(0.01);
        WeightCalibration.SignalFit noise = r.signals().stream().filter(f -> f.signal().equals("noise_index")).findFirst().orElseThrow();
        assertThat(noise.currentWeight()).isGreaterThan(3);
        assertThat(noise.calibratedWeight()).as("noise keeps almost no weight").isLessThan(1.0);
        assertThat(r.signals()).allSatisfy(f -> assertThat(f.calibratedWeight()).isGreaterThanOrEqualTo(0));
        // the written model loads, carries the new version and bands, and the diff says what changed
        ScoringModel back = ScoringModelFile.parse("calibrated", r.yaml().getBytes(StandardCharsets.UTF_8));
        assertThat(back).isEqualTo(r.calibrated());
        assertThat(back.version()).isEqualTo("test-calibrated");
        assertThat(back.bandFor(Band.AT_RISK).max()).isEqualTo(r.thresholds().atRiskMax());
        assertThat(back.dimensions().stream().mapToDouble(d -> d.weight()).sum()).isCloseTo(100, within(1e-9));
        assertThat(r.diff()).contains("`2026.11-default-noise` → `test-calibrated`", "noise_index", "## Bands");
    }

    @Test
    void reportNumbersMatchAnIndependentRecomputation() {
        Backtest.Run run = GeneratedBooks.standardRun();
        JsonNode report = report();
        ScoreMatrix m = run.replay().matrix();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < run.book().facts().size(); i++) {
            index.put(run.book().facts().get(i).accountId(), i);
        }
        for (JsonNode h : report.get("horizons")) {
            int days = h.get("days").asInt();
            List<Integer> churned = new ArrayList<>();
            List<Integer> renewed = new ArrayList<>();
            int redChurned = 0;
            int red = 0;
            for (OutcomeEvent o : run.outcomes()) {
                // the latest weekly snapshot at least `days` before the outcome, found by a plain scan
                LocalDate target = o.date().minusDays(days);
                int week = -1;
                for (int w = 0; w < m.dates().size(); w++) {
                    if (!m.dates().get(w).isAfter(target)) {
                        week = w;
                    }
                }
                if (week < 0 || m.dates().get(week).isBefore(target.minusDays(6))) {
                    continue;
                }
                int i = index.get(o.accountId());
                Band band = m.band(week, i);
                if (band == null || o.kind() == OutcomeKind.DOWNGRADED) {
                    continue;
                }
                if (band.red()) {
                    red++;
                    if (o.kind() == OutcomeKind.CHURNED) {
                        redChurned++;
                    }
                }
                if (band == Band.INSUFFICIENT_SIGNAL) {
                    continue;
                }
                (o.kind() == OutcomeKind.CHURNED ? churned : renewed).add(m.score(week, i));
            }
            double pairs = 0;
            for (int c : churned) {
                for (int r : renewed) {
                    pairs += c < r ? 1 : c == r ? 0.5 : 0; // a churner should score lower
                }
            }
            double auc = pairs / ((double) churned.size() * renewed.size());
            assertThat(h.get("events").asInt()).isEqualTo(churned.size());
            assertThat(h.get("non_events").asInt()).isEqualTo(renewed.size());
            assertThat(h.get("auc").asDouble()).as("AUC at %d days", days).isCloseTo(auc, within(1e-12));
            JsonNode redRow = null;
            for (JsonNode b : h.get("bands")) {
                if (b.get("band").asText().equals("at_risk_or_worse")) {
                    redRow = b;
                }
            }
            assertThat(redRow.get("accounts").asInt()).isEqualTo(red);
            assertThat(redRow.get("precision").asDouble()).isCloseTo(redChurned / (double) red, within(1e-12));

            // top decile: expected churners among the riskiest 10 %, ties at the cut taken in proportion
            List<int[]> all = new ArrayList<>();
            churned.forEach(s -> all.add(new int[] {s, 1}));
            renewed.forEach(s -> all.add(new int[] {s, 0}));
            all.sort((a, b) -> Integer.compare(a[0], b[0]));
            double slots = all.size() * 0.1;
            int cutScore = all.get((int) Math.ceil(slots) - 1)[0];
            long below = all.stream().filter(x -> x[0] < cutScore).count();
            long belowChurn = all.stream().filter(x -> x[0] < cutScore && x[1] == 1).count();
            long tied = all.stream().filter(x -> x[0] == cutScore).count();
            long tiedChurn = all.stream().filter(x -> x[0] == cutScore && x[1] == 1).count();
            double topChurn = belowChurn + (slots - below) * tiedChurn / (double) tied;
            double base = churned.size() / (double) all.size();
            assertThat(h.get("top_decile_lift").asDouble()).isCloseTo(topChurn / slots / base, within(1e-9));
        }
    }
}
