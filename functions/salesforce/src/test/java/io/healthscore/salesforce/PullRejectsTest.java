package io.healthscore.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.HealthField;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad records are rejected with their id and reason; the records beside them are kept. */
class PullRejectsTest {

    SalesforceOrgEmulator org;
    SyntheticOrg seeded;

    @BeforeEach
    void start() {
        org = TestOrg.start();
        seeded = SyntheticOrg.seed(org, 20, true);
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void badRecordsAreRejectedWithIdAndReasonAndTheRestIsKept() {
        String badSegment = seeded.accountIds.get(0);
        org.update(badSegment, Map.of("Customer_Segment__c", "galactic"));
        String badHistory = seeded.accountIds.get(1);
        org.update(badHistory, Map.of(HealthField.HISTORY.apiName(), "2026-11-09:70;last week:65"));
        String withCase = seeded.accountIds.get(2);
        String badCase = org.insert("Case", Map.of("AccountId", withCase, "Subject", "x", "Priority", "Sev-0",
                "Status", "New"));
        String badContact = org.insert("Contact", Map.of("AccountId", withCase, "LastName", "Boss",
                "Health_Stakeholder_Role__c", "overlord"));
        AccountBook book = new AccountBook();
        RejectLog rejects = new RejectLog();

        TestOrg.connect(org, SalesforceSettings.defaults(), new RecordingSleeper(), new RecordingLog())
                .accountSource().loadAccounts(book, TestOrg.AS_OF, rejects);

        assertThat(book.size()).isEqualTo(18);
        assertThat(book.contains(badSegment)).isFalse();
        assertThat(rejects.countsByReason()).containsEntry("bad_segment", 1L).containsEntry("bad_history", 1L)
                .containsEntry("bad_priority", 1L).containsEntry("bad_role", 1L);
        assertThat(rejects.rejects()).anySatisfy(r -> {
            assertThat(r.file()).isEqualTo("Salesforce Account");
            assertThat(r.column()).isEqualTo("Customer_Segment__c");
            assertThat(r.reason()).contains("record " + badSegment).contains("unknown segment 'galactic'");
        });
        assertThat(rejects.rejects()).anySatisfy(r -> assertThat(r.reason()).contains("record " + badCase));
        assertThat(rejects.rejects()).anySatisfy(r -> assertThat(r.reason()).contains("record " + badContact));
        AccountFacts kept = book.facts().stream().filter(f -> f.accountId().equals(withCase)).findFirst().orElseThrow();
        assertThat(kept.tickets()).hasSize(2).extracting(SupportTicket::ticketId).doesNotContain(badCase);
        assertThat(kept.contacts()).hasSize(1);
    }

    @Test
    void previousHealthAndTheOverrideAreReadFromTheHealthFields() {
        String id = seeded.accountIds.get(5);
        Map<String, Object> fields = new HashMap<>();
        fields.put(HealthField.SCORE.apiName(), 48.0);
        fields.put(HealthField.BAND.apiName(), "at_risk");
        fields.put(HealthField.SCORED_AT.apiName(), TestOrg.AS_OF.minusDays(7).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        fields.put(HealthField.BAND_SINCE.apiName(), TestOrg.AS_OF.minusDays(21));
        fields.put(HealthField.RED_SINCE.apiName(), TestOrg.AS_OF.minusDays(21));
        fields.put(HealthField.HISTORY.apiName(), "2026-10-26:52;2026-11-02:50;2026-11-09:48");
        fields.put(HealthField.OVERRIDE_BAND, "watching");
        fields.put(HealthField.OVERRIDE_REASON, "New sponsor engaged");
        fields.put(HealthField.OVERRIDE_EXPIRES, TestOrg.AS_OF.plusDays(10));
        org.update(id, fields);
        AccountBook book = new AccountBook();

        TestOrg.connect(org, SalesforceSettings.defaults(), new RecordingSleeper(), new RecordingLog())
                .accountSource().loadAccounts(book, TestOrg.AS_OF, new RejectLog());

        var previous = book.facts().stream().filter(f -> f.accountId().equals(id)).findFirst().orElseThrow().previous();
        assertThat(previous.score()).isEqualTo(48);
        assertThat(previous.band()).isEqualTo(Band.AT_RISK);
        assertThat(previous.scoredOn()).isEqualTo(TestOrg.AS_OF.minusDays(7));
        assertThat(previous.bandSince()).isEqualTo(TestOrg.AS_OF.minusDays(21));
        assertThat(previous.redSince()).isEqualTo(TestOrg.AS_OF.minusDays(21));
        assertThat(previous.history()).hasSize(3);
        assertThat(previous.override().band()).isEqualTo(Band.WATCHING);
        assertThat(previous.override().reason()).isEqualTo("New sponsor engaged");
        assertThat(previous.override().expiresOn()).isEqualTo(TestOrg.AS_OF.plusDays(10));
    }
}
