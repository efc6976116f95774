package io.healthscore.backtest.outcomes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One known outcome: a closed renewal (won, lost or downgraded) or a churn date from the CRM.
 * Outcomes are only ever compared with scores; they never feed a score.
 *
 * @param accountId     account id
 * @param date          renewal close date, or the churn date
 * @param kind          what happened
 * @param opportunityId the renewal opportunity, null for a churn date from an account field
 * @param source        where it came from ("renewal_outcomes", "crm_accounts.churned_on", ...)
 * @param renewal       true for a closed renewal (its date was on the calendar in advance), false for a
 *                      churn date from an account field
 */
public record OutcomeEvent(String accountId, LocalDate date, OutcomeKind kind, String opportunityId, String source,
                           boolean renewal) {

    public OutcomeEvent {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    /** The same event with another kind (used by the leakage tests that permute labels). */
    public OutcomeEvent withKind(OutcomeKind newKind) {
        return new OutcomeEvent(accountId, date, newKind, opportunityId, source, renewal);
    }
}
