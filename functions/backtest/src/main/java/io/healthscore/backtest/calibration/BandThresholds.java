package io.healthscore.backtest.calibration;

import io.healthscore.domain.model.BandRange;
import io.healthscore.domain.scoring.Band;
import java.util.List;

/**
 * Recommends band boundaries from scores and outcomes: at-risk-or-worse becomes every score up to the
 * highest cut-off whose flagged accounts still churn at least at the target precision (so it catches as
 * many churners as that precision allows); critical likewise at its own, higher target; watching keeps
 * the width it had above at-risk. When a target cannot be reached, the cut-off with the best precision
 * (among cut-offs that flag enough accounts to mean something) is taken and the result says so.
 *
 * @param criticalMax         critical is 0..criticalMax
 * @param atRiskMax           at-risk is criticalMax+1..atRiskMax
 * @param watchingMax         watching is atRiskMax+1..watchingMax, healthy above
 * @param criticalPrecision   precision of "score <= criticalMax" on the fitting outcomes
 * @param criticalRecall      its recall
 * @param criticalTargetMet   whether the critical target was reached
 * @param atRiskPrecision     precision of "score <= atRiskMax" (at-risk or worse)
 * @param atRiskRecall        its recall
 * @param atRiskTargetMet     whether the at-risk target was reached
 */
public record BandThresholds(int criticalMax, int atRiskMax, int watchingMax, double criticalPrecision,
                             double criticalRecall, boolean criticalTargetMet, double atRiskPrecision, double atRiskRecall,
                             boolean atRiskTargetMet) {

    /**
     * @param scores          composite per outcome (NaN skipped)
     * @param labels          1 event, 0 non-event, -1 left out
     * @param targetAtRisk    precision wanted of at-risk-or-worse
     * @param targetCritical  precision wanted of critical
     * @param watchingWidth   score points of the watching band
     */
    public static BandThresholds recommend(double[] scores, int[] labels, double targetAtRisk, double targetCritical,
                                           int watchingWidth) {
        int[] flagged = new int[101];
        int[] events = new int[101];
        int totalEvents = 0;
        int total = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] < 0 || Double.isNaN(scores[i])) {
                continue;
            }
            int s = (int) Math.max(0, Math.min(100, Math.round(scores[i])));
            flagged[s]++;
            events[s] += labels[i];
            totalEvents += labels[i];
            total++;
        }
        for (int s = 1; s <= 100; s++) { // cumulative: score <= s
            flagged[s] += flagged[s - 1];
            events[s] += events[s - 1];
        }
        int minFlagged = Math.max(10, total / 100);
        Cut atRisk = cut(flagged, events, 1, 97, targetAtRisk, minFlagged);
        Cut critical = cut(flagged, events, 0, atRisk.at - 1, targetCritical, minFlagged);
        int watching = Math.min(99, atRisk.at + Math.max(1, watchingWidth));
        return new BandThresholds(critical.at, atRisk.at, watching, precision(flagged, events, critical.at),
                recall(events, critical.at, totalEvents), critical.met, precision(flagged, events, atRisk.at),
                recall(events, atRisk.at, totalEvents), atRisk.met);
    }

    private record Cut(int at, boolean met) {
    }

    private static Cut cut(int[] flagged, int[] events, int from, int to, double target, int minFlagged) {
        int best = -1;
        for (int t = to; t >= from; t--) {
            if (flagged[t] >= minFlagged && precision(flagged, events, t) >= target) {
                return new Cut(t, true);
            }
        }
        double bestPrecision = -1;
        for (int t = from; t <= to; t++) {
            if (flagged[t] >= minFlagged && precision(flagged, events, t) > bestPrecision) {
                bestPrecision = precision(flagged, events, t);
                best = t;
            }
        }
        return new Cut(best >= 0 ? best : Math.max(from, Math.min(to, (from + to) / 2)), false);
    }

    private static double precision(int[] flagged, int[] events, int t) {
        return flagged[t] == 0 ? Double.NaN : events[t] / (double) flagged[t];
    }

    private static double recall(int[] events, int t, int totalEvents) {
        return totalEvents == 0 ? Double.NaN : events[t] / (double) totalEvents;
    }

    /** The band ranges of these thresholds. */
    public List<BandRange> bands() {
        return List.of(new BandRange(Band.HEALTHY, watchingMax + 1, 100), new BandRange(Band.WATCHING, atRiskMax + 1, watchingMax),
                new BandRange(Band.AT_RISK, criticalMax + 1, atRiskMax), new BandRange(Band.CRITICAL, 0, criticalMax));
    }
}
