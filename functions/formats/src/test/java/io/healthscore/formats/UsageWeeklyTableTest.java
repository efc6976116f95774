package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.WeeklyUsage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** usage_weekly: one fixture per bad input, each next to two good rows that must be kept. */
class UsageWeeklyTableTest {

    private static final String FILE = "usage_weekly.csv";

    @TempDir
    Path dir;

    private Loaded load(String caseFile) {
        return new ExportFolder(dir).valid("crm_accounts.csv").add("cases/usage_weekly/" + caseFile, FILE).load();
    }

    /** Rows 1 and 3 of the three-row fixtures are good. */
    private static void assertRowsOneAndThreeKept(Loaded loaded) {
        assertThat(loaded.usage()).containsExactly("acc-1 2026-10-19 30/40", "acc-3 2026-10-26 9000/10000");
    }

    @Test
    void semicolonDelimitedFileIsRejectedAsAWholeWithAHint() {
        Loaded loaded = load("semicolon-delimited.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 0, null, "bad_file",
                // the header is shown up to 40 characters
                "header is a single column 'account_id;week_start;active_users;licen...(49 chars)': the file looks"
                        + " ';'-delimited; exports must be comma-separated"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.usage()).isEmpty();
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-2", "acc-3");
    }

    @Test
    void tabDelimitedFileIsRejectedAsAWholeWithAHint() {
        Loaded loaded = load("tab-delimited.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 0, null, "bad_file",
                "header is a single column 'account_id\tweek_start\tactive_users\tlicen...(49 chars)': the file looks"
                        + " tab-delimited; exports must be comma-separated"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.usage()).isEmpty();
    }

    @Test
    void missingRequiredColumnRejectsTheFileAndNamesTheColumn() {
        Loaded loaded = load("missing-licensed-seats-column.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 0, null, "bad_file",
                "header lacks required column licensed_seats (found: account_id, week_start, active_users, logins)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.usage()).isEmpty();
    }

    @Test
    void rowWithAnExtraFieldIsRejected() {
        Loaded loaded = load("extra-field.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, null, "wrong_field_count",
                "has 8 fields, the header has 7"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertRowsOneAndThreeKept(loaded);
    }

    @Test
    void rowWithMissingFieldsIsRejected() {
        Loaded loaded = load("missing-fields.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, null, "wrong_field_count",
                "has 4 fields, the header has 7"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertRowsOneAndThreeKept(loaded);
    }

    @Test
    void nonIsoDateIsRejected() {
        Loaded loaded = load("us-date.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "week_start", "bad_date",
                "'week_start' value '10/26/2026' is not a date (YYYY-MM-DD)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertRowsOneAndThreeKept(loaded);
    }

    @Test
    void decimalCommaIsRejectedWithASeparatorHint() {
        Loaded loaded = load("decimal-comma.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "active_users", "bad_number",
                "'active_users' value '1,5' is not a number (use '.' as the decimal separator and no thousands separator)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertRowsOneAndThreeKept(loaded);
    }

    @Test
    void fractionalCountIsRejected() {
        Loaded loaded = load("fractional-users.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "active_users", "bad_number",
                "'active_users' value '12.5' is not a whole number"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertRowsOneAndThreeKept(loaded);
    }

    @Test
    void textInAnOptionalNumberColumnIsRejected() {
        Loaded loaded = load("not-a-number.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "logins", "bad_number",
                "'logins' value 'n/a' is not a number"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertRowsOneAndThreeKept(loaded);
    }

    @Test
    void negativeSeatsAreRejected() {
        Loaded loaded = load("negative-seats.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "licensed_seats", "negative_value",
                "'licensed_seats' is negative (-5)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertRowsOneAndThreeKept(loaded);
    }

    @Test
    void moreKeyFeaturesUsedThanTheTotalIsRejected() {
        Loaded loaded = load("features-over-total.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "key_features_used", "out_of_range",
                "'key_features_used' (9) exceeds 'key_features_total' (8)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertRowsOneAndThreeKept(loaded);
    }

    @Test
    void weekThatDoesNotStartOnMondayIsRejected() {
        Loaded loaded = load("week-not-monday.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "week_start", "bad_week",
                "'week_start' 2026-10-21 is a wednesday; weeks start on Monday"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertRowsOneAndThreeKept(loaded);
    }

    @Test
    void accountMissingFromTheCrmIsRejected() {
        Loaded loaded = load("unknown-account.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "account_id", "unknown_account",
                "account 'acc-404' is not in scope (not in the CRM accounts)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertRowsOneAndThreeKept(loaded);
    }

    @Test
    void secondRowForTheSameAccountAndWeekIsRejectedAndTheFirstWins() {
        Loaded loaded = load("duplicate-week.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 3, "week_start", "duplicate_row",
                "duplicate of an earlier row with week_start 'acc-1 2026-10-19'"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.usage()).containsExactly("acc-1 2026-10-19 30/40", "acc-2 2026-10-26 500/750");
    }

    @Test
    void rowsOfAChurnedAccountAreSkippedAndCountedNotRejected() {
        Loaded loaded = load("churned-account.csv");

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.book().outOfScopeAccounts()).isEqualTo(1);
        assertThat(loaded.book().outOfScopeRows()).isEqualTo(2);
        assertThat(loaded.accounts()).doesNotContain("acc-9");
        assertThat(loaded.usage()).containsExactly("acc-1 2026-10-19 30/40", "acc-3 2026-10-26 9000/10000");
    }

    @Test
    void byteOrderMarkIsAcceptedNotRejected() {
        Loaded loaded = load("bom.csv");

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.usage()).containsExactly("acc-1 2026-10-19 30/40", "acc-2 2026-10-26 500/750");
    }

    @Test
    void emptyFileIsRejectedAsAWhole() {
        Loaded loaded = load("empty.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 0, null, "bad_file", "is empty (no header row)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.usage()).isEmpty();
    }

    @Test
    void headerOnlyFileIsAcceptedAsATableWithNoRows() {
        Loaded loaded = load("header-only.csv");

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.usage()).isEmpty();
        assertThat(loaded.book().loadedSources()).contains(FactSource.USAGE);
        assertThat(loaded.stats()).contains(new TableReader.FileStats(FILE, 0, 0, 0, null));
    }

    @Test
    void fileThatIsNotGzipDespiteItsNameIsRejectedAsAWhole() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .add("cases/usage_weekly/not-gzip.csv.gz", "usage_weekly.csv.gz").load();

        assertThat(loaded.rejects()).containsExactly(reject("usage_weekly.csv.gz", 0, null, "bad_file",
                "unreadable after row 0: Not in GZIP format"));
        assertThat(loaded.usage()).isEmpty();
    }

    @Test
    void keptValuesAreTheTypedRowWithOptionalCountsDefaultingToZero() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").valid(FILE).load();

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.facts("acc-1").usage()).containsExactly(
                new WeeklyUsage(LocalDate.of(2026, 10, 19), 30, 40, 210, 5, 8),
                new WeeklyUsage(LocalDate.of(2026, 10, 26), 32, 40, 220, 6, 8));
        assertThat(loaded.facts("acc-2").usage()).containsExactly(
                new WeeklyUsage(LocalDate.of(2026, 10, 26), 500, 750, 4100, 0, 0));
    }

    @Test
    void rowsOlderThanTheRetentionWindowAreValidatedButNotKept() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .add("cases/usage_weekly/long-history.csv", FILE).load(16);

        // the two bad rows are in March, long before the window: still validated and rejected
        assertThat(loaded.rejects()).containsExactly(
                reject(FILE, 3, "week_start", "duplicate_row", "duplicate of an earlier row with week_start 'acc-1 2026-03-02'"),
                reject(FILE, 5, "week_start", "bad_week", "'week_start' 2026-03-18 is a wednesday; weeks start on Monday"));
        // 16 weeks before 2026-11-02 is 2026-07-13: that Monday and the 15 after it are kept
        assertThat(loaded.facts("acc-1").usage()).hasSize(16)
                .extracting(WeeklyUsage::weekStart)
                .startsWith(LocalDate.of(2026, 7, 13))
                .endsWith(LocalDate.of(2026, 10, 26));
        assertThat(loaded.stats()).contains(new TableReader.FileStats(FILE, 37, 35, 2, null));
    }

    @Test
    void withoutARetentionWindowTheWholeHistoryIsKept() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .add("cases/usage_weekly/long-history.csv", FILE).load(null);

        assertThat(loaded.facts("acc-1").usage()).hasSize(35);
        assertThat(loaded.log().countsByReason()).isEqualTo(Map.of("duplicate_row", 1L, "bad_week", 1L));
    }
}
