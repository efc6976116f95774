package io.healthscore.domain.scoring;

/**
 * A plain-language reason behind the score, with its number ("Invoice 45 days overdue").
 *
 * @param text      the sentence shown to CSMs
 * @param effect    whether it pulls the score down or holds it up
 * @param dimension dimension id
 * @param signal    signal id, null for a "no data" driver
 * @param impact    weighted distance from neutral, used to rank drivers (larger is more important)
 */
public record Driver(String text, Effect effect, String dimension, String signal, double impact) {

    public enum Effect {
        NEGATIVE, POSITIVE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
