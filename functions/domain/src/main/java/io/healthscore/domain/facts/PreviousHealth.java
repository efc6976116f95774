package io.healthscore.domain.facts;

import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;
import java.util.List;

/**
 * What the last run wrote for the account (read back from Salesforce or the history store).
 *
 * @param score      last composite, null when it had none
 * @param band       last band
 * @param scoredOn   date of the last score
 * @param bandSince  first day of the band episode
 * @param history    compact recent history, oldest first
 * @param override   the CSM override, null when none
 */
public record PreviousHealth(Integer score, Band band, LocalDate scoredOn, LocalDate bandSince,
                             List<HistoryPoint> history, CsmOverride override) {

    public PreviousHealth {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static PreviousHealth none() {
        return new PreviousHealth(null, null, null, null, List.of(), null);
    }

    public boolean scoredBefore() {
        return score != null || band != null;
    }
}
