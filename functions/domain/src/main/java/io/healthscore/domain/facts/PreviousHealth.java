package io.healthscore.domain.facts;

import io.healthscore.domain.scoring.AccountHealth;
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
 * @param redSince   first day of the at-risk-or-worse streak, null when not red
 */
public record PreviousHealth(Integer score, Band band, LocalDate scoredOn, LocalDate bandSince,
                             List<HistoryPoint> history, CsmOverride override, LocalDate redSince) {

    public PreviousHealth {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Without a known red streak start (it is then derived from the history). */
    public PreviousHealth(Integer score, Band band, LocalDate scoredOn, LocalDate bandSince, List<HistoryPoint> history,
                          CsmOverride override) {
        this(score, band, scoredOn, bandSince, history, override, null);
    }

    public static PreviousHealth none() {
        return new PreviousHealth(null, null, null, null, List.of(), null, null);
    }

    /** What a run wrote for the account, as the next run reads it back (the override is the CSM's, kept). */
    public static PreviousHealth writtenBy(AccountHealth h, CsmOverride override) {
        return new PreviousHealth(h.score(), h.band(), h.scoredOn(), h.bandSince(), h.history(), override, h.redSince());
    }

    public boolean scoredBefore() {
        return score != null || band != null;
    }
}
