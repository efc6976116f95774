package io.healthscore.sampledata;

import java.util.Locale;

/**
 * A dated event that moves an account's health: the cause behind a sudden drop, or the incident behind
 * a recovery archetype's dip.
 *
 * @param type  what happened
 * @param week  window week of the event
 * @param day   epoch day of the event
 */
record LifeEvent(Type type, int week, long day) {

    enum Type {
        CHAMPION_LEFT, BUDGET_CUT, ACQUISITION, EXECUTIVE_CHANGE, SERVICE_INCIDENT;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    boolean is(Type t) {
        return type == t;
    }
}
