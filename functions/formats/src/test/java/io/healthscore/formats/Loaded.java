package io.healthscore.formats;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a test folder loaded into: the book, the rejects and the per-file figures, with the kept facts
 * as short strings ("acc-1 2026-10-19 30/40") so a test can say in one line which rows were kept.
 */
record Loaded(AccountBook book, RejectLog log, List<TableReader.FileStats> stats) {

    /** The reject the log records for a row: the reason is "code: detail". */
    static RejectLog.Reject reject(String file, long row, String column, String code, String detail) {
        return new RejectLog.Reject(file, row, column, code + ": " + detail);
    }

    List<RejectLog.Reject> rejects() {
        return log.rejects();
    }

    AccountFacts facts(String accountId) {
        return book.facts().stream().filter(f -> f.accountId().equals(accountId)).findFirst()
                .orElseThrow(() -> new AssertionError("account " + accountId + " is not in the book"));
    }

    List<String> accounts() {
        return List.copyOf(book.accountIds());
    }

    List<String> usage() {
        return each(f -> f.usage().stream().map(u -> f.accountId() + " " + u.weekStart() + " " + u.activeUsers() + "/"
                + u.licensedSeats()));
    }

    List<String> invoices() {
        return each(f -> f.invoices().stream().map(i -> f.accountId() + " " + i.invoiceId()));
    }

    List<String> tickets() {
        return each(f -> f.tickets().stream().map(t -> f.accountId() + " " + t.ticketId()));
    }

    List<String> surveys() {
        return each(f -> f.surveys().stream().map(s -> f.accountId() + " " + s.responseId()));
    }

    List<String> contacts() {
        return each(f -> f.contacts().stream().map(c -> f.accountId() + " " + c.contactId()));
    }

    List<String> touches() {
        return each(f -> f.touches().stream().map(t -> f.accountId() + " " + t.activityId()));
    }

    /** Custom roll-up values by account, accounts without any left out. */
    Map<String, Map<String, Double>> custom() {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (AccountFacts f : book.facts()) {
            if (!f.customSignals().isEmpty()) {
                out.put(f.accountId(), new TreeMap<>(f.customSignals()));
            }
        }
        return out;
    }

    private List<String> each(Function<AccountFacts, Stream<String>> rows) {
        return book.facts().stream().flatMap(rows).toList();
    }
}
