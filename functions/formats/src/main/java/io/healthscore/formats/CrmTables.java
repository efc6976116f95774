package io.healthscore.formats;

import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.Contact;
import io.healthscore.domain.facts.CsmOverride;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.facts.RenewalOpportunity;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.facts.Touch;
import io.healthscore.domain.ports.AccountSource;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.signals.FactWindows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The CRM as files (local mode): crm_accounts, crm_contacts, crm_activities. In AWS the Salesforce
 * adapter fills the same book.
 */
public final class CrmTables implements AccountSource {

    private final TableFiles files;
    private final boolean includeChurned;
    private final FactWindows windows;
    private final List<TableReader.FileStats> stats = new ArrayList<>();
    private final Set<String> outOfScope = new HashSet<>();

    /** Accounts churned on or before the as-of date are out of scope (their rows are skipped). */
    public CrmTables(TableFiles files) {
        this(files, false);
    }

    /** With {@code includeChurned}, churned accounts stay in the book (the backtest replays their past). */
    public CrmTables(TableFiles files, boolean includeChurned) {
        this(files, includeChurned, null);
    }

    /** Activities older than the windows are validated but not kept (null: all kept). */
    public CrmTables(TableFiles files, boolean includeChurned, FactWindows windows) {
        this.files = files;
        this.includeChurned = includeChurned;
        this.windows = windows;
    }

    /** Accounts the CRM knows but that were out of scope in the last load (churned). */
    public Set<String> outOfScopeIds() {
        return Set.copyOf(outOfScope);
    }

    public List<TableReader.FileStats> fileStats() {
        return List.copyOf(stats);
    }

    @Override
    public void loadAccounts(AccountBook book, LocalDate asOf, RejectLog rejects) {
        if (files.find(ExportTable.CRM_ACCOUNTS).isEmpty()) {
            rejects.reject(ExportTable.CRM_ACCOUNTS.baseName() + ".csv", 0, null, "missing_file",
                    "no crm_accounts file in the input: there are no accounts in scope");
        }
        stats.addAll(TableLoading.readAll(files, ExportTable.CRM_ACCOUNTS, row -> account(book, row, asOf), rejects));
        if (!files.find(ExportTable.CRM_CONTACTS).isEmpty()) {
            SeenKeys seen = new SeenKeys();
            markLoaded(book, FactSource.CONTACTS, TableLoading.readAll(files, ExportTable.CRM_CONTACTS, row -> contact(book, row, seen), rejects));
        }
        if (!files.find(ExportTable.CRM_ACTIVITIES).isEmpty()) {
            SeenKeys seen = new SeenKeys();
            markLoaded(book, FactSource.ACTIVITIES, TableLoading.readAll(files, ExportTable.CRM_ACTIVITIES, row -> activity(book, row, seen, asOf), rejects));
        }
    }

    private void markLoaded(AccountBook book, FactSource source, List<TableReader.FileStats> read) {
        stats.addAll(read);
        if (read.stream().allMatch(f -> f.fileProblem() == null)) {
            book.loaded(source);
        }
    }

    private void account(AccountBook book, TableRow row, LocalDate asOf) throws RowRejected {
        String id = Cells.text(row, "account_id");
        Segment segment;
        try {
            segment = Segment.parse(Cells.text(row, "segment"));
        } catch (IllegalArgumentException e) {
            throw new RowRejected("segment", "bad_segment", e.getMessage());
        }
        Integer employees = row.get("employees") == null ? null : Cells.optionalNonNegativeInt(row, "employees", 0);
        Double arr = Cells.optionalNumber(row, "arr");
        if (arr != null && arr < 0) {
            throw new RowRejected("arr", "negative_value", "'arr' is negative (" + arr + ")");
        }
        AccountProfile profile = new AccountProfile(id, row.get("name"), segment, row.get("tier"), employees, arr,
                Cells.optionalDate(row, "customer_since"), row.get("owner_id"), row.get("owner_manager_id"));
        LocalDate renewalDate = Cells.optionalDate(row, "renewal_date");
        RenewalOpportunity renewal = renewalDate == null ? null : new RenewalOpportunity(row.get("renewal_opportunity_id"),
                renewalDate, Cells.optionalNumber(row, "renewal_amount"), null);
        PreviousHealth previous = previous(row);
        LocalDate churnedOn = Cells.optionalDate(row, "churned_on");
        if (churnedOn != null && !churnedOn.isAfter(asOf) && !includeChurned) {
            if (book.contains(id) || outOfScope.contains(id)) {
                throw TableLoading.duplicate("account_id", id);
            }
            book.outOfScope(id);
            outOfScope.add(id);
            return;
        }
        if (outOfScope.contains(id) || !book.register(profile)) {
            throw TableLoading.duplicate("account_id", id);
        }
        if (renewal != null) {
            book.renewal(id, renewal);
        }
        book.previous(id, previous);
    }

    private static PreviousHealth previous(TableRow row) throws RowRejected {
        Integer score = null;
        if (row.get("previous_score") != null) {
            score = (int) Cells.range("previous_score", Cells.number(row, "previous_score"), 0, 100);
        }
        Band band = band(row, "previous_band");
        List<HistoryPoint> history = history(row.get("history"));
        CsmOverride override = null;
        Band overrideBand = band(row, "override_band");
        if (overrideBand != null) {
            override = new CsmOverride(overrideBand, row.get("override_reason"), Cells.optionalDate(row, "override_expires"));
        }
        return new PreviousHealth(score, band, Cells.optionalDate(row, "previous_scored_on"),
                Cells.optionalDate(row, "band_since"), history, override, Cells.optionalDate(row, "red_since"));
    }

    private static Band band(TableRow row, String column) throws RowRejected {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return Band.parse(v);
        } catch (IllegalArgumentException e) {
            throw new RowRejected(column, "bad_band", e.getMessage());
        }
    }

    /** Parses the compact sparkline history "2026-08-31:70;2026-09-07:72". */
    public static List<HistoryPoint> history(String text) throws RowRejected {
        List<HistoryPoint> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            try {
                out.add(new HistoryPoint(LocalDate.parse(p.substring(0, colon)), Integer.parseInt(p.substring(colon + 1))));
            } catch (RuntimeException e) {
                throw new RowRejected("history", "bad_history", "history entry '" + Cells.shown(p)
                        + "' is not date:score (e.g. 2026-09-07:72)");
            }
        }
        return out;
    }

    private static void contact(AccountBook book, TableRow row, SeenKeys seen) throws RowRejected {
        String id = Cells.text(row, "contact_id");
        String account = Cells.text(row, "account_id");
        Contact.StakeholderRole role;
        try {
            role = Contact.StakeholderRole.parse(row.get("role"));
        } catch (IllegalArgumentException e) {
            throw new RowRejected("role", "bad_role", e.getMessage());
        }
        Contact c = new Contact(id, role, Cells.bool(row, "left_company", false), Cells.optionalDate(row, "left_on"),
                Cells.optionalDate(row, "last_engaged_on"));
        if (!book.contains(account)) {
            if (book.skipOutOfScope(account)) {
                return;
            }
            throw TableLoading.unknownAccount(account);
        }
        if (!seen.add(id)) {
            throw TableLoading.duplicate("contact_id", id);
        }
        book.contact(account, c);
    }

    private void activity(AccountBook book, TableRow row, SeenKeys seen, LocalDate asOf) throws RowRejected {
        String id = Cells.text(row, "activity_id");
        String account = Cells.text(row, "account_id");
        // a scoring run checks ids for duplicates, then drops them: no signal reads them
        Touch t = new Touch(windows == null ? id : null, Cells.utcDate(row, "occurred_on"), Cells.shared(Cells.text(row, "type")));
        if (!book.contains(account)) {
            if (book.skipOutOfScope(account)) {
                return;
            }
            throw TableLoading.unknownAccount(account);
        }
        if (!seen.add(id)) {
            throw TableLoading.duplicate("activity_id", id);
        }
        if (windows == null || windows.keepsTouch(t.occurredOn(), asOf)) {
            book.touch(account, t);
        }
    }
}
