package io.healthscore.sampledata;

/**
 * One account's simulated life: its traits, latent health, contract, and the span of days in which it
 * produces data ({@code liveFrom} to {@code liveUntil}, exclusive: from go-live or the window start to
 * the churn day or the as-of date). Shared by the feeds that write its rows.
 */
final class AccountLife {

    private final AccountPlan plan;
    private final LatentHealth health;
    private final ContractHistory contract;
    private final Timeline timeline;
    private final long liveFrom;
    private final long liveUntil;
    private final LifeEvent event;
    /** Contract anniversaries from the first renewal to the first one after the window. */
    private final long[] renewals;

    AccountLife(AccountPlan plan, LatentHealth health, ContractHistory contract, Timeline timeline) {
        this.plan = plan;
        this.health = health;
        this.contract = contract;
        this.timeline = timeline;
        this.liveFrom = Math.max(timeline.start(), plan.customerSince());
        this.liveUntil = Math.min(timeline.end(), contract.churnDay());
        LifeEvent e = health.event();
        this.event = e != null && e.day() >= liveFrom && e.day() < liveUntil ? e : null;
        java.util.List<Long> days = new java.util.ArrayList<>();
        for (int n = 1; ; n++) {
            long day = plan.anniversary(n);
            days.add(day);
            if (day > timeline.end()) {
                break;
            }
        }
        this.renewals = days.stream().mapToLong(Long::longValue).toArray();
    }

    AccountPlan plan() {
        return plan;
    }

    LatentHealth health() {
        return health;
    }

    ContractHistory contract() {
        return contract;
    }

    Timeline timeline() {
        return timeline;
    }

    long liveFrom() {
        return liveFrom;
    }

    /** First day without data: the churn day or the as-of date. */
    long liveUntil() {
        return liveUntil;
    }

    /** The account's event if it happened while the account was live, else null. */
    LifeEvent event() {
        return event;
    }

    boolean live(long day) {
        return day >= liveFrom && day < liveUntil;
    }

    /** Whether a whole week of usage exists: it starts on or after go-live and ends before churn or as-of. */
    boolean fullWeek(int week) {
        long start = timeline.weekStart(week);
        return start >= plan.customerSince() && start + 7 <= liveUntil;
    }

    /** Last week with data, for the end-of-window health. */
    int lastLiveWeek() {
        return timeline.weekOf(liveUntil - 1);
    }

    /** A day in the week, Monday to Friday most of the time. */
    long workday(int week, Draws d) {
        int offset = d.chance(0.04) ? d.between(5, 6) : d.between(0, 4);
        return timeline.weekStart(week) + offset;
    }

    /** A minute of the day in (UTC) business hours, 07:00 to 19:00. */
    static int businessMinute(Draws d) {
        return 7 * 60 + d.below(12 * 60);
    }

    /** The first contract anniversary strictly after the day. */
    long nextRenewalAfter(long day) {
        for (long r : renewals) {
            if (r > day) {
                return r;
            }
        }
        int n = renewals.length + 1;
        long r = plan.anniversary(n);
        while (r <= day) {
            r = plan.anniversary(++n);
        }
        return r;
    }

    boolean churnsOn(long renewalDay) {
        return contract.churned() && contract.churnDay() == renewalDay;
    }

    /** 0.8 in the weeks holding Christmas or New Year's Day: the holiday lull in usage. */
    double holidayFactor(int week) {
        java.time.LocalDate start = java.time.LocalDate.ofEpochDay(timeline.weekStart(week));
        java.time.LocalDate end = start.plusDays(6);
        boolean christmas = start.getYear() == end.getYear()
                ? start.getMonthValue() == 12 && start.getDayOfMonth() <= 25 && end.getDayOfMonth() >= 25
                : start.getMonthValue() == 12 && start.getDayOfMonth() <= 25;
        boolean newYear = start.getYear() != end.getYear() || (start.getMonthValue() == 1 && start.getDayOfMonth() == 1);
        return christmas || newYear ? 0.8 : 1.0;
    }
}
