package io.healthscore.testkit.salesforce.soap;

import io.healthscore.testkit.salesforce.org.ApiFault;
import io.healthscore.testkit.salesforce.org.SalesforceIds;
import io.healthscore.testkit.salesforce.soql.ResultRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side query cursors behind queryLocators of the real form {@code 01g...-500}: cursor id, then how many
 * rows were already returned. A locator may be replayed until its cursor is exhausted; a cursor idle for 15
 * minutes (on the emulator's clock) is gone, as on a real org.
 */
public final class QueryCursors {
    private static final Duration IDLE_LIMIT = Duration.ofMinutes(15);

    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final SalesforceIds ids;
    private final Clock clock;

    private static final class Cursor {
        private final List<ResultRecord> rows;
        private volatile Instant lastUsed;

        Cursor(List<ResultRecord> rows, Instant lastUsed) {
            this.rows = rows;
            this.lastUsed = lastUsed;
        }
    }

    /** One batch of rows; nextLocator is null when this is the last batch. */
    record Page(List<ResultRecord> records, String nextLocator, int size) {
    }

    public QueryCursors(SalesforceIds ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    /** First batch of a query result, opening a cursor when more rows remain. */
    Page first(List<ResultRecord> rows, int batchSize) {
        if (rows.size() <= batchSize) {
            return new Page(rows, null, rows.size());
        }
        String cursorId = ids.next("01g");
        cursors.put(cursorId, new Cursor(rows, clock.instant()));
        return new Page(rows.subList(0, batchSize), cursorId + "-" + batchSize, rows.size());
    }

    Page next(String locator, int batchSize) {
        int dash = locator == null ? -1 : locator.lastIndexOf('-');
        Cursor cursor = dash < 0 ? null : cursors.get(locator.substring(0, dash));
        int offset = parseOffset(locator, dash);
        if (cursor == null || offset < 0 || offset >= cursor.rows.size()
                || clock.instant().isAfter(cursor.lastUsed.plus(IDLE_LIMIT))) {
            throw new ApiFault(ApiFault.Kind.INVALID_QUERY_LOCATOR, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        cursor.lastUsed = clock.instant();
        int end = Math.min(cursor.rows.size(), offset + batchSize);
        String cursorId = locator.substring(0, dash);
        String next = end < cursor.rows.size() ? cursorId + "-" + end : null;
        if (next == null) {
            cursors.remove(cursorId);
        }
        return new Page(cursor.rows.subList(offset, end), next, cursor.rows.size());
    }

    public void expireAll() {
        cursors.clear();
    }

    private static int parseOffset(String locator, int dash) {
        if (dash < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(locator.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
