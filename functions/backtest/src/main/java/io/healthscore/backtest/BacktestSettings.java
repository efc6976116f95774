package io.healthscore.backtest;

import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeLoader;
import java.time.LocalDate;
import java.util.List;

/**
 * How to run a backtest.
 *
 * @param dataEnd        last day of the data; the last snapshot is the day after
 * @param warmupWeeks    weeks of data before the first snapshot
 * @param maxSnapshots   cap on the number of weekly snapshots (the latest), 0 for none
 * @param horizons       days before each outcome at which its score is read (90, 60, 30)
 * @param lookbackDays   lead-time window before a churn (180)
 * @param aheadDays      "flagged early" threshold (60)
 * @param labels         which outcomes are the event
 * @param threads        cores to use
 * @param conversations  extract conversation signals with the offline extractor when the input has them
 * @param outcomes       where outcomes come from
 */
public record BacktestSettings(LocalDate dataEnd, int warmupWeeks, int maxSnapshots, List<Integer> horizons,
                               int lookbackDays, int aheadDays, LabelPolicy labels, int threads, boolean conversations,
                               OutcomeLoader.Settings outcomes) {

    public static final List<Integer> DEFAULT_HORIZONS = List.of(90, 60, 30);

    public BacktestSettings {
        horizons = List.copyOf(horizons);
        if (horizons.isEmpty() || horizons.stream().anyMatch(h -> h < 0)) {
            throw new IllegalArgumentException("horizons must be one or more day counts of 0 or more");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public static BacktestSettings defaults(LocalDate dataEnd) {
        return new BacktestSettings(dataEnd, 13, 0, DEFAULT_HORIZONS, 180, 60, LabelPolicy.CHURN_VS_RENEWAL,
                Math.max(1, Runtime.getRuntime().availableProcessors()), true, OutcomeLoader.Settings.defaults());
    }

    public BacktestSettings withThreads(int n) {
        return new BacktestSettings(dataEnd, warmupWeeks, maxSnapshots, horizons, lookbackDays, aheadDays, labels, n,
                conversations, outcomes);
    }

    public BacktestSettings withSnapshots(int warmup, int max) {
        return new BacktestSettings(dataEnd, warmup, max, horizons, lookbackDays, aheadDays, labels, threads,
                conversations, outcomes);
    }

    public BacktestSettings withConversations(boolean on) {
        return new BacktestSettings(dataEnd, warmupWeeks, maxSnapshots, horizons, lookbackDays, aheadDays, labels, threads,
                on, outcomes);
    }

    public BacktestSettings withLabels(LabelPolicy policy) {
        return new BacktestSettings(dataEnd, warmupWeeks, maxSnapshots, horizons, lookbackDays, aheadDays, policy, threads,
                conversations, outcomes);
    }

    public BacktestSettings withOutcomes(OutcomeLoader.Settings o) {
        return new BacktestSettings(dataEnd, warmupWeeks, maxSnapshots, horizons, lookbackDays, aheadDays, labels, threads,
                conversations, o);
    }

    public BacktestSettings withHorizons(List<Integer> h) {
        return new BacktestSettings(dataEnd, warmupWeeks, maxSnapshots, h, lookbackDays, aheadDays, labels, threads,
                conversations, outcomes);
    }

    /** The horizon the report leads with: the longest. */
    public int primaryHorizon() {
        return horizons.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
