package io.healthscore.domain.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectLogTest {

    @Test
    void countsByReasonAndFile() {
        RejectLog log = new RejectLog();
        log.reject("usage.csv", 3, "week_start", "bad_date", "'2026-13-01' is not a date");
        log.reject("usage.csv", 9, null, "unknown_account", "account 001X is not in the book");
        log.reject("billing.csv", 2, "amount", "bad_date", "'x' is not a date");
        assertThat(log.total()).isEqualTo(3);
        assertThat(log.countsByReason()).isEqualTo(Map.of("bad_date", 2L, "unknown_account", 1L));
        assertThat(log.countsByFile()).isEqualTo(Map.of("usage.csv", 2L, "billing.csv", 1L));
        assertThat(log.rejects()).extracting(RejectLog.Reject::toString).containsExactly(
                "usage.csv row 3 column week_start: bad_date: '2026-13-01' is not a date",
                "usage.csv row 9: unknown_account: account 001X is not in the book",
                "billing.csv row 2 column amount: bad_date: 'x' is not a date");
    }

    @Test
    void keepsRejectsUpToTheCapButCountsThemAll() {
        RejectLog log = new RejectLog(2);
        for (int i = 1; i <= 5; i++) {
            log.reject("usage.csv", i, null, "bad_number", "row " + i);
        }
        assertThat(log.total()).isEqualTo(5);
        assertThat(log.countsByReason()).containsEntry("bad_number", 5L);
        assertThat(log.rejects()).extracting(RejectLog.Reject::row).containsExactly(1L, 2L);
    }

    @Test
    void aWholeFileRejectHasNoRow() {
        RejectLog log = new RejectLog();
        log.reject("surveys.csv", 0, null, "missing_header", "no 'account_id' column");
        assertThat(log.rejects().get(0).toString()).isEqualTo("surveys.csv: missing_header: no 'account_id' column");
    }
}
