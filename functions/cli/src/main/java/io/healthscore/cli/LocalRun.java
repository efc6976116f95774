package io.healthscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.conversations.ExtractionRun;
import io.healthscore.domain.conversations.InMemorySignalLedger;
import io.healthscore.domain.conversations.OfflineExtractor;
import io.healthscore.domain.model.ScoringModel;
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

    public static Result execute(Options o, PrintWriter console, PrintStream logStream) {
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
        ConversationTable conversationTable = new ConversationTable(files);
        ExtractionRun extraction = new ExtractionRun(new OfflineExtractor(), new InMemorySignalLedger(), Long.MAX_VALUE);
        List<TableReader.FileStats> conversationFiles = new ArrayList<>();
        ExportSource exportsWithConversations = (book, asOf, rejects) -> {
            exports.loadExports(book, asOf, rejects);
            if (conversationTable.present()) {
                ConversationSignals.extractInto(book, conversationTable, extraction, crm.outOfScopeIds(), rejects,
                        conversationFiles);
            }
        };
        RunSummary summary = new ScoringRun(scorer, crm, exportsWithConversations, sink, progress).execute(o.runId(), o.asOf());

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
