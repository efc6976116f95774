package io.healthscore.salesforce.write;

import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.domain.ports.HealthSink;
import io.healthscore.domain.ports.WriteReport;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.salesforce.PulledAccounts;
import io.healthscore.salesforce.SalesforceSession;
import io.healthscore.salesforce.SalesforceSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes health back to Salesforce: the Account health fields of the accounts whose values changed since the pull
 * (never the CSM override fields: they are not among the fields written), at most 200 per update call or through
 * Bulk above {@code bulkWriteAboveRecords}; then the playbook Tasks (only missing keys). Writing stops at the
 * configured share of the daily API allocation, or when a call fails for good, and the report says what was and was
 * not written. One record's failure never stops the others.
 */
public final class SalesforceHealthSink implements HealthSink {

    private final SalesforceSession session;
    private final SalesforceSettings settings;
    private final PulledAccounts pulled;

    public SalesforceHealthSink(SalesforceSession session, SalesforceSettings settings, PulledAccounts pulled) {
        this.session = session;
        this.settings = settings;
        this.pulled = pulled;
    }

    /**
     * What a write would send, found with reads only (a dry run): the accounts whose fields changed since the pull,
     * and the Tasks whose key exists on no Task yet.
     *
     * @param changed        accounts to update
     * @param unchanged      accounts skipped because nothing changed
     * @param tasksToCreate  planned Tasks with a new key (one per key)
     * @param tasksExisting  planned keys that already exist on a Task
     */
    public record Plan(List<AccountHealth> changed, int unchanged, List<TaskPlan> tasksToCreate, int tasksExisting) {
    }

    public Plan plan(List<AccountHealth> healths, List<TaskPlan> tasks) {
        List<AccountHealth> changed = new ArrayList<>();
        for (AccountHealth h : healths) {
            if (changed(h)) {
                changed.add(h);
            }
        }
        TaskWrites.Missing missing = new TaskWrites(session, settings, pulled, new SoapWrites(session, settings))
                .missing(tasks);
        return new Plan(changed, healths.size() - changed.size(), missing.missing(), missing.existing());
    }

    private boolean changed(AccountHealth h) {
        PulledAccounts.Pulled before = pulled.get(h.accountId());
        return before == null || HealthFieldChanges.changed(before.healthText(), HealthFieldChanges.next(h));
    }

    @Override
    public WriteReport write(List<AccountHealth> healths, List<TaskPlan> tasks) {
        WriteBudget budget = new WriteBudget(session.usage(), settings.stopAtApiShare());
        SoapWrites soap = new SoapWrites(session, settings);
        List<RecordWrite> changed = new ArrayList<>();
        int unchanged = 0;
        for (AccountHealth h : healths) {
            if (!changed(h)) {
                unchanged++;
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            HealthFieldChanges.next(h).forEach((f, v) -> fields.put(settings.healthField(f), v));
            changed.add(new RecordWrite(h.accountId(), h.accountId(), fields));
        }
        WriteOutcome accounts = new WriteOutcome();
        if (changed.size() > settings.bulkWriteAboveRecords()) {
            new BulkWrites(session, settings, soap).update("Account", changed, budget, accounts);
        } else {
            soap.update("Account", changed, budget, accounts);
        }
        WriteOutcome taskOutcome;
        if (accounts.stopped()) {
            taskOutcome = new WriteOutcome();
            for (TaskPlan t : tasks) {
                taskOutcome.failed.putIfAbsent(t.key(), "NOT_ATTEMPTED: " + accounts.stopReason);
            }
        } else {
            taskOutcome = new TaskWrites(session, settings, pulled, soap).write(tasks, budget);
        }
        String stopReason = accounts.stopped() ? accounts.stopReason : taskOutcome.stopReason;
        WriteReport report = new WriteReport(accounts.written.size(), unchanged, accounts.failed, taskOutcome.written.size(),
                taskOutcome.failed, accounts.calls + taskOutcome.calls, accounts.notWritten, stopReason);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("accounts_changed", changed.size());
        log.put("accounts_written", report.accountsChanged());
        log.put("accounts_unchanged", unchanged);
        log.put("accounts_failed", report.accountsFailed().size());
        log.put("accounts_not_written", report.notWritten().size());
        log.put("tasks_upserted", report.tasksUpserted());
        log.put("tasks_failed", report.tasksFailed().size());
        log.put("write_calls", report.writeCalls());
        log.put("stopped", stopReason != null);
        session.policy().log().event("salesforce_write", log);
        return report;
    }
}
