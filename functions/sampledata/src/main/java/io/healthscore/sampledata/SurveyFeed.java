package io.healthscore.sampledata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * surveys: NPS campaigns twice a year (mid-March and mid-September; answers over the next three weeks,
 * score about 10 h plus noise, unhappy customers answer less) and a quarterly CSAT pulse (1-5). Sparse
 * accounts answer nothing.
 */
final class SurveyFeed {

    private static final int[] NPS_INVITED = {4, 8, 16};
    private static final double[] CSAT_PER_PULSE = {0.5, 1.0, 2.0};

    private SurveyFeed() {
    }

    static void write(AccountLife life, Draws d, RowEncoder rows) {
        AccountPlan plan = life.plan();
        if (plan.sparse()) {
            return;
        }
        int seq = 0;
        int seg = plan.segment().ordinal();
        double volume = plan.archetype() == Archetype.QUIET_HEALTHY ? 0.6 : 1.0;
        int firstYear = LocalDate.ofEpochDay(life.timeline().start()).getYear();
        int lastYear = life.timeline().asOf().getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            for (int month : new int[] {1, 3, 4, 7, 9, 10}) {
                boolean nps = month == 3 || month == 9;
                long campaign = LocalDate.of(year, month, 15).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).toEpochDay();
                if (campaign + 21 < life.liveFrom() || campaign >= life.liveUntil()) {
                    continue;
                }
                double h = life.health().at(life.timeline().weekOf(campaign));
                int answers = nps
                        ? d.binomial((int) Math.round(NPS_INVITED[seg] * volume), 0.15 + 0.3 * h)
                        : d.poisson(CSAT_PER_PULSE[seg] * volume);
                for (int i = 0; i < answers; i++) {
                    long day = campaign + d.between(0, 20);
                    if (!life.live(day)) {
                        continue;
                    }
                    double hDay = life.health().at(life.timeline().weekOf(day));
                    long score = nps
                            ? Math.max(0, Math.min(10, Math.round(10 * hDay + 0.5 + d.normal(0, 1.4))))
                            : Math.max(1, Math.min(5, Math.round(1 + 4 * hDay + d.normal(0, 0.7))));
                    seq++;
                    rows.text(RecordIds.surveyResponse(plan.index(), seq)).text(plan.accountId())
                            .timestamp(day, AccountLife.businessMinute(d)).text(nps ? "nps" : "csat").integer(score).end();
                }
            }
        }
    }
}
