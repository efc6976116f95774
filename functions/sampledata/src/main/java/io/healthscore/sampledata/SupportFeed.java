package io.healthscore.sampledata;

/**
 * support_tickets: more tickets when health is low (and for enterprise and noisy accounts), a larger P1
 * share as health falls, slower resolution, CSAT on close that tracks health, and reopened flags. A
 * ticket still unresolved at the as-of date (or the churn) has no closed_at. Sparse accounts (served
 * through a reseller) are never sent the CSAT question.
 */
final class SupportFeed {

    private static final double[] MEDIAN_HOURS = {8, 30, 80, 150};

    private SupportFeed() {
    }

    static void write(AccountLife life, Draws d, RowEncoder rows) {
        AccountPlan plan = life.plan();
        Timeline t = life.timeline();
        int seq = 0;
        for (int w = 0; w < t.weeks(); w++) {
            long weekStart = t.weekStart(w);
            if (weekStart + 7 <= life.liveFrom() || weekStart >= life.liveUntil()) {
                continue;
            }
            double h = life.health().at(w);
            double rate = plan.ticketsPerYear() / 52.0 * (0.5 + 2.0 * Math.pow(1 - h, 1.5));
            if (plan.archetype() == Archetype.ONBOARDING && w - life.health().firstWeek() < 8) {
                rate *= 1.6;
            }
            int n = d.poisson(rate);
            for (int i = 0; i < n; i++) {
                long day = life.workday(w, d);
                if (!life.live(day)) {
                    continue;
                }
                int openMinute = AccountLife.businessMinute(d);
                double p1 = 0.015 + 0.28 * Math.max(0, 0.65 - h);
                double p2 = 0.16 + 0.2 * (1 - h);
                int priority = d.weighted(new double[] {p1, p2, (1 - p1 - p2) * 0.6, (1 - p1 - p2) * 0.4});
                double hours = d.logNormal(MEDIAN_HOURS[priority], 0.8) * (0.8 + 0.8 * (1 - h));
                long closedAt = day * 1440 + openMinute + Math.round(hours * 60);
                long closedDay = Math.floorDiv(closedAt, 1440);
                boolean closed = closedDay < life.liveUntil();
                seq++;
                rows.text(RecordIds.supportCase(plan.index(), seq)).text(plan.accountId()).text("P" + (priority + 1))
                        .timestamp(day, openMinute);
                if (closed) {
                    rows.timestamp(closedDay, (int) Math.floorMod(closedAt, 1440));
                    if (d.chance(0.4) && !plan.sparse()) {
                        double csat = 1 + 4 * h + d.normal(0, 0.75) - (priority == 0 ? 0.4 : 0);
                        rows.integer(Math.max(1, Math.min(5, Math.round(csat))));
                    } else {
                        rows.none();
                    }
                    rows.bool(d.chance(0.03 + 0.12 * (1 - h)));
                } else {
                    rows.none().none().bool(false);
                }
                rows.end();
            }
        }
    }
}
