package io.healthscore.backtest.metrics;

import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How early the score warned: for each churn, the days between the first at-risk-or-worse snapshot in
 * the look-back window before it and the churn date. Churners never flagged in the window count as not
 * flagged. The share flagged at least {@code aheadDays} ahead is taken over the churners whose snapshots
 * reach back that far (an account churning in the backtest's first weeks could not have been).
 */
public final class LeadTime {

    /** Snapshots of one account before one event, oldest first (within the look-back window). */
    public record Window(String accountId, String segment, LocalDate eventDate, List<LocalDate> dates, List<Band> bands) {
        public Window {
            dates = List.copyOf(dates);
            bands = List.copyOf(bands);
        }

        /** Days from the first red snapshot to the event, -1 when none was red. */
        public int leadDays() {
            for (int i = 0; i < dates.size(); i++) {
                if (bands.get(i) != null && bands.get(i).red()) {
                    return (int) (eventDate.toEpochDay() - dates.get(i).toEpochDay());
                }
            }
            return -1;
        }

        /** Whether a snapshot lies at least the given days before the event. */
        public boolean reachesBack(int days) {
            return !dates.isEmpty() && eventDate.toEpochDay() - dates.get(0).toEpochDay() >= days;
        }

        public boolean anyRed() {
            return leadDays() >= 0;
        }
    }

    /** A histogram bin of lead days, from (inclusive) to (exclusive; the last bin includes its end). */
    public record Bin(int fromDays, int toDays, int churners) {
    }

    /**
     * @param churners          churn events considered
     * @param withSnapshots     of which had at least one snapshot in the window
     * @param flagged           of which were flagged at-risk-or-worse in the window
     * @param medianDays        median lead time of the flagged (NaN when none)
     * @param p25Days           first quartile
     * @param p75Days           third quartile
     * @param reachingAhead     churners with a snapshot at least {@code aheadDays} before the churn
     * @param flaggedAhead      of which were flagged at least {@code aheadDays} ahead
     * @param shareFlaggedAhead flaggedAhead / reachingAhead
     * @param aheadDays         the threshold (60)
     * @param lookbackDays      the window (180)
     * @param histogram         lead days of the flagged in 30-day bins
     * @param leadDays          every flagged churner's lead time, ascending
     */
    public record Result(int churners, int withSnapshots, int flagged, double medianDays, double p25Days, double p75Days,
                         int reachingAhead, int flaggedAhead, double shareFlaggedAhead, int aheadDays, int lookbackDays,
                         List<Bin> histogram, List<Integer> leadDays) {
    }

    public static final int BIN_DAYS = 30;

    private LeadTime() {
    }

    public static Result of(List<Window> windows, int lookbackDays, int aheadDays) {
        List<Integer> leads = new ArrayList<>();
        int withSnapshots = 0;
        int reaching = 0;
        int ahead = 0;
        for (Window w : windows) {
            if (!w.dates().isEmpty()) {
                withSnapshots++;
            }
            int lead = w.leadDays();
            if (lead >= 0) {
                leads.add(lead);
            }
            if (w.reachesBack(aheadDays)) {
                reaching++;
                if (lead >= aheadDays) {
                    ahead++;
                }
            }
        }
        int[] sorted = leads.stream().mapToInt(Integer::intValue).sorted().toArray();
        List<Bin> bins = new ArrayList<>();
        for (int from = 0; from < lookbackDays; from += BIN_DAYS) {
            int to = Math.min(lookbackDays, from + BIN_DAYS);
            int count = 0;
            for (int d : sorted) {
                if (d >= from && (d < to || (to == lookbackDays && d == lookbackDays))) {
                    count++;
                }
            }
            bins.add(new Bin(from, to, count));
        }
        return new Result(windows.size(), withSnapshots, sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.25),
                quantile(sorted, 0.75), reaching, ahead, reaching == 0 ? Double.NaN : ahead / (double) reaching,
                aheadDays, lookbackDays, bins, Arrays.stream(sorted).boxed().toList());
    }

    /** Share of windows with any red snapshot (the false-alarm rate over time when the windows end in renewals). */
    public static double shareEverRed(List<Window> windows) {
        int with = 0;
        int red = 0;
        for (Window w : windows) {
            if (w.dates().isEmpty()) {
                continue;
            }
            with++;
            if (w.anyRed()) {
                red++;
            }
        }
        return with == 0 ? Double.NaN : red / (double) with;
    }

    /** Quantile by linear interpolation between order statistics (the median of an even count is the mean of the middle two). */
    static double quantile(int[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
