package io.healthscore.domain.ports;

import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Scorer;

/**
 * Receives every account's measurement and result as the run scores them, for the history store: an
 * append-only snapshot per run that the backtest and rescoring replay.
 */
public interface RunRecorder {

    void record(Scorer.Measured measured, AccountHealth health);

    RunRecorder NONE = (measured, health) -> { };
}
