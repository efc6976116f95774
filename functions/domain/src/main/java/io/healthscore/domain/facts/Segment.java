package io.healthscore.domain.facts;

import java.util.Locale;

/** Customer segment by size of the book of business. Wire values are lower snake case. */
public enum Segment {
    SMB, MID_MARKET, ENTERPRISE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "smb", "mid_market", "Mid-Market", "enterprise" (case and dash insensitive). */
    public static Segment parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("segment is empty (expected smb, mid_market or enterprise)");
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (key.equals("MIDMARKET") || key.equals("MM")) {
            return MID_MARKET;
        }
        for (Segment s : values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown segment '" + text + "' (expected smb, mid_market or enterprise)");
    }
}
