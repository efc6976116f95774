package io.healthscore.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The weekly snapshot dates of a backtest: every seventh day back from the day after the data ends
 * (the as-of date a run on that day would use), stopping once a snapshot would have less than the
 * warm-up of history behind it.
 */
public final class SnapshotDates {

    private SnapshotDates() {
    }

    /**
     * @param dataStart   first day with data (null: no lower bound but {@code maxSnapshots})
     * @param dataEnd     last day of the data
     * @param warmupWeeks weeks of data a snapshot needs behind it (the usage signals look back 16 weeks)
     * @param maxSnapshots at most this many (the latest ones), 0 for no cap
     */
    public static List<LocalDate> weekly(LocalDate dataStart, LocalDate dataEnd, int warmupWeeks, int maxSnapshots) {
        if (warmupWeeks < 0) {
            throw new IllegalArgumentException("warm-up weeks must be 0 or more");
        }
        if (dataStart == null && maxSnapshots <= 0) {
            throw new IllegalArgumentException("the input has no dated facts: give a number of snapshots");
        }
        List<LocalDate> out = new ArrayList<>();
        LocalDate earliest = dataStart == null ? LocalDate.MIN : dataStart.plusWeeks(warmupWeeks);
        for (LocalDate d = dataEnd.plusDays(1); !d.isBefore(earliest); d = d.minusWeeks(1)) {
            out.add(d);
            if (maxSnapshots > 0 && out.size() == maxSnapshots) {
                break;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the data from " + dataStart + " to " + dataEnd + " is shorter than the "
                    + warmupWeeks + "-week warm-up: no snapshot can be scored");
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }
}
