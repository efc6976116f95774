package io.healthscore.domain.model;

import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.Segment;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * Changes some signals for the accounts it matches: an enterprise account with many cases is not
 * automatically at risk. Overrides apply in file order; a later one wins for the same signal.
 *
 * @param name     human name, used in errors and reports
 * @param when     which accounts
 * @param signals  signal id to its replacement transform and/or weight
 */
public record SegmentOverride(String name, Match when, Map<String, SignalChange> signals) {

    public SegmentOverride {
        signals = Map.copyOf(signals);
    }

    /**
     * Conditions, all of which must hold; an empty set or null bound means "any".
     */
    public record Match(Set<Segment> segments, Set<String> tiers, Integer minEmployees, Integer maxEmployees,
                        Integer minTenureMonths, Integer maxTenureMonths) {
        public Match {
            segments = segments == null ? Set.of() : Set.copyOf(segments);
            tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
        }

        public boolean matches(AccountProfile p, LocalDate asOf) {
            if (!segments.isEmpty() && !segments.contains(p.segment())) {
                return false;
            }
            if (!tiers.isEmpty() && (p.tier() == null || !tiers.contains(p.tier().toLowerCase(java.util.Locale.ROOT)))) {
                return false;
            }
            if (minEmployees != null && (p.employees() == null || p.employees() < minEmployees)) {
                return false;
            }
            if (maxEmployees != null && (p.employees() == null || p.employees() > maxEmployees)) {
                return false;
            }
            if (minTenureMonths != null || maxTenureMonths != null) {
                if (p.customerSince() == null) {
                    return false;
                }
                long months = ChronoUnit.MONTHS.between(p.customerSince(), asOf);
                if (minTenureMonths != null && months < minTenureMonths) {
                    return false;
                }
                if (maxTenureMonths != null && months > maxTenureMonths) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A replacement transform and/or weight; null keeps the base one. */
    public record SignalChange(Transform transform, Double weight) {
    }
}
