package io.healthscore.backtest.report;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders backtest.html from backtest.json: one self-contained file (inline CSS and SVG, no script, nothing
 * fetched when it is opened). Every figure in the text is a {@code <span data-metric="/json/pointer">} of
 * the JSON, so the page and the JSON show the same numbers by construction, and tests can prove it.
 */
public final class ReportHtml {

    /** How a figure is shown. */
    enum Fmt { F3, PCT, INT, F1, DAYS, TEXT }

    private static final String CSS = """
            body{font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:0;color:#222;background:#fafafa}
            main{max-width:1180px;margin:0 auto;padding:24px}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
            h3{font-size:15px;margin:18px 0 6px}
            .sub{color:#555;margin:0 0 16px}
            .cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
            .card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:150px}
            .card .v{font-size:24px;font-weight:600}.card .l{font-size:12px;color:#555}
            table{border-collapse:collapse;background:#fff;margin:6px 0 12px;font-size:13px}
            th,td{border:1px solid #ddd;padding:4px 8px;text-align:right}th{background:#f0f0f0}
            td:first-child,th:first-child{text-align:left}
            .charts{display:flex;flex-wrap:wrap;gap:16px}
            svg.chart{background:#fff;border:1px solid #ddd;border-radius:6px;width:560px;max-width:100%;height:auto;font-family:inherit}
            .note{font-size:12px;color:#555;max-width:900px}
            .verdict-predictive{color:#1e7b45;font-weight:600}.verdict-reversed{color:#b3261e;font-weight:600}
            .verdict-low_variance,.verdict-too_little_data{color:#8a6d00}.verdict-no_evidence{color:#777}
            """;

    private ReportHtml() {
    }

    public static String render(JsonNode r) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>Health score backtest — ").append(esc(text(r, "/model_version"))).append("</title><style>")
                .append(CSS).append("</style></head><body><main>\n");
        sb.append("<h1>Health score backtest</h1><p class=\"sub\">Model ").append(m(r, "/model_version", Fmt.TEXT))
                .append(" · source ").append(m(r, "/source", Fmt.TEXT));
        if (!r.at("/rules_version").isNull() && !r.at("/rules_version").isMissingNode()) {
            sb.append(" · conversation rules ").append(m(r, "/rules_version", Fmt.TEXT));
        }
        sb.append(" · outcomes ").append(m(r, "/label_policy", Fmt.TEXT)).append("<br>")
                .append(m(r, "/data/snapshots", Fmt.INT)).append(" snapshots from ").append(m(r, "/data/first_snapshot", Fmt.TEXT))
                .append(" to ").append(m(r, "/data/last_snapshot", Fmt.TEXT));
        if (!r.at("/data/accounts").isMissingNode()) {
            sb.append(" · ").append(m(r, "/data/accounts", Fmt.INT)).append(" accounts");
        }
        if (!r.at("/data/account_snapshots").isMissingNode()) {
            sb.append(" · ").append(m(r, "/data/account_snapshots", Fmt.INT)).append(" account snapshots scored");
        }
        sb.append(" · outcomes: ").append(m(r, "/data/outcomes/renewed", Fmt.INT)).append(" renewed, ")
                .append(m(r, "/data/outcomes/churned", Fmt.INT)).append(" churned, ")
                .append(m(r, "/data/outcomes/downgraded", Fmt.INT)).append(" downgraded</p>\n");

        int primary = primaryIndex(r);
        String ph = "/horizons/" + primary;
        String lt = "/lead_time";
        int ahead = r.at(lt).has("share_flagged_at_least_60_days_ahead") ? 60 : aheadDays(r.at(lt));
        sb.append("<div class=\"cards\">")
                .append(card(m(r, ph + "/auc", Fmt.F3), "ROC AUC, " + r.at(ph + "/days").asInt() + " days before the outcome"))
                .append(card(m(r, lt + "/median_days", Fmt.DAYS), "median lead time of flagged churners (days)"))
                .append(card(m(r, lt + "/share_flagged_at_least_" + ahead + "_days_ahead", Fmt.PCT),
                        "churners flagged at least " + ahead + " days ahead"))
                .append(card(m(r, ph + "/top_decile_lift", Fmt.F1) + "×", "lift of the riskiest 10 %"))
                .append(card(m(r, ph + "/brier", Fmt.F3), "Brier score (base rate " + m(r, ph + "/brier_base_rate", Fmt.F3) + ")"))
                .append(card(m(r, "/false_alarms/at_risk_or_worse_false_positive_rate/" + r.at(ph + "/days").asInt(), Fmt.PCT),
                        "renewals flagged at risk or worse (false-positive rate)"))
                .append("</div>\n");

        sb.append("<h2>Accuracy by horizon</h2><table><tr><th>horizon</th><th>outcomes</th><th>scored</th><th>churned</th>"
                + "<th>renewed</th><th>left out</th><th>base rate</th><th>ROC AUC</th><th>AUC incl. downgrades</th>"
                + "<th>top-decile lift</th><th>Brier</th><th>Brier skill</th></tr>");
        for (int i = 0; i < r.get("horizons").size(); i++) {
            String p = "/horizons/" + i;
            sb.append("<tr><td>").append(r.at(p + "/days").asInt()).append(" days</td><td>").append(m(r, p + "/outcomes", Fmt.INT))
                    .append("</td><td>").append(m(r, p + "/scored", Fmt.INT)).append("</td><td>").append(m(r, p + "/events", Fmt.INT))
                    .append("</td><td>").append(m(r, p + "/non_events", Fmt.INT)).append("</td><td>").append(m(r, p + "/left_out", Fmt.INT))
                    .append("</td><td>").append(m(r, p + "/base_rate", Fmt.PCT)).append("</td><td>").append(m(r, p + "/auc", Fmt.F3))
                    .append("</td><td>").append(m(r, p + "/auc_including_downgrades", Fmt.F3)).append("</td><td>")
                    .append(m(r, p + "/top_decile_lift", Fmt.F1)).append("</td><td>").append(m(r, p + "/brier", Fmt.F3))
                    .append("</td><td>").append(m(r, p + "/brier_skill", Fmt.F3)).append("</td></tr>");
        }
        sb.append("</table>\n<div class=\"charts\">");
        List<SvgChart.Line> roc = new ArrayList<>();
        for (JsonNode h : r.get("horizons")) {
            double[][] pts = new double[h.get("roc").size()][];
            for (int k = 0; k < pts.length; k++) {
                pts[k] = new double[] {h.get("roc").get(k).get(0).asDouble(), h.get("roc").get(k).get(1).asDouble()};
            }
            roc.add(new SvgChart.Line(h.get("days").asInt() + " days", pts, false));
        }
        sb.append(SvgChart.lines("roc", "ROC curve", "false-positive rate", "true-positive rate", roc, 1, 1, true));
        JsonNode hist = r.at(ph + "/score_histogram");
        List<String> scoreBins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            scoreBins.add(b * 10 + "-" + (b == 9 ? 100 : b * 10 + 9));
        }
        List<SvgChart.Bars> dist = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = hist.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double total = 0;
            for (JsonNode v : e.getValue()) {
                total += v.asDouble();
            }
            if (total == 0) {
                continue;
            }
            double[] share = new double[10];
            for (int b = 0; b < 10; b++) {
                share[b] = e.getValue().get(b).asDouble() / total;
            }
            dist.add(new SvgChart.Bars(e.getKey() + " (" + (int) total + ")", share));
        }
        sb.append(SvgChart.bars("score-distribution", "Score " + r.at(ph + "/days").asInt() + " days before, by outcome",
                "health score", "share of the outcome's accounts", scoreBins, dist, true));
        sb.append("</div>\n");

        sb.append("<h2>Bands as warnings</h2><p class=\"note\">Each band read as a churn flag at the snapshot before the "
                + "outcome: precision is the share of its accounts that churned, recall the share of all churners it held, "
                + "lift its churn rate over the base rate, false-positive rate the share of renewals it held.</p>");
        for (int i = 0; i < r.get("horizons").size(); i++) {
            String p = "/horizons/" + i;
            sb.append("<h3>").append(r.at(p + "/days").asInt()).append(" days before</h3><table><tr><th>band</th><th>accounts</th>"
                    + "<th>churned</th><th>precision</th><th>recall</th><th>lift</th><th>false-positive rate</th></tr>");
            for (int b = 0; b < r.at(p + "/bands").size(); b++) {
                String q = p + "/bands/" + b;
                sb.append("<tr><td>").append(esc(r.at(q + "/band").asText())).append("</td><td>").append(m(r, q + "/accounts", Fmt.INT))
                        .append("</td><td>").append(m(r, q + "/events", Fmt.INT)).append("</td><td>").append(m(r, q + "/precision", Fmt.PCT))
                        .append("</td><td>").append(m(r, q + "/recall", Fmt.PCT)).append("</td><td>").append(m(r, q + "/lift", Fmt.F1))
                        .append("</td><td>").append(m(r, q + "/false_positive_rate", Fmt.PCT)).append("</td></tr>");
            }
            sb.append("</table>");
        }

        sb.append("<h2>Lead time</h2><p class=\"note\">Days between the first at-risk-or-worse snapshot in the ")
                .append(m(r, lt + "/lookback_days", Fmt.INT)).append(" days before a churn and the churn. ")
                .append(m(r, lt + "/churners", Fmt.INT)).append(" churners, ").append(m(r, lt + "/with_snapshots", Fmt.INT))
                .append(" with snapshots in the window, ").append(m(r, lt + "/flagged", Fmt.INT)).append(" flagged: median ")
                .append(m(r, lt + "/median_days", Fmt.DAYS)).append(" days (quartiles ").append(m(r, lt + "/p25_days", Fmt.DAYS))
                .append("–").append(m(r, lt + "/p75_days", Fmt.DAYS)).append("). Of the ")
                .append(m(r, lt + "/reaching_back_" + ahead + "_days", Fmt.INT)).append(" churners whose snapshots reach back ")
                .append(ahead).append(" days, ").append(m(r, lt + "/flagged_at_least_" + ahead + "_days_ahead", Fmt.INT))
                .append(" (").append(m(r, lt + "/share_flagged_at_least_" + ahead + "_days_ahead", Fmt.PCT))
                .append(") were flagged at least ").append(ahead).append(" days ahead.</p><div class=\"charts\">");
        List<String> bins = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (JsonNode b : r.at(lt + "/histogram")) {
            bins.add(b.get("from_days").asInt() + "-" + b.get("to_days").asInt());
            counts.add(b.get("churners").asDouble());
        }
        bins.add("not flagged");
        counts.add(r.at(lt + "/not_flagged").asDouble());
        sb.append(SvgChart.bars("lead-time", "Lead time of churn warnings", "days from first at-risk flag to churn",
                "churners", bins, List.of(new SvgChart.Bars("churners", counts.stream().mapToDouble(Double::doubleValue).toArray())),
                false));
        String rel = ph + "/reliability";
        double[][] relPts = new double[r.at(rel).size()][];
        double relMax = 0;
        for (int k = 0; k < relPts.length; k++) {
            relPts[k] = new double[] {r.at(rel + "/" + k + "/mean_predicted").asDouble(), r.at(rel + "/" + k + "/observed_rate").asDouble()};
            relMax = Math.max(relMax, Math.max(relPts[k][0], relPts[k][1]));
        }
        double axis = Math.min(1, SvgChart.niceMax(relMax));
        sb.append(SvgChart.lines("reliability", "Reliability, " + r.at(ph + "/days").asInt() + " days before",
                "predicted churn probability", "observed churn rate", List.of(new SvgChart.Line("deciles of prediction", relPts, true)),
                axis, axis, true));
        sb.append("</div>");
        sb.append("<table><tr><th>segment</th><th>churners</th><th>flagged</th><th>median lead (days)</th>"
                + "<th>flagged ≥ ").append(ahead).append(" days ahead</th></tr>");
        for (int i = 0; i < r.at(lt + "/by_segment").size(); i++) {
            String q = lt + "/by_segment/" + i;
            sb.append("<tr><td>").append(esc(r.at(q + "/segment").asText())).append("</td><td>").append(m(r, q + "/churners", Fmt.INT))
                    .append("</td><td>").append(m(r, q + "/flagged", Fmt.INT)).append("</td><td>").append(m(r, q + "/median_days", Fmt.DAYS))
                    .append("</td><td>").append(m(r, q + "/share_flagged_at_least_" + ahead + "_days_ahead", Fmt.PCT)).append("</td></tr>");
        }
        sb.append("</table>");
        sb.append("<p class=\"note\">False alarms over time: of ").append(m(r, "/false_alarms/renewals_considered", Fmt.INT))
                .append(" renewals, ").append(m(r, "/false_alarms/renewed_ever_at_risk_or_worse_share", Fmt.PCT))
                .append(" were at risk or worse at some snapshot in the ").append(m(r, "/false_alarms/window_days", Fmt.INT))
                .append(" days before renewing. The reliability curve maps scores to probabilities with a logistic fit on the same "
                        + "outcomes (a = ").append(m(r, ph + "/probability_map/a", Fmt.F3)).append(", b = ")
                .append(m(r, ph + "/probability_map/b_per_10_points", Fmt.F3)).append(" per 10 points).</p>");

        sb.append("<h2>Segments, ").append(r.at(ph + "/days").asInt()).append(" days before</h2><table><tr><th>segment</th>"
                + "<th>outcomes</th><th>churned</th><th>base rate</th><th>ROC AUC</th><th>at-risk-or-worse precision</th>"
                + "<th>at-risk-or-worse recall</th></tr>");
        for (int i = 0; i < r.at(ph + "/segments").size(); i++) {
            String q = ph + "/segments/" + i;
            sb.append("<tr><td>").append(esc(r.at(q + "/segment").asText())).append("</td><td>").append(m(r, q + "/outcomes", Fmt.INT))
                    .append("</td><td>").append(m(r, q + "/events", Fmt.INT)).append("</td><td>").append(m(r, q + "/base_rate", Fmt.PCT))
                    .append("</td><td>").append(m(r, q + "/auc", Fmt.F3)).append("</td><td>")
                    .append(m(r, q + "/at_risk_or_worse_precision", Fmt.PCT)).append("</td><td>")
                    .append(m(r, q + "/at_risk_or_worse_recall", Fmt.PCT)).append("</td></tr>");
        }
        sb.append("</table>");

        signals(sb, r);
        if (r.has("calibration")) {
            calibration(sb, r);
        }
        sb.append("<h2>Method</h2><p class=\"note\">Every account is scored in every weekly snapshot from the facts known on "
                + "that day only (later facts are dropped and later state changes rolled back before measuring; percentile "
                + "peers are that week's accounts). Each outcome is read from the latest snapshot at least N days before it. "
                + "AUC is the probability that a churner scored lower than a renewal (ties half). Accounts with insufficient "
                + "signal count in the band tables, not in the ranking figures. The same figures are in backtest.json.</p>");
        sb.append("</main></body></html>\n");
        return sb.toString();
    }

    private static void signals(StringBuilder sb, JsonNode r) {
        JsonNode items = r.at("/signals/items");
        boolean calibrated = r.has("calibration");
        sb.append("<h2>Signals, ").append(r.at("/signals/horizon_days").asInt()).append(" days before</h2>")
                .append("<p class=\"note\">Each signal on its own: coverage (outcomes with data), spread, univariate ROC AUC "
                        + "(0.5 = no evidence; below 0.5 it points the other way than the model assumes) and the churn rate "
                        + "of its worst fifth over the base rate, next to its weight in the model.</p><div class=\"charts\">");
        List<String> labels = new ArrayList<>();
        double[] auc = new double[items.size()];
        double[] weight = new double[items.size()];
        double[] cal = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            labels.add(items.get(i).get("signal").asText());
            auc[i] = items.get(i).get("auc").isNull() ? Double.NaN : items.get(i).get("auc").asDouble();
            weight[i] = items.get(i).get("current_weight").isNull() ? Double.NaN : items.get(i).get("current_weight").asDouble();
            cal[i] = !items.get(i).has("calibrated_weight") || items.get(i).get("calibrated_weight").isNull()
                    ? Double.NaN : items.get(i).get("calibrated_weight").asDouble();
        }
        sb.append(SvgChart.horizontalBars("signal-auc", "Univariate ROC AUC per signal", "ROC AUC (0.5 = no evidence)", labels,
                List.of(new SvgChart.Bars("AUC", auc)), 0.2, 1.0, 0.5));
        List<SvgChart.Bars> w = new ArrayList<>();
        w.add(new SvgChart.Bars("current weight %", weight));
        if (calibrated) {
            w.add(new SvgChart.Bars("calibrated weight %", cal));
        }
        double maxW = 0;
        for (double v : weight) {
            maxW = Double.isNaN(v) ? maxW : Math.max(maxW, v);
        }
        for (double v : cal) {
            maxW = Double.isNaN(v) ? maxW : Math.max(maxW, v);
        }
        sb.append(SvgChart.horizontalBars("signal-weights", "Weight in the composite", "% of the composite", labels, w, 0,
                SvgChart.niceMax(Math.max(1, maxW)), 0));
        sb.append("</div><table><tr><th>signal</th><th>dimension</th><th>weight %</th>").append(calibrated ? "<th>calibrated %</th>" : "")
                .append("<th>coverage</th><th>std dev</th><th>top value share</th><th>low variance</th><th>ROC AUC</th>"
                        + "<th>direction</th><th>lift, worst fifth</th><th>verdict</th></tr>");
        for (int i = 0; i < items.size(); i++) {
            String q = "/signals/items/" + i;
            sb.append("<tr><td>").append(esc(r.at(q + "/signal").asText())).append("</td><td>")
                    .append(esc(r.at(q + "/dimension").isNull() ? "" : r.at(q + "/dimension").asText())).append("</td><td>")
                    .append(m(r, q + "/current_weight", Fmt.F1)).append("</td>");
            if (calibrated) {
                sb.append("<td>").append(r.at(q + "/calibrated_weight").isMissingNode() ? "" : m(r, q + "/calibrated_weight", Fmt.F1))
                        .append("</td>");
            }
            String verdict = r.at(q + "/verdict").asText();
            sb.append("<td>").append(m(r, q + "/coverage", Fmt.PCT)).append("</td><td>").append(m(r, q + "/std_dev", Fmt.F1))
                    .append("</td><td>").append(m(r, q + "/top_value_share", Fmt.PCT)).append("</td><td>")
                    .append(r.at(q + "/low_variance").asBoolean() ? "yes" : "").append("</td><td>").append(m(r, q + "/auc", Fmt.F3))
                    .append("</td><td>").append(esc(r.at(q + "/direction").asText())).append("</td><td>")
                    .append(m(r, q + "/lift_worst_fifth", Fmt.F1)).append("</td><td class=\"verdict-").append(esc(verdict)).append("\">")
                    .append(esc(verdict.replace('_', ' '))).append("</td></tr>");
        }
        sb.append("</table>");
    }

    private static void calibration(StringBuilder sb, JsonNode r) {
        String c = "/calibration";
        sb.append("<h2>Calibrated model</h2><p class=\"note\">").append(m(r, c + "/calibrated_version", Fmt.TEXT))
                .append(": weights fitted on ").append(m(r, c + "/fit_rows", Fmt.INT)).append(" outcome snapshots (")
                .append(m(r, c + "/fit_events", Fmt.INT)).append(" churned) dated ").append(m(r, c + "/fit_from", Fmt.TEXT))
                .append(" to ").append(m(r, c + "/fit_to", Fmt.TEXT)).append("; compared with ")
                .append(m(r, c + "/current_version", Fmt.TEXT)).append(" on ").append(m(r, c + "/later_rows", Fmt.INT))
                .append(" later snapshots (").append(m(r, c + "/later_events", Fmt.INT)).append(" churned) dated ")
                .append(m(r, c + "/later_from", Fmt.TEXT)).append(" to ").append(m(r, c + "/later_to", Fmt.TEXT))
                .append(". Penalty λ = ").append(m(r, c + "/lambda", Fmt.F3)).append(".</p>");
        sb.append("<table><tr><th>horizon</th><th>outcomes</th><th>churned</th><th>AUC current</th><th>AUC calibrated</th>"
                + "<th>Brier current</th><th>Brier calibrated</th><th>red precision current</th><th>red precision calibrated</th>"
                + "<th>red recall current</th><th>red recall calibrated</th></tr>");
        JsonNode later = r.at(c + "/later_window");
        List<String> cats = new ArrayList<>();
        double[] a = new double[later.size()];
        double[] b = new double[later.size()];
        for (int i = 0; i < later.size(); i++) {
            String q = c + "/later_window/" + i;
            cats.add(r.at(q + "/days").asInt() + " days");
            a[i] = r.at(q + "/auc_current").asDouble();
            b[i] = r.at(q + "/auc_calibrated").asDouble();
            sb.append("<tr><td>").append(r.at(q + "/days").asInt()).append(" days</td><td>").append(m(r, q + "/outcomes", Fmt.INT))
                    .append("</td><td>").append(m(r, q + "/events", Fmt.INT)).append("</td><td>").append(m(r, q + "/auc_current", Fmt.F3))
                    .append("</td><td>").append(m(r, q + "/auc_calibrated", Fmt.F3)).append("</td><td>")
                    .append(m(r, q + "/brier_current", Fmt.F3)).append("</td><td>").append(m(r, q + "/brier_calibrated", Fmt.F3))
                    .append("</td><td>").append(m(r, q + "/at_risk_or_worse_precision_current", Fmt.PCT)).append("</td><td>")
                    .append(m(r, q + "/at_risk_or_worse_precision_calibrated", Fmt.PCT)).append("</td><td>")
                    .append(m(r, q + "/at_risk_or_worse_recall_current", Fmt.PCT)).append("</td><td>")
                    .append(m(r, q + "/at_risk_or_worse_recall_calibrated", Fmt.PCT)).append("</td></tr>");
        }
        sb.append("</table><div class=\"charts\">");
        sb.append(SvgChart.bars("calibration-auc", "Later window: ROC AUC, current vs calibrated", "horizon", "ROC AUC", cats,
                List.of(new SvgChart.Bars("current", a), new SvgChart.Bars("calibrated", b)), false));
        sb.append("</div><p class=\"note\">Recommended bands: critical 0–").append(m(r, c + "/bands/critical_max", Fmt.INT))
                .append(", at risk to ").append(m(r, c + "/bands/at_risk_max", Fmt.INT)).append(", watching to ")
                .append(m(r, c + "/bands/watching_max", Fmt.INT)).append(". On the fit window at risk or worse has precision ")
                .append(m(r, c + "/bands/at_risk_or_worse_precision_fit", Fmt.PCT)).append(" and recall ")
                .append(m(r, c + "/bands/at_risk_or_worse_recall_fit", Fmt.PCT)).append(". Lead time of later churners: median ")
                .append(m(r, c + "/lead_time_later_current/median_days", Fmt.DAYS)).append(" days now, ")
                .append(m(r, c + "/lead_time_later_calibrated/median_days", Fmt.DAYS)).append(" calibrated.</p>");
    }

    private static int primaryIndex(JsonNode r) {
        int primary = r.at("/primary_horizon_days").asInt();
        JsonNode hs = r.get("horizons");
        for (int i = 0; i < hs.size(); i++) {
            if (hs.get(i).get("days").asInt() == primary) {
                return i;
            }
        }
        return 0;
    }

    private static int aheadDays(JsonNode lead) {
        for (Iterator<String> it = lead.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.startsWith("share_flagged_at_least_")) {
                return Integer.parseInt(f.replaceAll("\\D", ""));
            }
        }
        return 60;
    }

    /** A headline figure; both arguments are HTML (figures are spans made by {@link #m}). */
    private static String card(String value, String labelHtml) {
        return "<div class=\"card\"><div class=\"v\">" + value + "</div><div class=\"l\">" + labelHtml + "</div></div>";
    }

    /** A figure of the JSON at a pointer, shown in a format and tagged with its pointer and raw value. */
    static String m(JsonNode root, String pointer, Fmt fmt) {
        JsonNode v = root.at(JsonPointer.compile(pointer));
        String raw = v.isMissingNode() || v.isNull() ? "null" : v.asText();
        return "<span data-metric=\"" + esc(pointer) + "\" data-format=\"" + fmt.name().toLowerCase(Locale.ROOT)
                + "\" data-value=\"" + esc(raw) + "\">" + esc(format(v, fmt)) + "</span>";
    }

    /** The text a figure is shown as (tests use it to check the page against the JSON). */
    public static String format(JsonNode v, String fmt) {
        return format(v, Fmt.valueOf(fmt.toUpperCase(Locale.ROOT)));
    }

    static String format(JsonNode v, Fmt fmt) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "n/a";
        }
        return switch (fmt) {
            case F3 -> String.format(Locale.ROOT, "%.3f", v.asDouble());
            case F1 -> String.format(Locale.ROOT, "%.1f", v.asDouble());
            case PCT -> String.format(Locale.ROOT, "%.1f %%", 100 * v.asDouble());
            case INT -> String.format(Locale.ROOT, "%,d", v.asLong());
            case DAYS -> String.format(Locale.ROOT, "%.0f", v.asDouble());
            case TEXT -> v.asText();
        };
    }

    private static String text(JsonNode r, String pointer) {
        JsonNode v = r.at(pointer);
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    static String esc(String s) {
        return SvgChart.esc(s);
    }
}
