package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.Contact;
import io.healthscore.domain.facts.Contact.StakeholderRole;
import io.healthscore.domain.facts.CsmOverride;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.facts.RenewalOpportunity;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.facts.Touch;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.Band;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRM as files (local mode): crm_accounts decides the accounts in scope; contacts and activities. */
class CrmTablesTest {

    private static final String ACCOUNTS = "crm_accounts.csv";

    @TempDir
    Path dir;

    private Loaded loadAccounts(String caseFile) {
        return new ExportFolder(dir).add("cases/crm_accounts/" + caseFile, ACCOUNTS).load();
    }

    @Test
    void quotedFieldWithEmbeddedNewlineAndCommaIsOneValue() {
        Loaded loaded = loadAccounts("quoted-newline-and-comma.csv");

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-2", "acc-3");
        assertThat(loaded.facts("acc-1").profile().name()).isEqualTo("Northwind Traders, Inc.\nEMEA division");
        assertThat(loaded.facts("acc-2").profile().name()).isEqualTo("Contoso \"West\"");
        // a multi-line record is still one row
        assertThat(loaded.stats()).containsExactly(new TableReader.FileStats(ACCOUNTS, 3, 3, 0, null));
    }

    @Test
    void invalidUtf8InOneRowRejectsOnlyThatRow() {
        Loaded loaded = loadAccounts("latin1-name.csv");

        assertThat(loaded.rejects()).containsExactly(reject(ACCOUNTS, 2, "name", "invalid_utf8",
                "'name' holds bytes that are not valid UTF-8"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-3");
    }

    @Test
    void byteOrderMarkBeforeTheHeaderIsAccepted() {
        Loaded loaded = loadAccounts("bom.csv");

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-2");
    }

    @Test
    void unknownPreviousBandIsRejected() {
        Loaded loaded = loadAccounts("bad-previous-band.csv");

        assertThat(loaded.rejects()).containsExactly(reject(ACCOUNTS, 2, "previous_band", "bad_band",
                "unknown band 'amber' (expected healthy, watching, at_risk, critical or insufficient_signal)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-3");
        assertThat(loaded.facts("acc-3").previous().band()).isEqualTo(Band.AT_RISK);
    }

    @Test
    void malformedHistoryEntryIsRejected() {
        Loaded loaded = loadAccounts("bad-history.csv");

        assertThat(loaded.rejects()).containsExactly(reject(ACCOUNTS, 2, "history", "bad_history",
                "history entry '2026-10-26=61' is not date:score (e.g. 2026-09-07:72)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-3");
        assertThat(loaded.facts("acc-1").previous().history()).containsExactly(
                new HistoryPoint(LocalDate.of(2026, 10, 19), 70), new HistoryPoint(LocalDate.of(2026, 10, 26), 72));
    }

    @Test
    void unknownSegmentIsRejected() {
        Loaded loaded = loadAccounts("bad-segment.csv");

        assertThat(loaded.rejects()).containsExactly(reject(ACCOUNTS, 2, "segment", "bad_segment",
                "unknown segment 'startup' (expected smb, mid_market or enterprise)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-3");
        assertThat(loaded.facts("acc-3").profile().segment()).isEqualTo(Segment.ENTERPRISE);
    }

    @Test
    void previousScoreAboveHundredIsRejected() {
        Loaded loaded = loadAccounts("previous-score-out-of-range.csv");

        assertThat(loaded.rejects()).containsExactly(reject(ACCOUNTS, 2, "previous_score", "out_of_range",
                "'previous_score' value 140.0 is outside 0.0-100.0"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-3");
    }

    @Test
    void negativeArrIsRejected() {
        Loaded loaded = loadAccounts("negative-arr.csv");

        assertThat(loaded.rejects()).containsExactly(reject(ACCOUNTS, 2, "arr", "negative_value",
                "'arr' is negative (-180000.0)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-3");
    }

    @Test
    void repeatedAccountIdIsRejectedAndTheFirstRowWins() {
        Loaded loaded = loadAccounts("duplicate-account.csv");

        assertThat(loaded.rejects()).containsExactly(reject(ACCOUNTS, 3, "account_id", "duplicate_row",
                "duplicate of an earlier row with account_id 'acc-1'"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-2");
        assertThat(loaded.facts("acc-1").profile().name()).isEqualTo("Northwind Traders");
    }

    @Test
    void repeatedAccountIdIsRejectedWhateverTheOrderOfChurnedAndActiveRows() {
        Loaded loaded = loadAccounts("churned-then-active.csv");

        assertThat(loaded.rejects()).containsExactly(reject(ACCOUNTS, 3, "account_id", "duplicate_row",
                "duplicate of an earlier row with account_id 'acc-2'"));
        assertThat(loaded.accounts()).containsExactly("acc-1");
    }

    @Test
    void missingAccountsFileIsReportedAndNothingIsInScope() {
        Loaded loaded = new ExportFolder(dir).valid("usage_weekly.csv").load();

        assertThat(loaded.rejects()).containsExactly(
                reject(ACCOUNTS, 0, null, "missing_file", "no crm_accounts file in the input: there are no accounts in scope"),
                reject("usage_weekly.csv", 1, "account_id", "unknown_account",
                        "account 'acc-1' is not in scope (not in the CRM accounts)"),
                reject("usage_weekly.csv", 2, "account_id", "unknown_account",
                        "account 'acc-1' is not in scope (not in the CRM accounts)"),
                reject("usage_weekly.csv", 3, "account_id", "unknown_account",
                        "account 'acc-2' is not in scope (not in the CRM accounts)"),
                reject("usage_weekly.csv", 4, "account_id", "unknown_account",
                        "account 'acc-3' is not in scope (not in the CRM accounts)"));
        assertThat(loaded.accounts()).isEmpty();
    }

    @Test
    void accountsCarryProfileRenewalPreviousHealthAndOverride() {
        Loaded loaded = new ExportFolder(dir).valid(ACCOUNTS).load();

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.facts("acc-2").profile()).isEqualTo(new AccountProfile("acc-2", "Contoso", Segment.MID_MARKET,
                "premium", 800, 180000.50, LocalDate.of(2021, 7, 15), "005-csm-2", "005-mgr-1"));
        assertThat(loaded.facts("acc-2").renewal()).isNull();
        assertThat(loaded.facts("acc-2").previous()).isEqualTo(PreviousHealth.none());
        assertThat(loaded.facts("acc-1").previous()).isEqualTo(new PreviousHealth(72, Band.HEALTHY,
                LocalDate.of(2026, 10, 26), LocalDate.of(2026, 6, 1),
                List.of(new HistoryPoint(LocalDate.of(2026, 10, 19), 70), new HistoryPoint(LocalDate.of(2026, 10, 26), 72)),
                null));
        assertThat(loaded.facts("acc-3").renewal())
                .isEqualTo(new RenewalOpportunity("006-ren-3", LocalDate.of(2026, 12, 31), 1_300_000.0, null));
        assertThat(loaded.facts("acc-3").previous().override())
                .isEqualTo(new CsmOverride(Band.WATCHING, "exec sponsor re-engaged", LocalDate.of(2026, 12, 1)));
    }

    @Test
    void accountChurnedOnOrBeforeTheAsOfDateIsOutOfScopeAndOneChurningLaterIsScored() {
        Loaded loaded = new ExportFolder(dir).valid(ACCOUNTS).load();

        // acc-9 churned 2026-06-30; acc-3 churns 2027-01-31, after the as-of date 2026-11-02
        assertThat(loaded.accounts()).containsExactly("acc-1", "acc-2", "acc-3");
        assertThat(loaded.book().outOfScopeAccounts()).isEqualTo(1);
        assertThat(loaded.rejects()).isEmpty();
    }

    @Test
    void backtestModeKeepsChurnedAccountsInTheBook() {
        ExportFolder folder = new ExportFolder(dir).valid(ACCOUNTS).valid("usage_weekly.csv");
        AccountBook book = new AccountBook();
        RejectLog log = new RejectLog();
        CrmTables crm = new CrmTables(folder.files(), true);

        crm.loadAccounts(book, ExportFolder.AS_OF, log);

        assertThat(book.accountIds()).containsExactly("acc-1", "acc-2", "acc-3", "acc-9");
        assertThat(crm.outOfScopeIds()).isEmpty();
        assertThat(log.total()).isZero();
    }

    @Test
    void churnedAccountsAreListedAsOutOfScope() {
        ExportFolder folder = new ExportFolder(dir).valid(ACCOUNTS);
        CrmTables crm = new CrmTables(folder.files());

        crm.loadAccounts(new AccountBook(), ExportFolder.AS_OF, new RejectLog());

        assertThat(crm.outOfScopeIds()).containsExactly("acc-9");
    }

    @Test
    void contactWithUnknownRoleIsRejected() {
        Loaded loaded = new ExportFolder(dir).valid(ACCOUNTS).add("cases/crm_contacts/bad-role.csv", "crm_contacts.csv").load();

        assertThat(loaded.rejects()).containsExactly(reject("crm_contacts.csv", 2, "role", "bad_role",
                "unknown stakeholder role 'influencer' (expected champion, executive_sponsor, economic_buyer or user)"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.contacts()).containsExactly("acc-1 C-1", "acc-3 C-3");
        assertThat(loaded.facts("acc-3").contacts()).extracting(Contact::role).containsExactly(StakeholderRole.EXECUTIVE_SPONSOR);
    }

    @Test
    void contactsDefaultToUserAndStillAtTheCompany() {
        Loaded loaded = new ExportFolder(dir).valid(ACCOUNTS).valid("crm_contacts.csv").load();

        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.facts("acc-3").contacts()).containsExactly(new Contact("C-4", StakeholderRole.USER, false, null, null));
        assertThat(loaded.facts("acc-2").contacts()).containsExactly(new Contact("C-3", StakeholderRole.ECONOMIC_BUYER, true,
                LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 15)));
        assertThat(loaded.book().loadedSources()).contains(FactSource.CONTACTS);
    }

    @Test
    void activityWithoutTypeIsRejected() {
        Loaded loaded = new ExportFolder(dir).valid(ACCOUNTS)
                .add("cases/crm_activities/missing-type.csv", "crm_activities.csv").load();

        assertThat(loaded.rejects()).containsExactly(reject("crm_activities.csv", 2, "type", "missing_value", "'type' is empty"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.touches()).containsExactly("acc-1 ACT-1", "acc-3 ACT-3");
    }

    @Test
    void activityTimestampBecomesTheUtcDate() {
        Loaded loaded = new ExportFolder(dir).valid(ACCOUNTS).valid("crm_activities.csv").load();

        // 2026-10-30T16:00:00-08:00 is 2026-10-31T00:00Z
        assertThat(loaded.facts("acc-2").touches()).containsExactly(new Touch("ACT-2", LocalDate.of(2026, 10, 31), "meeting"));
    }
}
