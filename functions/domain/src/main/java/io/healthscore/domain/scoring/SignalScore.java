package io.healthscore.domain.scoring;

/**
 * One signal's contribution.
 *
 * @param signal    signal id
 * @param dimension dimension id
 * @param raw       raw measured value, NaN when no data
 * @param score     0-100 after the transform, NaN when no data
 * @param weight    effective share of the composite in percent (0 when tracked only)
 */
public record SignalScore(String signal, String dimension, double raw, double score, double weight) {

    public boolean hasData() {
        return !Double.isNaN(raw) && !Double.isNaN(score);
    }
}
