package io.healthscore.cli;

import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.domain.ports.HealthSink;
import io.healthscore.domain.ports.WriteReport;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.salesforce.write.SalesforceHealthSink;
import java.util.List;
import java.util.Map;

/**
 * --dry-run against Salesforce: works out with reads only which accounts changed since the pull and which Task keys
 * do not exist yet, and writes just those to the dry-run files. Nothing is sent.
 */
final class DryRunPlanSink implements HealthSink {

    private final SalesforceHealthSink salesforce;
    private final DryRunSink files;
    private SalesforceHealthSink.Plan plan;

    DryRunPlanSink(SalesforceHealthSink salesforce, DryRunSink files) {
        this.salesforce = salesforce;
        this.files = files;
    }

    SalesforceHealthSink.Plan plan() {
        return plan;
    }

    @Override
    public WriteReport write(List<AccountHealth> healths, List<TaskPlan> tasks) {
        plan = salesforce.plan(healths, tasks);
        WriteReport written = files.write(plan.changed(), plan.tasksToCreate());
        return new WriteReport(written.accountsChanged(), plan.unchanged(), Map.of(), written.tasksUpserted(), Map.of(), 0,
                List.of(), null);
    }
}
