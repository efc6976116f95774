package io.healthscore.sampledata;

/**
 * The hidden weekly health h(t) in [0, 1] of one account: an archetype-shaped mean plus AR(1) noise,
 * so it wanders smoothly rather than jumping week to week. Every observable is drawn from it.
 */
final class LatentHealth {

    private static final double AR = 0.85;
    private static final double FLOOR = 0.02;
    private static final double CEILING = 0.98;

    private final double[] weekly;
    private final LifeEvent event;
    private final int firstWeek;

    private LatentHealth(double[] weekly, LifeEvent event, int firstWeek) {
        this.weekly = weekly;
        this.event = event;
        this.firstWeek = firstWeek;
    }

    /** Health in a window week (clamped to the window). */
    double at(int week) {
        return weekly[Math.max(0, Math.min(weekly.length - 1, week))];
    }

    /** Mean health over weeks [from, to), clamped to the window and to the account's first week. */
    double mean(int from, int to) {
        int a = Math.max(Math.max(0, firstWeek), from);
        int b = Math.min(weekly.length, to);
        if (b <= a) {
            return at(Math.max(a, Math.min(from, weekly.length - 1)));
        }
        double s = 0;
        for (int w = a; w < b; w++) {
            s += weekly[w];
        }
        return s / (b - a);
    }

    /** The event behind a sudden drop or a dip, null for other archetypes. */
    LifeEvent event() {
        return event;
    }

    /** First week with the account live (0 when it was a customer before the window). */
    int firstWeek() {
        return firstWeek;
    }

    static LatentHealth simulate(AccountPlan plan, Timeline timeline, Draws d) {
        int weeks = timeline.weeks();
        int first = Math.max(0, (int) Math.ceil((plan.customerSince() - timeline.start()) / 7.0));
        first = Math.min(first, weeks - 1);
        double[] mean = new double[weeks];
        LifeEvent event = null;
        double sigma = 0.03;
        switch (plan.archetype()) {
            case STABLE_HEALTHY, QUIET_HEALTHY, NOISY_ENTERPRISE -> {
                double base = plan.archetype() == Archetype.QUIET_HEALTHY ? d.uniform(0.64, 0.82)
                        : plan.archetype() == Archetype.NOISY_ENTERPRISE ? d.uniform(0.64, 0.82) : d.uniform(0.66, 0.86);
                double drift = d.uniform(-0.06, 0.06);
                for (int w = 0; w < weeks; w++) {
                    mean[w] = base + drift * w / weeks;
                }
                sigma = plan.archetype() == Archetype.QUIET_HEALTHY ? 0.022
                        : plan.archetype() == Archetype.NOISY_ENTERPRISE ? 0.04 : 0.03;
            }
            case GRADUAL_DECLINE -> {
                double start = d.uniform(0.58, 0.8);
                double floor = d.uniform(0.1, 0.38);
                double onset = d.uniform(-12, 0.6 * weeks);
                double duration = d.uniform(16, 40);
                for (int w = 0; w < weeks; w++) {
                    mean[w] = start - (start - floor) * smoothstep((w - onset) / duration);
                }
            }
            case SUDDEN_EVENT -> {
                double base = d.uniform(0.64, 0.84);
                int eventWeek = d.between(Math.min(weeks - 3, Math.max(6, first + 4)), weeks - 3);
                double drop = d.uniform(0.28, 0.46);
                double regained = d.uniform(0, 0.45);
                LifeEvent.Type type = LifeEvent.Type.values()[d.weighted(new double[] {35, 25, 20, 20})];
                event = new LifeEvent(type, eventWeek, timeline.weekStart(eventWeek) + d.between(0, 4));
                for (int w = 0; w < weeks; w++) {
                    if (w < eventWeek) {
                        mean[w] = base;
                    } else if (w == eventWeek) {
                        mean[w] = base - drop * 0.55;
                    } else {
                        mean[w] = base - drop * (1 - regained * (1 - Math.exp(-(w - eventWeek - 1) / 12.0)));
                    }
                }
            }
            case RECOVERY -> {
                double base = d.uniform(0.64, 0.82);
                int dip = d.between(Math.min(weeks - 20, Math.max(3, first + 3)), weeks - 20);
                double depth = d.uniform(0.22, 0.38);
                int fall = d.between(2, 5);
                int trough = d.between(2, 6);
                int climb = d.between(8, 16);
                double settle = base - d.uniform(0, 0.05);
                event = new LifeEvent(LifeEvent.Type.SERVICE_INCIDENT, dip, timeline.weekStart(dip) + d.between(0, 4));
                for (int w = 0; w < weeks; w++) {
                    int t = w - dip;
                    if (t < 0) {
                        mean[w] = base;
                    } else if (t < fall) {
                        mean[w] = base - depth * (t + 1.0) / fall;
                    } else if (t < fall + trough) {
                        mean[w] = base - depth;
                    } else {
                        double k = Math.min(1, (t - fall - trough + 1.0) / climb);
                        mean[w] = (base - depth) + (settle - base + depth) * smoothstep(k);
                    }
                }
            }
            case ONBOARDING -> {
                double start = d.uniform(0.4, 0.55);
                boolean stalls = d.chance(0.2);
                double target = stalls ? d.uniform(0.28, 0.45) : d.uniform(0.66, 0.86);
                double ramp = d.uniform(8, 20);
                for (int w = 0; w < weeks; w++) {
                    mean[w] = start + (target - start) * smoothstep((w - first) / ramp);
                }
            }
            default -> throw new IllegalStateException("unhandled archetype " + plan.archetype());
        }
        double[] h = new double[weeks];
        double stationary = sigma / Math.sqrt(1 - AR * AR);
        double e = d.normal(0, stationary);
        for (int w = 0; w < weeks; w++) {
            if (w > 0) {
                e = AR * e + d.normal(0, sigma);
            }
            h[w] = Math.max(FLOOR, Math.min(CEILING, mean[w] + e));
        }
        return new LatentHealth(h, event, first);
    }

    private static double smoothstep(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return x * x * (3 - 2 * x);
    }
}
