package io.healthscore.backtest;

import io.healthscore.backtest.outcomes.OutcomeEvent;
import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;

/**
 * An outcome seen from a snapshot before it: the account's score, band and signal scores on the
 * snapshot date, and what later happened.
 *
 * @param accountId     account id
 * @param segment       segment wire name (or the table's segment value, "all" when it has none)
 * @param outcome       what happened, and when
 * @param horizonDays   the snapshot was taken this many days (or up to a week more) before the outcome
 * @param asOf          snapshot date
 * @param score         composite, NaN when none
 * @param band          computed band
 * @param signalScores  per signal of the evaluation, NaN where it had no data
 * @param rowKey        the snapshot's key in the replay ({@link WeeklyReplay#key}), -1 for table rows
 */
public record Observation(String accountId, String segment, OutcomeEvent outcome, int horizonDays, LocalDate asOf,
                          double score, Band band, double[] signalScores, long rowKey) {

    public Observation withScore(double newScore, Band newBand) {
        return new Observation(accountId, segment, outcome, horizonDays, asOf, newScore, newBand, signalScores, rowKey);
    }
}
