package io.healthscore.domain.model;

/**
 * Trend against the previous score: at least {@code improvingAt} points up is improving, at least
 * {@code decliningAt} points down is declining. {@code historyPoints} scores are kept for the sparkline.
 */
public record TrendRule(int improvingAt, int decliningAt, int historyPoints) {
}
