package io.healthscore.backtest.outcomes;

import java.util.Locale;

/** What happened to an account: renewed, churned, or renewed smaller. */
public enum OutcomeKind {
    RENEWED, CHURNED, DOWNGRADED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses renewed/churned/downgraded, and for warehouse tables also 0/1, false/true, no/yes
     * (1, true and yes mean churned).
     */
    public static OutcomeKind parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("outcome is empty (expected renewed, churned or downgraded)");
        }
        String key = text.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "renewed", "0", "false", "no", "retained" -> RENEWED;
            case "churned", "1", "true", "yes", "churn", "lost" -> CHURNED;
            case "downgraded", "downgrade", "contracted" -> DOWNGRADED;
            default -> throw new IllegalArgumentException("unknown outcome '" + text
                    + "' (expected renewed, churned or downgraded; or 0/1)");
        };
    }
}
