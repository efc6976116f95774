package io.healthscore.domain.facts;

import java.time.LocalDate;

/**
 * The next open renewal of the account.
 *
 * @param opportunityId opportunity id
 * @param renewalDate   close date of the renewal
 * @param amount        renewal amount, null when unknown
 * @param stage         stage name, may be null
 */
public record RenewalOpportunity(String opportunityId, LocalDate renewalDate, Double amount, String stage) {
}
