package io.healthscore.sampledata;

import java.util.ArrayList;
import java.util.List;

/**
 * Seats, price and renewals of one account over the window. Renewals fall on the anniversaries of
 * customer_since; each closed one draws its outcome from the latent health in the 60 days before it
 * (P(churn) = sigmoid(14 (0.40 - h))). A churn ends the account: nothing is generated from that day on.
 */
final class ContractHistory {

    static final double CHURN_SLOPE = 14;
    static final double CHURN_MIDPOINT = 0.40;
    static final double DOWNGRADE_MIDPOINT = 0.53;
    static final double BASELINE_CHURN = 0.008;
    static final int LOOKBACK_DAYS = 60;

    enum Outcome {
        RENEWED, CHURNED, DOWNGRADED;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A renewal that closed on or before the as-of date. */
    record ClosedRenewal(long day, Outcome outcome, String opportunityId, long amountCents, long previousAmountCents,
                         double healthBefore, int seatsAfter, long seatPriceAfter) {
    }

    /** The next renewal after the as-of date, for an account still live. */
    record OpenRenewal(long day, String opportunityId, long amountCents) {
    }

    private final int[] seats;
    private final long[] seatPriceCents;
    private final List<ClosedRenewal> closed;
    private final long churnDay;
    private final OpenRenewal open;

    private ContractHistory(int[] seats, long[] seatPriceCents, List<ClosedRenewal> closed, long churnDay, OpenRenewal open) {
        this.seats = seats;
        this.seatPriceCents = seatPriceCents;
        this.closed = closed;
        this.churnDay = churnDay;
        this.open = open;
    }

    static ContractHistory simulate(AccountPlan plan, LatentHealth health, Timeline timeline, Draws renewals, Draws seatDraws) {
        int weeks = timeline.weeks();
        List<Long> due = new ArrayList<>();
        int firstOpen = 1;
        for (int n = 1; ; n++) {
            long day = plan.anniversary(n);
            if (day > timeline.end()) {
                firstOpen = n;
                break;
            }
            if (day >= timeline.start()) {
                due.add(day);
            }
        }
        int firstDue = firstOpen - due.size();
        int[] seatsByWeek = new int[weeks];
        long[] priceByWeek = new long[weeks];
        int seats = plan.initialSeats();
        long price = plan.seatPriceCents();
        List<ClosedRenewal> closed = new ArrayList<>(due.size());
        long churn = Long.MAX_VALUE;
        int next = 0;
        for (int w = 0; w < weeks && churn == Long.MAX_VALUE; w++) {
            long weekEnd = timeline.weekStart(w) + 7;
            double h = health.at(w);
            if (w >= health.firstWeek()) {
                if (h > 0.72 && seatDraws.chance(0.012)) {
                    seats += Math.max(1, (int) Math.round(seats * seatDraws.uniform(0.05, 0.2)));
                } else if (h < 0.4 && seatDraws.chance(0.02)) {
                    seats = Math.max(1, seats - Math.max(1, (int) Math.round(seats * seatDraws.uniform(0.05, 0.2))));
                }
            }
            while (next < due.size() && due.get(next) < weekEnd) {
                long day = due.get(next);
                ClosedRenewal r = close(plan, health, timeline, renewals, day, firstDue + next, seats, price);
                closed.add(r);
                next++;
                if (r.outcome() == Outcome.CHURNED) {
                    churn = day;
                    break;
                }
                seats = r.seatsAfter();
                price = r.seatPriceAfter();
            }
            seatsByWeek[w] = seats;
            priceByWeek[w] = price;
        }
        for (int w = 0; w < weeks; w++) {
            if (seatsByWeek[w] == 0) {
                seatsByWeek[w] = seats;
                priceByWeek[w] = price;
            }
        }
        while (churn == Long.MAX_VALUE && next < due.size()) {
            long day = due.get(next);
            ClosedRenewal r = close(plan, health, timeline, renewals, day, firstDue + next, seats, price);
            closed.add(r);
            next++;
            if (r.outcome() == Outcome.CHURNED) {
                churn = day;
            }
        }
        OpenRenewal open = null;
        if (churn == Long.MAX_VALUE) {
            long arr = (long) seats * price * 12;
            long amount = Math.round(arr * renewals.uniform(1.0, 1.06) / 100.0) * 100;
            open = new OpenRenewal(plan.anniversary(firstOpen), RecordIds.opportunity(plan.index(), firstOpen), amount);
        }
        return new ContractHistory(seatsByWeek, priceByWeek, closed, churn, open);
    }

    private static ClosedRenewal close(AccountPlan plan, LatentHealth health, Timeline timeline, Draws d, long day,
                                       int anniversary, int seats, long price) {
        int from = timeline.rawWeekOf(day - LOOKBACK_DAYS);
        int to = timeline.rawWeekOf(day - 1) + 1;
        double h = health.mean(from, to);
        double pChurn = BASELINE_CHURN + sigmoid(CHURN_SLOPE * (CHURN_MIDPOINT - h));
        double pBad = sigmoid(CHURN_SLOPE * (DOWNGRADE_MIDPOINT - h));
        double pDowngrade = Math.max(0, pBad - pChurn) * 0.75;
        double x = d.uniform();
        long previous = (long) seats * price * 12;
        String opportunity = RecordIds.opportunity(plan.index(), anniversary);
        if (x < pChurn) {
            return new ClosedRenewal(day, Outcome.CHURNED, opportunity, 0, previous, h, seats, price);
        }
        if (x < pChurn + pDowngrade) {
            int fewer = Math.max(1, (int) Math.round(seats * d.uniform(0.55, 0.85)));
            long newPrice = Math.round(price * d.uniform(0.93, 1.0));
            return new ClosedRenewal(day, Outcome.DOWNGRADED, opportunity, (long) fewer * newPrice * 12, previous, h,
                    fewer, newPrice);
        }
        int more = seats;
        if (h > 0.7 && d.chance(0.35)) {
            more = seats + Math.max(1, (int) Math.round(seats * d.uniform(0.05, 0.3)));
        }
        long newPrice = Math.round(price * d.uniform(1.0, 1.05));
        return new ClosedRenewal(day, Outcome.RENEWED, opportunity, (long) more * newPrice * 12, previous, h, more, newPrice);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    int seats(int week) {
        return seats[week];
    }

    /** Annual recurring revenue in cents in a week. */
    long arrCents(int week) {
        return (long) seats[week] * seatPriceCents[week] * 12;
    }

    List<ClosedRenewal> closed() {
        return closed;
    }

    boolean churned() {
        return churnDay != Long.MAX_VALUE;
    }

    /** The churn day, or Long.MAX_VALUE when the account is still live. */
    long churnDay() {
        return churnDay;
    }

    /** The next renewal, null when churned. */
    OpenRenewal open() {
        return open;
    }
}
