package io.healthscore.domain.ports;

import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.domain.scoring.AccountHealth;
import java.util.List;

/**
 * Where scores go: the Account health fields (written only when they changed) and the Tasks (upserted
 * on their key). Salesforce in AWS; files in a dry run.
 */
public interface HealthSink {

    WriteReport write(List<AccountHealth> healths, List<TaskPlan> tasks);
}
