package io.healthscore.domain.signals;

import io.healthscore.domain.facts.Invoice;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.model.ActivitySettings;
import java.time.LocalDate;

/**
 * How far back each kind of fact can change a score as of a date, from the windows the signals use.
 * A scoring run may drop older facts while loading (memory stays proportional to what matters); the
 * backtest keeps everything. Open tickets and unpaid invoices matter however old they are.
 */
public record FactWindows(int usageWeeks, int ticketDays, int invoiceDays, int surveyDays, int touchDays,
                          int conversationDays) {

    /** The windows of the built-in signals with these settings, with a week of margin where it is free. */
    public static FactWindows of(ActivitySettings settings) {
        int usage = SignalMeasurer.RECENT_WEEKS + SignalMeasurer.BASELINE_WEEKS + 4;
        int tickets = Math.max(settings.lookbackDays(), 180);
        return new FactWindows(usage, tickets, SignalMeasurer.INVOICE_WINDOW_DAYS, Math.max(SignalMeasurer.NPS_WINDOW_DAYS, 180),
                SignalMeasurer.NEVER_DAYS, SignalMeasurer.CONVERSATION_WINDOW_DAYS);
    }

    public boolean keepsUsage(LocalDate weekStart, LocalDate asOf) {
        return !weekStart.isBefore(asOf.minusWeeks(usageWeeks));
    }

    public boolean keeps(SupportTicket t, LocalDate asOf) {
        boolean openAtAsOf = t.closedOn() == null || t.closedOn().isAfter(asOf);
        return openAtAsOf || !t.openedOn().isBefore(asOf.minusDays(ticketDays));
    }

    public boolean keeps(Invoice i, LocalDate asOf) {
        boolean unpaid = i.paidOn() == null || i.paidOn().isAfter(asOf);
        return unpaid || i.dueOn() == null || !i.dueOn().isBefore(asOf.minusDays(invoiceDays));
    }

    public boolean keepsSurvey(LocalDate respondedOn, LocalDate asOf) {
        return !respondedOn.isBefore(asOf.minusDays(surveyDays));
    }

    public boolean keepsTouch(LocalDate occurredOn, LocalDate asOf) {
        return !occurredOn.isBefore(asOf.minusDays(touchDays));
    }

    public boolean keepsConversation(LocalDate occurredOn, LocalDate asOf) {
        return !occurredOn.isBefore(asOf.minusDays(conversationDays));
    }
}
