package io.healthscore.backtest.history;

/** A run id that is already in the history store: snapshots are append-only, never replaced. */
public final class HistoryConflictException extends IllegalArgumentException {

    public HistoryConflictException(String runId) {
        super("run '" + runId + "' is already in the history store; snapshots are append-only (choose another run id)");
    }
}
