package io.healthscore.cli;

import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.conversations.ExtractionRun;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.formats.ConversationTable;
import io.healthscore.formats.TableReader;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Streams the conversations export through an extraction run and adds the accepted labels to the book;
 * the text of each conversation is dropped as soon as it has been read.
 */
final class ConversationSignals {

    private ConversationSignals() {
    }

    /**
     * Reads and extracts the conversations on a thread of their own (the heaviest table) while the
     * caller loads the other exports; {@link Pending#addTo} then adds the labels to the book on the
     * caller's thread. The book's account map is only read here, never changed.
     */
    static Pending startExtraction(AccountBook book, ConversationTable table, ExtractionRun run, Set<String> outOfScope,
                                   RejectLog rejects, Predicate<Conversation> relevant) {
        java.util.concurrent.CompletableFuture<Pending.Result> future = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            List<io.healthscore.domain.conversations.Extraction> accepted = new java.util.ArrayList<>();
            List<TableReader.FileStats> read = table.stream(book::contains, outOfScope::contains, c -> {
                if (relevant.test(c)) { // outside the signal window a conversation cannot change a score
                    run.accept(c).filter(e -> e.accepted()).ifPresent(accepted::add);
                }
            }, rejects);
            return new Pending.Result(accepted, read);
        }, runnable -> {
            Thread t = new Thread(runnable, "conversation-extraction");
            t.setDaemon(true);
            t.start();
        });
        return new Pending(future);
    }

    /** Extraction under way. */
    static final class Pending {
        record Result(List<io.healthscore.domain.conversations.Extraction> accepted, List<TableReader.FileStats> files) {
        }

        private final java.util.concurrent.CompletableFuture<Result> future;

        Pending(java.util.concurrent.CompletableFuture<Result> future) {
            this.future = future;
        }

        /** Waits for the extraction and adds its labels to the book (on the caller's thread). */
        void addTo(AccountBook book, List<TableReader.FileStats> files) {
            Result r = future.join();
            files.addAll(r.files());
            for (io.healthscore.domain.conversations.Extraction e : r.accepted()) {
                book.conversation(e.accountId(), e.signal());
            }
            if (r.files().stream().allMatch(f -> f.fileProblem() == null)) {
                book.loaded(FactSource.CONVERSATIONS);
            }
        }
    }
}
