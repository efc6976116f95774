package io.healthscore.backtest.history;

import io.healthscore.backtest.WeeklyReplay;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Scorer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Records each scored week as a run in the history store: the backtest's weekly snapshots become runs
 * {@code PREFIX-YYYY-MM-DD} that can be read, checked and rescored like any weekly run.
 */
public final class HistoryRecorder implements WeeklyReplay.WeekListener {

    private final HistoryStore store;
    private final String prefix;
    private final String modelVersion;
    private final String rulesVersion;
    private final String extractor;
    private final List<String> signals;
    private final String kind;
    private final Clock clock;

    public HistoryRecorder(HistoryStore store, String prefix, String modelVersion, String rulesVersion, String extractor,
                           List<String> signals, String kind, Clock clock) {
        this.store = store;
        this.prefix = RunHeader.safeId(prefix);
        this.modelVersion = modelVersion;
        this.rulesVersion = rulesVersion;
        this.extractor = extractor;
        this.signals = List.copyOf(signals);
        this.kind = kind;
        this.clock = clock;
    }

    public String runId(LocalDate asOf) {
        return prefix + "-" + asOf;
    }

    @Override
    public void week(int week, LocalDate asOf, int[] accounts, Scorer.Measured[] measured, AccountHealth[] healths) {
        RunHeader h = new RunHeader(runId(asOf), asOf, modelVersion, rulesVersion, extractor, kind, null, clock.instant(), signals);
        try (HistoryStore.RunWriter w = store.begin(h)) {
            for (int k = 0; k < measured.length; k++) {
                w.write(AccountSnapshot.of(measured[k], healths[k]));
            }
            w.commit();
        }
    }
}
