package io.healthscore.formats;

import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.Invoice;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.SurveyResponse;
import io.healthscore.domain.facts.WeeklyUsage;
import io.healthscore.domain.ports.ExportSource;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.signals.FactWindows;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The warehouse exports: usage_weekly, invoices, support_tickets, surveys and account_rollup. A table
 * that is present marks its source as loaded. Usage rows older than the retention window are
 * validated and counted but not kept (the signals look back 16 weeks), so memory stays flat for
 * long histories; pass {@code null} to keep all (the backtest replays history).
 */
public final class ExportTables implements ExportSource {

    private final TableFiles files;
    private final FactWindows windows;
    private final List<TableReader.FileStats> stats = new ArrayList<>();

    /** Keeps usage weeks within the retention (null: everything); other facts are all kept. */
    public ExportTables(TableFiles files, Integer usageRetentionWeeks) {
        this(usageRetentionWeeks == null ? null
                : new FactWindows(usageRetentionWeeks, Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2,
                        Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2), files);
    }

    private ExportTables(FactWindows windows, TableFiles files) {
        this.files = files;
        this.windows = windows;
    }

    /**
     * Every row is validated and checked for duplicates; only facts inside the windows are kept
     * (null windows: everything, as the backtest needs).
     */
    public static ExportTables keeping(TableFiles files, FactWindows windows) {
        return new ExportTables(windows, files);
    }

    public List<TableReader.FileStats> fileStats() {
        return List.copyOf(stats);
    }

    @Override
    public void loadExports(AccountBook book, LocalDate asOf, RejectLog rejects) {
        if (!files.find(ExportTable.USAGE_WEEKLY).isEmpty()) {
            LocalDate keepFrom = windows == null ? LocalDate.MIN : asOf.minusWeeks(windows.usageWeeks());
            Map<String, WeekSet> weeks = new HashMap<>();
            markLoaded(book, FactSource.USAGE, TableLoading.readAll(files, ExportTable.USAGE_WEEKLY, row -> usage(book, row, keepFrom, weeks), rejects));
        }
        if (!files.find(ExportTable.INVOICES).isEmpty()) {
            SeenKeys seen = new SeenKeys();
            markLoaded(book, FactSource.BILLING, TableLoading.readAll(files, ExportTable.INVOICES, row -> invoice(book, row, seen, asOf), rejects));
        }
        if (!files.find(ExportTable.SUPPORT_TICKETS).isEmpty()) {
            SeenKeys seen = new SeenKeys();
            markLoaded(book, FactSource.SUPPORT, TableLoading.readAll(files, ExportTable.SUPPORT_TICKETS, row -> ticket(book, row, seen, asOf), rejects));
        }
        if (!files.find(ExportTable.SURVEYS).isEmpty()) {
            SeenKeys seen = new SeenKeys();
            markLoaded(book, FactSource.SURVEYS, TableLoading.readAll(files, ExportTable.SURVEYS, row -> survey(book, row, seen, asOf), rejects));
        }
        if (!files.find(ExportTable.ACCOUNT_ROLLUP).isEmpty()) {
            SeenKeys seen = new SeenKeys();
            stats.addAll(TableLoading.readAll(files, ExportTable.ACCOUNT_ROLLUP, row -> rollup(book, row, seen), rejects));
        }
    }

    private void markLoaded(AccountBook book, FactSource source, List<TableReader.FileStats> read) {
        stats.addAll(read);
        if (read.stream().allMatch(f -> f.fileProblem() == null)) {
            book.loaded(source);
        }
    }

    private static void usage(AccountBook book, TableRow row, LocalDate keepFrom, Map<String, WeekSet> weeks)
            throws RowRejected {
        String account = Cells.text(row, "account_id");
        LocalDate week = Cells.date(row, "week_start");
        if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new RowRejected("week_start", "bad_week", "'week_start' " + week + " is a "
                    + week.getDayOfWeek().name().toLowerCase(Locale.ROOT) + "; weeks start on Monday");
        }
        int active = Cells.nonNegativeInt(row, "active_users");
        int seats = Cells.nonNegativeInt(row, "licensed_seats");
        int logins = Cells.optionalNonNegativeInt(row, "logins", 0);
        int used = Cells.optionalNonNegativeInt(row, "key_features_used", 0);
        int total = Cells.optionalNonNegativeInt(row, "key_features_total", 0);
        if (used > total && total > 0) {
            throw new RowRejected("key_features_used", "out_of_range", "'key_features_used' (" + used
                    + ") exceeds 'key_features_total' (" + total + ")");
        }
        if (!book.contains(account)) {
            if (book.skipOutOfScope(account)) {
                return;
            }
            throw TableLoading.unknownAccount(account);
        }
        if (!weeks.computeIfAbsent(account, k -> new WeekSet()).add(week)) {
            throw TableLoading.duplicate("week_start", account + " " + week);
        }
        if (!week.isBefore(keepFrom)) {
            book.usage(account, new WeeklyUsage(week, active, seats, logins, used, total));
        }
    }

    private void invoice(AccountBook book, TableRow row, SeenKeys seen, LocalDate asOf) throws RowRejected {
        String id = Cells.text(row, "invoice_id");
        String account = Cells.text(row, "account_id");
        LocalDate issued = Cells.date(row, "issued_on");
        LocalDate due = Cells.date(row, "due_on");
        if (due.isBefore(issued)) {
            throw new RowRejected("due_on", "out_of_range", "'due_on' " + due + " is before 'issued_on' " + issued);
        }
        LocalDate paid = Cells.optionalDate(row, "paid_on");
        double amount = Cells.number(row, "amount");
        Invoice.InvoiceStatus status;
        try {
            status = Invoice.InvoiceStatus.valueOf(Cells.text(row, "status").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejected("status", "bad_status", "'status' value '" + Cells.shown(row.get("status"))
                    + "' is not open, paid or void");
        }
        if (status == Invoice.InvoiceStatus.PAID && paid == null) {
            throw new RowRejected("paid_on", "missing_value", "status is paid but 'paid_on' is empty");
        }
        if (!book.contains(account)) {
            if (book.skipOutOfScope(account)) {
                return;
            }
            throw TableLoading.unknownAccount(account);
        }
        if (!seen.add(id)) {
            throw TableLoading.duplicate("invoice_id", id);
        }
        Invoice invoice = new Invoice(windows == null ? id : null, issued, due, paid, amount, status);
        if (windows == null || windows.keeps(invoice, asOf)) {
            book.invoice(account, invoice);
        }
    }

    private void ticket(AccountBook book, TableRow row, SeenKeys seen, LocalDate asOf) throws RowRejected {
        String id = Cells.text(row, "ticket_id");
        String account = Cells.text(row, "account_id");
        SupportTicket.Priority priority;
        try {
            priority = SupportTicket.Priority.parse(Cells.text(row, "priority"));
        } catch (IllegalArgumentException e) {
            throw new RowRejected("priority", "bad_priority", e.getMessage());
        }
        LocalDate opened = Cells.utcDate(row, "opened_at");
        LocalDate closed = Cells.optionalUtcDate(row, "closed_at");
        if (closed != null && closed.isBefore(opened)) {
            throw new RowRejected("closed_at", "out_of_range", "'closed_at' " + closed + " is before 'opened_at' " + opened);
        }
        Double csat = Cells.optionalNumber(row, "csat");
        if (csat != null) {
            Cells.range("csat", csat, 1, 5);
        }
        boolean reopened = Cells.bool(row, "reopened", false);
        if (!book.contains(account)) {
            if (book.skipOutOfScope(account)) {
                return;
            }
            throw TableLoading.unknownAccount(account);
        }
        if (!seen.add(id)) {
            throw TableLoading.duplicate("ticket_id", id);
        }
        SupportTicket ticket = new SupportTicket(id, priority, opened, closed, csat, reopened);
        if (windows == null || windows.keeps(ticket, asOf)) {
            book.ticket(account, ticket);
        }
    }

    private void survey(AccountBook book, TableRow row, SeenKeys seen, LocalDate asOf) throws RowRejected {
        String id = Cells.text(row, "response_id");
        String account = Cells.text(row, "account_id");
        LocalDate on = Cells.utcDate(row, "responded_at");
        SurveyResponse.SurveyType type;
        try {
            type = SurveyResponse.SurveyType.valueOf(Cells.text(row, "type").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejected("type", "bad_survey_type", "'type' value '" + Cells.shown(row.get("type")) + "' is not nps or csat");
        }
        double score = Cells.number(row, "score");
        if (type == SurveyResponse.SurveyType.NPS) {
            Cells.range("score", score, 0, 10);
        } else {
            Cells.range("score", score, 1, 5);
        }
        if (!book.contains(account)) {
            if (book.skipOutOfScope(account)) {
                return;
            }
            throw TableLoading.unknownAccount(account);
        }
        if (!seen.add(id)) {
            throw TableLoading.duplicate("response_id", id);
        }
        if (windows == null || windows.keepsSurvey(on, asOf)) {
            book.survey(account, new SurveyResponse(windows == null ? id : null, on, type, score));
        }
    }

    private static void rollup(AccountBook book, TableRow row, SeenKeys seen) throws RowRejected {
        String account = Cells.text(row, "account_id");
        Map<String, Double> values = new HashMap<>();
        for (String column : row.columns()) {
            if (column.equals("account_id")) {
                continue;
            }
            String v = row.get(column);
            if (v != null) {
                values.put(column, Cells.number(column, v));
            }
        }
        if (!book.contains(account)) {
            if (book.skipOutOfScope(account)) {
                return;
            }
            throw TableLoading.unknownAccount(account);
        }
        if (!seen.add(account)) {
            throw TableLoading.duplicate("account_id", account);
        }
        values.forEach((k, v) -> book.custom(account, k, v));
    }

    /** Weeks seen for one account: a bit per Monday since 2000 (about 360 bytes), a set before that. */
    private static final class WeekSet {
        private static final long BASE = LocalDate.of(2000, 1, 3).toEpochDay();
        private final java.util.BitSet bits = new java.util.BitSet();
        private Set<Long> older;

        boolean add(LocalDate monday) {
            long d = monday.toEpochDay();
            if (d < BASE) {
                if (older == null) {
                    older = new HashSet<>();
                }
                return older.add(d);
            }
            int i = (int) ((d - BASE) / 7);
            if (bits.get(i)) {
                return false;
            }
            bits.set(i);
            return true;
        }
    }
}
