package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.run.RejectLog;
import io.healthscore.formats.RenewalOutcome.Outcome;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** renewal_outcomes: what happened at past renewals, for the backtest only. */
class OutcomeTableTest {

    private static final String FILE = "renewal_outcomes.csv";

    @TempDir
    Path dir;

    @Test
    void outcomesAreReadWhateverTheCaseAndIncludeChurnedAccounts() {
        RejectLog log = new RejectLog();

        var outcomes = OutcomeTable.read(new ExportFolder(dir).valid(FILE).files(), log);

        assertThat(log.rejects()).isEmpty();
        assertThat(outcomes).containsExactly(
                new RenewalOutcome("acc-1", "006-old-1", LocalDate.of(2025, 2, 28), Outcome.RENEWED),
                new RenewalOutcome("acc-2", "006-old-2", LocalDate.of(2025, 7, 15), Outcome.DOWNGRADED),
                new RenewalOutcome("acc-9", null, LocalDate.of(2026, 6, 30), Outcome.CHURNED));
        assertThat(outcomes).extracting(o -> o.outcome().bad()).containsExactly(false, true, true);
    }

    @Test
    void unknownOutcomeIsRejected() {
        RejectLog log = new RejectLog();

        var outcomes = OutcomeTable.read(new ExportFolder(dir).add("cases/renewal_outcomes/bad-outcome.csv", FILE).files(), log);

        assertThat(log.rejects()).containsExactly(reject(FILE, 2, "outcome", "bad_outcome",
                "'outcome' value 'lost' is not renewed, churned or downgraded"));
        assertThat(log.total()).isEqualTo(1);
        assertThat(outcomes).extracting(RenewalOutcome::accountId).containsExactly("acc-1", "acc-9");
    }

    @Test
    void secondOutcomeForTheSameAccountAndDateIsRejected() {
        RejectLog log = new RejectLog();

        var outcomes = OutcomeTable.read(new ExportFolder(dir).add("cases/renewal_outcomes/duplicate-renewal.csv", FILE).files(), log);

        assertThat(log.rejects()).containsExactly(reject(FILE, 3, "renewal_date", "duplicate_row",
                "duplicate of an earlier row with renewal_date 'acc-1 2025-02-28'"));
        assertThat(log.total()).isEqualTo(1);
        assertThat(outcomes).extracting(RenewalOutcome::renewalDate)
                .containsExactly(LocalDate.of(2025, 2, 28), LocalDate.of(2026, 2, 28));
    }

    @Test
    void absentTableGivesNoOutcomesAndNoRejects() {
        RejectLog log = new RejectLog();

        assertThat(OutcomeTable.read(new ExportFolder(dir).files(), log)).isEmpty();
        assertThat(log.total()).isZero();
    }
}
