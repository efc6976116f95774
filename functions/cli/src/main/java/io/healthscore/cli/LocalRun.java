package io.healthscore.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.conversations.OfflineExtractor;
import io.healthscore.backtest.history.LocalHistoryStore;
import io.healthscore.backtest.history.RunHeader;
import io.healthscore.backtest.history.RunSnapshotWriter;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.signals.FactWindows;
import io.healthscore.domain.ports.RunProgress;
import io.healthscore.domain.run.RunSummary;
import io.healthscore.domain.run.ScoringRun;
import io.healthscore.domain.scoring.Scorer;
import io.healthscore.formats.CrmTables;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.formats.TableReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
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

    public static Result execute(Options o, PrintWriter console, PrintStream logStream) {
        JsonLog log = new JsonLog(logStream, o.quiet());
        DirectoryTableFiles files = new DirectoryTableFiles(o.input());
        FactWindows windows = FactWindows.of(o.model().activity());
        CrmTables crm = new CrmTables(files, false, windows);
        ExportsAndConversations exports = new ExportsAndConversations(files, windows, crm::outOfScopeIds);
        Path sfDir = o.out().resolve("salesforce");
        DryRunSink sink = new DryRunSink(sfDir);
        RunProgress progress = (stage, done, total) ->
                log.info("progress", Map.of("run_id", o.runId(), "stage", stage, "done", done, "total", total));
        Scorer scorer = new Scorer(o.model());

        log.info("run_started", Map.of("run_id", o.runId(), "as_of", o.asOf().toString(), "model_version", o.model().version()));
        // every run appends one snapshot per account to the history store (out/history), for backtests and rescoring
        LocalHistoryStore history = new LocalHistoryStore(o.out().resolve("history"));
        String historyRunId = o.runId() + "-" + java.time.Instant.now().toEpochMilli();
        RunSnapshotWriter snapshots = new RunSnapshotWriter(history, new RunHeader(historyRunId, o.asOf(), o.model().version(),
                OfflineExtractor.RULES_VERSION, OfflineExtractor.ID, "weekly_run", null, java.time.Instant.now(),
                scorer.signalIds()));
        RunSummary summary;
        try {
            summary = new ScoringRun(scorer, crm, exports, sink, progress, snapshots::record)
                    .execute(o.runId(), o.asOf());
            snapshots.commit();
        } finally {
            snapshots.close();
        }

        ObjectNode conversations = exports.conversationReport();
        log.info("conversations_extracted", Map.of("run_id", o.runId(), "extractor", OfflineExtractor.ID,
                "conversations", exports.extractionStats().seen(), "rejected", exports.extractionStats().rejected()));
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
            console.flush();
        }
        return new Result(summary, report);
    }
}
