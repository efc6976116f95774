package io.healthscore.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.healthscore.backtest.calibration.WeightCalibration;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.report.BacktestReport;
import io.healthscore.backtest.report.ReportHtml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens backtest.html in headless Chromium: the DOM Chromium builds must hold every chart with its data,
 * every figure must equal backtest.json, and the page must fetch nothing. Skipped only when no Chromium
 * binary can be found (set CHROMIUM to its path; CI installs the Debian package {@code chromium}).
 */
class ReportRendersInChromiumTest {

    @TempDir
    static Path dir;

    private static JsonNode json;
    private static String dom;
    private static Path html;

    @BeforeAll
    static void renderInChromium() throws Exception {
        Backtest.Run run = GeneratedBooks.standardRun();
        WeightCalibration.Result cal = WeightCalibration.calibrate(run.data(), run.model(), run.modelReplay()::rescore,
                new WeightCalibration.Settings(null, true, null, 0.3, 0.5, "chromium-test", LabelPolicy.CHURN_VS_RENEWAL));
        BacktestReport report = BacktestReport.build(new BacktestReport.Input(run.data(), LabelPolicy.CHURN_VS_RENEWAL, 90, 180,
                60, Map.of("accounts", run.book().facts().size(), "account_snapshots", run.replay().accountWeeks()), cal));
        report.write(dir);
        json = new ObjectMapper().readTree(dir.resolve("backtest.json").toFile());
        html = dir.resolve("backtest.html");
        String chromium = chromium();
        assumeThat(chromium).as("no Chromium binary found (looked at $CHROMIUM, /usr/bin/chromium, chromium-browser, "
                + "google-chrome); install the Debian package 'chromium' to run this test").isNotNull();
        dom = run(List.of(chromium, "--headless", "--disable-gpu", "--no-sandbox", "--dump-dom", html.toUri().toString()));
    }

    @Test
    void everyChartIsDrawnWithItsData() {
        for (String chart : List.of("roc", "score-distribution", "lead-time", "reliability", "signal-auc", "signal-weights",
                "calibration-auc")) {
            assertThat(dom).as(chart).contains("data-chart=\"" + chart + "\"");
        }
        // ROC: one curve per horizon, each running from (0,0) to (1,1) through the horizon's points
        List<String> curves = all(svg("roc"), "<polyline[^>]*data-series=\"(\\d+) days\"[^>]*data-points=\"(\\d+)\"");
        assertThat(curves).containsExactly("90", "60", "30");
        Matcher points = Pattern.compile("data-points=\"(\\d+)\"").matcher(svg("roc"));
        int h = 0;
        while (points.find()) {
            assertThat(Integer.parseInt(points.group(1))).isEqualTo(json.at("/horizons/" + h++ + "/roc").size()).isGreaterThan(20);
        }
        // lead time: one bar per 30-day bin plus "not flagged", heights as in the JSON
        List<String> leadBars = all(svg("lead-time"), "<rect class=\"bar\"[^>]*data-value=\"([0-9.]+)\"");
        assertThat(leadBars).hasSize(7);
        double flagged = 0;
        for (int b = 0; b < 6; b++) {
            assertThat(Double.parseDouble(leadBars.get(b))).isEqualTo(json.at("/lead_time/histogram/" + b + "/churners").asDouble());
            flagged += Double.parseDouble(leadBars.get(b));
        }
        assertThat(flagged).isEqualTo(json.at("/lead_time/flagged").asDouble()).isPositive();
        assertThat(Double.parseDouble(leadBars.get(6))).isEqualTo(json.at("/lead_time/not_flagged").asDouble());
        // score distribution: renewed, churned and downgraded shares over ten bins
        assertThat(all(svg("score-distribution"), "<rect class=\"bar\"")).hasSize(30);
        // reliability: one point per decile of prediction
        assertThat(all(svg("reliability"), "<circle class=\"point\"")).hasSize(json.at("/horizons/0/reliability").size()).hasSize(10);
        // per-signal bars: one AUC bar per signal with data, its value as in the JSON
        List<String> aucBars = all(svg("signal-auc"), "data-category=\"([a-z_]+)\" data-value=");
        long withAuc = 0;
        for (JsonNode s : json.at("/signals/items")) {
            if (!s.get("auc").isNull()) {
                withAuc++;
                assertThat(aucBars).contains(s.get("signal").asText());
            }
        }
        assertThat(aucBars).hasSize((int) withAuc);
        assertThat(all(svg("calibration-auc"), "<rect class=\"bar\"")).hasSize(6);
    }

    @Test
    void everyFigureOnThePageEqualsTheJson() {
        Matcher m = Pattern.compile("<span data-metric=\"([^\"]+)\" data-format=\"([a-z0-9]+)\" data-value=\"([^\"]*)\">([^<]*)</span>")
                .matcher(dom);
        int n = 0;
        while (m.find()) {
            JsonNode v = json.at(JsonPointer.compile(m.group(1)));
            assertThat(v.isMissingNode()).as("pointer %s exists in the JSON", m.group(1)).isFalse();
            assertThat(m.group(3)).as(m.group(1)).isEqualTo(v.isNull() ? "null" : v.asText());
            assertThat(unescape(m.group(4))).as(m.group(1)).isEqualTo(ReportHtml.format(v, m.group(2)));
            n++;
        }
        assertThat(n).isGreaterThan(200);
        assertThat(dom).contains(String.format(java.util.Locale.ROOT, "%.3f", json.at("/horizons/0/auc").asDouble()));
    }

    @Test
    void thePageIsSelfContained() throws IOException {
        String source = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(source).doesNotContainPattern("(?i)<script").doesNotContainPattern("(?i)<link")
                .doesNotContainPattern("(?i)\\ssrc=").doesNotContainPattern("(?i)url\\(");
        assertThat(source.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://");
    }

    @Test
    void chromiumPaintsIt() throws Exception {
        Path png = dir.resolve("backtest.png");
        run(List.of(chromium(), "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--window-size=1280,3000",
                "--screenshot=" + png, html.toUri().toString()));
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a painted page, not a blank one").isGreaterThan(60_000);
    }

    private static String svg(String chart) {
        int start = dom.indexOf("data-chart=\"" + chart + "\"");
        assertThat(start).as(chart).isPositive();
        return dom.substring(start, dom.indexOf("</svg>", start));
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    static String chromium() {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("CHROMIUM") != null) {
            candidates.add(System.getenv("CHROMIUM"));
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                "/snap/bin/chromium"));
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "chromium-", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 120 s");
        }
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
