package io.healthscore.domain.facts;

import java.time.LocalDate;

/**
 * A contact at the account with a stakeholder role.
 *
 * @param contactId      contact id
 * @param role           stakeholder role
 * @param leftCompany    whether the person has left the customer
 * @param leftOn         when they left, null when unknown or still there
 * @param lastEngagedOn  last meeting, call or reply involving them, null when never
 */
public record Contact(String contactId, StakeholderRole role, boolean leftCompany, LocalDate leftOn, LocalDate lastEngagedOn) {

    public enum StakeholderRole {
        CHAMPION, EXECUTIVE_SPONSOR, ECONOMIC_BUYER, USER;

        public static StakeholderRole parse(String text) {
            if (text == null || text.isBlank()) {
                return USER;
            }
            String key = text.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (key.equals("EXEC_SPONSOR") || key.equals("SPONSOR")) {
                return EXECUTIVE_SPONSOR;
            }
            for (StakeholderRole r : values()) {
                if (r.name().equals(key)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown stakeholder role '" + text
                    + "' (expected champion, executive_sponsor, economic_buyer or user)");
        }
    }

    /** Still at the company as of the date. */
    public boolean presentOn(LocalDate asOf) {
        if (!leftCompany) {
            return true;
        }
        return leftOn != null && leftOn.isAfter(asOf);
    }
}
