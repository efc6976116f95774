package io.healthscore.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.ports.HealthSink;
import io.healthscore.domain.ports.RunProgress;
import io.healthscore.domain.run.RunSummary;
import io.healthscore.domain.run.ScoringRun;
import io.healthscore.domain.scoring.Scorer;
import io.healthscore.modelfile.ScoringModelFile;
import io.healthscore.salesforce.pull.SalesforceAccountSource;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import io.healthscore.testkit.salesforce.control.CallCounters;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * API calls of two identical weekly runs over 10,000 accounts with related records (a contact, 2 renewals, 2 tasks,
 * 1 event, 2 cases each: 80,000 related records).
 *
 * <p>Pull budget, justified: the pull costs 1 COUNT() query, 1 account query and ceil(accounts / 2,000) - 1
 * queryMore pages (relationship queries bring owner, manager, renewals and contacts with each page), and above
 * {@code bulkReadAboveAccounts} (default 5,000) three Bulk query jobs for cases, tasks and events at 6 calls each
 * (create, add batch, close, batch status, result list, one result file): 1 + 5 + 18 = 24 calls for 10,000
 * accounts (1 + 5 = 6 through relationship queries only; that path is asserted on the 500-account sample in
 * SampleOrgTest). The budget asserted is 30: the 24 calls plus a few status polls while a real org's batches are
 * still running. Against a real org, two or more long-text fields in the account query cap its pages at 200 records
 * (+45 queryMore calls): about 70 calls, under 0.1 % of a 100,000-request daily allocation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallBudgetTest {

    static final int ACCOUNTS = 10_000;
    static final int PULL_BUDGET = 30;
    static SalesforceOrgEmulator org;
    static SalesforceAdapter adapter;
    static ScoringRun run;

    @BeforeAll
    static void seed() {
        org = TestOrg.start();
        SyntheticOrg.seed(org, ACCOUNTS, true);
        adapter = TestOrg.connect(org, SalesforceSettings.defaults(), new RecordingSleeper(), new RecordingLog());
        // Tasks are left out here: their calls are asserted in TaskUpsertTest and SampleOrgTest, and the emulator
        // finds upsert keys by scanning (thousands of upserts against 80,000 records take minutes)
        HealthSink accountsOnly = (healths, tasks) -> adapter.healthSink().write(healths, List.of());
        run = new ScoringRun(new Scorer(ScoringModelFile.loadDefault()), adapter.accountSource(),
                (book, asOf, rejects) -> { }, accountsOnly, RunProgress.SILENT);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    /** Every call but the token request and the account writes. */
    static int pullCalls(CallCounters c) {
        int calls = 0;
        for (ApiOperation op : ApiOperation.values()) {
            if (op != ApiOperation.OAUTH_TOKEN && op != ApiOperation.UPDATE && op != ApiOperation.UPSERT
                    && op != ApiOperation.CREATE) {
                calls += c.count(op);
            }
        }
        return calls;
    }

    @Test
    @Order(1)
    void aFirstRunPullsTenThousandAccountsWithinBudgetAndWritesThemInFiftyUpdateCalls() {
        org.calls().reset();
        RunSummary first = run.execute("budget-1", TestOrg.AS_OF);

        SalesforceAccountSource.PullStats stats = adapter.accountSource().stats();
        assertThat(stats.bulk()).isTrue();
        assertThat(first.accounts()).isEqualTo(ACCOUNTS);
        assertThat(first.rejects().total()).isZero();
        assertThat(stats.contacts()).isEqualTo(ACCOUNTS);
        assertThat(stats.touches()).isEqualTo(3 * ACCOUNTS);
        assertThat(stats.cases()).isEqualTo(2 * ACCOUNTS);
        assertThat(stats.renewalsOpen()).isEqualTo(ACCOUNTS);
        assertThat(stats.outcomes()).isEqualTo(ACCOUNTS);
        CallCounters c = org.calls();
        assertThat(c.count(ApiOperation.QUERY)).isEqualTo(2);
        assertThat(c.count(ApiOperation.QUERY_MORE)).isEqualTo(4);
        assertThat(c.count(ApiOperation.BULK_CREATE_JOB)).isEqualTo(3);
        assertThat(pullCalls(c)).isEqualTo(24).isLessThanOrEqualTo(PULL_BUDGET);

        assertThat(first.writes().accountsChanged()).isEqualTo(ACCOUNTS);
        assertThat(c.count(ApiOperation.UPDATE)).isLessThanOrEqualTo(50);
        assertThat(c.recordsPerCall(ApiOperation.UPDATE)).hasSize(50).allMatch(n -> n == 200);
        assertThat(first.writes().writeCalls()).isEqualTo(50);
    }

    @Test
    @Order(2)
    void aSecondIdenticalRunCostsNoWriteCall() {
        org.calls().reset();
        RunSummary second = run.execute("budget-2", TestOrg.AS_OF);

        assertThat(second.writes().accountsUnchanged()).isEqualTo(ACCOUNTS);
        assertThat(second.writes().writeCalls()).isZero();
        assertThat(org.calls().count(ApiOperation.UPDATE)).isZero();
        assertThat(org.calls().count(ApiOperation.UPSERT)).isZero();
        assertThat(pullCalls(org.calls())).isEqualTo(24);
    }
}
