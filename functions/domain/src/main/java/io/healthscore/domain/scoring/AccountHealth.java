package io.healthscore.domain.scoring;

import io.healthscore.domain.facts.CsmOverride;
import io.healthscore.domain.facts.HistoryPoint;
import java.time.LocalDate;
import java.util.List;

/**
 * The scoring result for one account on one date.
 *
 * @param accountId          account id
 * @param accountName        display name
 * @param scoredOn           the as-of date
 * @param modelVersion       version of the scoring model that produced it
 * @param score              composite 0-100, null when no signal had data
 * @param band               the computed band (insufficient_signal below the confidence floor)
 * @param effectiveBand      the band CSMs act on: an active CSM override, else the computed band
 * @param override           the CSM override when active, else null
 * @param confidence         share of the model's weight that had data (0..1)
 * @param subScores          per dimension
 * @param signals            per signal
 * @param drivers            the most important reasons, most important first
 * @param trend              change against the previous score
 * @param bandSince          first day of the current band episode
 * @param redSince           first day of the current at-risk-or-worse streak, null when not red
 * @param history            compact recent history including this score, oldest first
 * @param expansionScore     expansion readiness 0-100, null when none of its signals had data
 * @param attentionPriority  0-200: risk x renewal urgency x ARR; higher needs attention sooner
 * @param daysToRenewal      days to the next renewal, null when none is known
 * @param arr                ARR, null when unknown
 * @param conversations      labels from recent conversations, null when none
 */
public record AccountHealth(
        String accountId,
        String accountName,
        LocalDate scoredOn,
        String modelVersion,
        Integer score,
        Band band,
        Band effectiveBand,
        CsmOverride override,
        double confidence,
        List<SubScore> subScores,
        List<SignalScore> signals,
        List<Driver> drivers,
        Trend trend,
        LocalDate bandSince,
        LocalDate redSince,
        List<HistoryPoint> history,
        Integer expansionScore,
        double attentionPriority,
        Integer daysToRenewal,
        Double arr,
        ConversationSummary conversations) {
}
