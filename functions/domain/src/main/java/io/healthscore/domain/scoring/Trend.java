package io.healthscore.domain.scoring;

/** Direction and points of change against the previous score. */
public record Trend(Direction direction, Integer change) {

    public enum Direction {
        IMPROVING, STABLE, DECLINING, NEW;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
