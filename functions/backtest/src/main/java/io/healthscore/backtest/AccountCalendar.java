package io.healthscore.backtest;

import io.healthscore.backtest.outcomes.OutcomeEvent;
import io.healthscore.backtest.outcomes.OutcomeKind;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.RenewalOpportunity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What was on each account's calendar: its renewal dates (closed ones from the outcomes, the open one
 * from the CRM) and the day it churned. A renewal date is known in advance (it is the contract's
 * anniversary), so each snapshot may see the next renewal; its outcome it never sees. An account is in
 * scope on a day when it was already a customer and had not churned.
 */
public final class AccountCalendar {

    private final RenewalOpportunity[][] renewals;
    private final LocalDate[] churnedOn;
    private final LocalDate[] customerSince;

    private AccountCalendar(RenewalOpportunity[][] renewals, LocalDate[] churnedOn, LocalDate[] customerSince) {
        this.renewals = renewals;
        this.churnedOn = churnedOn;
        this.customerSince = customerSince;
    }

    public static AccountCalendar of(HistoricalBook book, List<OutcomeEvent> outcomes) {
        List<AccountFacts> facts = book.facts();
        Map<String, Integer> index = book.indexById();
        int n = facts.size();
        List<List<RenewalOpportunity>> r = new ArrayList<>(n);
        LocalDate[] churn = new LocalDate[n];
        LocalDate[] since = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            List<RenewalOpportunity> list = new ArrayList<>(2);
            if (facts.get(i).renewal() != null && facts.get(i).renewal().renewalDate() != null) {
                list.add(facts.get(i).renewal());
            }
            r.add(list);
            since[i] = facts.get(i).profile().customerSince();
        }
        for (OutcomeEvent e : outcomes) {
            Integer i = index.get(e.accountId());
            if (i == null) {
                continue;
            }
            if (e.renewal()) {
                r.get(i).add(new RenewalOpportunity(e.opportunityId(), e.date(), null, null));
            }
            if (e.kind() == OutcomeKind.CHURNED && (churn[i] == null || e.date().isBefore(churn[i]))) {
                churn[i] = e.date();
            }
        }
        RenewalOpportunity[][] arr = new RenewalOpportunity[n][];
        for (int i = 0; i < n; i++) {
            arr[i] = r.get(i).toArray(new RenewalOpportunity[0]);
            Arrays.sort(arr[i], Comparator.comparing(RenewalOpportunity::renewalDate));
        }
        return new AccountCalendar(arr, churn, since);
    }

    /** The first renewal on or after the day, null when none is known. */
    public RenewalOpportunity nextRenewal(int account, LocalDate day) {
        for (RenewalOpportunity o : renewals[account]) {
            if (!o.renewalDate().isBefore(day)) {
                return o;
            }
        }
        return null;
    }

    /** A customer on that day: started on or before it (or start unknown) and not churned on or before it. */
    public boolean inScope(int account, LocalDate day) {
        return (customerSince[account] == null || !customerSince[account].isAfter(day))
                && (churnedOn[account] == null || churnedOn[account].isAfter(day));
    }

    public LocalDate churnedOn(int account) {
        return churnedOn[account];
    }
}
