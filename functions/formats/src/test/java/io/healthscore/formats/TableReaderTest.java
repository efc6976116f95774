package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-level behaviour shared by every table: damaged files, empty files, headers, row numbering. */
class TableReaderTest {

    private static final int INVOICES = 5_000;

    @TempDir
    Path dir;

    /** 5,000 good invoices for acc-1, INV-00001 upwards, gzipped. */
    private static byte[] manyInvoicesGzipped() {
        StringBuilder csv = new StringBuilder("invoice_id,account_id,issued_on,due_on,amount,status,paid_on,currency\n");
        for (int i = 1; i <= INVOICES; i++) {
            csv.append(String.format("INV-%05d,acc-1,2026-09-01,2026-10-01,%d.50,open,,USD%n", i, 1000 + i));
        }
        return ExportFolder.gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> firstInvoices(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("acc-1 INV-%05d", i)).toList();
    }

    /** Complete data lines that a perfect reader could recover from a damaged gzip stream. */
    private static int recoverableRows(byte[] damaged) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(damaged))) {
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
            }
        } catch (IOException expected) {
            // the damage
        }
        long newlines = out.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        return (int) newlines - 1;
    }

    @Test
    void truncatedGzipKeepsTheRowsBeforeTheDamageAndRejectsTheFile() {
        byte[] whole = manyInvoicesGzipped();
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .write("invoices.csv.gz", Arrays.copyOf(whole, whole.length / 2)).load();

        assertThat(loaded.rejects()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("invoices.csv.gz");
            assertThat(r.row()).isZero();
            assertThat(r.reason()).matches("bad_file: unreadable after row \\d+: the stream ended early \\(truncated file\\)");
        });
        TableReader.FileStats stats = loaded.stats().stream().filter(s -> s.file().equals("invoices.csv.gz")).findFirst().orElseThrow();
        int kept = (int) stats.rows();
        assertThat(kept).isPositive().isLessThan(INVOICES);
        assertThat(stats).isEqualTo(new TableReader.FileStats("invoices.csv.gz", kept, kept, 0,
                "unreadable after row " + kept + ": the stream ended early (truncated file)"));
        assertThat(loaded.invoices()).isEqualTo(firstInvoices(kept));
    }

    @Test
    void truncatedGzipKeepsEveryCompleteRowBeforeTheDamage() {
        byte[] whole = manyInvoicesGzipped();
        byte[] damaged = Arrays.copyOf(whole, whole.length / 2);
        int recoverable = recoverableRows(damaged);

        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").write("invoices.csv.gz", damaged).load();

        assertThat(loaded.rejects()).containsExactly(reject("invoices.csv.gz", 0, null, "bad_file",
                "unreadable after row " + recoverable + ": the stream ended early (truncated file)"));
        assertThat(loaded.invoices()).isEqualTo(firstInvoices(recoverable));
    }

    @Test
    void gzipCutInsideItsTrailerKeepsEveryRowAndStillRejectsTheFile() {
        byte[] whole = manyInvoicesGzipped();
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .write("invoices.csv.gz", Arrays.copyOf(whole, whole.length - 4)).load();

        assertThat(loaded.rejects()).containsExactly(reject("invoices.csv.gz", 0, null, "bad_file",
                "unreadable after row 5000: the stream ended early (truncated file)"));
        assertThat(loaded.invoices()).hasSize(INVOICES);
    }

    @Test
    void emptyJsonLinesFileIsRejectedAsAWhole() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").write("invoices.jsonl", new byte[0]).load();

        assertThat(loaded.rejects()).containsExactly(reject("invoices.jsonl", 0, null, "bad_file", "is empty (no rows)"));
    }

    @Test
    void jsonLinesFileOfBlankLinesIsEmpty() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .add("cases/invoices/blank-lines-only.jsonl", "invoices.jsonl").load();

        assertThat(loaded.rejects()).containsExactly(reject("invoices.jsonl", 0, null, "bad_file", "is empty (no rows)"));
    }

    @Test
    void jsonLineThatIsNotAnObjectIsRejected() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .add("cases/invoices/array-line.jsonl", "invoices.jsonl").load();

        assertThat(loaded.rejects()).containsExactly(reject("invoices.jsonl", 2, null, "bad_json", "is not a JSON object"));
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-3 INV-3001");
    }

    @Test
    void jsonNullInARequiredKeyIsAnEmptyValue() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .add("cases/invoices/null-amount.jsonl", "invoices.jsonl").load();

        assertThat(loaded.rejects()).containsExactly(reject("invoices.jsonl", 2, "amount", "missing_value", "'amount' is empty"));
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-3 INV-3001");
    }

    @Test
    void jsonLinesRowNumbersAreLineNumbersCountingBlankLines() {
        Loaded loaded = new ExportFolder(dir).add("cases/crm_accounts/blank-line-then-bad-row.jsonl", "crm_accounts.jsonl").load();

        assertThat(loaded.rejects()).containsExactly(reject("crm_accounts.jsonl", 3, "segment", "bad_segment",
                "unknown segment 'startup' (expected smb, mid_market or enterprise)"));
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-3");
    }

    @Test
    void csvRowNumbersAreDataRecordsSkippingBlankLines() {
        Loaded loaded = new ExportFolder(dir).add("cases/crm_accounts/blank-line-then-bad-row.csv", "crm_accounts.csv").load();

        assertThat(loaded.rejects()).containsExactly(reject("crm_accounts.csv", 2, "segment", "bad_segment",
                "unknown segment 'startup' (expected smb, mid_market or enterprise)"));
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-3");
    }

    @Test
    void windowsLineEndsAreAcceptedInCsvAndJsonLines() {
        byte[] csv = new String(ExportFolder.fixture("valid/invoices.csv"), StandardCharsets.UTF_8)
                .replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] jsonl = new String(ExportFolder.fixture("valid/surveys.jsonl"), StandardCharsets.UTF_8)
                .replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").write("invoices.csv", csv)
                .write("surveys.jsonl", jsonl).load();

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-1 INV-1002", "acc-2 INV-2001", "acc-3 INV-3001");
        assertThat(loaded.surveys()).containsExactly("acc-1 S-1", "acc-2 S-2", "acc-3 S-3");
        assertThat(loaded.facts("acc-1").invoices().get(0).paidOn()).hasToString("2026-09-28");
    }

    @Test
    void repeatedHeaderNameRejectsTheFile() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .add("cases/usage_weekly/duplicate-header.csv", "usage_weekly.csv").load();

        assertThat(loaded.rejects()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("usage_weekly.csv");
            assertThat(r.row()).isZero();
            assertThat(r.reason()).startsWith("bad_file: bad header: The header contains a duplicate name: \"active_users\"");
        });
        assertThat(loaded.usage()).isEmpty();
    }

    @Test
    void undeclaredColumnsOfAFactTableAreIgnoredInAnyPosition() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv")
                .add("cases/usage_weekly/undeclared-column.csv", "usage_weekly.csv").load();

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.usage()).containsExactly("acc-1 2026-10-19 30/40", "acc-2 2026-10-26 500/750");
        assertThat(loaded.custom()).isEmpty();
    }
}
