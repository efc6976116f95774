package io.healthscore.testkit.salesforce.seed;

import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.HealthField;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.formats.ExportTable;
import io.healthscore.formats.TableFiles;
import io.healthscore.formats.TableReader;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import io.healthscore.testkit.salesforce.org.FieldType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads a generated sample book (the {@code crm_*} files, {@code support_tickets} as Cases and
 * {@code renewal_outcomes} as closed renewal Opportunities) into an org emulator, keeping every record id, so that
 * what the Salesforce adapter pulls can be compared row for row with what the local run reads from the files.
 *
 * <table>
 *   <caption>File to org</caption>
 *   <tr><td>crm_accounts</td><td>Users (owners with ManagerId, managers), Account (Customer_Segment__c,
 *   Customer_Tier__c, NumberOfEmployees, ARR__c, Customer_Since__c, Churn_Date__c, Health_* from previous_*,
 *   Health_Override_*), the open renewal Opportunity (Type Renewal)</td></tr>
 *   <tr><td>crm_contacts</td><td>Contact (Health_Stakeholder_Role__c, Health_Left_Company__c, LastActivityDate =
 *   last_engaged_on)</td></tr>
 *   <tr><td>crm_activities</td><td>completed Task on the Account (ActivityDate, Type)</td></tr>
 *   <tr><td>support_tickets</td><td>Case (Priority P1..P4 as Critical/High/Medium/Low, CreatedDate, Status Closed
 *   with ClosedDate, or New)</td></tr>
 *   <tr><td>renewal_outcomes</td><td>closed renewal Opportunity: Closed Won (renewed, downgraded) or Closed Lost,
 *   Amount, Previous_Amount__c</td></tr>
 * </table>
 */
public final class SampleOrgSeeder {

    /** The sample-only Opportunity field holding the amount before the renewal (tells a downgrade). */
    public static final String PREVIOUS_AMOUNT_FIELD = "Previous_Amount__c";

    /** Records seeded per object. */
    public record Seeded(int users, int accounts, int contacts, int opportunities, int cases, int tasks) {
    }

    private static final Map<String, String> PRIORITIES = Map.of("P1", "Critical", "P2", "High", "P3", "Medium", "P4", "Low");

    private SampleOrgSeeder() {
    }

    /**
     * "Deploys" the fields of infra/salesforce (Account CRM inputs, Health_* and override fields, Contact stakeholder
     * fields, Task.Health_Task_Key__c as a unique external id) and the sample's Previous_Amount__c.
     */
    public static void declareHealthScoreSchema(SalesforceOrgEmulator org) {
        for (String text : List.of("Customer_Segment__c", "Customer_Tier__c", HealthField.OVERRIDE_BAND,
                HealthField.OVERRIDE_REASON)) {
            org.declareField("Account", text, FieldType.STRING);
        }
        org.declareField("Account", "ARR__c", FieldType.DOUBLE);
        org.declareField("Account", "Customer_Since__c", FieldType.DATE);
        org.declareField("Account", "Churn_Date__c", FieldType.DATE);
        org.declareField("Account", HealthField.OVERRIDE_EXPIRES, FieldType.DATE);
        for (HealthField f : HealthField.values()) {
            org.declareField("Account", f.apiName(), typeOf(f));
        }
        org.declareField("Contact", "Health_Stakeholder_Role__c", FieldType.STRING);
        org.declareField("Contact", "Health_Left_Company__c", FieldType.BOOLEAN);
        org.declareField("Opportunity", PREVIOUS_AMOUNT_FIELD, FieldType.DOUBLE);
        org.declareExternalId("Task", "Health_Task_Key__c", FieldType.STRING, true);
    }

    /** The type of a health field as in infra/salesforce: numbers, dates, a datetime, else text. */
    public static FieldType typeOf(HealthField f) {
        return switch (f.name()) {
            case "SCORE", "SCORE_CHANGE", "CONFIDENCE", "EXPANSION_SCORE", "ATTENTION_PRIORITY" -> FieldType.DOUBLE;
            case "BAND_SINCE", "RED_SINCE" -> FieldType.DATE;
            case "SCORED_AT" -> FieldType.DATETIME;
            default -> FieldType.STRING;
        };
    }

    /** Declares the schema and seeds every sample file found in {@code dir}. */
    public static Seeded seed(SalesforceOrgEmulator org, Path dir) {
        declareHealthScoreSchema(org);
        TableFiles files = new DirectoryTableFiles(dir);
        List<Row> accounts = rows(files, ExportTable.CRM_ACCOUNTS);
        int users = seedUsers(org, accounts);
        int opportunities = 0;
        for (Row a : accounts) {
            org.insert("Account", account(a));
            if (a.get("renewal_date") != null) {
                Map<String, Object> o = new LinkedHashMap<>();
                putIfPresent(o, "Id", a.get("renewal_opportunity_id"));
                o.put("AccountId", a.get("account_id"));
                o.put("Name", "Renewal " + a.get("renewal_date"));
                o.put("Type", "Renewal");
                o.put("StageName", "Negotiation/Review");
                o.put("CloseDate", LocalDate.parse(a.get("renewal_date")));
                putIfPresent(o, "Amount", number(a.get("renewal_amount")));
                o.put("IsClosed", false);
                o.put("IsWon", false);
                putIfPresent(o, "OwnerId", a.get("owner_id"));
                org.insert("Opportunity", o);
                opportunities++;
            }
        }
        int[] counts = new int[4];
        each(files, ExportTable.RENEWAL_OUTCOMES, r -> {
            boolean won = !"churned".equalsIgnoreCase(r.get("outcome"));
            Map<String, Object> o = new LinkedHashMap<>();
            putIfPresent(o, "Id", r.get("opportunity_id"));
            o.put("AccountId", r.get("account_id"));
            o.put("Name", "Renewal " + r.get("renewal_date"));
            o.put("Type", "Renewal");
            o.put("StageName", won ? "Closed Won" : "Closed Lost");
            o.put("CloseDate", LocalDate.parse(r.get("renewal_date")));
            putIfPresent(o, "Amount", number(r.get("amount")));
            putIfPresent(o, PREVIOUS_AMOUNT_FIELD, number(r.get("previous_amount")));
            o.put("IsClosed", true);
            o.put("IsWon", won);
            org.insert("Opportunity", o);
            counts[0]++;
        });
        each(files, ExportTable.CRM_CONTACTS, r -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("Id", r.get("contact_id"));
            c.put("AccountId", r.get("account_id"));
            c.put("LastName", "Stakeholder " + r.rowNumber());
            c.put("Health_Stakeholder_Role__c", r.get("role"));
            c.put("Health_Left_Company__c", Boolean.parseBoolean(r.get("left_company")));
            putIfPresent(c, "LastActivityDate", date(r.get("last_engaged_on")));
            org.insert("Contact", c);
            counts[1]++;
        });
        each(files, ExportTable.CRM_ACTIVITIES, r -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("Id", r.get("activity_id"));
            t.put("WhatId", r.get("account_id"));
            t.put("Subject", r.get("type"));
            t.put("Type", r.get("type"));
            t.put("Status", "Completed");
            t.put("Priority", "Normal");
            t.put("ActivityDate", utcDate(r.get("occurred_on")));
            org.insert("Task", t);
            counts[2]++;
        });
        each(files, ExportTable.SUPPORT_TICKETS, r -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("Id", r.get("ticket_id"));
            c.put("AccountId", r.get("account_id"));
            c.put("Subject", "Support case");
            c.put("Priority", PRIORITIES.getOrDefault(r.get("priority"), r.get("priority")));
            c.put("CreatedDate", instant(r.get("opened_at")));
            if (r.get("closed_at") != null) {
                c.put("Status", "Closed");
                c.put("ClosedDate", instant(r.get("closed_at")));
            } else {
                c.put("Status", "New");
            }
            org.insert("Case", c);
            counts[3]++;
        });
        return new Seeded(users, accounts.size(), counts[1], opportunities + counts[0], counts[3], counts[2]);
    }

    private static int seedUsers(SalesforceOrgEmulator org, List<Row> accounts) {
        Map<String, String> managerOf = new LinkedHashMap<>();
        for (Row a : accounts) {
            if (a.get("owner_id") != null) {
                managerOf.putIfAbsent(a.get("owner_id"), a.get("owner_manager_id"));
            }
        }
        List<String> managers = new ArrayList<>();
        managerOf.values().stream().filter(m -> m != null && !managerOf.containsKey(m)).distinct().forEach(managers::add);
        for (String m : managers) {
            org.insert("User", user(m, null));
        }
        for (Map.Entry<String, String> e : managerOf.entrySet()) {
            org.insert("User", user(e.getKey(), e.getValue()));
        }
        return managers.size() + managerOf.size();
    }

    private static Map<String, Object> user(String id, String managerId) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("Id", id);
        u.put("Username", id.toLowerCase(java.util.Locale.ROOT) + "@sample.healthscore.test");
        u.put("LastName", managerId == null ? "Manager " + id.substring(5, 15) : "CSM " + id.substring(5, 15));
        u.put("IsActive", Boolean.TRUE);
        putIfPresent(u, "ManagerId", managerId);
        return u;
    }

    private static Map<String, Object> account(Row a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", a.get("account_id"));
        m.put("Name", a.get("name"));
        m.put("Type", "Customer");
        putIfPresent(m, "OwnerId", a.get("owner_id"));
        m.put("Customer_Segment__c", a.get("segment"));
        putIfPresent(m, "Customer_Tier__c", a.get("tier"));
        if (a.get("employees") != null) {
            m.put("NumberOfEmployees", Integer.valueOf(a.get("employees")));
        }
        putIfPresent(m, "ARR__c", number(a.get("arr")));
        putIfPresent(m, "Customer_Since__c", date(a.get("customer_since")));
        putIfPresent(m, "Churn_Date__c", date(a.get("churned_on")));
        putIfPresent(m, HealthField.SCORE.apiName(), number(a.get("previous_score")));
        putIfPresent(m, HealthField.BAND.apiName(), a.get("previous_band"));
        if (a.get("previous_scored_on") != null) {
            m.put(HealthField.SCORED_AT.apiName(), LocalDate.parse(a.get("previous_scored_on")).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        putIfPresent(m, HealthField.BAND_SINCE.apiName(), date(a.get("band_since")));
        putIfPresent(m, HealthField.HISTORY.apiName(), a.get("history"));
        putIfPresent(m, "Health_Red_Since__c", date(a.get("red_since")));
        putIfPresent(m, HealthField.OVERRIDE_BAND, a.get("override_band"));
        putIfPresent(m, HealthField.OVERRIDE_REASON, a.get("override_reason"));
        putIfPresent(m, HealthField.OVERRIDE_EXPIRES, date(a.get("override_expires")));
        return m;
    }

    private static List<Row> rows(TableFiles files, ExportTable table) {
        List<Row> rows = new ArrayList<>();
        each(files, table, rows::add);
        return rows;
    }

    /** A copy of one data row (the table reader reuses its row object). */
    private record Row(long rowNumber, Map<String, String> values) {
        String get(String column) {
            return values.get(column);
        }
    }

    private static void each(TableFiles files, ExportTable table, Consumer<Row> action) {
        RejectLog rejects = new RejectLog();
        for (TableFiles.TableFile f : files.find(table)) {
            try {
                TableReader.read(table, f.name(), f.opener().open(), row -> {
                    Map<String, String> values = new java.util.HashMap<>();
                    for (String column : row.columns()) {
                        values.put(column, row.get(column));
                    }
                    action.accept(new Row(row.rowNumber(), values));
                }, rejects);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + f.name(), e);
            }
        }
        if (rejects.total() > 0) {
            throw new IllegalArgumentException("the sample file " + table.baseName() + " has rejected rows: "
                    + rejects.rejects().get(0));
        }
    }

    private static void putIfPresent(Map<String, Object> m, String field, Object value) {
        if (value != null) {
            m.put(field, value);
        }
    }

    private static Double number(String text) {
        return text == null ? null : Double.valueOf(text);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static LocalDate utcDate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                : OffsetDateTime.parse(text).toInstant();
    }
}
