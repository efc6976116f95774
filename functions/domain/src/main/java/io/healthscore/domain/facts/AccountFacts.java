package io.healthscore.domain.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything known about one account, from the CRM and the warehouse exports. Lists are unordered on
 * input; signal calculators do not depend on order.
 *
 * @param profile        CRM profile
 * @param renewal        next open renewal, null when none
 * @param usage          weekly usage
 * @param invoices       invoices
 * @param tickets        support tickets and CRM cases (deduplicated by id)
 * @param surveys        NPS and CSAT responses
 * @param contacts       stakeholder contacts
 * @param touches        CSM activities
 * @param conversations  signals extracted from conversations
 * @param customSignals  extra numeric columns declared by a warehouse roll-up (column name to value)
 * @param previous       what the last run wrote, {@link PreviousHealth#none()} when never scored
 * @param sources        which sources were loaded for this account
 */
public record AccountFacts(
        AccountProfile profile,
        RenewalOpportunity renewal,
        List<WeeklyUsage> usage,
        List<Invoice> invoices,
        List<SupportTicket> tickets,
        List<SurveyResponse> surveys,
        List<Contact> contacts,
        List<Touch> touches,
        List<ConversationSignal> conversations,
        Map<String, Double> customSignals,
        PreviousHealth previous,
        Set<FactSource> sources) {

    public AccountFacts {
        Objects.requireNonNull(profile, "profile");
        usage = List.copyOf(usage);
        invoices = List.copyOf(invoices);
        tickets = List.copyOf(tickets);
        surveys = List.copyOf(surveys);
        contacts = List.copyOf(contacts);
        touches = List.copyOf(touches);
        conversations = List.copyOf(conversations);
        customSignals = Map.copyOf(customSignals);
        previous = previous == null ? PreviousHealth.none() : previous;
        sources = sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
    }

    public boolean has(FactSource source) {
        return sources.contains(source);
    }

    /** The same facts with another previous health (read back from the CRM or the history store). */
    public AccountFacts withPrevious(PreviousHealth newPrevious) {
        return new AccountFacts(profile, renewal, usage, invoices, tickets, surveys, contacts, touches,
                conversations, customSignals, newPrevious, sources);
    }

    /** The same facts with another open renewal (the backtest sets the renewal that was open back then). */
    public AccountFacts withRenewal(RenewalOpportunity newRenewal) {
        return new AccountFacts(profile, newRenewal, usage, invoices, tickets, surveys, contacts, touches,
                conversations, customSignals, previous, sources);
    }

    /** The same facts with conversation signals from the extractor. */
    public AccountFacts withConversations(List<ConversationSignal> signals) {
        EnumSet<FactSource> s = sources.isEmpty() ? EnumSet.noneOf(FactSource.class) : EnumSet.copyOf(sources);
        s.add(FactSource.CONVERSATIONS);
        return new AccountFacts(profile, renewal, usage, invoices, tickets, surveys, contacts, touches,
                signals, customSignals, previous, s);
    }

    public String accountId() {
        return profile.accountId();
    }

    /** Facts with only the given CRM profile, for tests and builders. */
    public static AccountFacts of(AccountProfile profile) {
        return new AccountFacts(profile, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), Map.of(), PreviousHealth.none(), EnumSet.of(FactSource.CRM));
    }

    /**
     * The facts as they were known on the given date: every dated fact after it is dropped, and states
     * that changed later (ticket closed, invoice paid, contact left) are rolled back. Used by the backtest
     * so that no score can see its own future.
     */
    public AccountFacts asOf(LocalDate date) {
        List<SupportTicket> t = new ArrayList<>();
        for (SupportTicket x : tickets) {
            if (!x.openedOn().isAfter(date)) {
                boolean closed = x.closedOn() != null && !x.closedOn().isAfter(date);
                t.add(closed ? x : new SupportTicket(x.ticketId(), x.priority(), x.openedOn(), null, null, false));
            }
        }
        List<Invoice> inv = new ArrayList<>();
        for (Invoice x : invoices) {
            if (!x.issuedOn().isAfter(date)) {
                boolean paid = x.paidOn() != null && !x.paidOn().isAfter(date);
                inv.add(paid ? x : new Invoice(x.invoiceId(), x.issuedOn(), x.dueOn(), null, x.amount(),
                        x.status() == Invoice.InvoiceStatus.VOID ? Invoice.InvoiceStatus.VOID : Invoice.InvoiceStatus.OPEN));
            }
        }
        List<Contact> c = new ArrayList<>();
        for (Contact x : contacts) {
            boolean left = x.leftCompany() && x.leftOn() != null && !x.leftOn().isAfter(date);
            LocalDate engaged = x.lastEngagedOn() != null && !x.lastEngagedOn().isAfter(date) ? x.lastEngagedOn() : null;
            c.add(new Contact(x.contactId(), x.role(), left, left ? x.leftOn() : null, engaged));
        }
        RenewalOpportunity r = renewal != null && !renewal.renewalDate().isBefore(date) ? renewal : null;
        return new AccountFacts(profile, r,
                filter(usage, u -> !u.weekStart().plusDays(6).isAfter(date)),
                inv, t,
                filter(surveys, s -> !s.respondedOn().isAfter(date)),
                c,
                filter(touches, x -> !x.occurredOn().isAfter(date)),
                filter(conversations, x -> !x.occurredOn().isAfter(date)),
                customSignals, PreviousHealth.none(), sources);
    }

    private static <T> List<T> filter(List<T> list, Predicate<T> keep) {
        List<T> out = new ArrayList<>(list.size());
        for (T t : list) {
            if (keep.test(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
