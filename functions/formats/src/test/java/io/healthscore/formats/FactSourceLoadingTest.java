package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.FactSource;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A source counts as loaded (so "no rows" is a real zero, not missing data) only when its table is in the
 * input. The CRM is always loaded; the roll-up and the outcomes feed no source.
 */
class FactSourceLoadingTest {

    @TempDir
    Path dir;

    static Stream<ExportTable> tablesBeyondTheAccounts() {
        return Stream.of(ExportTable.values()).filter(t -> t != ExportTable.CRM_ACCOUNTS && t != ExportTable.CONVERSATIONS);
    }

    @Test
    void withOnlyTheAccountsOnlyTheCrmIsLoaded() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").load();

        assertThat(loaded.book().loadedSources()).containsExactly(FactSource.CRM);
        assertThat(loaded.facts("acc-1").sources()).containsExactly(FactSource.CRM);
    }

    @ParameterizedTest
    @MethodSource("tablesBeyondTheAccounts")
    void aPresentTableMarksItsSourceForEveryAccount(ExportTable table) {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").valid(table.baseName() + ".csv").load();

        Set<FactSource> expected = EnumSet.of(FactSource.CRM);
        if (table.source() != null) {
            expected.add(table.source());
        }
        assertThat(loaded.book().loadedSources()).isEqualTo(expected);
        // acc-3 has rows in every table but a source is marked for all accounts alike
        assertThat(loaded.facts("acc-2").sources()).isEqualTo(expected);
    }

    @Test
    void conversationsAreMarkedByTheExtractionStepNotByTheLoaders() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").valid("conversations.csv").load();

        assertThat(loaded.book().loadedSources()).containsExactly(FactSource.CRM);
    }

    @Test
    void headerOnlyTableIsLoadedWithNoRows() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .add("cases/usage_weekly/header-only.csv", "usage_weekly.csv").load();

        assertThat(loaded.book().loadedSources()).contains(FactSource.USAGE);
        assertThat(loaded.facts("acc-1").usage()).isEmpty();
    }

    @Test
    void emptyFileDoesNotMarkItsSourceLoaded() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").write("support_tickets.csv", new byte[0]).load();

        assertThat(loaded.rejects()).containsExactly(reject("support_tickets.csv", 0, null, "bad_file", "is empty (no header row)"));
        assertThat(loaded.book().loadedSources()).doesNotContain(FactSource.SUPPORT);
    }
}
