package io.healthscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthscore.backtest.BacktestJob;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replay every week of the data point in time and measure how early and how well the score warned:",
                "ROC AUC 90/60/30 days before each outcome, bands as warnings, lift, calibration, lead time, false alarms,",
                "segments and each signal's evidence. Writes backtest.html and backtest.json."})
final class BacktestCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BacktestOptions options;

    @Override
    public Integer call() {
        BacktestJob.Outcome o = BacktestJob.backtest(options.request(), Clock.systemUTC());
        print(spec.commandLine().getOut(), o);
        return 0;
    }

    static void print(PrintWriter out, BacktestJob.Outcome o) {
        JsonNode r = o.report();
        out.printf(Locale.ROOT, "Backtest of %s: %d snapshots, outcomes %d renewed / %d churned / %d downgraded (%.1f s)%n",
                r.path("model_version").asText("(no model)"), r.at("/data/snapshots").asInt(), r.at("/data/outcomes/renewed").asInt(),
                r.at("/data/outcomes/churned").asInt(), r.at("/data/outcomes/downgraded").asInt(), o.millis() / 1000.0);
        for (JsonNode h : r.get("horizons")) {
            out.printf(Locale.ROOT, "  %3d days before: ROC AUC %s, top-decile lift %s, Brier %s (%d scored, %d churned)%n",
                    h.get("days").asInt(), f3(h.get("auc")), f1(h.get("top_decile_lift")), f3(h.get("brier")),
                    h.get("scored").asInt(), h.get("events").asInt());
        }
        JsonNode lt = r.get("lead_time");
        out.printf(Locale.ROOT, "  lead time: %d of %d churners flagged at risk or worse, median %s days ahead; %s flagged >= 60 days ahead%n",
                lt.get("flagged").asInt(), lt.get("with_snapshots").asInt(), f0(lt.get("median_days")),
                pct(lt.get("share_flagged_at_least_60_days_ahead")));
        if (o.rejects().total() > 0) {
            out.println("  rejected rows: " + o.rejects().total() + " " + o.rejects().countsByReason());
        }
        out.println("Report: " + o.reportHtml() + " (numbers: " + o.reportJson() + ")");
    }

    static String f3(JsonNode v) {
        return v == null || v.isNull() ? "n/a" : String.format(Locale.ROOT, "%.3f", v.asDouble());
    }

    static String f1(JsonNode v) {
        return v == null || v.isNull() ? "n/a" : String.format(Locale.ROOT, "%.1f", v.asDouble());
    }

    static String f0(JsonNode v) {
        return v == null || v.isNull() ? "n/a" : String.format(Locale.ROOT, "%.0f", v.asDouble());
    }

    static String pct(JsonNode v) {
        return v == null || v.isNull() ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * v.asDouble());
    }
}
