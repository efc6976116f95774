package io.healthscore.backtest;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.PeerDistributions;
import io.healthscore.domain.scoring.SignalScore;
import io.healthscore.domain.scoring.Scorer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Scores every account in every weekly snapshot as of that week, exactly as a run on that day would
 * have: the facts are cut with {@link AccountFacts#asOf} (nothing dated after the snapshot survives,
 * states that changed later are rolled back), the renewal open on that day is set from the calendar,
 * and the percentile peers are the accounts in scope that week. Each week is measured once, then
 * scored; both passes run on {@code threads} cores.
 */
public final class WeeklyReplay {

    /** Receives every week's measurements and scores, in week order (e.g. to record them in the history store). */
    @FunctionalInterface
    public interface WeekListener {
        void week(int week, LocalDate asOf, int[] accounts, Scorer.Measured[] measured, AccountHealth[] healths);
    }

    /**
     * @param matrix        score and band of every account in every week
     * @param rows          the snapshots kept in full, by {@link #key}
     * @param peers         each week's percentile peers (rescoring with a model of the same signals reuses them)
     * @param accountWeeks  account snapshots scored
     * @param millis        wall time of the replay
     */
    public record Result(ScoreMatrix matrix, Map<Long, MeasuredRow> rows, PeerDistributions[] peers, long accountWeeks,
                         long millis) {

        public MeasuredRow row(int week, int account) {
            return rows.get(key(week, account));
        }
    }

    private final HistoricalBook book;
    private final AccountCalendar calendar;
    private final Scorer scorer;
    private final int threads;

    public WeeklyReplay(HistoricalBook book, AccountCalendar calendar, Scorer scorer, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.book = book;
        this.calendar = calendar;
        this.scorer = scorer;
        this.threads = threads;
    }

    public static long key(int week, int account) {
        return ((long) week << 32) | (account & 0xFFFFFFFFL);
    }

    /**
     * @param dates    snapshot dates, ascending
     * @param keep     per week, the accounts whose snapshot is kept in full (null: none)
     * @param listener receives each week, null for none
     */
    public Result run(List<LocalDate> dates, BitSet[] keep, WeekListener listener) {
        long t0 = System.nanoTime();
        List<AccountFacts> facts = book.facts();
        int n = facts.size();
        ScoreMatrix matrix = new ScoreMatrix(dates, n);
        Map<Long, MeasuredRow> rows = new HashMap<>();
        PeerDistributions[] peersByWeek = new PeerDistributions[dates.size()];
        long accountWeeks = 0;
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int w = 0; w < dates.size(); w++) {
                LocalDate day = dates.get(w);
                int[] scope = IntStream.range(0, n).filter(i -> calendar.inScope(i, day)).toArray();
                Scorer.Measured[] measured = new Scorer.Measured[scope.length];
                parallel(pool, scope.length, k -> {
                    int i = scope[k];
                    AccountFacts then = facts.get(i).asOf(day).withRenewal(calendar.nextRenewal(i, day));
                    measured[k] = scorer.measure(then, day);
                });
                PeerDistributions peers = scorer.peers(Arrays.asList(measured));
                peersByWeek[w] = peers;
                AccountHealth[] healths = new AccountHealth[scope.length];
                MeasuredRow[] kept = new MeasuredRow[scope.length];
                BitSet wanted = keep == null ? null : keep[w];
                int week = w;
                parallel(pool, scope.length, k -> {
                    int i = scope[k];
                    AccountHealth h = scorer.score(measured[k], peers);
                    healths[k] = h;
                    if (wanted != null && wanted.get(i)) {
                        kept[k] = new MeasuredRow(week, i, day, measured[k].raw(), measured[k].builtIns(),
                                signalScores(h), h.score(), h.band(), h.confidence());
                    }
                });
                for (int k = 0; k < scope.length; k++) {
                    matrix.set(w, scope[k], healths[k].score(), healths[k].band());
                    if (kept[k] != null) {
                        rows.put(key(w, scope[k]), kept[k]);
                    }
                }
                if (listener != null) {
                    listener.week(w, day, scope, measured, healths);
                }
                accountWeeks += scope.length;
            }
        } finally {
            pool.shutdown();
        }
        return new Result(matrix, rows, peersByWeek, accountWeeks, (System.nanoTime() - t0) / 1_000_000);
    }

    static double[] signalScores(AccountHealth h) {
        List<SignalScore> s = h.signals();
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).score();
        }
        return out;
    }

    private static void parallel(ForkJoinPool pool, int count, java.util.function.IntConsumer body) {
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("backtest interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("backtest failed", c);
        }
    }
}
