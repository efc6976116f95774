package io.healthscore.salesforce;

import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.scoring.HealthField;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to read from the org and how to write back: SOQL filters, the field API names of the CRM inputs, windows,
 * and the thresholds that switch to Bulk or stop writing. Defaults match the SFDX project in infra/salesforce.
 * {@link #fromEnvironment} reads the documented {@code SF_*} names (environment or properties file).
 */
public record SalesforceSettings(
        String accountFilter,
        String renewalFilter,
        String contactFilter,
        String segmentField,
        String tierField,
        String arrField,
        String customerSinceField,
        String employeesField,
        String churnDateField,
        String stakeholderRoleField,
        String leftCompanyField,
        String lastEngagedField,
        String activityTypeField,
        int activityLookbackDays,
        int caseLookbackDays,
        Map<String, SupportTicket.Priority> casePriorities,
        String renewalPreviousAmountField,
        Map<HealthField, String> healthFields,
        String overrideBandField,
        String overrideReasonField,
        String overrideExpiresField,
        int queryBatchSize,
        int bulkReadAboveAccounts,
        String taskKeyField,
        String taskStatus,
        int taskKeysPerQuery,
        int bulkWriteAboveRecords,
        int bulkWriteBatchSize,
        double stopAtApiShare,
        int lockRetries,
        Duration bulkPollInitial,
        Duration bulkPollMax,
        Duration bulkMaxWait) {

    public static final int MAX_RECORDS_PER_WRITE_CALL = 200;

    public SalesforceSettings {
        accountFilter = accountFilter == null ? "" : accountFilter.trim();
        renewalFilter = renewalFilter == null ? "" : renewalFilter.trim();
        contactFilter = contactFilter == null ? "" : contactFilter.trim();
        Objects.requireNonNull(segmentField, "segmentField");
        casePriorities = Map.copyOf(casePriorities);
        EnumMap<HealthField, String> names = new EnumMap<>(HealthField.class);
        for (HealthField f : HealthField.values()) {
            names.put(f, healthFields.getOrDefault(f, f.apiName()));
        }
        healthFields = java.util.Collections.unmodifiableMap(names);
        if (queryBatchSize < 200 || queryBatchSize > 2000) {
            throw new IllegalArgumentException("queryBatchSize must be 200..2000, not " + queryBatchSize);
        }
        if (taskKeysPerQuery < 1 || taskKeysPerQuery > 800) {
            throw new IllegalArgumentException("taskKeysPerQuery must be 1..800 (SOQL is limited to 100,000 characters)");
        }
        if (bulkWriteBatchSize < 1 || bulkWriteBatchSize > 10_000) {
            throw new IllegalArgumentException("bulkWriteBatchSize must be 1..10,000, not " + bulkWriteBatchSize);
        }
        if (!(stopAtApiShare > 0 && stopAtApiShare <= 1)) {
            throw new IllegalArgumentException("stopAtApiShare must be in (0, 1], not " + stopAtApiShare);
        }
        if (activityLookbackDays < 1 || caseLookbackDays < 1) {
            throw new IllegalArgumentException("the activity and case lookbacks must be at least 1 day");
        }
        if (lockRetries < 0 || lockRetries > 10) {
            throw new IllegalArgumentException("lockRetries must be 0..10, not " + lockRetries);
        }
    }

    public static SalesforceSettings defaults() {
        Map<String, SupportTicket.Priority> priorities = new LinkedHashMap<>();
        priorities.put("critical", SupportTicket.Priority.P1);
        priorities.put("urgent", SupportTicket.Priority.P1);
        priorities.put("high", SupportTicket.Priority.P2);
        priorities.put("medium", SupportTicket.Priority.P3);
        priorities.put("normal", SupportTicket.Priority.P3);
        priorities.put("low", SupportTicket.Priority.P4);
        return new SalesforceSettings("", "Type = 'Renewal'", "Health_Stakeholder_Role__c != null",
                "Customer_Segment__c", "Customer_Tier__c", "ARR__c", "Customer_Since__c", "NumberOfEmployees",
                "Churn_Date__c", "Health_Stakeholder_Role__c", "Health_Left_Company__c", "LastActivityDate", "Type",
                90, 90, priorities, null, Map.of(), HealthField.OVERRIDE_BAND, HealthField.OVERRIDE_REASON,
                HealthField.OVERRIDE_EXPIRES, 2000, 5_000, "Health_Task_Key__c", "Not Started", 500, 10_000, 2_000,
                0.80, 3, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(30));
    }

    /**
     * Defaults overridden by the documented names: SF_ACCOUNT_FILTER, SF_RENEWAL_FILTER, SF_CONTACT_FILTER,
     * SF_SEGMENT_FIELD, SF_TIER_FIELD, SF_ARR_FIELD, SF_CUSTOMER_SINCE_FIELD, SF_EMPLOYEES_FIELD, SF_CHURN_DATE_FIELD,
     * SF_STAKEHOLDER_ROLE_FIELD, SF_LEFT_COMPANY_FIELD, SF_LAST_ENGAGED_FIELD, SF_ACTIVITY_TYPE_FIELD,
     * SF_ACTIVITY_LOOKBACK_DAYS, SF_CASE_LOOKBACK_DAYS, SF_CASE_PRIORITIES (e.g. "Sev1=P1,Sev2=P2"),
     * SF_RENEWAL_PREVIOUS_AMOUNT_FIELD, SF_HEALTH_FIELD_&lt;FIELD&gt; (e.g. SF_HEALTH_FIELD_SCORE=My_Score__c),
     * SF_QUERY_BATCH_SIZE, SF_BULK_READ_ABOVE_ACCOUNTS, SF_TASK_KEY_FIELD, SF_TASK_STATUS, SF_BULK_WRITE_ABOVE_RECORDS,
     * SF_BULK_WRITE_BATCH_SIZE, SF_STOP_AT_API_SHARE (0.8 = 80 %), SF_LOCK_RETRIES.
     */
    public static SalesforceSettings fromEnvironment(Map<String, String> env) {
        SalesforceSettings d = defaults();
        Map<String, SupportTicket.Priority> priorities = new LinkedHashMap<>(d.casePriorities());
        String extra = env.get("SF_CASE_PRIORITIES");
        if (extra != null && !extra.isBlank()) {
            for (String pair : extra.split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("SF_CASE_PRIORITIES entry '" + pair + "' is not VALUE=P1..P4");
                }
                priorities.put(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        SupportTicket.Priority.parse(pair.substring(eq + 1)));
            }
        }
        Map<HealthField, String> fields = new EnumMap<>(HealthField.class);
        for (HealthField f : HealthField.values()) {
            String v = env.get("SF_HEALTH_FIELD_" + f.name());
            if (v != null && !v.isBlank()) {
                fields.put(f, v.trim());
            }
        }
        return new SalesforceSettings(
                text(env, "SF_ACCOUNT_FILTER", d.accountFilter()), text(env, "SF_RENEWAL_FILTER", d.renewalFilter()),
                text(env, "SF_CONTACT_FILTER", d.contactFilter()), text(env, "SF_SEGMENT_FIELD", d.segmentField()),
                text(env, "SF_TIER_FIELD", d.tierField()), text(env, "SF_ARR_FIELD", d.arrField()),
                text(env, "SF_CUSTOMER_SINCE_FIELD", d.customerSinceField()),
                text(env, "SF_EMPLOYEES_FIELD", d.employeesField()), text(env, "SF_CHURN_DATE_FIELD", d.churnDateField()),
                text(env, "SF_STAKEHOLDER_ROLE_FIELD", d.stakeholderRoleField()),
                text(env, "SF_LEFT_COMPANY_FIELD", d.leftCompanyField()),
                text(env, "SF_LAST_ENGAGED_FIELD", d.lastEngagedField()),
                text(env, "SF_ACTIVITY_TYPE_FIELD", d.activityTypeField()),
                number(env, "SF_ACTIVITY_LOOKBACK_DAYS", d.activityLookbackDays()),
                number(env, "SF_CASE_LOOKBACK_DAYS", d.caseLookbackDays()), priorities,
                text(env, "SF_RENEWAL_PREVIOUS_AMOUNT_FIELD", d.renewalPreviousAmountField()), fields,
                d.overrideBandField(), d.overrideReasonField(), d.overrideExpiresField(),
                number(env, "SF_QUERY_BATCH_SIZE", d.queryBatchSize()),
                number(env, "SF_BULK_READ_ABOVE_ACCOUNTS", d.bulkReadAboveAccounts()),
                text(env, "SF_TASK_KEY_FIELD", d.taskKeyField()), text(env, "SF_TASK_STATUS", d.taskStatus()),
                d.taskKeysPerQuery(), number(env, "SF_BULK_WRITE_ABOVE_RECORDS", d.bulkWriteAboveRecords()),
                number(env, "SF_BULK_WRITE_BATCH_SIZE", d.bulkWriteBatchSize()),
                share(env, "SF_STOP_AT_API_SHARE", d.stopAtApiShare()), number(env, "SF_LOCK_RETRIES", d.lockRetries()),
                d.bulkPollInitial(), d.bulkPollMax(), d.bulkMaxWait());
    }

    public String healthField(HealthField f) {
        return healthFields.get(f);
    }

    public SalesforceSettings withAccountFilter(String filter) {
        return new SalesforceSettings(filter, renewalFilter, contactFilter, segmentField, tierField, arrField,
                customerSinceField, employeesField, churnDateField, stakeholderRoleField, leftCompanyField,
                lastEngagedField, activityTypeField, activityLookbackDays, caseLookbackDays, casePriorities,
                renewalPreviousAmountField, healthFields, overrideBandField, overrideReasonField, overrideExpiresField,
                queryBatchSize, bulkReadAboveAccounts, taskKeyField, taskStatus, taskKeysPerQuery, bulkWriteAboveRecords,
                bulkWriteBatchSize, stopAtApiShare, lockRetries, bulkPollInitial, bulkPollMax, bulkMaxWait);
    }

    public SalesforceSettings withRenewalPreviousAmountField(String field) {
        return new SalesforceSettings(accountFilter, renewalFilter, contactFilter, segmentField, tierField, arrField,
                customerSinceField, employeesField, churnDateField, stakeholderRoleField, leftCompanyField,
                lastEngagedField, activityTypeField, activityLookbackDays, caseLookbackDays, casePriorities,
                field, healthFields, overrideBandField, overrideReasonField, overrideExpiresField,
                queryBatchSize, bulkReadAboveAccounts, taskKeyField, taskStatus, taskKeysPerQuery, bulkWriteAboveRecords,
                bulkWriteBatchSize, stopAtApiShare, lockRetries, bulkPollInitial, bulkPollMax, bulkMaxWait);
    }

    /**
     * The windows of the pull: completed tasks and events dated within {@code activityDays} of the as-of date, cases
     * opened within {@code caseDays} (plus every open case). The defaults (90 and 90) follow the issue; the scoring
     * model looks further back (days since the last meaningful touch up to 365, CSAT trend over 180 days: see the
     * domain's FactWindows), so a run that must score exactly like the local files passes those windows here.
     */
    public SalesforceSettings withLookbacks(int activityDays, int caseDays) {
        return new SalesforceSettings(accountFilter, renewalFilter, contactFilter, segmentField, tierField, arrField,
                customerSinceField, employeesField, churnDateField, stakeholderRoleField, leftCompanyField,
                lastEngagedField, activityTypeField, activityDays, caseDays, casePriorities,
                renewalPreviousAmountField, healthFields, overrideBandField, overrideReasonField, overrideExpiresField,
                queryBatchSize, bulkReadAboveAccounts, taskKeyField, taskStatus, taskKeysPerQuery, bulkWriteAboveRecords,
                bulkWriteBatchSize, stopAtApiShare, lockRetries, bulkPollInitial, bulkPollMax, bulkMaxWait);
    }

    /** Bulk reads above this many accounts in scope (Integer.MAX_VALUE: never). */
    public SalesforceSettings withBulkReadAboveAccounts(int accounts) {
        return new SalesforceSettings(accountFilter, renewalFilter, contactFilter, segmentField, tierField, arrField,
                customerSinceField, employeesField, churnDateField, stakeholderRoleField, leftCompanyField,
                lastEngagedField, activityTypeField, activityLookbackDays, caseLookbackDays, casePriorities,
                renewalPreviousAmountField, healthFields, overrideBandField, overrideReasonField, overrideExpiresField,
                queryBatchSize, accounts, taskKeyField, taskStatus, taskKeysPerQuery, bulkWriteAboveRecords,
                bulkWriteBatchSize, stopAtApiShare, lockRetries, bulkPollInitial, bulkPollMax, bulkMaxWait);
    }

    /** Bulk writes above this many changed accounts (Integer.MAX_VALUE: never). */
    public SalesforceSettings withBulkWriteAboveRecords(int records) {
        return new SalesforceSettings(accountFilter, renewalFilter, contactFilter, segmentField, tierField, arrField,
                customerSinceField, employeesField, churnDateField, stakeholderRoleField, leftCompanyField,
                lastEngagedField, activityTypeField, activityLookbackDays, caseLookbackDays, casePriorities,
                renewalPreviousAmountField, healthFields, overrideBandField, overrideReasonField, overrideExpiresField,
                queryBatchSize, bulkReadAboveAccounts, taskKeyField, taskStatus, taskKeysPerQuery, records,
                bulkWriteBatchSize, stopAtApiShare, lockRetries, bulkPollInitial, bulkPollMax, bulkMaxWait);
    }

    public SalesforceSettings withStopAtApiShare(double share) {
        return new SalesforceSettings(accountFilter, renewalFilter, contactFilter, segmentField, tierField, arrField,
                customerSinceField, employeesField, churnDateField, stakeholderRoleField, leftCompanyField,
                lastEngagedField, activityTypeField, activityLookbackDays, caseLookbackDays, casePriorities,
                renewalPreviousAmountField, healthFields, overrideBandField, overrideReasonField, overrideExpiresField,
                queryBatchSize, bulkReadAboveAccounts, taskKeyField, taskStatus, taskKeysPerQuery, bulkWriteAboveRecords,
                bulkWriteBatchSize, share, lockRetries, bulkPollInitial, bulkPollMax, bulkMaxWait);
    }

    private static String text(Map<String, String> env, String name, String dflt) {
        String v = env.get(name);
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    private static int number(Map<String, String> env, String name, int dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }

    private static double share(Map<String, String> env, String name, double dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            String t = v.trim();
            double d = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                    : Double.parseDouble(t);
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a share such as 0.8 or 80%, not '" + v + "'");
        }
    }
}
