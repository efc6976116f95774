package io.healthscore.formats;

import io.healthscore.domain.run.RejectLog;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads every file of a table through one handler and keeps the per-file figures for the run report. */
final class TableLoading {

    private TableLoading() {
    }

    static List<TableReader.FileStats> readAll(TableFiles files, ExportTable table, TableReader.RowHandler handler,
                                               RejectLog rejects) {
        List<TableReader.FileStats> stats = new ArrayList<>();
        for (TableFiles.TableFile f : files.find(table)) {
            InputStream in;
            try {
                in = f.opener().open();
            } catch (IOException e) {
                rejects.reject(f.name(), 0, null, "bad_file", "cannot be opened: " + e.getMessage());
                stats.add(new TableReader.FileStats(f.name(), 0, 0, 0, "cannot be opened: " + e.getMessage()));
                continue;
            }
            stats.add(TableReader.read(table, f.name(), in, handler, rejects));
        }
        return stats;
    }

    static RowRejected unknownAccount(String accountId) {
        return new RowRejected("account_id", "unknown_account", "account '" + Cells.shown(accountId)
                + "' is not in scope (not in the CRM accounts)");
    }

    static RowRejected duplicate(String column, String key) {
        return new RowRejected(column, "duplicate_row", "duplicate of an earlier row with " + column + " '" + Cells.shown(key) + "'");
    }
}
