package io.healthscore.domain.ports;

import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import java.time.LocalDate;

/**
 * Warehouse exports (usage, billing, support, surveys, roll-ups): adds facts to the accounts already in
 * the book. Rows for accounts not in the book, and malformed rows, are rejected with file, row and
 * reason; valid rows beside them are kept. S3 in AWS, a directory in local mode.
 */
public interface ExportSource {

    void loadExports(AccountBook book, LocalDate asOf, RejectLog rejects);
}
