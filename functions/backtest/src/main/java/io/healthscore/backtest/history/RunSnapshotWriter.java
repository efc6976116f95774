package io.healthscore.backtest.history;

import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Scorer;

/**
 * Records a weekly run as it scores: hand it each account's measurement and result, then commit. This is
 * what the weekly run wires in once the domain's ScoringRun hands its measurements to a recorder (see the
 * issue notes); the backtest records its weekly snapshots through {@link HistoryRecorder}.
 */
public final class RunSnapshotWriter implements AutoCloseable {

    private final HistoryStore.RunWriter writer;

    public RunSnapshotWriter(HistoryStore store, RunHeader header) {
        this.writer = store.begin(header);
    }

    public synchronized void record(Scorer.Measured measured, AccountHealth health) {
        writer.write(AccountSnapshot.of(measured, health));
    }

    public void commit() {
        writer.commit();
    }

    @Override
    public void close() {
        writer.close();
    }
}
