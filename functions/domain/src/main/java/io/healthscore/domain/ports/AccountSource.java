package io.healthscore.domain.ports;

import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import java.time.LocalDate;

/**
 * The CRM: registers the accounts in scope with their profile, renewal, contacts, activities, cases and
 * the health the last run wrote. Salesforce in AWS, files in local mode.
 */
public interface AccountSource {

    void loadAccounts(AccountBook book, LocalDate asOf, RejectLog rejects);
}
