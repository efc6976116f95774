package io.healthscore.sampledata;

import io.healthscore.formats.ExportTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a sample book: the export tables in the documented formats, then the ground truth that
 * the scoring run never reads. Columns of a table are its required then optional columns, in the
 * order {@link ExportTable} declares them.
 */
enum BookFile {
    CRM_ACCOUNTS(ExportTable.CRM_ACCOUNTS, "account_id", "name", "segment", "tier", "employees", "arr", "customer_since",
            "owner_id", "owner_manager_id", "renewal_opportunity_id", "renewal_date", "renewal_amount", "churned_on"),
    CRM_CONTACTS(ExportTable.CRM_CONTACTS, "contact_id", "account_id", "role", "left_company", "left_on", "last_engaged_on"),
    CRM_ACTIVITIES(ExportTable.CRM_ACTIVITIES, "activity_id", "account_id", "occurred_on", "type"),
    USAGE_WEEKLY(ExportTable.USAGE_WEEKLY, "account_id", "week_start", "active_users", "licensed_seats", "logins",
            "key_features_used", "key_features_total"),
    INVOICES(ExportTable.INVOICES, "invoice_id", "account_id", "issued_on", "due_on", "amount", "status", "paid_on", "currency"),
    SUPPORT_TICKETS(ExportTable.SUPPORT_TICKETS, "ticket_id", "account_id", "priority", "opened_at", "closed_at", "csat",
            "reopened"),
    SURVEYS(ExportTable.SURVEYS, "response_id", "account_id", "responded_at", "type", "score"),
    CONVERSATIONS(ExportTable.CONVERSATIONS, "conversation_id", "account_id", "occurred_at", "channel", "text", "subject"),
    RENEWAL_OUTCOMES(ExportTable.RENEWAL_OUTCOMES, "account_id", "renewal_date", "outcome", "opportunity_id", "amount",
            "previous_amount"),
    TRUTH_ACCOUNTS("ground-truth/accounts", RowEncoder.Syntax.CSV, List.of("account_id", "archetype", "segment",
            "data_coverage", "latent_health_end", "event_type", "event_date", "churned_on")),
    TRUTH_RENEWALS("ground-truth/renewals", RowEncoder.Syntax.CSV, List.of("account_id", "renewal_date", "outcome",
            "latent_health_before")),
    TRUTH_LABELS("ground-truth/conversation_labels", RowEncoder.Syntax.JSON_LINES, List.of("conversation_id",
            "account_id", "occurred_at", "channel", "sentiment", "intents", "risk_flags", "negated"));

    private final String baseName;
    private final ExportTable table;
    private final RowEncoder.Syntax fixedSyntax;
    private final List<String> columns;
    private final List<String> given;

    /**
     * An export table. The header is the table's required then optional columns as the product declares
     * them today; {@code given} are the columns the generator fills, in that order. Columns the product
     * adds later stay empty until the generator learns them.
     */
    BookFile(ExportTable table, String... given) {
        this.baseName = table.baseName();
        this.table = table;
        this.fixedSyntax = table == ExportTable.CONVERSATIONS ? RowEncoder.Syntax.JSON_LINES : null;
        List<String> all = new ArrayList<>(table.required());
        all.addAll(table.optional());
        this.columns = List.copyOf(all);
        this.given = List.of(given);
    }

    BookFile(String baseName, RowEncoder.Syntax syntax, List<String> columns) {
        this.baseName = baseName;
        this.table = null;
        this.fixedSyntax = syntax;
        this.columns = columns;
        this.given = columns;
    }

    /** The header: every column of the file, in order. */
    List<String> columns() {
        return columns;
    }

    /** The columns the generator fills, in the order it gives them. */
    List<String> given() {
        return given;
    }

    /** Ground truth: never read by a scoring run, never gzipped. */
    boolean groundTruth() {
        return table == null;
    }

    RowEncoder.Syntax syntax(GeneratorSettings settings) {
        if (fixedSyntax != null) {
            return fixedSyntax;
        }
        return settings.jsonLines() ? RowEncoder.Syntax.JSON_LINES : RowEncoder.Syntax.CSV;
    }

    /** Path relative to the output directory, e.g. {@code usage_weekly.csv.gz}. */
    String fileName(GeneratorSettings settings) {
        String ext = syntax(settings) == RowEncoder.Syntax.CSV ? ".csv" : ".jsonl";
        return baseName + ext + (settings.gzip() && !groundTruth() ? ".gz" : "");
    }

    /** Every name this file could have, in any format and compression. */
    List<String> fileNameVariants() {
        return List.of(baseName + ".csv", baseName + ".csv.gz", baseName + ".jsonl", baseName + ".jsonl.gz");
    }

    /** The name counts are reported under: the table's base name, or the ground-truth path. */
    String baseName() {
        return baseName;
    }
}
