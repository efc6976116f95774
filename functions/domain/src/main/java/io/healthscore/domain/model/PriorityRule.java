package io.healthscore.domain.model;

/**
 * Attention priority = 100 x risk x urgency x value, where risk = 1 - score/100, urgency falls linearly
 * from 1 (renewal now or past) to {@code minUrgency} at {@code renewalHorizonDays}, and value is
 * log(1 + ARR) / log(1 + arrReference) clamped to [0.25, 2].
 *
 * @param renewalHorizonDays   days to renewal at which urgency reaches its floor
 * @param minUrgency           urgency for renewals at or beyond the horizon, or unknown
 * @param arrReference         ARR that counts as value 1
 * @param insufficientSignalRisk risk used when the band is insufficient_signal (we do not know)
 */
public record PriorityRule(int renewalHorizonDays, double minUrgency, double arrReference, double insufficientSignalRisk) {
}
