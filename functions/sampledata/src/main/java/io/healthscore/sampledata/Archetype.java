package io.healthscore.sampledata;

import io.healthscore.domain.facts.Segment;
import java.util.Locale;

/** The shape of an account's latent health over the window; written to the ground truth. */
public enum Archetype {
    /** Healthy throughout, small wander. */
    STABLE_HEALTHY(36, 40, 30),
    /** Health slides over months: usage, breadth and touches thin out, tickets and late payments grow. */
    GRADUAL_DECLINE(16, 14, 10),
    /** Healthy until an event (champion leaves, budget cut, acquisition, executive change) drops it sharply. */
    SUDDEN_EVENT(10, 12, 14),
    /** A dip (service incident) followed by a recovery to near the former level. */
    RECOVERY(9, 10, 10),
    /** Healthy with little volume: few logins, tickets, touches and conversations. */
    QUIET_HEALTHY(16, 8, 3),
    /** Enterprise only: many tickets and heavy use, yet healthy. */
    NOISY_ENTERPRISE(0, 0, 28),
    /** A new customer (under six months) ramping up; some stall. */
    ONBOARDING(8, 7, 5);

    private final double[] weightBySegment;

    Archetype(double smb, double midMarket, double enterprise) {
        this.weightBySegment = new double[] {smb, midMarket, enterprise};
    }

    /** Lower snake case, as written in the ground truth. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Archetype draw(Segment segment, Draws draws) {
        Archetype[] all = values();
        double[] weights = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            weights[i] = all[i].weightBySegment[segment.ordinal()];
        }
        return all[draws.weighted(weights)];
    }
}
