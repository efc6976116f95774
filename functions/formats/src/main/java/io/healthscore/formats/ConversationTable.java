package io.healthscore.formats;

import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.run.RejectLog;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Streams the conversations export (conversations.jsonl or .csv) one record at a time to the extractor;
 * nothing is kept. Rows for accounts out of scope and malformed rows are rejected like any other.
 */
public final class ConversationTable {

    private final TableFiles files;

    public ConversationTable(TableFiles files) {
        this.files = files;
    }

    public boolean present() {
        return !files.find(ExportTable.CONVERSATIONS).isEmpty();
    }

    public List<TableReader.FileStats> stream(Predicate<String> accountInScope, Predicate<String> outOfScope,
                                              Consumer<Conversation> sink,
                                              RejectLog rejects) {
        SeenKeys seen = new SeenKeys();
        return TableLoading.readAll(files, ExportTable.CONVERSATIONS, row -> {
            String id = Cells.text(row, "conversation_id");
            String account = Cells.text(row, "account_id");
            LocalDate on = Cells.utcDate(row, "occurred_at");
            String text = Cells.text(row, "text");
            if (!accountInScope.test(account)) {
                if (outOfScope.test(account)) {
                    return;
                }
                throw TableLoading.unknownAccount(account);
            }
            if (!seen.add(id)) {
                throw TableLoading.duplicate("conversation_id", id);
            }
            sink.accept(new Conversation(id, account, on, row.get("channel"), text));
        }, rejects);
    }
}
