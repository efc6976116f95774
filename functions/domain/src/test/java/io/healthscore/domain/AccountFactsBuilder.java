package io.healthscore.domain;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.Contact;
import io.healthscore.domain.facts.ConversationSignal;
import io.healthscore.domain.facts.CsmOverride;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.facts.Invoice;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.facts.RenewalOpportunity;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.facts.SupportTicket;
import io.healthscore.domain.facts.SurveyResponse;
import io.healthscore.domain.facts.Touch;
import io.healthscore.domain.facts.WeeklyUsage;
import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-built account facts for tests. Dates are given as days relative to {@link #AS_OF} (negative is in
 * the past) so that expected values can be worked out by hand from the test itself.
 */
public final class AccountFactsBuilder {

    /** A Wednesday: the last complete usage week is the one starting Monday 2026-06-08. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 17);
    /** Monday of the last complete week before {@link #AS_OF}. */
    public static final LocalDate LAST_COMPLETE_WEEK = LocalDate.of(2026, 6, 8);

    private String accountId = "001A";
    private String name = "Acme";
    private Segment segment = Segment.MID_MARKET;
    private String tier;
    private Integer employees;
    private Double arr;
    private LocalDate customerSince;
    private String ownerId = "005OWNER";
    private String managerId = "005MANAGER";
    private RenewalOpportunity renewal;
    private final List<WeeklyUsage> usage = new ArrayList<>();
    private final List<Invoice> invoices = new ArrayList<>();
    private final List<SupportTicket> tickets = new ArrayList<>();
    private final List<SurveyResponse> surveys = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Touch> touches = new ArrayList<>();
    private final List<ConversationSignal> conversations = new ArrayList<>();
    private final Map<String, Double> custom = new HashMap<>();
    private PreviousHealth previous = PreviousHealth.none();
    private final EnumSet<FactSource> sources = EnumSet.of(FactSource.CRM);
    private int seq;

    public static AccountFactsBuilder account() {
        return new AccountFactsBuilder();
    }

    public static LocalDate day(int offset) {
        return AS_OF.plusDays(offset);
    }

    /** Monday of the complete week {@code weeksBack} before the last complete one (0 = last complete). */
    public static LocalDate week(int weeksBack) {
        return LAST_COMPLETE_WEEK.minusWeeks(weeksBack);
    }

    public AccountFactsBuilder id(String id) {
        this.accountId = id;
        return this;
    }

    public AccountFactsBuilder name(String n) {
        this.name = n;
        return this;
    }

    public AccountFactsBuilder segment(Segment s) {
        this.segment = s;
        return this;
    }

    public AccountFactsBuilder tier(String t) {
        this.tier = t;
        return this;
    }

    public AccountFactsBuilder employees(Integer n) {
        this.employees = n;
        return this;
    }

    public AccountFactsBuilder arr(Double a) {
        this.arr = a;
        return this;
    }

    public AccountFactsBuilder customerSince(LocalDate d) {
        this.customerSince = d;
        return this;
    }

    public AccountFactsBuilder owners(String owner, String manager) {
        this.ownerId = owner;
        this.managerId = manager;
        return this;
    }

    public AccountFactsBuilder renewalInDays(int days) {
        this.renewal = new RenewalOpportunity("006R", day(days), 50000.0, "Negotiation");
        return this;
    }

    /** Marks sources loaded without adding rows. */
    public AccountFactsBuilder loaded(FactSource... s) {
        sources.addAll(List.of(s));
        return this;
    }

    public AccountFactsBuilder allSourcesLoaded() {
        sources.addAll(EnumSet.allOf(FactSource.class));
        return this;
    }

    /** A week of usage, {@code weeksBack} complete weeks before the last complete one (-1 = the current, incomplete week). */
    public AccountFactsBuilder usage(int weeksBack, int activeUsers, int seats) {
        return usage(weeksBack, activeUsers, seats, 0, 0);
    }

    public AccountFactsBuilder usage(int weeksBack, int activeUsers, int seats, int featuresUsed, int featuresTotal) {
        usage.add(new WeeklyUsage(week(weeksBack), activeUsers, seats, activeUsers * 3, featuresUsed, featuresTotal));
        sources.add(FactSource.USAGE);
        return this;
    }

    public AccountFactsBuilder ticket(SupportTicket.Priority p, int openedDay, Integer closedDay, Double csat, boolean reopened) {
        return ticket("T" + (++seq), p, openedDay, closedDay, csat, reopened);
    }

    public AccountFactsBuilder ticket(String id, SupportTicket.Priority p, int openedDay, Integer closedDay, Double csat,
                                      boolean reopened) {
        tickets.add(new SupportTicket(id, p, day(openedDay), closedDay == null ? null : day(closedDay), csat, reopened));
        sources.add(FactSource.SUPPORT);
        return this;
    }

    /** An open ticket opened on the day. */
    public AccountFactsBuilder openTicket(SupportTicket.Priority p, int openedDay) {
        return ticket(p, openedDay, null, null, false);
    }

    public AccountFactsBuilder invoice(int issuedDay, int dueDay, Integer paidDay, Invoice.InvoiceStatus status) {
        invoices.add(new Invoice("INV" + (++seq), day(issuedDay), day(dueDay), paidDay == null ? null : day(paidDay),
                1000, status));
        sources.add(FactSource.BILLING);
        return this;
    }

    /** An unpaid invoice issued 30 days before its due date. */
    public AccountFactsBuilder unpaidInvoice(int dueDay) {
        return invoice(dueDay - 30, dueDay, null, Invoice.InvoiceStatus.OPEN);
    }

    public AccountFactsBuilder survey(SurveyResponse.SurveyType type, int day, double score) {
        surveys.add(new SurveyResponse("S" + (++seq), day(day), type, score));
        sources.add(FactSource.SURVEYS);
        return this;
    }

    public AccountFactsBuilder contact(Contact.StakeholderRole role, Integer leftDay, Integer lastEngagedDay) {
        contacts.add(new Contact("C" + (++seq), role, leftDay != null, leftDay == null ? null : day(leftDay),
                lastEngagedDay == null ? null : day(lastEngagedDay)));
        sources.add(FactSource.CONTACTS);
        return this;
    }

    public AccountFactsBuilder touch(int day, String type) {
        touches.add(new Touch("A" + (++seq), day(day), type));
        sources.add(FactSource.ACTIVITIES);
        return this;
    }

    public AccountFactsBuilder conversation(int day, ConversationSignal.Sentiment sentiment, double confidence,
                                            Set<ConversationSignal.Intent> intents, Set<ConversationSignal.RiskFlag> flags) {
        conversations.add(new ConversationSignal("CV" + (++seq), day(day), sentiment, intents, flags, confidence));
        sources.add(FactSource.CONVERSATIONS);
        return this;
    }

    public AccountFactsBuilder conversation(int day, ConversationSignal.Sentiment sentiment) {
        return conversation(day, sentiment, 1.0, Set.of(), Set.of());
    }

    public AccountFactsBuilder custom(String column, double value) {
        custom.put(column, value);
        return this;
    }

    public AccountFactsBuilder previous(PreviousHealth p) {
        this.previous = p;
        return this;
    }

    /** Previous run on the given day with the given score and band; its band episode began on bandSinceDay. */
    public AccountFactsBuilder previous(int scoredDay, int score, Band band, int bandSinceDay, List<HistoryPoint> history) {
        this.previous = new PreviousHealth(score, band, day(scoredDay), day(bandSinceDay), history, null);
        return this;
    }

    public AccountFactsBuilder override(Band band, int expiresDay) {
        this.previous = new PreviousHealth(previous.score(), previous.band(), previous.scoredOn(), previous.bandSince(),
                previous.history(), new CsmOverride(band, "CSM knows better", day(expiresDay)));
        return this;
    }

    public AccountProfile profile() {
        return new AccountProfile(accountId, name, segment, tier, employees, arr, customerSince, ownerId, managerId);
    }

    public AccountFacts build() {
        return new AccountFacts(profile(), renewal, usage, invoices, tickets, surveys, contacts, touches, conversations,
                custom, previous, sources);
    }
}
