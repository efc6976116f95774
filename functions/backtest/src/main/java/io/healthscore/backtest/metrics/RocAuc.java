package io.healthscore.backtest.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * ROC AUC and the ROC curve of a risk value (higher = more likely the event) against outcomes. The AUC
 * is the probability that a random event outranks a random non-event, ties counting half, computed by
 * the rank-sum (Mann-Whitney) identity AUC = (R1 - n1 (n1 + 1) / 2) / (n1 n0) with average ranks.
 */
public final class RocAuc {

    /** A point of the ROC curve: flagging every risk at or above {@code threshold}. */
    public record Point(double threshold, double falsePositiveRate, double truePositiveRate) {
    }

    private RocAuc() {
    }

    /** AUC of events against non-events; NaN when either side is empty. */
    public static double auc(double[] events, double[] nonEvents) {
        int n1 = events.length;
        int n0 = nonEvents.length;
        if (n1 == 0 || n0 == 0) {
            return Double.NaN;
        }
        double[] all = new double[n1 + n0];
        System.arraycopy(events, 0, all, 0, n1);
        System.arraycopy(nonEvents, 0, all, n1, n0);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
        double sum = 0;
        for (int i = 0; i < n1; i++) {
            sum += ranks[i];
        }
        return (sum - n1 * (n1 + 1) / 2.0) / ((double) n1 * n0);
    }

    /** AUC of a risk value against 0/1 labels. */
    public static double auc(double[] risk, int[] labels) {
        return auc(select(risk, labels, 1), select(risk, labels, 0));
    }

    /**
     * The ROC curve from (0, 0) to (1, 1), one point per distinct risk value, thinned to at most
     * {@code maxPoints} (the corners are always kept).
     */
    public static List<Point> curve(double[] events, double[] nonEvents, int maxPoints) {
        List<Point> out = new ArrayList<>();
        out.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
        if (events.length == 0 || nonEvents.length == 0) {
            out.add(new Point(Double.NEGATIVE_INFINITY, 1, 1));
            return out;
        }
        double[] e = events.clone();
        double[] ne = nonEvents.clone();
        Arrays.sort(e);
        Arrays.sort(ne);
        int i = e.length - 1;
        int j = ne.length - 1;
        while (i >= 0 || j >= 0) {
            double t = Math.max(i >= 0 ? e[i] : Double.NEGATIVE_INFINITY, j >= 0 ? ne[j] : Double.NEGATIVE_INFINITY);
            while (i >= 0 && e[i] == t) {
                i--;
            }
            while (j >= 0 && ne[j] == t) {
                j--;
            }
            out.add(new Point(t, (ne.length - 1 - j) / (double) ne.length, (e.length - 1 - i) / (double) e.length));
        }
        if (out.size() <= maxPoints) {
            return out;
        }
        List<Point> thin = new ArrayList<>(maxPoints);
        double step = (out.size() - 1) / (double) (maxPoints - 1);
        for (int k = 0; k < maxPoints; k++) {
            thin.add(out.get((int) Math.round(k * step)));
        }
        return thin;
    }

    static double[] select(double[] values, int[] labels, int label) {
        int n = 0;
        for (int l : labels) {
            if (l == label) {
                n++;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (labels[i] == label) {
                out[k++] = values[i];
            }
        }
        return out;
    }
}
