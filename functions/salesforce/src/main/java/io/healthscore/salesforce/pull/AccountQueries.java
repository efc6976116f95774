package io.healthscore.salesforce.pull;

import io.healthscore.domain.scoring.HealthField;
import io.healthscore.salesforce.SalesforceSettings;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The SOQL of the pull. Windows are explicit date literals computed from the as-of date (not LAST_N_DAYS, which
 * follows the org's today), so a pull for a past date reads what was recent then.
 */
final class AccountQueries {

    private final SalesforceSettings s;
    private final LocalDate asOf;

    AccountQueries(SalesforceSettings settings, LocalDate asOf) {
        this.s = settings;
        this.asOf = asOf;
    }

    String count() {
        return "SELECT COUNT() FROM Account" + where(s.accountFilter());
    }

    /**
     * Accounts in scope with owner and manager (parent relationships), renewals and stakeholder contacts (child
     * relationships); with {@code withActivities}, also the cases, tasks and events of the window, so small orgs
     * need nothing but this query and its queryMore pages.
     */
    String accounts(boolean withActivities) {
        Set<String> fields = new LinkedHashSet<>();
        fields.add("Id");
        fields.add("Name");
        fields.add("OwnerId");
        fields.add("Owner.ManagerId");
        fields.add(s.segmentField());
        fields.add(s.tierField());
        fields.add(s.employeesField());
        fields.add(s.arrField());
        fields.add(s.customerSinceField());
        fields.add(s.churnDateField());
        for (HealthField f : HealthField.values()) {
            fields.add(s.healthField(f));
        }
        fields.add(s.overrideBandField());
        fields.add(s.overrideReasonField());
        fields.add(s.overrideExpiresField());
        StringBuilder q = new StringBuilder("SELECT ").append(String.join(", ", fields));
        q.append(", (SELECT ").append(String.join(", ", renewalFields())).append(" FROM Opportunities")
                .append(where(s.renewalFilter())).append(" ORDER BY CloseDate)");
        q.append(", (SELECT ").append(String.join(", ", contactFields())).append(" FROM Contacts")
                .append(where(s.contactFilter())).append(')');
        if (withActivities) {
            q.append(", (SELECT Id, Priority, CreatedDate, ClosedDate, IsClosed FROM Cases WHERE ")
                    .append(caseWindow()).append(')');
            q.append(", (SELECT ").append(activityFields(null)).append(" FROM Tasks WHERE ").append(taskWindow()).append(')');
            q.append(", (SELECT ").append(activityFields(null)).append(" FROM Events WHERE ").append(eventWindow()).append(')');
        }
        q.append(" FROM Account").append(where(s.accountFilter())).append(" ORDER BY Id");
        return q.toString();
    }

    /** Bulk: the cases of every account (matched to accounts in scope by AccountId). */
    String bulkCases() {
        return "SELECT Id, AccountId, Priority, CreatedDate, ClosedDate, IsClosed FROM Case WHERE AccountId != null AND "
                + caseWindow();
    }

    String bulkTasks() {
        return "SELECT " + activityFields("WhatId") + " FROM Task WHERE WhatId != null AND " + taskWindow();
    }

    String bulkEvents() {
        return "SELECT " + activityFields("WhatId") + " FROM Event WHERE WhatId != null AND " + eventWindow();
    }

    private Set<String> renewalFields() {
        Set<String> f = new LinkedHashSet<>(Set.of());
        f.add("Id");
        f.add("CloseDate");
        f.add("Amount");
        f.add("StageName");
        f.add("IsClosed");
        f.add("IsWon");
        if (s.renewalPreviousAmountField() != null) {
            f.add(s.renewalPreviousAmountField());
        }
        return f;
    }

    private Set<String> contactFields() {
        Set<String> f = new LinkedHashSet<>();
        f.add("Id");
        f.add(s.stakeholderRoleField());
        f.add(s.leftCompanyField());
        f.add(s.lastEngagedField());
        return f;
    }

    private String activityFields(String parent) {
        Set<String> f = new LinkedHashSet<>();
        f.add("Id");
        if (parent != null) {
            f.add(parent);
        }
        f.add("ActivityDate");
        f.add(s.activityTypeField());
        return String.join(", ", f);
    }

    /** Opened in the window, or still open; never opened after the as-of date. */
    private String caseWindow() {
        return "CreatedDate < " + asOf.plusDays(1) + "T00:00:00Z AND (CreatedDate >= "
                + asOf.minusDays(s.caseLookbackDays()) + "T00:00:00Z OR IsClosed = false)";
    }

    /** Completed tasks dated in the window. */
    private String taskWindow() {
        return "IsClosed = true AND ActivityDate >= " + asOf.minusDays(s.activityLookbackDays())
                + " AND ActivityDate <= " + asOf;
    }

    private String eventWindow() {
        return "ActivityDate >= " + asOf.minusDays(s.activityLookbackDays()) + " AND ActivityDate <= " + asOf;
    }

    private static String where(String filter) {
        return filter == null || filter.isBlank() ? "" : " WHERE " + filter;
    }
}
