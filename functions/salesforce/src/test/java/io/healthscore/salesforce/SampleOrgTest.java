package io.healthscore.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.Contact;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.RenewalOpportunity;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.Touch;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.formats.CrmTables;
import io.healthscore.formats.OutcomeTable;
import io.healthscore.formats.RenewalOutcome;
import io.healthscore.salesforce.pull.SalesforceAccountSource;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.function.Function;
import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.domain.ports.RunProgress;
import io.healthscore.domain.run.RunSummary;
import io.healthscore.domain.run.ScoringRun;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.HealthField;
import io.healthscore.domain.scoring.Scorer;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.formats.ExportTables;
import io.healthscore.modelfile.ScoringModelFile;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import io.healthscore.testkit.salesforce.seed.SampleOrgSeeder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;

/**
 * An org seeded with the generated 500-account sample.
 *
 * <p>Pull: a full pull reads the same CRM facts as the local run reads from the files (profiles, open renewals,
 * contacts, touches of the window, cases of the window plus open ones, previous health, churned accounts out of
 * scope, closed renewals as outcomes), through relationship queries and, with a zero threshold, through Bulk.
 *
 * <p>Write-back: the first weekly run writes every account in scope and creates the playbook Tasks; a second
 * identical run makes no write call and creates no Task. CSM overrides are never overwritten, Tasks a CSM closed
 * are left alone, and Tasks for an owner without manager go to the owner.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleOrgTest {

    @TempDir
    static Path sample;
    static SalesforceOrgEmulator org;
    static SalesforceAdapter adapter;
    static ExportTables exports;
    static Scorer scorer;
    static String overridden;
    static Map<String, Object> overrideBefore;
    static Set<String> ownerlessManagerAccounts;
    static RunSummary first;
    static AccountBook files;
    static CrmTables crm;
    static List<RenewalOutcome> fileOutcomes;

    @BeforeAll
    static void seed() throws Exception {
        new SampleGenerator(GeneratorSettings.defaults().withAccounts(500), 2).writeTo(sample);
        org = TestOrg.builder().start();
        SampleOrgSeeder.seed(org, sample);
        exports = new ExportTables(new DirectoryTableFiles(sample), 20);
        scorer = new Scorer(ScoringModelFile.loadDefault());

        DirectoryTableFiles tables = new DirectoryTableFiles(sample);
        files = new AccountBook();
        crm = new CrmTables(tables);
        RejectLog rejects = new RejectLog();
        crm.loadAccounts(files, TestOrg.AS_OF, rejects);
        new ExportTables(tables, null).loadExports(files, TestOrg.AS_OF, rejects);
        assertThat(rejects.total()).isZero();
        fileOutcomes = OutcomeTable.read(tables, new RejectLog());
        adapter = TestOrg.connect(org, SalesforceSettings.defaults(), new RecordingSleeper(), new RecordingLog());
    }

    /** Changes a CSM makes before the weekly runs: an override, and an owner who loses their manager. */
    static void csmChanges() {
        // a CSM overrides one account: the run reads it and must never write it
        Map<String, Object> account = org.records("Account").stream()
                .filter(a -> a.get("Churn_Date__c") == null).findFirst().orElseThrow();
        overridden = (String) account.get("Id");
        org.update(overridden, Map.of(HealthField.OVERRIDE_BAND, "critical",
                HealthField.OVERRIDE_REASON, "Champion resigned yesterday",
                HealthField.OVERRIDE_EXPIRES, TestOrg.AS_OF.plusDays(30)));
        overrideBefore = overrideFields(overridden);

        // one CSM has no manager in Salesforce
        String owner = (String) org.records("Account").get(0).get("OwnerId");
        Map<String, Object> noManager = new HashMap<>();
        noManager.put("ManagerId", null);
        org.update(owner, noManager);
        ownerlessManagerAccounts = org.records("Account").stream().filter(a -> owner.equals(a.get("OwnerId")))
                .map(a -> (String) a.get("Id")).collect(Collectors.toSet());
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @Test
    @Order(1)
    void pullThroughRelationshipQueriesMatchesTheFiles() {
        org.calls().reset();
        SalesforceSettings settings = SalesforceSettings.defaults()
                .withRenewalPreviousAmountField(SampleOrgSeeder.PREVIOUS_AMOUNT_FIELD);
        Pulled pulled = pull(settings);

        assertMatchesFiles(pulled);
        assertThat(pulled.source.stats().bulk()).isFalse();
        // COUNT(), the account query with its subqueries, and no queryMore: 500 accounts fit one page of 2,000
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(2);
        assertThat(org.calls().count(ApiOperation.QUERY_MORE)).isZero();
        assertThat(org.calls().count(ApiOperation.OAUTH_TOKEN)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void pullThroughBulkMatchesTheFiles() {
        org.calls().reset();
        SalesforceSettings settings = SalesforceSettings.defaults()
                .withRenewalPreviousAmountField(SampleOrgSeeder.PREVIOUS_AMOUNT_FIELD).withBulkReadAboveAccounts(0);
        Pulled pulled = pull(settings);

        assertMatchesFiles(pulled);
        assertThat(pulled.source.stats().bulk()).isTrue();
        assertThat(org.calls().count(ApiOperation.BULK_CREATE_JOB)).isEqualTo(3);
    }

    @Test
    @Order(3)
    void downgradesAreToldFromThePreviousWonRenewalWithoutTheCustomField() {
        Pulled pulled = pull(SalesforceSettings.defaults());

        Map<String, RenewalOutcome.Outcome> byOpportunity = pulled.source.outcomes().stream()
                .collect(Collectors.toMap(RenewalOutcome::opportunityId, RenewalOutcome::outcome));
        assertThat(byOpportunity).hasSameSizeAs(fileOutcomes);
        long churned = fileOutcomes.stream().filter(o -> o.outcome() == RenewalOutcome.Outcome.CHURNED).count();
        assertThat(byOpportunity.values().stream().filter(o -> o == RenewalOutcome.Outcome.CHURNED).count()).isEqualTo(churned);
    }

    static RunSummary run(String id) {
        org.calls().reset();
        return new ScoringRun(scorer, adapter.accountSource(), exports, adapter.healthSink(), RunProgress.SILENT)
                .execute(id, TestOrg.AS_OF);
    }

    @Test
    @Order(10)
    void theFirstRunWritesEveryAccountInScopeAndCreatesThePlaybookTasks() {
        csmChanges();
        first = run("run-1");

        int inScope = first.accounts();
        Set<String> keys = first.tasks().stream().map(TaskPlan::key).collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(first.writes().accountsChanged()).isEqualTo(inScope);
        assertThat(first.writes().accountsFailed()).isEmpty();
        assertThat(first.writes().tasksFailed()).isEmpty();
        assertThat(first.writes().stopReason()).isNull();
        assertThat(keys).isNotEmpty();
        assertThat(first.writes().tasksUpserted()).isEqualTo(keys.size());
        assertThat(org.calls().recordsPerCall(ApiOperation.UPDATE)).allMatch(n -> n <= 200)
                .hasSize((inScope + 199) / 200);
        assertThat(org.calls().recordsPerCall(ApiOperation.UPSERT)).allMatch(n -> n <= 200)
                .hasSize((keys.size() + 199) / 200);
        assertThat(tasksByKey()).containsOnlyKeys(keys);

        AccountHealth h = first.healths().get(0);
        Map<String, Object> record = org.get(h.accountId()).orElseThrow();
        assertThat(record.get("Health_Score__c")).isEqualTo(h.score() == null ? null : h.score().doubleValue());
        assertThat(record.get("Health_Band__c")).isEqualTo(h.band().wireName());
        assertThat(record.get("Health_Model_Version__c")).isEqualTo(h.modelVersion());
    }

    @Test
    @Order(11)
    void aCsmOverrideIsReadButNeverOverwritten() {
        AccountHealth h = first.healths().stream().filter(x -> x.accountId().equals(overridden)).findFirst().orElseThrow();
        assertThat(h.override()).isNotNull();
        assertThat(h.effectiveBand().wireName()).isEqualTo("critical");
        assertThat(overrideFields(overridden)).isEqualTo(overrideBefore);
        // the band written is the computed one; the override stays in its own fields
        assertThat(org.get(overridden).orElseThrow().get("Health_Band__c")).isEqualTo(h.band().wireName());
    }

    @Test
    @Order(12)
    void tasksForAnOwnerWithoutManagerGoToTheOwnerAndSaySo() {
        List<TaskPlan> managerTasks = first.tasks().stream()
                .filter(t -> ownerlessManagerAccounts.contains(t.accountId()) && t.assigneeId() == null).toList();
        assertThat(managerTasks).as("critical accounts of the manager-less CSM ask for a manager Task").isNotEmpty();
        Map<String, Map<String, Object>> tasks = tasksByKey();
        for (TaskPlan plan : managerTasks) {
            Map<String, Object> task = tasks.get(plan.key());
            String owner = (String) org.get(plan.accountId()).orElseThrow().get("OwnerId");
            assertThat(task).containsEntry("OwnerId", owner).containsEntry("WhatId", plan.accountId())
                    .containsEntry("Status", "Not Started").containsEntry("Subject", plan.subject());
            assertThat((String) task.get("Description")).endsWith("the owner has no manager in Salesforce.");
        }
    }

    @Test
    @Order(13)
    void aSecondIdenticalRunMakesNoWriteCallAndCreatesNoTask() {
        Map<String, Map<String, Object>> tasksBefore = tasksByKey();
        // a CSM closes one of the Tasks in between
        String closedKey = tasksBefore.keySet().iterator().next();
        String closedId = (String) tasksBefore.get(closedKey).get("Id");
        org.update(closedId, Map.of("Status", "Completed", "Description", "Talked to the sponsor, resolved."));
        Map<String, Object> closedBefore = org.get(closedId).orElseThrow();

        RunSummary second = run("run-2");

        assertThat(second.writes().accountsChanged()).isZero();
        assertThat(second.writes().accountsUnchanged()).isEqualTo(second.accounts());
        assertThat(second.writes().tasksUpserted()).isZero();
        assertThat(second.writes().writeCalls()).isZero();
        assertThat(org.calls().count(ApiOperation.UPDATE)).isZero();
        assertThat(org.calls().count(ApiOperation.UPSERT)).isZero();
        assertThat(org.calls().count(ApiOperation.CREATE)).isZero();
        assertThat(org.calls().count(ApiOperation.BULK_CREATE_JOB)).isZero();
        assertThat(tasksByKey()).hasSameSizeAs(tasksBefore);
        assertThat(org.get(closedId).orElseThrow()).isEqualTo(closedBefore);
        assertThat(second.tasks()).extracting(TaskPlan::key).containsExactlyInAnyOrderElementsOf(
                first.tasks().stream().map(TaskPlan::key).toList());
        assertThat(overrideFields(overridden)).isEqualTo(overrideBefore);
    }

    private static Map<String, Map<String, Object>> tasksByKey() {
        return org.records("Task").stream().filter(t -> t.get("Health_Task_Key__c") != null)
                .collect(Collectors.toMap(t -> (String) t.get("Health_Task_Key__c"), t -> t));
    }

    private static Map<String, Object> overrideFields(String id) {
        Map<String, Object> r = org.get(id).orElseThrow();
        Map<String, Object> m = new HashMap<>();
        for (String f : List.of(HealthField.OVERRIDE_BAND, HealthField.OVERRIDE_REASON, HealthField.OVERRIDE_EXPIRES)) {
            m.put(f, r.get(f));
        }
        return m;
    }

    record Pulled(AccountBook book, RejectLog rejects, SalesforceAccountSource source) {
    }

    private static Pulled pull(SalesforceSettings settings) {
        SalesforceAdapter adapter = TestOrg.connect(org, settings, new RecordingSleeper(), new RecordingLog());
        AccountBook book = new AccountBook();
        RejectLog rejects = new RejectLog();
        adapter.accountSource().loadAccounts(book, TestOrg.AS_OF, rejects);
        return new Pulled(book, rejects, adapter.accountSource());
    }

    private static void assertMatchesFiles(Pulled pulled) {
        assertThat(pulled.rejects().rejects()).isEmpty();
        Map<String, AccountFacts> sf = byId(pulled.book().facts());
        Map<String, AccountFacts> local = byId(files.facts());
        assertThat(sf.keySet()).hasSize(500 - crm.outOfScopeIds().size()).isEqualTo(local.keySet());
        assertThat(pulled.source().outOfScopeIds()).isEqualTo(crm.outOfScopeIds()).isNotEmpty();
        assertThat(pulled.book().outOfScopeAccounts()).isEqualTo(files.outOfScopeAccounts());
        assertThat(pulled.book().loadedSources()).contains(FactSource.CRM, FactSource.CONTACTS, FactSource.ACTIVITIES,
                FactSource.SUPPORT);

        LocalDate windowStart = TestOrg.AS_OF.minusDays(90);
        long touches = 0;
        long cases = 0;
        for (String id : local.keySet()) {
            AccountFacts s = sf.get(id);
            AccountFacts f = local.get(id);
            assertThat(s.profile()).as("profile of %s", id).isEqualTo(f.profile());
            assertThat(s.previous()).as("previous health of %s", id).isEqualTo(f.previous());
            assertThat(renewal(s.renewal())).as("renewal of %s", id).isEqualTo(renewal(f.renewal()));
            assertThat(contacts(s.contacts())).as("contacts of %s", id).isEqualTo(contacts(f.contacts()));
            Set<Touch> expectedTouches = f.touches().stream()
                    .filter(t -> !t.occurredOn().isBefore(windowStart) && !t.occurredOn().isAfter(TestOrg.AS_OF))
                    .collect(Collectors.toSet());
            assertThat(new HashSet<>(s.touches())).as("touches of %s", id).isEqualTo(expectedTouches);
            Set<String> expectedCases = f.tickets().stream()
                    .filter(t -> !t.openedOn().isAfter(TestOrg.AS_OF)
                            && (!t.openedOn().isBefore(windowStart) || t.closedOn() == null))
                    .map(SupportTicket::ticketId).collect(Collectors.toSet());
            assertThat(s.tickets()).extracting(SupportTicket::ticketId).as("cases of %s", id)
                    .containsExactlyInAnyOrderElementsOf(expectedCases);
            Map<String, SupportTicket> fileTickets = f.tickets().stream()
                    .collect(Collectors.toMap(SupportTicket::ticketId, Function.identity()));
            for (SupportTicket t : s.tickets()) {
                SupportTicket expected = fileTickets.get(t.ticketId());
                assertThat(t.priority()).isEqualTo(expected.priority());
                assertThat(t.openedOn()).isEqualTo(expected.openedOn());
                assertThat(t.closedOn()).isEqualTo(expected.closedOn());
            }
            touches += s.touches().size();
            cases += s.tickets().size();
        }
        assertThat(touches).isPositive();
        assertThat(cases).isPositive();
        assertThat(new HashSet<>(pulled.source().outcomes())).isEqualTo(new HashSet<>(fileOutcomes));
    }

    private static Map<String, AccountFacts> byId(List<AccountFacts> facts) {
        return facts.stream().collect(Collectors.toMap(AccountFacts::accountId, Function.identity()));
    }

    /** The files carry no stage name. */
    private static List<Object> renewal(RenewalOpportunity r) {
        return r == null ? null : java.util.Arrays.asList(r.opportunityId(), r.renewalDate(), r.amount());
    }

    /** Salesforce has a left-company flag but no date it happened. */
    private static Set<List<Object>> contacts(List<Contact> contacts) {
        return contacts.stream().map(c -> java.util.Arrays.<Object>asList(c.contactId(), c.role(), c.leftCompany(),
                c.lastEngagedOn())).collect(Collectors.toSet());
    }
}
