package io.healthscore.salesforce;

import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.Trend;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seeds an org with N customer accounts (and optionally related records) and builds healths to write for them. */
final class SyntheticOrg {

    final List<String> accountIds = new ArrayList<>();
    final String ownerId;
    final String managerId;

    private SyntheticOrg(String ownerId, String managerId) {
        this.ownerId = ownerId;
        this.managerId = managerId;
    }

    /**
     * @param related a stakeholder contact, an open and a closed renewal, 2 completed tasks and 1 event in the
     *                window, 2 cases (a recent closed one, an old open one) per account
     */
    static SyntheticOrg seed(SalesforceOrgEmulator org, int accounts, boolean related) {
        String manager = org.insert("User", Map.of("Username", "manager@example.test", "LastName", "Manager"));
        String owner = org.insert("User", Map.of("Username", "csm@example.test", "LastName", "Csm", "ManagerId", manager));
        SyntheticOrg s = new SyntheticOrg(owner, manager);
        LocalDate asOf = TestOrg.AS_OF;
        String[] segments = {"smb", "mid_market", "enterprise"};
        for (int i = 0; i < accounts; i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("Name", "Customer " + i);
            a.put("OwnerId", owner);
            a.put("Customer_Segment__c", segments[i % 3]);
            a.put("Customer_Tier__c", "standard");
            a.put("ARR__c", 10_000.0 + i);
            a.put("NumberOfEmployees", 50 + i % 500);
            a.put("Customer_Since__c", asOf.minusYears(2));
            String id = org.insert("Account", a);
            s.accountIds.add(id);
            if (!related) {
                continue;
            }
            org.insert("Contact", Map.of("AccountId", id, "LastName", "Champion " + i,
                    "Health_Stakeholder_Role__c", "champion", "Health_Left_Company__c", false,
                    "LastActivityDate", asOf.minusDays(i % 60)));
            org.insert("Opportunity", Map.of("AccountId", id, "Name", "Renewal", "Type", "Renewal",
                    "StageName", "Negotiation/Review", "CloseDate", asOf.plusDays(30 + i % 300), "Amount", 10_000.0 + i,
                    "IsClosed", false, "IsWon", false));
            org.insert("Opportunity", Map.of("AccountId", id, "Name", "Renewal 2025", "Type", "Renewal",
                    "StageName", "Closed Won", "CloseDate", asOf.minusYears(1), "Amount", 9_000.0 + i,
                    "IsClosed", true, "IsWon", true));
            for (int t = 0; t < 2; t++) {
                org.insert("Task", Map.of("WhatId", id, "Subject", "Call", "Type", t == 0 ? "call" : "email",
                        "Status", "Completed", "Priority", "Normal", "ActivityDate", asOf.minusDays(5 + t * 20 + i % 10)));
            }
            org.insert("Event", Map.of("WhatId", id, "Subject", "QBR", "Type", "meeting",
                    "ActivityDate", asOf.minusDays(40 + i % 30), "DurationInMinutes", 60));
            org.insert("Case", Map.of("AccountId", id, "Subject", "Issue", "Priority", "High", "Status", "Closed",
                    "CreatedDate", asOf.minusDays(20 + i % 50).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                    "ClosedDate", asOf.minusDays(10).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            org.insert("Case", Map.of("AccountId", id, "Subject", "Open issue", "Priority", "Medium", "Status", "New",
                    "CreatedDate", asOf.minusDays(200).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        }
        return s;
    }

    /** A health for each account, with a score that differs by {@code shift} (0: the same values again). */
    List<AccountHealth> healths(int shift) {
        List<AccountHealth> out = new ArrayList<>(accountIds.size());
        for (int i = 0; i < accountIds.size(); i++) {
            out.add(health(accountIds.get(i), "Customer " + i, 40 + (i + shift) % 60));
        }
        return out;
    }

    static AccountHealth health(String accountId, String name, int score) {
        LocalDate asOf = TestOrg.AS_OF;
        Band band = score >= 75 ? Band.HEALTHY : score >= 60 ? Band.WATCHING : score >= 45 ? Band.AT_RISK : Band.CRITICAL;
        return new AccountHealth(accountId, name, asOf, "test-1", score, band, band, null, 0.9, List.of(), List.of(),
                List.of(), new Trend(Trend.Direction.NEW, null), asOf, band.red() ? asOf : null,
                List.of(new HistoryPoint(asOf, score)), null, 12.5, null, 10_000.0, null);
    }

    static Map<String, Object> nullable(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
