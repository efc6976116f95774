package io.healthscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.conversations.ExtractionRun;
import io.healthscore.domain.conversations.SignalLedger;
import io.healthscore.domain.conversations.OfflineExtractor;
import io.healthscore.backtest.history.LocalHistoryStore;
import io.healthscore.backtest.history.RunHeader;
import io.healthscore.backtest.history.RunSnapshotWriter;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.signals.FactWindows;
import io.healthscore.domain.ports.ExportSource;
import io.healthscore.domain.ports.RunProgress;
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
        ExportTables exports = ExportTables.keeping(files, windows);
        Path sfDir = o.out().resolve("salesforce");
        DryRunSink sink = new DryRunSink(sfDir);
        RunProgress progress = (stage, done, total) ->
                log.info("progress", Map.of("run_id", o.runId(), "stage", stage, "done", done, "total", total));
        Scorer scorer = new Scorer(o.model());

        log.info("run_started", Map.of("run_id", o.runId(), "as_of", o.asOf().toString(), "model_version", o.model().version()));
        ConversationTable conversationTable = new ConversationTable(files);
        // a one-off local run sees each conversation once: no ledger to fill
        ExtractionRun extraction = new ExtractionRun(new OfflineExtractor(), SignalLedger.NONE, Long.MAX_VALUE);
        List<TableReader.FileStats> conversationFiles = new ArrayList<>();
        ExportSource exportsWithConversations = (book, asOf, rejects) -> {
            ConversationSignals.Pending pending = !conversationTable.present() ? null
                    : ConversationSignals.startExtraction(book, conversationTable, extraction, crm.outOfScopeIds(), rejects,
                            c -> windows.keepsConversation(c.occurredOn(), asOf) && !c.occurredOn().isAfter(asOf));
            exports.loadExports(book, asOf, rejects);
            if (pending != null) {
                pending.addTo(book, conversationFiles);
            }
        };
        // every run appends one snapshot per account to the history store (out/history), for backtests and rescoring
        LocalHistoryStore history = new LocalHistoryStore(o.out().resolve("history"));
        String historyRunId = o.runId() + "-" + java.time.Instant.now().toEpochMilli();
        RunSnapshotWriter snapshots = new RunSnapshotWriter(history, new RunHeader(historyRunId, o.asOf(), o.model().version(),
                OfflineExtractor.RULES_VERSION, OfflineExtractor.ID, "weekly_run", null, java.time.Instant.now(),
                scorer.signalIds()));
        RunSummary summary;
        try {
            summary = new ScoringRun(scorer, crm, exportsWithConversations, sink, progress, snapshots::record)
                    .execute(o.runId(), o.asOf());
            snapshots.commit();
        } finally {
            snapshots.close();
        }

        ObjectNode conversations = conversationStatus(conversationTable.present(), extraction.stats());
        log.info("conversations_extracted", Map.of("run_id", o.runId(), "extractor", OfflineExtractor.ID,
                "conversations", extraction.stats().seen(), "rejected", extraction.stats().rejected()));
        List<TableReader.FileStats> stats = new ArrayList<>(crm.fileStats());
        stats.addAll(exports.fileStats());
        stats.addAll(conversationFiles);
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

    private static ObjectNode conversationStatus(boolean present, ExtractionRun.Stats st) {
        ObjectNode c = new ObjectMapper().createObjectNode();
        if (!present) {
            c.put("status", "no_conversations_in_input");
            return c;
        }
        c.put("status", "extracted");
        c.put("extractor", OfflineExtractor.ID);
        c.put("rules_version", OfflineExtractor.RULES_VERSION);
        c.put("conversations", st.seen());
        c.put("extracted", st.extracted());
        c.put("rejected", st.rejected());
        c.put("cache_hits", st.cacheHits());
        c.put("model_calls", 0);
        c.put("input_tokens", st.inputTokens());
        c.put("output_tokens", st.outputTokens());
        c.put("text_stored", false);
        return c;
    }
}
