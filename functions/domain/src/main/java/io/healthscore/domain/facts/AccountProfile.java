package io.healthscore.domain.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * CRM facts about one account.
 *
 * @param accountId      Salesforce Account id (or the export's account key)
 * @param name           display name, may be null
 * @param segment        size segment
 * @param tier           free-form service tier (e.g. "premium"), may be null
 * @param employees      employee count, null when unknown
 * @param arr            annual recurring revenue in the account currency, null when unknown
 * @param customerSince  first contract start, null when unknown
 * @param ownerId        account owner (CSM) user id, may be null
 * @param ownerManagerId the owner's manager user id, may be null
 */
public record AccountProfile(
        String accountId,
        String name,
        Segment segment,
        String tier,
        Integer employees,
        Double arr,
        LocalDate customerSince,
        String ownerId,
        String ownerManagerId) {

    public AccountProfile {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(segment, "segment");
    }
}
