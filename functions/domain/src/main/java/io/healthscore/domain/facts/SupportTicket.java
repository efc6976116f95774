package io.healthscore.domain.facts;

import java.time.LocalDate;

/**
 * A support ticket or Salesforce Case.
 *
 * @param ticketId  ticket or case id; the same id from two sources counts once
 * @param priority  P1 (critical) to P4
 * @param openedOn  date opened (UTC)
 * @param closedOn  date closed, null while open
 * @param csat      satisfaction rating 1-5 given on close, null when none
 * @param reopened  whether the ticket was reopened after a close
 */
public record SupportTicket(
        String ticketId,
        Priority priority,
        LocalDate openedOn,
        LocalDate closedOn,
        Double csat,
        boolean reopened) {

    public enum Priority {
        P1, P2, P3, P4;

        /** Parses P1..P4, 1..4, or Salesforce-style Critical/High/Medium/Low. */
        public static Priority parse(String text) {
            if (text == null) {
                throw new IllegalArgumentException("priority is empty (expected P1-P4 or critical/high/medium/low)");
            }
            switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "P1": case "1": case "CRITICAL": case "URGENT": return P1;
                case "P2": case "2": case "HIGH": return P2;
                case "P3": case "3": case "MEDIUM": case "NORMAL": return P3;
                case "P4": case "4": case "LOW": return P4;
                default:
                    throw new IllegalArgumentException("unknown priority '" + text + "' (expected P1-P4 or critical/high/medium/low)");
            }
        }
    }

    /** Open as of the date: opened on or before and not closed by then. */
    public boolean openOn(LocalDate asOf) {
        return !openedOn.isAfter(asOf) && (closedOn == null || closedOn.isAfter(asOf));
    }
}
