package io.healthscore.sampledata;

/**
 * usage_weekly: active users out of licensed seats (utilisation rises with health), logins, and key
 * features used out of the tier's total. Sparse accounts have no usage feed at all.
 */
final class UsageFeed {

    private UsageFeed() {
    }

    /** Writes the rows and returns each week's utilisation (NaN for weeks without a row). */
    static double[] write(AccountLife life, Draws d, RowEncoder rows) {
        int weeks = life.timeline().weeks();
        double[] utilisation = new double[weeks];
        java.util.Arrays.fill(utilisation, Double.NaN);
        if (life.plan().sparse()) {
            return utilisation;
        }
        AccountPlan plan = life.plan();
        int total = plan.keyFeaturesTotal();
        for (int w = 0; w < weeks; w++) {
            if (!life.fullWeek(w)) {
                continue;
            }
            double h = life.health().at(w);
            int seats = life.contract().seats(w);
            double u = clamp(0.08 + 0.85 * h + d.normal(0, 0.03), 0, 1) * life.holidayFactor(w);
            double mean = seats * u;
            int active = (int) Math.round(mean + d.normal(0, Math.sqrt(Math.max(0.25, mean * (1 - u)))));
            active = Math.max(0, Math.min(seats, active));
            int logins = active == 0 ? 0
                    : (int) Math.round(active * plan.loginsPerUser() * (0.55 + 0.9 * h) * d.logNormal(1, 0.15));
            int used = active == 0 ? 0
                    : (int) Math.max(1, Math.min(total, Math.round(total * (0.1 + 0.75 * h) + d.normal(0, 0.7))));
            utilisation[w] = seats == 0 ? 0 : (double) active / seats;
            rows.text(plan.accountId()).date(life.timeline().weekStart(w)).integer(active).integer(seats)
                    .integer(logins).integer(used).integer(total).end();
        }
        return utilisation;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
