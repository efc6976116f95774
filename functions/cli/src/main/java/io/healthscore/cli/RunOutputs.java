package io.healthscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.run.RunSummary;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.Driver;
import io.healthscore.domain.scoring.SignalScore;
import io.healthscore.domain.scoring.SubScore;
import io.healthscore.formats.TableReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the local run's files: scores.csv, accounts.jsonl, rejects.csv, run-report.json; prints the summary. */
final class RunOutputs {

    static final List<String> SCORE_COLUMNS = List.of("account_id", "score", "band", "confidence", "account_name",
            "effective_band", "trend", "score_change", "expansion_score", "attention_priority", "days_to_renewal",
            "arr", "model_version", "top_drivers");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    private RunOutputs() {
    }

    static void scoresCsv(Path file, List<AccountHealth> healths) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(SCORE_COLUMNS.toArray(new String[0])).build().print(w)) {
            for (AccountHealth h : healths) {
                StringBuilder drivers = new StringBuilder();
                for (Driver d : h.drivers()) {
                    if (drivers.length() > 0) {
                        drivers.append(" | ");
                    }
                    drivers.append(d.text());
                }
                csv.printRecord(h.accountId(), h.score(), h.band().wireName(), round2(h.confidence()), h.accountName(),
                        h.effectiveBand().wireName(), h.trend().direction().wireName(), h.trend().change(),
                        h.expansionScore(), h.attentionPriority(), h.daysToRenewal(), h.arr(), h.modelVersion(), drivers);
            }
        }
    }

    static void accountsJsonl(Path file, List<AccountHealth> healths) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter seq = JSON_LINE.writer().withRootValueSeparator("\n").writeValues(w)) {
            for (AccountHealth h : healths) {
                seq.write(accountJson(h));
            }
        }
    }

    static ObjectNode accountJson(AccountHealth h) {
        ObjectNode o = JSON_LINE.createObjectNode();
        o.put("account_id", h.accountId());
        o.put("account_name", h.accountName());
        o.put("scored_on", h.scoredOn().toString());
        o.put("model_version", h.modelVersion());
        o.set("score", JSON_LINE.valueToTree(h.score()));
        o.put("band", h.band().wireName());
        o.put("effective_band", h.effectiveBand().wireName());
        if (h.override() != null) {
            ObjectNode ov = o.putObject("override");
            ov.put("band", h.override().band().wireName());
            ov.put("reason", h.override().reason());
            ov.put("expires_on", String.valueOf(h.override().expiresOn()));
        }
        o.put("confidence", round2(h.confidence()));
        o.put("trend", h.trend().direction().wireName());
        o.set("score_change", JSON_LINE.valueToTree(h.trend().change()));
        o.put("band_since", String.valueOf(h.bandSince()));
        o.set("expansion_score", JSON_LINE.valueToTree(h.expansionScore()));
        o.put("attention_priority", h.attentionPriority());
        o.set("days_to_renewal", JSON_LINE.valueToTree(h.daysToRenewal()));
        ArrayNode drivers = o.putArray("drivers");
        for (Driver d : h.drivers()) {
            ObjectNode x = drivers.addObject();
            x.put("text", d.text());
            x.put("effect", d.effect().wireName());
            x.put("dimension", d.dimension());
            x.put("signal", d.signal());
        }
        ArrayNode subs = o.putArray("sub_scores");
        for (SubScore s : h.subScores()) {
            ObjectNode x = subs.addObject();
            x.put("dimension", s.dimension());
            x.put("label", s.label());
            x.set("score", JSON_LINE.valueToTree(s.score()));
            x.put("weight", round2(s.weight()));
            x.put("coverage", round2(s.coverage()));
        }
        ArrayNode signals = o.putArray("signals");
        for (SignalScore s : h.signals()) {
            ObjectNode x = signals.addObject();
            x.put("signal", s.signal());
            x.put("dimension", s.dimension());
            if (s.hasData()) {
                x.put("raw", round2(s.raw()));
                x.put("score", round2(s.score()));
            } else {
                x.putNull("raw");
                x.putNull("score");
            }
            x.put("weight", round2(s.weight()));
        }
        ArrayNode history = o.putArray("history");
        for (HistoryPoint p : h.history()) {
            history.addObject().put("scored_on", p.scoredOn().toString()).put("score", p.score());
        }
        return o;
    }

    static void rejectsCsv(Path file, RejectLog rejects) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("file", "row", "column", "reason").build().print(w)) {
            for (RejectLog.Reject r : rejects.rejects()) {
                csv.printRecord(r.file(), r.row(), r.column(), r.reason());
            }
        }
    }

    static ObjectNode report(RunSummary s, String input, List<TableReader.FileStats> files, ObjectNode conversations) {
        ObjectNode r = JSON.createObjectNode();
        r.put("run_id", s.runId());
        r.put("as_of", s.asOf().toString());
        r.put("model_version", s.modelVersion());
        r.put("input", input);
        ObjectNode acc = r.putObject("accounts");
        acc.put("in_scope", s.accounts());
        acc.put("scored", s.scored());
        acc.put("insufficient_signal", s.insufficientSignal());
        acc.put("out_of_scope", s.outOfScopeAccounts());
        ObjectNode bands = acc.putObject("by_band");
        s.bandCounts().forEach((b, n) -> bands.put(b.wireName(), n));
        ObjectNode rej = r.putObject("rejects");
        rej.put("total", s.rejects().total());
        rej.set("by_reason", JSON.valueToTree(s.rejects().countsByReason()));
        rej.set("by_file", JSON.valueToTree(s.rejects().countsByFile()));
        rej.put("details_file", "rejects.csv");
        rej.put("out_of_scope_rows_skipped", s.outOfScopeRows());
        ArrayNode fs = r.putArray("files");
        for (TableReader.FileStats f : files) {
            ObjectNode x = fs.addObject();
            x.put("file", f.file());
            x.put("rows", f.rows());
            x.put("accepted", f.accepted());
            x.put("rejected", f.rejected());
            if (f.fileProblem() != null) {
                x.put("problem", f.fileProblem());
            }
        }
        r.set("conversation_signals", conversations);
        ObjectNode sf = r.putObject("salesforce_dry_run");
        sf.put("account_updates_planned", s.writes().accountsChanged());
        sf.put("tasks_planned", s.writes().tasksUpserted());
        Map<String, Integer> byRule = new TreeMap<>();
        for (TaskPlan t : s.tasks()) {
            byRule.merge(t.ruleId(), 1, Integer::sum);
        }
        sf.set("tasks_by_rule", JSON.valueToTree(byRule));
        sf.put("files", "salesforce/account-updates.jsonl, salesforce/tasks.jsonl");
        r.set("timings_ms", JSON.valueToTree(s.timingsMillis()));
        return r;
    }

    static void writeJson(Path file, ObjectNode node) {
        try {
            JSON.writeValue(file.toFile(), node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void printSummary(PrintWriter out, RunSummary s, Path outDir, int top) {
        out.printf(Locale.ROOT, "Scored %,d accounts as of %s with model %s%n", s.accounts(), s.asOf(), s.modelVersion());
        Map<Band, Integer> bands = s.bandCounts();
        out.println("Band distribution:");
        for (Band b : Band.values()) {
            int n = bands.get(b);
            double pct = s.accounts() == 0 ? 0 : 100.0 * n / s.accounts();
            out.printf(Locale.ROOT, "  %-20s %7d  %5.1f %%  %s%n", b.wireName(), n, pct, "#".repeat((int) Math.round(pct / 2)));
        }
        out.printf(Locale.ROOT, "Rejected rows: %,d%s%n", s.rejects().total(),
                s.rejects().total() == 0 ? "" : " " + s.rejects().countsByReason());
        out.printf(Locale.ROOT, "Planned Salesforce writes (dry run): %,d account updates, %,d tasks%n",
                s.writes().accountsChanged(), s.writes().tasksUpserted());
        out.println();
        out.println("Top " + top + " accounts by attention priority:");
        List<AccountHealth> byPriority = s.byPriority();
        for (int i = 0; i < Math.min(top, byPriority.size()); i++) {
            AccountHealth h = byPriority.get(i);
            out.printf(Locale.ROOT, "%2d. %-32s score %-4s %-19s priority %5.1f  renewal %s%n", i + 1,
                    trim(h.accountName() != null ? h.accountName() : h.accountId(), 32),
                    h.score() == null ? "n/a" : h.score(), h.effectiveBand().wireName(), h.attentionPriority(),
                    h.daysToRenewal() == null ? "unknown" : "in " + h.daysToRenewal() + " days");
            for (Driver d : h.drivers()) {
                out.println("      " + (d.effect() == Driver.Effect.NEGATIVE ? "- " : "+ ") + d.text());
            }
        }
        out.println();
        out.println("Outputs in " + outDir + ": scores.csv, accounts.jsonl, salesforce/, rejects.csv, run-report.json");
    }

    private static String trim(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
