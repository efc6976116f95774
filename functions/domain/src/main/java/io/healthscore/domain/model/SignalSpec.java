package io.healthscore.domain.model;

/**
 * A signal the model scores.
 *
 * @param id         signal id (a built-in signal, or any name when {@code column} is set)
 * @param dimension  dimension id it belongs to
 * @param weight     weight relative to the other signals of its dimension (0 = tracked, not scored)
 * @param kind       quantitative or qualitative
 * @param transform  raw value to 0-100
 * @param column     for warehouse roll-up signals: the export column holding the raw value, else null
 * @param label      plain-language name used in drivers, null for the built-in one
 */
public record SignalSpec(String id, String dimension, double weight, SignalKind kind, Transform transform,
                         String column, String label) {

    public enum SignalKind { QUANTITATIVE, QUALITATIVE }

    public boolean custom() {
        return column != null;
    }
}
