package io.healthscore.backtest;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.Scorer;
import java.time.LocalDate;

/**
 * One account in one snapshot, kept in full where the evaluation needs it (the snapshots before each
 * outcome): the measured values, from which any model with the same signals rescores it exactly, and
 * what the backtest's model made of them.
 *
 * @param week          snapshot index
 * @param account       account index in the book
 * @param asOf          snapshot date
 * @param raw           raw value per model signal (NaN: no data)
 * @param builtIns      every built-in signal's raw value, by ordinal
 * @param signalScores  0-100 per model signal after its transform (NaN: no data)
 * @param score         composite, null when none
 * @param band          computed band
 * @param confidence    share of weight with data
 */
public record MeasuredRow(int week, int account, LocalDate asOf, double[] raw, double[] builtIns, double[] signalScores,
                          Integer score, Band band, double confidence) {

    /** The measurement as the scorer takes it, on stand-in facts that carry only the profile and roll-ups. */
    public Scorer.Measured toMeasured(AccountFacts profileOnly) {
        return new Scorer.Measured(profileOnly, asOf, raw, builtIns);
    }
}
