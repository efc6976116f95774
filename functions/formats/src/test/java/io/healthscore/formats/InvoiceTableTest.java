package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.Invoice;
import io.healthscore.domain.facts.Invoice.InvoiceStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** invoices, in CSV and JSON Lines: one fixture per bad input, good rows beside it kept. */
class InvoiceTableTest {

    @TempDir
    Path dir;

    private Loaded load(String caseFile) {
        String asName = "invoices" + caseFile.substring(caseFile.indexOf('.'));
        return new ExportFolder(dir).valid("crm_accounts.csv").add("cases/invoices/" + caseFile, asName).load();
    }

    @Test
    void invalidJsonLineIsRejectedAndTheNextLineRead() {
        Loaded loaded = load("bad-json-line.jsonl");

        assertThat(loaded.rejects()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("invoices.jsonl");
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.column()).isNull();
            assertThat(r.reason()).startsWith("bad_json: is not valid JSON");
        });
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-3 INV-3001");
    }

    @Test
    void jsonLineWithoutARequiredKeyIsRejected() {
        Loaded loaded = load("missing-key.jsonl");

        assertThat(loaded.rejects()).containsExactly(reject("invoices.jsonl", 2, "amount", "missing_column",
                "has no 'amount' key"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-3 INV-3001");
    }

    @Test
    void nestedJsonValueIsRejected() {
        Loaded loaded = load("nested-value.jsonl");

        assertThat(loaded.rejects()).containsExactly(reject("invoices.jsonl", 2, "amount", "bad_value",
                "'amount' must be a string, number or boolean"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-3 INV-3001");
    }

    @Test
    void twoObjectsOnOneLineAreRejectedNotHalfRead() {
        Loaded loaded = load("two-objects-on-one-line.jsonl");

        assertThat(loaded.rejects()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(1);
            assertThat(r.reason()).startsWith("bad_json: is not valid JSON");
        });
        assertThat(loaded.invoices()).containsExactly("acc-3 INV-3001");
    }

    @Test
    void paidInvoiceWithoutPaidOnIsRejected() {
        Loaded loaded = load("paid-without-paid-on.csv");

        assertThat(loaded.rejects()).containsExactly(reject("invoices.csv", 2, "paid_on", "missing_value",
                "status is paid but 'paid_on' is empty"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-3 INV-3001");
    }

    @Test
    void repeatedInvoiceIdIsRejectedEvenForAnotherAccount() {
        Loaded loaded = load("duplicate-invoice-id.csv");

        assertThat(loaded.rejects()).containsExactly(reject("invoices.csv", 3, "invoice_id", "duplicate_row",
                "duplicate of an earlier row with invoice_id 'INV-1001'"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-3 INV-3001");
    }

    @Test
    void unknownStatusIsRejected() {
        Loaded loaded = load("bad-status.csv");

        assertThat(loaded.rejects()).containsExactly(reject("invoices.csv", 2, "status", "bad_status",
                "'status' value 'overdue' is not open, paid or void"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-3 INV-3001");
    }

    @Test
    void dueDateBeforeIssueDateIsRejected() {
        Loaded loaded = load("due-before-issued.csv");

        assertThat(loaded.rejects()).containsExactly(reject("invoices.csv", 2, "due_on", "out_of_range",
                "'due_on' 2026-07-01 is before 'issued_on' 2026-07-31"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-3 INV-3001");
    }

    @Test
    void thousandsSeparatorIsRejectedWithAHint() {
        Loaded loaded = load("thousands-separator.csv");

        assertThat(loaded.rejects()).containsExactly(reject("invoices.csv", 2, "amount", "bad_number",
                "'amount' value '45,000.00' is not a number (use '.' as the decimal separator and no thousands separator)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.invoices()).containsExactly("acc-1 INV-1001", "acc-3 INV-3001");
    }

    @Test
    void keptInvoicesCarryTheirDatesAmountAndStatusCaseInsensitively() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").valid("invoices.csv").load();

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.facts("acc-2").invoices()).containsExactly(new Invoice("INV-2001", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 31), LocalDate.of(2026, 8, 20), 45000.125, InvoiceStatus.PAID));
        assertThat(loaded.facts("acc-3").invoices()).extracting(Invoice::status).containsExactly(InvoiceStatus.VOID);
    }
}
