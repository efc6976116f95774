package io.healthscore.domain.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.TestModels;
import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.RenewalOpportunity;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.domain.ports.AccountSource;
import io.healthscore.domain.ports.ExportSource;
import io.healthscore.domain.ports.HealthSink;
import io.healthscore.domain.ports.RunProgress;
import io.healthscore.domain.ports.WriteReport;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.Scorer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run end to end with in-memory fakes for the CRM, the exports and the sink (echo model). */
class ScoringRunTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 17);

    /** Three accounts; C has no data at all. */
    private static final class FakeCrm implements AccountSource {
        LocalDate askedFor;

        @Override
        public void loadAccounts(AccountBook book, LocalDate asOf, RejectLog rejects) {
            askedFor = asOf;
            for (String id : List.of("A", "B", "C")) {
                book.register(new AccountProfile(id, "Account " + id, Segment.SMB, null, null, null, null, "OWN" + id, "MGR"));
            }
            book.renewal("B", new RenewalOpportunity("OB", asOf.plusDays(10), null, null));
        }
    }

    /** A warehouse roll-up with the echo column; one row for an account the CRM does not know. */
    private static final class FakeExports implements ExportSource {
        @Override
        public void loadExports(AccountBook book, LocalDate asOf, RejectLog rejects) {
            book.loaded(FactSource.USAGE);
            Map<String, Double> rows = Map.of("A", 85.0, "B", 30.0, "Z", 50.0);
            long row = 0;
            for (String id : List.of("A", "B", "Z")) {
                row++;
                if (!book.custom(id, "echo", rows.get(id))) {
                    rejects.reject("rollup.csv", row, "account_id", "unknown_account", "account " + id + " is not in scope");
                }
            }
        }
    }

    private static final class RecordingSink implements HealthSink {
        final List<AccountHealth> healths = new ArrayList<>();
        final List<TaskPlan> tasks = new ArrayList<>();

        @Override
        public WriteReport write(List<AccountHealth> h, List<TaskPlan> t) {
            healths.addAll(h);
            tasks.addAll(t);
            return new WriteReport(h.size(), 0, Map.of(), t.size(), Map.of(), 0, List.of(), null);
        }
    }

    @Test
    void scoresEveryAccountPlansTasksAndHandsBothToTheSink() {
        FakeCrm crm = new FakeCrm();
        RecordingSink sink = new RecordingSink();
        List<String> stages = new ArrayList<>();
        RunProgress progress = (name, done, total) -> stages.add(name + " " + done + "/" + total);

        RunSummary summary = new ScoringRun(new Scorer(TestModels.echoModel()), crm, new FakeExports(), sink, progress)
                .execute("run-1", AS_OF);

        assertThat(crm.askedFor).isEqualTo(AS_OF);
        assertThat(summary.runId()).isEqualTo("run-1");
        assertThat(summary.modelVersion()).isEqualTo("echo-test");
        assertThat(summary.accounts()).isEqualTo(3);
        assertThat(summary.healths()).extracting(AccountHealth::accountId).containsExactly("A", "B", "C");
        assertThat(summary.healths()).extracting(AccountHealth::score).containsExactly(85, 30, null);
        assertThat(summary.bandCounts()).containsEntry(Band.HEALTHY, 1).containsEntry(Band.CRITICAL, 1)
                .containsEntry(Band.INSUFFICIENT_SIGNAL, 1).containsEntry(Band.WATCHING, 0);
        assertThat(summary.scored()).isEqualTo(2);
        assertThat(summary.insufficientSignal()).isEqualTo(1);
        // B: critical with a renewal in 10 days comes first; C (unknown, risk 0.5) before healthy A
        assertThat(summary.byPriority()).extracting(AccountHealth::accountId).containsExactly("B", "C", "A");

        assertThat(summary.tasks()).extracting(TaskPlan::key).containsExactly(
                "B:critical_owner:2026-W25", "B:critical_manager:2026-W25", "C:insufficient_signal_review:2026-W25");
        assertThat(sink.healths).isEqualTo(summary.healths());
        assertThat(sink.tasks).isEqualTo(summary.tasks());
        assertThat(summary.writes().tasksUpserted()).isEqualTo(3);

        assertThat(summary.rejects().total()).isEqualTo(1);
        assertThat(summary.rejects().rejects().get(0).toString())
                .isEqualTo("rollup.csv row 3 column account_id: unknown_account: account Z is not in scope");
        assertThat(stages).containsExactly("load_accounts 0/0", "load_exports 0/3", "write 0/3");
        assertThat(summary.timingsMillis()).containsOnlyKeys("load", "score", "write");
    }
}
