package io.healthscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.ports.RunProgress;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.run.RunSummary;
import io.healthscore.domain.run.ScoringRun;
import io.healthscore.domain.scoring.Scorer;
import io.healthscore.formats.ConversationTable;
import io.healthscore.formats.CrmTables;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.formats.ExportTables;
import io.healthscore.formats.TableReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main job in local mode: CRM and exports from a directory, the scoring run, and every output as
 * files (the Salesforce writes as a dry run). The same {@link ScoringRun} runs in the Lambdas.
 */
public final class LocalRun {

    /** Usage weeks kept in memory: the signals look back 16 complete weeks, plus margin. */
    static final int USAGE_RETENTION_WEEKS = 20;

    /**
     * @param input   directory with the export files
     * @param out     output directory (created)
     * @param model   validated scoring model
     * @param asOf    scoring date
     * @param runId   run id stamped on the report
     * @param quiet   no progress logs
     */
    public record Options(Path input, Path out, ScoringModel model, LocalDate asOf, String runId, boolean quiet) {
    }

    /** What the run produced, for callers that go on (tests, benchmark). */
    public record Result(RunSummary summary, ObjectNode report) {
    }

    private LocalRun() {
    }

    public static Result execute(Options o, PrintStream console, PrintStream logStream) {
        JsonLog log = new JsonLog(logStream, o.quiet());
        DirectoryTableFiles files = new DirectoryTableFiles(o.input());
        CrmTables crm = new CrmTables(files);
        ExportTables exports = new ExportTables(files, USAGE_RETENTION_WEEKS);
        Path sfDir = o.out().resolve("salesforce");
        DryRunSink sink = new DryRunSink(sfDir);
        RunProgress progress = (stage, done, total) ->
                log.info("progress", Map.of("run_id", o.runId(), "stage", stage, "done", done, "total", total));
        Scorer scorer = new Scorer(o.model());

        log.info("run_started", Map.of("run_id", o.runId(), "as_of", o.asOf().toString(), "model_version", o.model().version()));
        RunSummary summary = new ScoringRun(scorer, crm, exports, sink, progress).execute(o.runId(), o.asOf());

        ObjectNode conversations = conversationStatus(files, summary, crm, o, log);
        List<TableReader.FileStats> stats = new ArrayList<>(crm.fileStats());
        stats.addAll(exports.fileStats());
        try {
            Files.createDirectories(o.out());
            RunOutputs.scoresCsv(o.out().resolve("scores.csv"), summary.healths());
            RunOutputs.accountsJsonl(o.out().resolve("accounts.jsonl"), summary.healths());
            RunOutputs.rejectsCsv(o.out().resolve("rejects.csv"), summary.rejects());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write outputs to " + o.out(), e);
        }
        ObjectNode report = RunOutputs.report(summary, o.input().toString(), stats, conversations);
        RunOutputs.writeJson(o.out().resolve("run-report.json"), report);
        log.info("run_finished", Map.of("run_id", o.runId(), "accounts", summary.accounts(), "scored", summary.scored(),
                "insufficient_signal", summary.insufficientSignal(), "rejects", summary.rejects().total(),
                "tasks_planned", summary.writes().tasksUpserted()));
        if (console != null) {
            RunOutputs.printSummary(console, summary, o.out(), 10);
        }
        return new Result(summary, report);
    }

    /**
     * Conversations are validated and counted, but no signals are extracted from them yet in local mode:
     * scores carry no conversation signal, and the report says so. The generator's ground-truth labels
     * are never read.
     */
    private static ObjectNode conversationStatus(DirectoryTableFiles files, RunSummary summary, CrmTables crm, Options o,
                                                 JsonLog log) {
        ObjectNode c = new ObjectMapper().createObjectNode();
        ConversationTable table = new ConversationTable(files);
        if (!table.present()) {
            c.put("status", "no_conversations_in_input");
            return c;
        }
        java.util.Set<String> inScope = new java.util.HashSet<>();
        summary.healths().forEach(h -> inScope.add(h.accountId()));
        long[] count = {0};
        RejectLog rejects = summary.rejects();
        table.stream(inScope::contains, crm.outOfScopeIds()::contains, r -> count[0]++, rejects);
        c.put("status", "not_extracted");
        c.put("conversations_in_input", count[0]);
        c.put("reason", "no conversation extractor is configured for local runs yet; scores use no conversation signal "
                + "(sentiment relies on NPS and CSAT)");
        log.info("conversations_skipped", Map.of("run_id", o.runId(), "conversations", count[0]));
        return c;
    }
}
