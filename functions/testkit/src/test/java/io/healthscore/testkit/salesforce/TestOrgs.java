package io.healthscore.testkit.salesforce;

import io.healthscore.testkit.salesforce.org.FieldType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared test org settings: one integration user, a fixed clock, the custom fields the adapter writes. */
final class TestOrgs {
    static final String INTEGRATION_USER = "integration@healthscore.test";
    static final Instant NOW = Instant.parse("2026-03-18T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestOrgs() {
    }

    static SalesforceOrgEmulator.Builder builder() {
        return SalesforceOrgEmulator.builder().clock(CLOCK).user(INTEGRATION_USER);
    }

    static SalesforceOrgEmulator start() {
        SalesforceOrgEmulator org = builder().start();
        declareHealthScoreFields(org);
        return org;
    }

    static void declareHealthScoreFields(SalesforceOrgEmulator org) {
        org.declareField("Account", "Health_Score__c", FieldType.DOUBLE);
        org.declareField("Account", "Health_Band__c", FieldType.STRING);
        org.declareField("Account", "Health_Scored_At__c", FieldType.DATETIME);
        org.declareExternalId("Task", "Health_Task_Key__c", FieldType.STRING, true);
    }
}
