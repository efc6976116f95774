package io.healthscore.domain.scoring;

import java.util.Locale;

/** Health bands. Wire values (Salesforce picklist, files) are lower snake case. */
public enum Band {
    HEALTHY, WATCHING, AT_RISK, CRITICAL, INSUFFICIENT_SIGNAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** At-risk or critical: "red" in CSM speak. */
    public boolean red() {
        return this == AT_RISK || this == CRITICAL;
    }

    public static Band parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("band is empty");
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Band b : values()) {
            if (b.name().equals(key)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown band '" + text
                + "' (expected healthy, watching, at_risk, critical or insufficient_signal)");
    }
}
