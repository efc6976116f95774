package io.healthscore.domain.model;

/**
 * Confidence is the share of the model's weight that had data. Below {@code floor} the band is
 * insufficient_signal: an account nobody knows anything about is never "healthy" by default.
 */
public record ConfidenceRule(double floor) {
}
