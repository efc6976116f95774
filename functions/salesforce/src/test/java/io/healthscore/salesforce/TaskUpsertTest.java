package io.healthscore.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.model.PlaybookRule;
import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.domain.ports.WriteReport;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.salesforce.write.SalesforceHealthSink;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Playbook Tasks: found by key first, only missing ones upserted, existing ones never touched. */
class TaskUpsertTest {

    SalesforceOrgEmulator org;
    SyntheticOrg seeded;
    SalesforceAdapter adapter;

    @BeforeEach
    void start() {
        org = TestOrg.start();
        seeded = SyntheticOrg.seed(org, 600, false);
        adapter = TestOrg.connect(org, SalesforceSettings.defaults(), new RecordingSleeper(), new RecordingLog());
        adapter.accountSource().loadAccounts(new AccountBook(), TestOrg.AS_OF, new RejectLog());
        org.calls().reset();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private List<TaskPlan> plans(int count) {
        List<TaskPlan> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String account = seeded.accountIds.get(i % seeded.accountIds.size());
            out.add(new TaskPlan(account + ":at_risk_outreach:2026-W" + (40 + i / seeded.accountIds.size()), account,
                    "at_risk_outreach", seeded.ownerId, "Reach out to Customer " + i, "Health score 41 (at risk).",
                    TestOrg.AS_OF.plusDays(14), PlaybookRule.TaskPriority.NORMAL));
        }
        return out;
    }

    private Map<String, Map<String, Object>> tasks() {
        return org.records("Task").stream().collect(Collectors.toMap(t -> (String) t.get("Health_Task_Key__c"), t -> t));
    }

    @Test
    void aReRunNeverDuplicatesTasksAndMakesNoWriteCall() {
        List<TaskPlan> plans = plans(1_200);

        WriteReport first = adapter.healthSink().write(List.of(), plans);

        assertThat(first.tasksUpserted()).isEqualTo(1_200);
        assertThat(first.tasksFailed()).isEmpty();
        assertThat(org.calls().count(ApiOperation.QUERY)).as("key lookups of 500").isEqualTo(3);
        assertThat(org.calls().recordsPerCall(ApiOperation.UPSERT)).containsExactly(200, 200, 200, 200, 200, 200);
        assertThat(tasks()).hasSize(1_200);
        Map<String, Object> sample = tasks().get(plans.get(0).key());
        assertThat(sample).containsEntry("WhatId", seeded.accountIds.get(0)).containsEntry("OwnerId", seeded.ownerId)
                .containsEntry("Status", "Not Started").containsEntry("Priority", "Normal")
                .containsEntry("ActivityDate", TestOrg.AS_OF.plusDays(14))
                .containsEntry("Subject", "Reach out to Customer 0");

        org.calls().reset();
        WriteReport second = adapter.healthSink().write(List.of(), plans);

        assertThat(second.tasksUpserted()).isZero();
        assertThat(second.writeCalls()).isZero();
        assertThat(org.calls().count(ApiOperation.UPSERT)).isZero();
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(3);
        assertThat(tasks()).hasSize(1_200);
    }

    @Test
    void existingTasksAreNeverModifiedOnlyMissingOnesAreCreated() {
        List<TaskPlan> plans = plans(10);
        adapter.healthSink().write(List.of(), plans.subList(0, 5));
        String csmTask = (String) tasks().get(plans.get(0).key()).get("Id");
        org.update(csmTask, Map.of("Status", "Completed", "Subject", "Called, all good"));
        Map<String, Object> before = org.get(csmTask).orElseThrow();
        org.calls().reset();

        WriteReport report = adapter.healthSink().write(List.of(), plans);

        assertThat(report.tasksUpserted()).isEqualTo(5);
        assertThat(org.calls().recordsPerCall(ApiOperation.UPSERT)).containsExactly(5);
        assertThat(org.get(csmTask).orElseThrow()).isEqualTo(before);
        assertThat(tasks()).hasSize(10);
    }

    @Test
    void thePlanNamingTheSameKeyTwiceRaisesOneTask() {
        TaskPlan plan = plans(1).get(0);

        WriteReport report = adapter.healthSink().write(List.of(), List.of(plan, plan));

        assertThat(report.tasksUpserted()).isEqualTo(1);
        assertThat(tasks()).hasSize(1);
    }

    @Test
    void aMissingManagerFallsBackToTheAccountOwnerAndTheDescriptionSaysSo() {
        TaskPlan p = plans(1).get(0);
        TaskPlan forManager = new TaskPlan(p.key() + "-mgr", p.accountId(), "critical_manager", null, p.subject(),
                p.description(), p.dueOn(), PlaybookRule.TaskPriority.HIGH);

        adapter.healthSink().write(List.of(), List.of(forManager));

        Map<String, Object> task = tasks().get(forManager.key());
        assertThat(task).containsEntry("OwnerId", seeded.ownerId).containsEntry("Priority", "High");
        assertThat((String) task.get("Description")).isEqualTo(p.description()
                + "\nAssigned to the account owner: the owner has no manager in Salesforce.");
    }

    @Test
    void aTaskTheOrgRefusesIsReportedByKeyAndTheOthersAreCreated() {
        List<TaskPlan> plans = new ArrayList<>(plans(3));
        TaskPlan bad = plans.get(1);
        plans.set(1, new TaskPlan(bad.key(), bad.accountId(), bad.ruleId(), "005000000000000AAA", bad.subject(),
                bad.description(), bad.dueOn(), bad.priority()));

        WriteReport report = adapter.healthSink().write(List.of(), plans);

        assertThat(report.tasksUpserted()).isEqualTo(2);
        assertThat(report.tasksFailed()).containsOnlyKeys(bad.key());
        assertThat(report.tasksFailed().get(bad.key())).matches("[A-Z_]+: .+");
    }

    @Test
    void keysWithQuotesAreEscapedInTheLookup() {
        TaskPlan p = plans(1).get(0);
        TaskPlan quoted = new TaskPlan(p.key() + ":o'brien\\x", p.accountId(), p.ruleId(), p.assigneeId(), p.subject(),
                p.description(), p.dueOn(), p.priority());
        adapter.healthSink().write(List.of(), List.of(quoted));
        org.calls().reset();

        WriteReport again = adapter.healthSink().write(List.of(), List.of(quoted));

        assertThat(again.tasksUpserted()).isZero();
        assertThat(org.calls().count(ApiOperation.UPSERT)).isZero();
        assertThat(tasks()).containsOnlyKeys(quoted.key());
    }

    @Test
    void aDryRunPlanReadsOnlyAndListsChangedAccountsAndMissingTasks() {
        List<TaskPlan> plans = plans(5);
        adapter.healthSink().write(seeded.healths(0).subList(0, 100), plans.subList(0, 2));
        adapter.accountSource().loadAccounts(new AccountBook(), TestOrg.AS_OF, new RejectLog());
        org.calls().reset();

        SalesforceHealthSink.Plan plan = adapter.healthSink().plan(seeded.healths(0), plans);

        assertThat(plan.changed()).hasSize(500);
        assertThat(plan.unchanged()).isEqualTo(100);
        assertThat(plan.tasksToCreate()).extracting(TaskPlan::key)
                .containsExactlyElementsOf(plans.subList(2, 5).stream().map(TaskPlan::key).toList());
        assertThat(plan.tasksExisting()).isEqualTo(2);
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(1);
        assertThat(org.calls().total()).isEqualTo(1);
    }
}
