package io.healthscore.backtest.metrics;

import java.util.Arrays;

/**
 * Lift of the riskiest share of accounts: their event rate over the base rate. Accounts tied at the
 * cut-off are taken in proportion (the expected value over every order of the ties), so the figure does
 * not depend on how ties happen to be sorted.
 */
public final class Lift {

    private Lift() {
    }

    /** Event rate among the {@code share} riskiest (0..1], divided by the base rate; NaN without events. */
    public static double ofTopShare(double[] risk, int[] labels, double share) {
        int n = risk.length;
        if (n == 0) {
            return Double.NaN;
        }
        double events = 0;
        for (int y : labels) {
            events += y;
        }
        if (events == 0) {
            return Double.NaN;
        }
        return eventsInTopShare(risk, labels, share) / (share * n) / (events / n);
    }

    /** Expected number of events among the {@code share} riskiest, ties at the cut-off taken in proportion. */
    public static double eventsInTopShare(double[] risk, int[] labels, double share) {
        int n = risk.length;
        double slots = share * n;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(risk[y], risk[x]));
        double taken = 0;
        double events = 0;
        int i = 0;
        while (i < n && taken < slots) {
            int j = i;
            double groupEvents = 0;
            while (j < n && risk[order[j]] == risk[order[i]]) {
                groupEvents += labels[order[j]];
                j++;
            }
            int group = j - i;
            double take = Math.min(group, slots - taken);
            events += groupEvents * take / group;
            taken += take;
            i = j;
        }
        return events;
    }
}
