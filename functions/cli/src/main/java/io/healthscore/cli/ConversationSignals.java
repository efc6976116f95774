package io.healthscore.cli;

import io.healthscore.domain.conversations.ExtractionRun;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.formats.ConversationTable;
import io.healthscore.formats.TableReader;
import java.util.List;
import java.util.Set;

/**
 * Streams the conversations export through an extraction run and adds the accepted labels to the book;
 * the text of each conversation is dropped as soon as it has been read.
 */
final class ConversationSignals {

    private ConversationSignals() {
    }

    static void extractInto(AccountBook book, ConversationTable table, ExtractionRun run, Set<String> outOfScope,
                            RejectLog rejects, List<TableReader.FileStats> files) {
        List<TableReader.FileStats> read = table.stream(book::contains, outOfScope::contains,
                c -> run.accept(c).filter(e -> e.accepted()).ifPresent(e -> book.conversation(e.accountId(), e.signal())),
                rejects);
        files.addAll(read);
        // a conversations file that could not be read leaves the signal without data rather than "no conversations"
        if (read.stream().allMatch(f -> f.fileProblem() == null)) {
            book.loaded(FactSource.CONVERSATIONS);
        }
    }
}
