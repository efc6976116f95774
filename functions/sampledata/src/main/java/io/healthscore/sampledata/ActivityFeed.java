package io.healthscore.sampledata;

/**
 * crm_activities: the CSM's calls, meetings, QBRs, emails and notes. Meaningful touches (call, meeting,
 * qbr) follow the CSM's attention and thin out as the customer disengages; emails and notes go up as the
 * CSM chases. Calls pick up after an event and before a renewal. Each touch engages contacts.
 */
final class ActivityFeed {

    private static final String[] TYPES = {"email", "note", "call", "meeting"};
    /** Per year, by segment (SMB, mid-market, enterprise), for email, note, call, meeting. */
    private static final double[][] PER_YEAR = {{8, 4, 3, 0.6}, {20, 10, 9, 4}, {36, 18, 16, 10}};
    /** Weeks between QBRs by segment; SMB is pooled and rarely has one. */
    private static final int[] QBR_EVERY = {0, 26, 13};

    private ActivityFeed() {
    }

    static void write(AccountLife life, Stakeholders people, Draws d, RowEncoder rows) {
        AccountPlan plan = life.plan();
        Timeline t = life.timeline();
        int seg = plan.segment().ordinal();
        double[] perYear = PER_YEAR[seg];
        int qbrEvery = QBR_EVERY[seg];
        int qbrOffset = qbrEvery == 0 ? 0 : d.below(qbrEvery);
        double sparse = plan.sparse() ? 0.4 : 1.0;
        LifeEvent event = life.event();
        int seq = 0;
        for (int w = 0; w < t.weeks(); w++) {
            long weekStart = t.weekStart(w);
            if (weekStart + 7 <= life.liveFrom() || weekStart >= life.liveUntil()) {
                continue;
            }
            double h = life.health().at(w);
            double meaningful = plan.attention() * (0.35 + 0.9 * h) * sparse;
            double chasing = plan.attention() * (0.8 + 0.8 * (1 - h)) * sparse;
            long toRenewal = life.nextRenewalAfter(weekStart) - weekStart;
            double callBoost = toRenewal <= 56 ? 2.0 : 1.0;
            if (event != null && w >= event.week() && w < event.week() + 4) {
                callBoost *= 2.5;
            }
            for (int k = 0; k < TYPES.length; k++) {
                // emails and notes follow the chasing, calls and meetings the engagement (calls boosted most)
                double factor = k < 2 ? chasing : meaningful * (k == 2 ? callBoost : Math.sqrt(callBoost));
                int n = d.poisson(perYear[k] / 52.0 * factor);
                for (int i = 0; i < n; i++) {
                    seq = touch(life, people, d, rows, seq, TYPES[k], life.workday(w, d));
                }
            }
            boolean qbrWeek = qbrEvery > 0 ? (w - qbrOffset) % qbrEvery == 0 : d.chance(0.25 / 52 * meaningful);
            if (qbrWeek && d.chance(Math.min(1, plan.attention() * (0.45 + 0.7 * h)) * sparse)) {
                seq = touch(life, people, d, rows, seq, "qbr", life.workday(w, d));
            }
        }
    }

    private static int touch(AccountLife life, Stakeholders people, Draws d, RowEncoder rows, int seq, String type, long day) {
        if (!life.live(day)) {
            return seq;
        }
        switch (type) {
            case "qbr" -> {
                Stakeholders.engage(people.pick(day, d, Stakeholders.CHAMPION, Stakeholders.USER), day);
                Stakeholders.engage(people.pick(day, d, Stakeholders.SPONSOR, Stakeholders.BUYER), day);
                if (d.chance(0.5)) {
                    Stakeholders.engage(people.pick(day, d, Stakeholders.BUYER, Stakeholders.USER), day);
                }
            }
            case "meeting" -> {
                Stakeholders.engage(people.pick(day, d, Stakeholders.CHAMPION, Stakeholders.USER), day);
                if (d.chance(0.3)) {
                    Stakeholders.engage(people.pick(day, d, Stakeholders.SPONSOR, Stakeholders.USER), day);
                }
                if (d.chance(0.4)) {
                    Stakeholders.engage(people.pick(day, d, Stakeholders.USER), day);
                }
            }
            case "call", "email" -> Stakeholders.engage(
                    people.pick(day, d, d.chance(0.6) ? Stakeholders.CHAMPION : Stakeholders.USER), day);
            default -> { }
        }
        seq++;
        rows.text(RecordIds.activity(life.plan().index(), seq)).text(life.plan().accountId()).date(day).text(type).end();
        return seq;
    }
}
