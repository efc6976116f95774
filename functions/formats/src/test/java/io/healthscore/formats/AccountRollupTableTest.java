package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** account_rollup: every column beside account_id is a numeric custom signal. */
class AccountRollupTableTest {

    private static final String FILE = "account_rollup.csv";

    @TempDir
    Path dir;

    @Test
    void extraNumericColumnsBecomeCustomSignalsAndEmptyCellsAreLeftOut() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").valid(FILE).load();

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.custom()).isEqualTo(Map.of(
                "acc-1", Map.of("api_calls_30d", 120000.0, "integrations_live", 3.0, "training_completion_pct", 85.5),
                "acc-2", Map.of("api_calls_30d", 4500000.0, "integrations_live", 12.0),
                "acc-3", Map.of("api_calls_30d", 0.0, "integrations_live", 1.0, "training_completion_pct", 40.0)));
    }

    @Test
    void nonNumericValueRejectsTheWholeRow() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").add("cases/account_rollup/non-numeric.csv", FILE).load();

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "training_completion_pct", "bad_number",
                "'training_completion_pct' value '85%' is not a number"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.custom()).containsOnlyKeys("acc-1", "acc-3");
    }

    @Test
    void unknownAccountIsRejectedAndChurnedAccountSkipped() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").add("cases/account_rollup/unknown-account.csv", FILE).load();

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "account_id", "unknown_account",
                "account 'acc-404' is not in scope (not in the CRM accounts)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.book().outOfScopeRows()).isEqualTo(1);
        assertThat(loaded.custom()).isEqualTo(Map.of("acc-1", Map.of("api_calls_30d", 120000.0)));
    }
}
