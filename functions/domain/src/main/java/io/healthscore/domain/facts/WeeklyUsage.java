package io.healthscore.domain.facts;

import java.time.LocalDate;

/**
 * One week of product usage for an account (weeks start on Monday, UTC).
 *
 * @param weekStart         Monday of the week
 * @param activeUsers       distinct users active in the week
 * @param licensedSeats     seats under contract that week
 * @param logins            login count in the week
 * @param keyFeaturesUsed   number of distinct key features used in the week
 * @param keyFeaturesTotal  number of key features the plan offers
 */
public record WeeklyUsage(
        LocalDate weekStart,
        int activeUsers,
        int licensedSeats,
        int logins,
        int keyFeaturesUsed,
        int keyFeaturesTotal) {
}
