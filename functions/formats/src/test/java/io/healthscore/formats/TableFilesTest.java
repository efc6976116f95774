package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which files make up a table: the base name, an optional -part suffix, and one of four extensions. */
class TableFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"usage_weekly.csv", "usage_weekly.csv.gz", "usage_weekly.jsonl", "usage_weekly.jsonl.gz",
            "usage_weekly-0001.csv.gz", "usage_weekly-0002.jsonl", "usage_weekly-2026-10-26.csv",
            "usage_weekly-part_7.jsonl.gz"})
    void partsOfTheTable(String fileName) {
        assertThat(TableFiles.belongsTo(fileName, ExportTable.USAGE_WEEKLY)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"usage_weekly", "usage_weekly.tsv", "usage_weekly.json", "usage_weekly.CSV",
            "usage_weekly.csv.zip", "usage_weekly.csv.bak", "usage_weekly_old.csv", "usage_weekly-0001",
            "usage_weekly-part.1.csv", "my_usage_weekly.csv", "Usage_Weekly.csv", "usage_weekly.csv.gz.tmp"})
    void notPartsOfTheTable(String fileName) {
        assertThat(TableFiles.belongsTo(fileName, ExportTable.USAGE_WEEKLY)).isFalse();
    }

    @Test
    void aDirectoryListsTheTableFilesInNameOrderAndIgnoresEverythingElse() throws IOException {
        ExportFolder folder = new ExportFolder(dir)
                .valid("usage_weekly.csv")
                .addGzipped("valid/usage_weekly.csv", "usage_weekly-0002.csv.gz")
                .valid("usage_weekly.jsonl")
                .valid("invoices.csv")
                .write("usage_weekly.tsv", new byte[0])
                .write("README.txt", new byte[0]);
        Files.createDirectory(dir.resolve("usage_weekly-0001.csv"));

        assertThat(folder.files().find(ExportTable.USAGE_WEEKLY)).extracting(TableFiles.TableFile::name)
                .containsExactly("usage_weekly-0002.csv.gz", "usage_weekly.csv", "usage_weekly.jsonl");
        assertThat(folder.files().find(ExportTable.SURVEYS)).isEmpty();
    }

    @Test
    void aMissingInputDirectoryIsRefusedUpFront() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> new DirectoryTableFiles(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input directory " + missing + " does not exist or is not a directory");
    }

    @Test
    void partsOfOneTableAreReadAsOneTableWithDuplicatesCaughtAcrossParts() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .addGzipped("valid/usage_weekly.csv", "usage_weekly-0001.csv.gz")
                .add("cases/usage_weekly/part-0002.jsonl", "usage_weekly-0002.jsonl")
                .load();

        assertThat(loaded.rejects()).containsExactly(reject("usage_weekly-0002.jsonl", 2, "week_start", "duplicate_row",
                "duplicate of an earlier row with week_start 'acc-1 2026-10-26'"));
        assertThat(loaded.usage()).containsExactly("acc-1 2026-10-19 30/40", "acc-1 2026-10-26 32/40",
                "acc-2 2026-10-26 500/750", "acc-2 2026-10-19 480/750", "acc-3 2026-10-26 9000/10000");
        assertThat(loaded.stats()).contains(
                new TableReader.FileStats("usage_weekly-0001.csv.gz", 4, 4, 0, null),
                new TableReader.FileStats("usage_weekly-0002.jsonl", 2, 1, 1, null));
    }
}
