package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.SupportTicket.Priority;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** support_tickets: timestamps with offsets become UTC dates; one fixture per bad input. */
class SupportTicketTableTest {

    private static final String FILE = "support_tickets.csv";

    @TempDir
    Path dir;

    private Loaded load(String caseFile) {
        return new ExportFolder(dir).valid("crm_accounts.csv").add("cases/support_tickets/" + caseFile, FILE).load();
    }

    @Test
    void timestampWithASpaceInsteadOfTIsRejected() {
        Loaded loaded = load("timestamp-with-space.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "opened_at", "bad_timestamp",
                "'opened_at' value '2026-10-30 23:30' is not an ISO-8601 timestamp with offset (e.g. 2026-11-02T14:03:00Z)"
                        + " or a date"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.tickets()).containsExactly("acc-1 T-1", "acc-3 T-3");
    }

    @Test
    void timestampWithoutAnOffsetIsRejected() {
        Loaded loaded = load("timestamp-without-offset.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "opened_at", "bad_timestamp",
                "'opened_at' value '2026-10-30T23:30:00' is not an ISO-8601 timestamp with offset (e.g. 2026-11-02T14:03:00Z)"
                        + " or a date"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.tickets()).containsExactly("acc-1 T-1", "acc-3 T-3");
    }

    @Test
    void csatAboveFiveIsRejected() {
        Loaded loaded = load("csat-out-of-range.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "csat", "out_of_range",
                "'csat' value 6.0 is outside 1.0-5.0"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.tickets()).containsExactly("acc-1 T-1", "acc-3 T-3");
    }

    @Test
    void repeatedTicketIdIsRejectedAndTheFirstWins() {
        Loaded loaded = load("duplicate-ticket-id.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 3, "ticket_id", "duplicate_row",
                "duplicate of an earlier row with ticket_id 'T-1'"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.tickets()).containsExactly("acc-1 T-1", "acc-3 T-3");
        assertThat(loaded.facts("acc-1").tickets().get(0).closedOn()).isEqualTo(LocalDate.of(2026, 10, 6));
    }

    @Test
    void unknownPriorityIsRejected() {
        Loaded loaded = load("bad-priority.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "priority", "bad_priority",
                "unknown priority 'blocker' (expected P1-P4 or critical/high/medium/low)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.tickets()).containsExactly("acc-1 T-1", "acc-3 T-3");
    }

    @Test
    void closedBeforeOpenedIsRejected() {
        Loaded loaded = load("closed-before-opened.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "closed_at", "out_of_range",
                "'closed_at' 2026-09-30 is before 'opened_at' 2026-10-01"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.tickets()).containsExactly("acc-1 T-1", "acc-3 T-3");
    }

    @Test
    void reopenedThatIsNotABooleanIsRejected() {
        Loaded loaded = load("bad-reopened.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "reopened", "bad_boolean",
                "'reopened' value 'twice' is not true/false"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.tickets()).containsExactly("acc-1 T-1", "acc-3 T-3");
    }

    @Test
    void timestampsBecomeUtcDatesAndPrioritiesAcceptSalesforceWords() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").valid(FILE).load();

        assertThat(loaded.rejects()).isEmpty();
        // 2026-10-30T23:30:00-05:00 is 2026-10-31T04:30Z: the UTC calendar date counts
        assertThat(loaded.facts("acc-2").tickets()).containsExactly(
                new SupportTicket("T-2", Priority.P1, LocalDate.of(2026, 10, 31), null, null, false));
        assertThat(loaded.facts("acc-3").tickets()).containsExactly(
                new SupportTicket("T-3", Priority.P3, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2), 5.0, true));
    }
}
