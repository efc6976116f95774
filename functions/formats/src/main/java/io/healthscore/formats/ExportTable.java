package io.healthscore.formats;

import io.healthscore.domain.facts.FactSource;
import java.util.List;

/**
 * The tables the product reads, with their file base names and columns. A table is found as
 * {@code <name>.csv}, {@code <name>.csv.gz}, {@code <name>.jsonl} or {@code <name>.jsonl.gz}
 * (see docs/export-formats.md). CRM tables stand in for Salesforce in local mode.
 */
public enum ExportTable {
    CRM_ACCOUNTS("crm_accounts", FactSource.CRM,
            List.of("account_id", "name", "segment"),
            List.of("tier", "employees", "arr", "customer_since", "owner_id", "owner_manager_id", "renewal_opportunity_id",
                    "renewal_date", "renewal_amount", "previous_score", "previous_band", "previous_scored_on",
                    "band_since", "history", "override_band", "override_reason", "override_expires", "churned_on", "red_since")),
    CRM_CONTACTS("crm_contacts", FactSource.CONTACTS,
            List.of("contact_id", "account_id", "role"),
            List.of("left_company", "left_on", "last_engaged_on")),
    CRM_ACTIVITIES("crm_activities", FactSource.ACTIVITIES,
            List.of("activity_id", "account_id", "occurred_on", "type"),
            List.of()),
    USAGE_WEEKLY("usage_weekly", FactSource.USAGE,
            List.of("account_id", "week_start", "active_users", "licensed_seats"),
            List.of("logins", "key_features_used", "key_features_total")),
    INVOICES("invoices", FactSource.BILLING,
            List.of("invoice_id", "account_id", "issued_on", "due_on", "amount", "status"),
            List.of("paid_on", "currency")),
    SUPPORT_TICKETS("support_tickets", FactSource.SUPPORT,
            List.of("ticket_id", "account_id", "priority", "opened_at"),
            List.of("closed_at", "csat", "reopened")),
    SURVEYS("surveys", FactSource.SURVEYS,
            List.of("response_id", "account_id", "responded_at", "type", "score"),
            List.of()),
    CONVERSATIONS("conversations", FactSource.CONVERSATIONS,
            List.of("conversation_id", "account_id", "occurred_at", "channel", "text"),
            List.of("subject")),
    ACCOUNT_ROLLUP("account_rollup", null,
            List.of("account_id"),
            List.of()),
    RENEWAL_OUTCOMES("renewal_outcomes", null,
            List.of("account_id", "renewal_date", "outcome"),
            List.of("opportunity_id", "amount", "previous_amount"));

    private final String baseName;
    private final FactSource source;
    private final List<String> required;
    private final List<String> optional;

    ExportTable(String baseName, FactSource source, List<String> required, List<String> optional) {
        this.baseName = baseName;
        this.source = source;
        this.required = required;
        this.optional = optional;
    }

    public String baseName() {
        return baseName;
    }

    /** The fact source this table feeds, null for tables that are not facts (roll-up, outcomes). */
    public FactSource source() {
        return source;
    }

    public List<String> required() {
        return required;
    }

    public List<String> optional() {
        return optional;
    }

    /** Whether columns beyond the declared ones are data (the roll-up) rather than ignored extras. */
    public boolean openColumns() {
        return this == ACCOUNT_ROLLUP;
    }
}
