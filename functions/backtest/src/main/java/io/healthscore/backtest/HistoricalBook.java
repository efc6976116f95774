package io.healthscore.backtest;

import io.healthscore.domain.conversations.ExtractionRun;
import io.healthscore.domain.conversations.InMemorySignalLedger;
import io.healthscore.domain.conversations.OfflineExtractor;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.Invoice;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.SurveyResponse;
import io.healthscore.domain.facts.Touch;
import io.healthscore.domain.facts.WeeklyUsage;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.formats.ConversationTable;
import io.healthscore.formats.CrmTables;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.formats.ExportTables;
import io.healthscore.formats.TableReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every account the CRM knows, churned ones included, with its full history of facts: what the backtest
 * replays week by week. Each snapshot sees these facts only through {@link AccountFacts#asOf}.
 *
 * @param facts         all accounts, in CRM order
 * @param dataStart     first day with facts (the first usage week), null when there are none
 * @param extractorId   the conversation extractor used, null when the input has no conversations
 * @param rulesVersion  its prompt or rules version, null when the input has no conversations
 */
public record HistoricalBook(List<AccountFacts> facts, LocalDate dataStart, String extractorId, String rulesVersion) {

    public HistoricalBook {
        facts = List.copyOf(facts);
    }

    /** Facts already in memory (tests, benchmarks); the data start is derived from them. */
    public static HistoricalBook of(List<AccountFacts> facts, String extractorId, String rulesVersion) {
        return new HistoricalBook(facts, firstFactDate(facts), extractorId, rulesVersion);
    }

    /**
     * Loads the local input: CRM tables (churned accounts kept), every export with its full usage
     * history, and conversations through the offline extractor (their text is dropped as soon as the
     * labels are extracted).
     */
    public static HistoricalBook load(Path input, LocalDate dataEnd, boolean withConversations, RejectLog rejects) {
        DirectoryTableFiles files = new DirectoryTableFiles(input);
        AccountBook book = new AccountBook();
        CrmTables crm = new CrmTables(files, true);
        crm.loadAccounts(book, dataEnd, rejects);
        new ExportTables(files, (Integer) null).loadExports(book, dataEnd, rejects); // keeps every fact
        String extractor = null;
        String rules = null;
        ConversationTable conversations = new ConversationTable(files);
        if (withConversations && conversations.present()) {
            OfflineExtractor offline = new OfflineExtractor();
            ExtractionRun run = new ExtractionRun(offline, new InMemorySignalLedger(), Long.MAX_VALUE);
            List<TableReader.FileStats> read = conversations.stream(book::contains, crm.outOfScopeIds()::contains,
                    c -> run.accept(c).filter(e -> e.accepted()).ifPresent(e -> book.conversation(e.accountId(), e.signal())),
                    rejects);
            if (read.stream().allMatch(f -> f.fileProblem() == null)) {
                book.loaded(FactSource.CONVERSATIONS);
            }
            extractor = offline.id();
            rules = offline.promptVersion();
        }
        return of(book.facts(), extractor, rules);
    }

    /** Position of each account in {@link #facts()}. */
    public Map<String, Integer> indexById() {
        Map<String, Integer> m = new HashMap<>(facts.size() * 2);
        for (int i = 0; i < facts.size(); i++) {
            m.put(facts.get(i).accountId(), i);
        }
        return m;
    }

    public Set<String> accountIds() {
        return indexById().keySet();
    }

    private static LocalDate firstFactDate(List<AccountFacts> facts) {
        LocalDate usage = null;
        LocalDate any = null;
        for (AccountFacts f : facts) {
            for (WeeklyUsage u : f.usage()) {
                usage = min(usage, u.weekStart());
            }
            if (usage == null) {
                for (SupportTicket t : f.tickets()) {
                    any = min(any, t.openedOn());
                }
                for (Invoice i : f.invoices()) {
                    any = min(any, i.issuedOn());
                }
                for (Touch t : f.touches()) {
                    any = min(any, t.occurredOn());
                }
                for (SurveyResponse s : f.surveys()) {
                    any = min(any, s.respondedOn());
                }
            }
        }
        return usage != null ? usage : any;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }
}
