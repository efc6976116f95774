package io.healthscore.salesforce.pull;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.RenewalOpportunity;
import io.healthscore.domain.ports.AccountSource;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.formats.RenewalOutcome;
import io.healthscore.salesforce.BulkJobs;
import io.healthscore.salesforce.PulledAccounts;
import io.healthscore.salesforce.SalesforceSession;
import io.healthscore.salesforce.SalesforceSettings;
import io.healthscore.salesforce.call.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The CRM facts from Salesforce, filling the book exactly as the local-mode CRM files do ({@code CrmTables}):
 * accounts in scope (configurable SOQL filter) with owner and manager, the next open renewal, stakeholder contacts,
 * completed tasks and events of the window, cases of the window plus open ones, and the health the last run wrote
 * (also kept for change detection). Churned accounts (churn date on or before the as-of date) are out of scope; their
 * closed renewals still become {@link #outcomes()}. Bad records are rejected with id and reason; the rest is kept.
 *
 * <p>Calls: one COUNT() query, then the account query with relationship queries at the configured batch size (up to
 * 2,000 per page) and its queryMore pages. Above {@code bulkReadAboveAccounts} accounts in scope, cases, tasks and
 * events are read with three Bulk API query jobs instead of child subqueries.
 */
public final class SalesforceAccountSource implements AccountSource {

    /** What the last pull read. */
    public record PullStats(int accountsInScope, boolean bulk, int accounts, int outOfScope, int contacts, int touches,
                            int cases, int renewalsOpen, int outcomes, int rejected, int rowsOutsideScope) {
    }

    private final SalesforceSession session;
    private final SalesforceSettings settings;
    private final PulledAccounts pulled;
    private final List<RenewalOutcome> outcomes = new ArrayList<>();
    private final Set<String> outOfScope = new HashSet<>();
    private PullStats stats;

    public SalesforceAccountSource(SalesforceSession session, SalesforceSettings settings, PulledAccounts pulled) {
        this.session = session;
        this.settings = settings;
        this.pulled = pulled;
    }

    /** Closed renewals (won/lost) of every account read in the last pull, churned ones included. */
    public List<RenewalOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Accounts read but out of scope in the last pull (churned). */
    public Set<String> outOfScopeIds() {
        return Set.copyOf(outOfScope);
    }

    public PullStats stats() {
        return stats;
    }

    @Override
    public void loadAccounts(AccountBook book, LocalDate asOf, RejectLog rejects) {
        pulled.clear();
        outcomes.clear();
        outOfScope.clear();
        Pull pull = new Pull(book, asOf, rejects);
        pull.run();
        stats = pull.stats();
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("accounts_in_scope", stats.accountsInScope());
        log.put("mode", stats.bulk() ? "bulk" : "soap");
        log.put("accounts", stats.accounts());
        log.put("out_of_scope", stats.outOfScope());
        log.put("contacts", stats.contacts());
        log.put("touches", stats.touches());
        log.put("cases", stats.cases());
        log.put("renewals_open", stats.renewalsOpen());
        log.put("outcomes", stats.outcomes());
        log.put("rejected", stats.rejected());
        session.policy().log().event("salesforce_pull", log);
    }

    /** State of one pull. */
    private final class Pull {
        private final AccountBook book;
        private final RejectLog rejects;
        private final AccountQueries queries;
        private final CrmRecords records;
        private final Map<String, Long> rowNumbers = new HashMap<>();
        private final List<CrmRecords.ClosedRenewal> closed = new ArrayList<>();
        private int inScope;
        private boolean bulk;
        private int accounts;
        private int contacts;
        private int touches;
        private int cases;
        private int renewals;
        private int rejected;
        private int outside;

        private final LocalDate asOf;

        Pull(AccountBook book, LocalDate asOf, RejectLog rejects) {
            this.book = book;
            this.rejects = rejects;
            this.queries = new AccountQueries(settings, asOf);
            this.records = new CrmRecords(settings);
            this.asOf = asOf;
        }

        void run() {
            String countQuery = queries.count();
            inScope = session.soap(Operation.ACCOUNT_COUNT, 0, p -> p.query(countQuery)).getSize();
            bulk = inScope > settings.bulkReadAboveAccounts();
            String accountQuery = queries.accounts(!bulk);
            QueryResult page = session.soap(Operation.ACCOUNT_QUERY, 0, p -> p.query(accountQuery));
            while (true) {
                SObject[] batch = page.getRecords();
                for (SObject account : batch == null ? new SObject[0] : batch) {
                    account(account);
                }
                if (page.isDone() || page.getQueryLocator() == null) {
                    break;
                }
                String locator = page.getQueryLocator();
                page = session.soap(Operation.ACCOUNT_QUERY_MORE, 0, p -> p.queryMore(locator));
            }
            if (bulk) {
                activitiesInBulk();
            }
            book.loaded(FactSource.CONTACTS);
            book.loaded(FactSource.ACTIVITIES);
            book.loaded(FactSource.SUPPORT);
            outcomes.addAll(CrmRecords.outcomes(closed));
        }

        PullStats stats() {
            return new PullStats(inScope, bulk, accounts, outOfScope.size(), contacts, touches, cases, renewals,
                    outcomes.size(), rejected, outside);
        }

        private void account(SObject account) {
            SalesforceRecord r = SalesforceRecord.of(account);
            String id = r.id();
            long row = nextRow("Account");
            List<SalesforceRecord> opportunities = children(account, "Opportunities");
            for (SalesforceRecord o : opportunities) {
                nextRow("Opportunity");
                try {
                    CrmRecords.ClosedRenewal c = records.closedRenewal(id, o);
                    if (c != null) {
                        closed.add(c);
                    }
                } catch (RecordRejected e) {
                    reject("Opportunity", o, e);
                }
            }
            CrmRecords.AccountRow a;
            try {
                a = records.account(r);
            } catch (RecordRejected e) {
                reject("Account", row, id, e);
                return;
            }
            if (a.churnedOn() != null && !a.churnedOn().isAfter(asOf)) {
                book.outOfScope(id);
                outOfScope.add(id);
                forEachActivityChild(account, x -> book.skipOutOfScope(id));
                children(account, "Contacts").forEach(x -> book.skipOutOfScope(id));
                return;
            }
            if (!book.register(a.profile())) {
                rejects.reject("Salesforce Account", row, "Id", "duplicate", "record " + id + ": read twice");
                rejected++;
                return;
            }
            accounts++;
            book.previous(id, a.previous());
            pulled.put(id, a.profile().ownerId(), a.healthText());
            for (SalesforceRecord o : opportunities) {
                try {
                    RenewalOpportunity renewal = records.openRenewal(o);
                    if (renewal != null) {
                        book.renewal(id, renewal);
                        renewals++;
                    }
                } catch (RecordRejected e) {
                    reject("Opportunity", o, e);
                }
            }
            for (SalesforceRecord c : children(account, "Contacts")) {
                nextRow("Contact");
                try {
                    book.contact(id, records.contact(c));
                    contacts++;
                } catch (RecordRejected e) {
                    reject("Contact", c, e);
                }
            }
            if (!bulk) {
                for (SalesforceRecord c : children(account, "Cases")) {
                    addCase(id, c);
                }
                for (SalesforceRecord t : children(account, "Tasks")) {
                    addTouch(id, "Task", t);
                }
                for (SalesforceRecord e : children(account, "Events")) {
                    addTouch(id, "Event", e);
                }
            }
        }

        private void forEachActivityChild(SObject account, Consumer<SalesforceRecord> action) {
            if (!bulk) {
                children(account, "Cases").forEach(action);
                children(account, "Tasks").forEach(action);
                children(account, "Events").forEach(action);
            }
        }

        private void addCase(String accountId, SalesforceRecord c) {
            nextRow("Case");
            try {
                book.ticket(accountId, records.supportCase(c));
                cases++;
            } catch (RecordRejected e) {
                reject("Case", c, e);
            }
        }

        private void addTouch(String accountId, String object, SalesforceRecord t) {
            nextRow(object);
            try {
                book.touch(accountId, records.touch(t));
                touches++;
            } catch (RecordRejected e) {
                reject(object, t, e);
            }
        }

        /** Cases, tasks and events with three Bulk query jobs, matched to the accounts in scope. */
        private void activitiesInBulk() {
            BulkJobs jobs = new BulkJobs(session, settings);
            List<BulkJobs.Job> submitted = List.of(
                    jobs.submitQuery("Case", queries.bulkCases()),
                    jobs.submitQuery("Task", queries.bulkTasks()),
                    jobs.submitQuery("Event", queries.bulkEvents()));
            jobs.await(submitted);
            eachRow(jobs.queryResults(submitted.get(0)), "AccountId", this::addCase);
            eachRow(jobs.queryResults(submitted.get(1)), "WhatId", (id, r) -> addTouch(id, "Task", r));
            eachRow(jobs.queryResults(submitted.get(2)), "WhatId", (id, r) -> addTouch(id, "Event", r));
        }

        private void eachRow(BulkJobs.Table table, String accountField, java.util.function.BiConsumer<String, SalesforceRecord> add) {
            Map<String, Integer> index = table.index();
            for (String[] row : table.rows()) {
                SalesforceRecord r = SalesforceRecord.of(index, row);
                String accountId = r.text(accountField);
                if (accountId == null) {
                    continue;
                }
                if (book.contains(accountId)) {
                    add.accept(accountId, r);
                } else if (!book.skipOutOfScope(accountId)) {
                    outside++; // an account outside the scope filter, or not an account (WhatId of an opportunity)
                }
            }
        }

        /** The records of a child relationship, following the nested queryLocator when the org paged them. */
        private List<SalesforceRecord> children(SObject parent, String relationship) {
            XmlObject result = parent.getChild(relationship);
            List<SalesforceRecord> out = new ArrayList<>();
            if (result == null) {
                return out;
            }
            addRecords(result, out);
            Object done = result.getField("done");
            Object locator = result.getField("queryLocator");
            while (done != null && "false".equals(done.toString()) && locator != null) {
                String next = locator.toString();
                QueryResult more = session.soap(Operation.RELATED_QUERY_MORE, 0, p -> p.queryMore(next));
                for (SObject s : more.getRecords() == null ? new SObject[0] : more.getRecords()) {
                    out.add(SalesforceRecord.of(s));
                }
                done = Boolean.toString(more.isDone());
                locator = more.getQueryLocator();
            }
            return out;
        }

        private void addRecords(XmlObject result, List<SalesforceRecord> out) {
            Iterator<XmlObject> it = result.getChildren("records");
            while (it.hasNext()) {
                out.add(SalesforceRecord.of(it.next()));
            }
        }

        private long nextRow(String object) {
            return rowNumbers.merge(object, 1L, Long::sum);
        }

        /** A related record: its row number is its position among the records of its object read so far. */
        private void reject(String object, SalesforceRecord r, RecordRejected e) {
            reject(object, rowNumbers.getOrDefault(object, 0L), r.id(), e);
        }

        private void reject(String object, long row, String id, RecordRejected e) {
            rejects.reject("Salesforce " + object, row, e.field(), e.code(), "record " + id + ": " + e.getMessage());
            rejected++;
        }
    }
}
