package io.healthscore.domain.scoring;

import io.healthscore.domain.facts.Segment;
import java.util.Arrays;

/**
 * Sorted raw values of the signals that use a percentile transform, per segment and for the whole
 * book, so an account's raw value can be ranked among its peers. Built once per run.
 */
public final class PeerDistributions {

    private static final PeerDistributions EMPTY = new PeerDistributions(new double[0][][], new double[0][]);

    /** [signal][segment ordinal] sorted values (null when the signal has no percentile transform). */
    private final double[][][] bySegment;
    /** [signal] sorted values over the whole book. */
    private final double[][] book;

    PeerDistributions(double[][][] bySegment, double[][] book) {
        this.bySegment = bySegment;
        this.book = book;
    }

    /** No peers: percentile transforms fall back to their linear fallback, or no data. */
    public static PeerDistributions empty() {
        return EMPTY;
    }

    /** Collects values as accounts are measured; not thread-safe. */
    static final class Builder {
        private final double[][][] seg;
        private final int[][] segCount;
        private final boolean[] wanted;

        Builder(int signalCount, boolean[] wanted) {
            this.wanted = wanted;
            int segments = Segment.values().length;
            seg = new double[signalCount][segments][];
            segCount = new int[signalCount][segments];
            for (int i = 0; i < signalCount; i++) {
                if (wanted[i]) {
                    for (int s = 0; s < segments; s++) {
                        seg[i][s] = new double[64];
                    }
                }
            }
        }

        void add(Segment segment, double[] raw) {
            int s = segment.ordinal();
            for (int i = 0; i < raw.length; i++) {
                if (wanted[i] && !Double.isNaN(raw[i])) {
                    double[] a = seg[i][s];
                    if (segCount[i][s] == a.length) {
                        a = Arrays.copyOf(a, a.length * 2);
                        seg[i][s] = a;
                    }
                    a[segCount[i][s]++] = raw[i];
                }
            }
        }

        PeerDistributions build() {
            int n = seg.length;
            double[][][] bySegment = new double[n][][];
            double[][] book = new double[n][];
            for (int i = 0; i < n; i++) {
                if (!wanted[i]) {
                    continue;
                }
                int segments = seg[i].length;
                bySegment[i] = new double[segments][];
                int total = 0;
                for (int s = 0; s < segments; s++) {
                    bySegment[i][s] = Arrays.copyOf(seg[i][s], segCount[i][s]);
                    Arrays.sort(bySegment[i][s]);
                    total += segCount[i][s];
                }
                double[] all = new double[total];
                int k = 0;
                for (int s = 0; s < segments; s++) {
                    System.arraycopy(bySegment[i][s], 0, all, k, bySegment[i][s].length);
                    k += bySegment[i][s].length;
                }
                Arrays.sort(all);
                book[i] = all;
            }
            return new PeerDistributions(bySegment, book);
        }
    }

    /**
     * Percentile (0-100, mid-rank for ties) of the value among the segment's peers, or among the whole
     * book when the segment has fewer than minPeers; NaN when neither has enough.
     */
    double percentile(int signal, Segment segment, double value, int minPeers) {
        if (signal >= book.length || book[signal] == null) {
            return Double.NaN;
        }
        double[] peers = bySegment[signal][segment.ordinal()];
        if (peers.length < minPeers) {
            peers = book[signal];
            if (peers.length < minPeers) {
                return Double.NaN;
            }
        }
        int lo = lowerBound(peers, value);
        int hi = upperBound(peers, value);
        return 100.0 * (lo + 0.5 * (hi - lo)) / peers.length;
    }

    /** Peer count for a signal in a segment (for reports). */
    public int peers(int signal, Segment segment) {
        if (signal >= book.length || book[signal] == null) {
            return 0;
        }
        return bySegment[signal][segment.ordinal()].length;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
