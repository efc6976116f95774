package io.healthscore.domain.run;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.Contact;
import io.healthscore.domain.facts.ConversationSignal;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.Invoice;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.facts.RenewalOpportunity;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.SurveyResponse;
import io.healthscore.domain.facts.Touch;
import io.healthscore.domain.facts.WeeklyUsage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accounts in scope and the facts gathered for them from every source. The CRM registers accounts;
 * exports add facts to registered accounts only ({@code false} back means "unknown account": the caller
 * rejects that row). Sources declare themselves loaded, so that an account with no rows from a loaded
 * source gets real zero values rather than "no data". Not thread-safe: one loader at a time.
 */
public final class AccountBook {

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final EnumSet<FactSource> loaded = EnumSet.of(FactSource.CRM);
    private final java.util.Set<String> outOfScope = new java.util.HashSet<>();
    private long outOfScopeRows;

    private static final class Entry {
        AccountProfile profile;
        RenewalOpportunity renewal;
        PreviousHealth previous = PreviousHealth.none();
        final List<WeeklyUsage> usage = new ArrayList<>(0);
        final List<Invoice> invoices = new ArrayList<>(0);
        final List<SupportTicket> tickets = new ArrayList<>(0);
        final List<SurveyResponse> surveys = new ArrayList<>(0);
        final List<Contact> contacts = new ArrayList<>(0);
        final List<Touch> touches = new ArrayList<>(0);
        final List<ConversationSignal> conversations = new ArrayList<>(0);
        Map<String, Double> custom;
    }

    /** Registers an account in scope; a second registration of the same id is refused (false). */
    public boolean register(AccountProfile profile) {
        if (entries.containsKey(profile.accountId())) {
            return false;
        }
        Entry e = new Entry();
        e.profile = profile;
        entries.put(profile.accountId(), e);
        return true;
    }

    /**
     * Records an account the CRM knows but that is not scored this run (e.g. churned before the as-of
     * date): export rows for it are skipped and counted, not rejected as unknown.
     */
    public void outOfScope(String accountId) {
        outOfScope.add(accountId);
    }

    /** True (and counted) when a row belongs to a known account that is out of scope. */
    public boolean skipOutOfScope(String accountId) {
        if (outOfScope.contains(accountId)) {
            outOfScopeRows++;
            return true;
        }
        return false;
    }

    public long outOfScopeRows() {
        return outOfScopeRows;
    }

    public int outOfScopeAccounts() {
        return outOfScope.size();
    }

    public boolean contains(String accountId) {
        return entries.containsKey(accountId);
    }

    public int size() {
        return entries.size();
    }

    public Set<String> accountIds() {
        return entries.keySet();
    }

    /** Marks a source as loaded for every account in the book. */
    public void loaded(FactSource source) {
        loaded.add(source);
    }

    public Set<FactSource> loadedSources() {
        return EnumSet.copyOf(loaded);
    }

    public boolean renewal(String accountId, RenewalOpportunity r) {
        Entry e = entries.get(accountId);
        if (e == null) {
            return false;
        }
        if (e.renewal == null || r.renewalDate().isBefore(e.renewal.renewalDate())) {
            e.renewal = r;
        }
        return true;
    }

    public boolean previous(String accountId, PreviousHealth p) {
        Entry e = entries.get(accountId);
        if (e == null) {
            return false;
        }
        e.previous = p;
        return true;
    }

    public boolean usage(String accountId, WeeklyUsage u) {
        Entry e = entries.get(accountId);
        return e != null && e.usage.add(u);
    }

    public boolean invoice(String accountId, Invoice i) {
        Entry e = entries.get(accountId);
        return e != null && e.invoices.add(i);
    }

    /**
     * Adds a ticket or case; one with an id the account already has (a CRM case mirrored in the support
     * export) is kept once: the first seen, completed with the close date, CSAT and reopened flag of the
     * later copy where the first lacks them. False only for an unknown account.
     */
    public boolean ticket(String accountId, SupportTicket t) {
        Entry e = entries.get(accountId);
        if (e == null) {
            return false;
        }
        if (t.ticketId() != null) {
            for (int i = 0; i < e.tickets.size(); i++) {
                SupportTicket known = e.tickets.get(i);
                if (t.ticketId().equals(known.ticketId())) {
                    // the same case from the CRM and the support export: keep the first, fill in what it lacks
                    e.tickets.set(i, new SupportTicket(known.ticketId(), known.priority(), known.openedOn(),
                            known.closedOn() != null ? known.closedOn() : t.closedOn(),
                            known.csat() != null ? known.csat() : t.csat(), known.reopened() || t.reopened()));
                    return true;
                }
            }
        }
        return e.tickets.add(t);
    }

    public boolean survey(String accountId, SurveyResponse s) {
        Entry e = entries.get(accountId);
        return e != null && e.surveys.add(s);
    }

    public boolean contact(String accountId, Contact c) {
        Entry e = entries.get(accountId);
        return e != null && e.contacts.add(c);
    }

    public boolean touch(String accountId, Touch t) {
        Entry e = entries.get(accountId);
        return e != null && e.touches.add(t);
    }

    public boolean conversation(String accountId, ConversationSignal c) {
        Entry e = entries.get(accountId);
        return e != null && e.conversations.add(c);
    }

    public boolean custom(String accountId, String column, double value) {
        Entry e = entries.get(accountId);
        if (e == null) {
            return false;
        }
        if (e.custom == null) {
            e.custom = new HashMap<>(4);
        }
        e.custom.put(column, value);
        return true;
    }

    /** The facts of every account, in registration order. */
    public List<AccountFacts> facts() {
        List<AccountFacts> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            out.add(new AccountFacts(e.profile, e.renewal, e.usage, e.invoices, e.tickets, e.surveys, e.contacts,
                    e.touches, e.conversations, e.custom == null ? Map.of() : e.custom, e.previous, loaded));
        }
        return out;
    }
}
