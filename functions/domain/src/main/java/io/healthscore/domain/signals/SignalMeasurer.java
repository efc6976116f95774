package io.healthscore.domain.signals;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.Contact;
import io.healthscore.domain.facts.ConversationSignal;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.Invoice;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.SurveyResponse;
import io.healthscore.domain.facts.Touch;
import io.healthscore.domain.facts.WeeklyUsage;
import io.healthscore.domain.model.ActivitySettings;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Measures every built-in signal of one account as of a date. A value of {@link Double#NaN} means no
 * data: the source was not loaded, or the facts needed for the measurement are absent. Facts dated after
 * the as-of date are ignored, so measuring is point-in-time.
 */
public final class SignalMeasurer {

    /** Stand-in for "never" in day counts (a touch or engagement that never happened). */
    public static final int NEVER_DAYS = 365;

    static final int RECENT_WEEKS = 4;
    static final int BASELINE_WEEKS = 12;
    static final int SEAT_CHANGE_WEEKS = 12;
    static final int NPS_WINDOW_DAYS = 180;
    static final int CONVERSATION_WINDOW_DAYS = 180;
    static final int INVOICE_WINDOW_DAYS = 365;

    private static final int SIGNALS = BuiltInSignal.values().length;

    private final ActivitySettings settings;
    /** Weight of a conversation by its age in days, 0..CONVERSATION_WINDOW_DAYS (pow once, not per conversation). */
    private final double[] decayByAge = new double[CONVERSATION_WINDOW_DAYS + 1];

    public SignalMeasurer(ActivitySettings settings) {
        this.settings = settings;
        for (int age = 0; age <= CONVERSATION_WINDOW_DAYS; age++) {
            decayByAge[age] = Math.pow(0.5, age / settings.conversationHalfLifeDays());
        }
    }

    /** Raw values indexed by {@link BuiltInSignal#ordinal()}. */
    public double[] measure(AccountFacts facts, LocalDate asOf) {
        double[] v = new double[SIGNALS];
        Arrays.fill(v, Double.NaN);
        long today = asOf.toEpochDay();
        if (facts.has(FactSource.USAGE)) {
            usage(facts.usage(), today, v);
        }
        if (facts.has(FactSource.SUPPORT)) {
            support(facts, asOf, v);
        }
        if (facts.has(FactSource.BILLING)) {
            billing(facts.invoices(), asOf, v);
        }
        if (facts.renewal() != null && facts.renewal().renewalDate() != null) {
            v[BuiltInSignal.DAYS_TO_RENEWAL.ordinal()] = facts.renewal().renewalDate().toEpochDay() - today;
        }
        if (facts.has(FactSource.ACTIVITIES)) {
            touches(facts.touches(), asOf, today, v);
        }
        if (facts.has(FactSource.CONTACTS)) {
            contacts(facts.contacts(), asOf, today, v);
        }
        if (facts.has(FactSource.SURVEYS)) {
            nps(facts.surveys(), asOf, v);
        }
        if (facts.has(FactSource.CONVERSATIONS)) {
            conversations(facts.conversations(), today, v);
        }
        return v;
    }

    private static void usage(List<WeeklyUsage> usage, long today, double[] v) {
        // complete weeks only, newest first; at most one row per week (the later row wins)
        int n = usage.size();
        if (n == 0) {
            // the usage feed is loaded and has no row for the account: nobody ever used it
            v[BuiltInSignal.DAYS_SINCE_LAST_ACTIVE.ordinal()] = NEVER_DAYS;
            return;
        }
        long[] week = new long[n];
        WeeklyUsage[] rows = new WeeklyUsage[n];
        int k = 0;
        for (WeeklyUsage u : usage) {
            long start = u.weekStart().toEpochDay();
            if (start + 6 <= today) {
                week[k] = start;
                rows[k++] = u;
            }
        }
        if (k == 0) {
            v[BuiltInSignal.DAYS_SINCE_LAST_ACTIVE.ordinal()] = NEVER_DAYS;
            return;
        }
        k = sortNewestFirstDistinct(week, rows, k);
        // days since last active use
        long lastActive = Long.MIN_VALUE;
        for (int i = 0; i < k; i++) {
            if (rows[i].activeUsers() > 0) {
                lastActive = week[i] + 6;
                break;
            }
        }
        v[BuiltInSignal.DAYS_SINCE_LAST_ACTIVE.ordinal()] = lastActive == Long.MIN_VALUE
                ? Math.min(NEVER_DAYS, today - week[k - 1]) : Math.max(0, today - lastActive);

        int recent = Math.min(RECENT_WEEKS, k);
        double active = 0;
        double seats = 0;
        double breadth = 0;
        int breadthWeeks = 0;
        for (int i = 0; i < recent; i++) {
            active += rows[i].activeUsers();
            seats += rows[i].licensedSeats();
            if (rows[i].keyFeaturesTotal() > 0) {
                breadth += (double) rows[i].keyFeaturesUsed() / rows[i].keyFeaturesTotal();
                breadthWeeks++;
            }
        }
        if (seats > 0) {
            v[BuiltInSignal.SEAT_UTILISATION.ordinal()] = 100.0 * active / seats;
        }
        if (breadthWeeks > 0) {
            v[BuiltInSignal.FEATURE_BREADTH.ordinal()] = 100.0 * breadth / breadthWeeks;
        }
        if (k >= RECENT_WEEKS * 2) {
            int baseEnd = Math.min(k, RECENT_WEEKS + BASELINE_WEEKS);
            double base = 0;
            for (int i = RECENT_WEEKS; i < baseEnd; i++) {
                base += rows[i].activeUsers();
            }
            double recentAvg = active / RECENT_WEEKS;
            double baseAvg = base / (baseEnd - RECENT_WEEKS);
            v[BuiltInSignal.USAGE_TREND.ordinal()] = baseAvg == 0
                    ? (recentAvg > 0 ? 100 : 0)
                    : 100.0 * (recentAvg - baseAvg) / baseAvg;
        }
        if (k > SEAT_CHANGE_WEEKS) {
            int then = rows[SEAT_CHANGE_WEEKS].licensedSeats();
            int now = rows[0].licensedSeats();
            if (then > 0) {
                v[BuiltInSignal.SEAT_CHANGE.ordinal()] = 100.0 * (now - then) / then;
            }
        }
    }

    /**
     * Sorts the first k rows newest week first and keeps one row per week, the one that came later in
     * the input; returns the distinct count. Oldest-first input (the export order) takes a linear path.
     */
    private static int sortNewestFirstDistinct(long[] week, WeeklyUsage[] rows, int k) {
        boolean strictlyAscending = true;
        for (int i = 1; i < k && strictlyAscending; i++) {
            strictlyAscending = week[i - 1] < week[i];
        }
        if (strictlyAscending) {
            for (int i = 0, j = k - 1; i < j; i++, j--) {
                long w = week[i];
                week[i] = week[j];
                week[j] = w;
                WeeklyUsage r = rows[i];
                rows[i] = rows[j];
                rows[j] = r;
            }
            return k;
        }
        // general case: sort by (week, input position) packed in a long, then walk from the top
        long[] keys = new long[k];
        for (int i = 0; i < k; i++) {
            keys[i] = (week[i] << 24) | i;
        }
        java.util.Arrays.sort(keys);
        WeeklyUsage[] copy = java.util.Arrays.copyOf(rows, k);
        int out = 0;
        long lastWeek = Long.MIN_VALUE;
        for (int i = k - 1; i >= 0; i--) {
            long w = keys[i] >> 24;
            if (w == lastWeek) {
                continue; // an earlier row of a week already taken from a later input position
            }
            lastWeek = w;
            week[out] = w;
            rows[out++] = copy[(int) (keys[i] & 0xFFFFFF)];
        }
        return out;
    }

    private void support(AccountFacts facts, LocalDate asOf, double[] v) {
        LocalDate lookbackStart = asOf.minusDays(settings.lookbackDays());
        LocalDate days90 = asOf.minusDays(90);
        LocalDate days180 = asOf.minusDays(180);
        int openP1 = 0;
        int recentTickets = 0;
        int reopened = 0;
        double csatRecent = 0;
        int csatRecentN = 0;
        double csatPrior = 0;
        int csatPriorN = 0;
        // tickets are unique by id: the AccountBook keeps one per id across CRM cases and the support export
        for (SupportTicket t : facts.tickets()) {
            // date comparisons against cutoffs computed once: cheaper than day arithmetic per fact
            LocalDate opened = t.openedOn();
            if (opened.isAfter(asOf)) {
                continue;
            }
            boolean open = t.closedOn() == null || t.closedOn().isAfter(asOf);
            if (open && t.priority() == SupportTicket.Priority.P1) {
                openP1++;
            }
            if (!opened.isBefore(lookbackStart)) {
                recentTickets++;
                if (t.reopened()) {
                    reopened++;
                }
            }
            if (!open && t.csat() != null) {
                if (!t.closedOn().isBefore(days90)) {
                    csatRecent += t.csat();
                    csatRecentN++;
                } else if (!t.closedOn().isBefore(days180)) {
                    csatPrior += t.csat();
                    csatPriorN++;
                }
            }
        }
        if (facts.has(FactSource.SURVEYS)) {
            for (SurveyResponse s : facts.surveys()) {
                if (s.type() != SurveyResponse.SurveyType.CSAT) {
                    continue;
                }
                LocalDate on = s.respondedOn();
                if (on.isAfter(asOf)) {
                    continue;
                }
                if (!on.isBefore(days90)) {
                    csatRecent += s.score();
                    csatRecentN++;
                } else if (!on.isBefore(days180)) {
                    csatPrior += s.score();
                    csatPriorN++;
                }
            }
        }
        v[BuiltInSignal.OPEN_CRITICAL_CASES.ordinal()] = openP1;
        v[BuiltInSignal.REOPENED_TICKETS.ordinal()] = reopened;
        int seats = latestSeats(facts.usage(), asOf);
        if (seats <= 0 && facts.profile().employees() != null && facts.profile().employees() > 0) {
            seats = facts.profile().employees();
        }
        if (seats > 0) {
            v[BuiltInSignal.CASE_VOLUME_PER_SEAT.ordinal()] = 100.0 * recentTickets / seats;
        }
        if (csatRecentN > 0 && csatPriorN > 0) {
            v[BuiltInSignal.CSAT_TREND.ordinal()] = csatRecent / csatRecentN - csatPrior / csatPriorN;
        }
    }

    private static int latestSeats(List<WeeklyUsage> usage, LocalDate asOf) {
        LocalDate best = null;
        int seats = 0;
        for (WeeklyUsage u : usage) {
            LocalDate w = u.weekStart();
            if (!w.isAfter(asOf) && (best == null || w.isAfter(best))) {
                best = w;
                seats = u.licensedSeats();
            }
        }
        return seats;
    }

    private static void billing(List<Invoice> invoices, LocalDate asOf, double[] v) {
        LocalDate windowStart = asOf.minusDays(INVOICE_WINDOW_DAYS);
        long maxPastDue = 0;
        int due = 0;
        int late = 0;
        for (Invoice inv : invoices) {
            if (inv.issuedOn() != null && inv.issuedOn().isAfter(asOf)) {
                continue;
            }
            if (inv.status() == Invoice.InvoiceStatus.VOID || inv.dueOn() == null) {
                continue;
            }
            boolean unpaid = inv.paidOn() == null || inv.paidOn().isAfter(asOf);
            if (unpaid && inv.dueOn().isBefore(asOf)) {
                maxPastDue = Math.max(maxPastDue, inv.daysPastDue(asOf));
            }
            // an unpaid invoice stays counted however old it gets: ageing must never improve the score
            if (!inv.dueOn().isAfter(asOf) && (!inv.dueOn().isBefore(windowStart) || unpaid)) {
                due++;
                if (inv.late(asOf)) {
                    late++;
                }
            }
        }
        v[BuiltInSignal.DAYS_PAST_DUE.ordinal()] = maxPastDue;
        if (due > 0) {
            v[BuiltInSignal.LATE_INVOICE_SHARE.ordinal()] = 100.0 * late / due;
        }
    }

    private void touches(List<Touch> touches, LocalDate asOf, long today, double[] v) {
        // compare dates first (cheap), look the type up only for a candidate
        LocalDate latest = null;
        for (Touch t : touches) {
            LocalDate d = t.occurredOn();
            if ((latest == null || d.isAfter(latest)) && !d.isAfter(asOf) && settings.meaningful(t.type())) {
                latest = d;
            }
        }
        v[BuiltInSignal.DAYS_SINCE_MEANINGFUL_TOUCH.ordinal()] = latest == null
                ? NEVER_DAYS : Math.min(NEVER_DAYS, today - latest.toEpochDay());
    }

    private void contacts(List<Contact> contacts, LocalDate asOf, long today, double[] v) {
        boolean champion = false;
        long sponsorEngaged = Long.MIN_VALUE;
        int engaged = 0;
        for (Contact c : contacts) {
            if (!c.presentOn(asOf)) {
                continue;
            }
            long last = c.lastEngagedOn() == null ? Long.MIN_VALUE : c.lastEngagedOn().toEpochDay();
            if (last > today) {
                last = Long.MIN_VALUE;
            }
            switch (c.role()) {
                case CHAMPION -> champion = true;
                case EXECUTIVE_SPONSOR -> sponsorEngaged = Math.max(sponsorEngaged, last);
                default -> { }
            }
            if (last != Long.MIN_VALUE && today - last <= settings.lookbackDays()) {
                engaged++;
            }
        }
        v[BuiltInSignal.CHAMPION_PRESENT.ordinal()] = champion ? 1 : 0;
        v[BuiltInSignal.EXECUTIVE_SPONSOR_ENGAGED.ordinal()] = sponsorEngaged == Long.MIN_VALUE
                ? NEVER_DAYS : Math.min(NEVER_DAYS, today - sponsorEngaged);
        v[BuiltInSignal.STAKEHOLDERS_ENGAGED.ordinal()] = engaged;
    }

    private static void nps(List<SurveyResponse> surveys, LocalDate asOf, double[] v) {
        LocalDate windowStart = asOf.minusDays(NPS_WINDOW_DAYS);
        double sum = 0;
        int n = 0;
        for (SurveyResponse s : surveys) {
            LocalDate on = s.respondedOn();
            if (s.type() == SurveyResponse.SurveyType.NPS && !on.isAfter(asOf) && !on.isBefore(windowStart)) {
                sum += s.score();
                n++;
            }
        }
        if (n > 0) {
            v[BuiltInSignal.NPS.ordinal()] = sum / n;
        }
    }

    /**
     * Sentiment index in [-100, 100]: a decayed, asymmetric average in which negative conversations
     * count twice and escalations six times as much as positive ones, so one escalation moves the
     * score sharply and many positive conversations raise it slowly. Risk is a decayed sum of risk
     * flags plus cancellation (2) and evaluating-alternatives (1) intents.
     */
    private void conversations(List<ConversationSignal> conversations, long today, double[] v) {
        double num = 0;
        double den = 0;
        double risk = 0;
        double expansion = 0;
        int n = 0;
        for (ConversationSignal c : conversations) {
            long age = today - c.occurredOn().toEpochDay();
            if (age < 0 || age > CONVERSATION_WINDOW_DAYS) {
                continue;
            }
            n++;
            double w = decayByAge[(int) age] * Math.max(0.1, c.confidence());
            double m;
            double p;
            switch (c.sentiment()) {
                case POSITIVE -> { m = 1; p = 1; }
                case NEUTRAL -> { m = 1; p = 0; }
                case NEGATIVE -> { m = 2; p = -1; }
                default -> { m = 6; p = -1; }
            }
            num += w * m * p;
            den += w * m;
            double flags = c.riskFlags().size();
            if (c.intents().contains(ConversationSignal.Intent.CANCELLATION)) {
                flags += 2;
            }
            if (c.intents().contains(ConversationSignal.Intent.EVALUATING_ALTERNATIVES)) {
                flags += 1;
            }
            risk += w * flags;
            if (c.intents().contains(ConversationSignal.Intent.EXPANSION_INTEREST)) {
                expansion += w;
            }
        }
        if (n == 0) {
            return;
        }
        v[BuiltInSignal.CONVERSATION_SENTIMENT.ordinal()] = den == 0 ? 0 : 100.0 * num / den;
        v[BuiltInSignal.CONVERSATION_RISK.ordinal()] = risk;
        v[BuiltInSignal.EXPANSION_INTEREST.ordinal()] = expansion;
    }
}
