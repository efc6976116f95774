package io.healthscore.domain.run;

import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.domain.ports.WriteReport;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one run: every score, the Tasks planned, what the sink did, and the rejects.
 * {@code outOfScopeAccounts} are known to the CRM but not scored (churned); their export rows were
 * skipped ({@code outOfScopeRows}), not rejected.
 */
public record RunSummary(String runId, LocalDate asOf, String modelVersion, int accounts, List<AccountHealth> healths,
                         List<TaskPlan> tasks, WriteReport writes, RejectLog rejects, Map<String, Long> timingsMillis,
                         int outOfScopeAccounts, long outOfScopeRows) {

    public Map<Band, Integer> bandCounts() {
        Map<Band, Integer> m = new EnumMap<>(Band.class);
        for (Band b : Band.values()) {
            m.put(b, 0);
        }
        for (AccountHealth h : healths) {
            m.merge(h.band(), 1, Integer::sum);
        }
        return m;
    }

    public int scored() {
        int n = 0;
        for (AccountHealth h : healths) {
            if (h.band() != Band.INSUFFICIENT_SIGNAL) {
                n++;
            }
        }
        return n;
    }

    public int insufficientSignal() {
        return healths.size() - scored();
    }

    /** Accounts by attention priority, highest first. */
    public List<AccountHealth> byPriority() {
        return healths.stream()
                .sorted((a, b) -> Double.compare(b.attentionPriority(), a.attentionPriority()))
                .toList();
    }
}
