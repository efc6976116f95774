package io.healthscore.domain.scoring;

/**
 * A dimension's score.
 *
 * @param dimension dimension id
 * @param label     display label
 * @param score     0-100, null when no signal of the dimension had data
 * @param weight    the dimension's share of the composite in percent, after segment overrides
 * @param coverage  share of the dimension's weight that had data (0..1)
 */
public record SubScore(String dimension, String label, Integer score, double weight, double coverage) {
}
