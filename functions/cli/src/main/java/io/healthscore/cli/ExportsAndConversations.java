package io.healthscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.conversations.ExtractionRun;
import io.healthscore.domain.conversations.OfflineExtractor;
import io.healthscore.domain.conversations.SignalLedger;
import io.healthscore.domain.ports.ExportSource;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.signals.FactWindows;
import io.healthscore.formats.ConversationTable;
import io.healthscore.formats.ExportTables;
import io.healthscore.formats.TableFiles;
import io.healthscore.formats.TableReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The exports of a run from files, with the conversations extracted offline on a thread of their own
 * while the other tables load; only facts inside the model's windows are kept. The local run and the
 * Salesforce-mode run use it with different CRM sources.
 */
final class ExportsAndConversations implements ExportSource {

    private final FactWindows windows;
    private final ExportTables exports;
    private final ConversationTable conversations;
    private final Supplier<Set<String>> outOfScope;
    // a one-off run sees each conversation once: no ledger to fill
    private final ExtractionRun extraction = new ExtractionRun(new OfflineExtractor(), SignalLedger.NONE, Long.MAX_VALUE);
    private final List<TableReader.FileStats> conversationFiles = new ArrayList<>();

    /** @param outOfScope ids the CRM knows but does not score (known once the CRM has loaded) */
    ExportsAndConversations(TableFiles files, FactWindows windows, Supplier<Set<String>> outOfScope) {
        this.windows = windows;
        this.exports = ExportTables.keeping(files, windows);
        this.conversations = new ConversationTable(files);
        this.outOfScope = outOfScope;
    }

    @Override
    public void loadExports(AccountBook book, LocalDate asOf, RejectLog rejects) {
        ConversationSignals.Pending pending = !conversations.present() ? null
                : ConversationSignals.startExtraction(book, conversations, extraction, outOfScope.get(), rejects,
                        c -> windows.keepsConversation(c.occurredOn(), asOf) && !c.occurredOn().isAfter(asOf));
        exports.loadExports(book, asOf, rejects);
        if (pending != null) {
            pending.addTo(book, conversationFiles);
        }
    }

    /** Per-file figures of the exports and the conversations. */
    List<TableReader.FileStats> fileStats() {
        List<TableReader.FileStats> stats = new ArrayList<>(exports.fileStats());
        stats.addAll(conversationFiles);
        return stats;
    }

    ExtractionRun.Stats extractionStats() {
        return extraction.stats();
    }

    /** The conversation part of the run report. */
    ObjectNode conversationReport() {
        ObjectNode c = new ObjectMapper().createObjectNode();
        if (!conversations.present()) {
            c.put("status", "no_conversations_in_input");
            return c;
        }
        ExtractionRun.Stats st = extraction.stats();
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
