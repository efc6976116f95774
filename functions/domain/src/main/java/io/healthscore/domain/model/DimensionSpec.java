package io.healthscore.domain.model;

/** A dimension of health (product usage, support, ...) with its share of the composite, in percent. */
public record DimensionSpec(String id, String label, double weight) {
}
