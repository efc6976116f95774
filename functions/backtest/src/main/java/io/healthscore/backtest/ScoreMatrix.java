package io.healthscore.backtest;

import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Every account's score and band in every weekly snapshot, two bytes per cell: enough to follow bands
 * through time (lead time, false alarms) for a large book. Not thread-safe for writes to the same week.
 */
public final class ScoreMatrix {

    /** Score cell of an account that was not a customer on that day. */
    public static final byte OUT_OF_SCOPE = -1;
    /** Score cell of an account that had no score (no signal had data). */
    public static final byte NO_SCORE = -2;

    private static final Band[] BANDS = Band.values();

    private final List<LocalDate> dates;
    private final byte[][] scores;
    private final byte[][] bands;

    public ScoreMatrix(List<LocalDate> dates, int accounts) {
        this.dates = List.copyOf(dates);
        this.scores = new byte[dates.size()][accounts];
        this.bands = new byte[dates.size()][accounts];
        for (int w = 0; w < dates.size(); w++) {
            Arrays.fill(scores[w], OUT_OF_SCOPE);
            Arrays.fill(bands[w], OUT_OF_SCOPE);
        }
    }

    public List<LocalDate> dates() {
        return dates;
    }

    public int weeks() {
        return dates.size();
    }

    public int accounts() {
        return scores.length == 0 ? 0 : scores[0].length;
    }

    void set(int week, int account, Integer score, Band band) {
        scores[week][account] = score == null ? NO_SCORE : (byte) (int) score;
        bands[week][account] = (byte) band.ordinal();
    }

    public boolean inScope(int week, int account) {
        return scores[week][account] != OUT_OF_SCOPE;
    }

    /** The score, null when out of scope or unscored. */
    public Integer score(int week, int account) {
        byte s = scores[week][account];
        return s < 0 ? null : (int) s;
    }

    /** The computed band, null when out of scope. */
    public Band band(int week, int account) {
        byte b = bands[week][account];
        return b < 0 ? null : BANDS[b];
    }

    /** Index of the latest snapshot on or before the day, -1 when none. */
    public int weekOnOrBefore(LocalDate day) {
        return latestOnOrBefore(dates, day);
    }

    /** Index of the latest date on or before the day in an ascending list, -1 when none. */
    static int latestOnOrBefore(java.util.List<LocalDate> dates, LocalDate day) {
        int lo = 0;
        int hi = dates.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (dates.get(mid).isAfter(day)) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return found;
    }
}
