package io.healthscore.formats;

import java.time.LocalDate;

/**
 * A closed renewal: what happened at the renewal date. Outcomes drive the backtest and the AUC check;
 * they are never an input to scoring.
 */
public record RenewalOutcome(String accountId, String opportunityId, LocalDate renewalDate, Outcome outcome) {

    public enum Outcome {
        RENEWED, CHURNED, DOWNGRADED;

        /** Churned or downgraded: the events the score should warn about. */
        public boolean bad() {
            return this != RENEWED;
        }
    }
}
