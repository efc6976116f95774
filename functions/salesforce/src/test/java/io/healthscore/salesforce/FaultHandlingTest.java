package io.healthscore.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.healthscore.domain.ports.WriteReport;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.salesforce.auth.JwtBearerCredentials;
import io.healthscore.salesforce.call.CallSettings;
import io.healthscore.salesforce.call.SalesforceAuthenticationException;
import io.healthscore.salesforce.call.SalesforceDailyLimitException;
import io.healthscore.salesforce.call.SalesforceQueryException;
import io.healthscore.salesforce.call.SalesforceSessionException;
import io.healthscore.salesforce.call.SalesforceUnavailableException;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import io.healthscore.testkit.salesforce.oauth.ConnectedAppCredentials;
import io.healthscore.testkit.salesforce.seed.SampleOrgSeeder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every fault the org can throw at the adapter, with what was written, reported and retried. 1,000 accounts: five
 * update calls of 200 when nothing goes wrong.
 */
class FaultHandlingTest {

    static final int ACCOUNTS = 1_000;

    SalesforceOrgEmulator org;
    SyntheticOrg seeded;
    final RecordingSleeper sleeper = new RecordingSleeper();
    final RecordingLog log = new RecordingLog();

    @AfterEach
    void stop() {
        if (org != null) {
            org.close();
        }
    }

    /** Starts and seeds the org, connects and pulls (which records what the org holds now). */
    private SalesforceAdapter pulled(SalesforceOrgEmulator.Builder builder, SalesforceSettings settings, CallSettings calls) {
        org = builder.start();
        SampleOrgSeeder.declareHealthScoreSchema(org);
        seeded = SyntheticOrg.seed(org, ACCOUNTS, false);
        SalesforceAdapter adapter = TestOrg.connect(org, settings, calls, sleeper, log);
        adapter.accountSource().loadAccounts(new AccountBook(), TestOrg.AS_OF, new RejectLog());
        org.calls().reset();
        return adapter;
    }

    private SalesforceAdapter pulled() {
        return pulled(TestOrg.builder(), SalesforceSettings.defaults(), TestOrg.calls());
    }

    private WriteReport writeAll(SalesforceAdapter adapter) {
        return adapter.healthSink().write(seeded.healths(0), List.of());
    }

    @Test
    void aboveTheThresholdChangedAccountsGoThroughOneBulkJobWithPerRowResults() {
        SalesforceSettings bulk = SalesforceSettings.fromEnvironment(Map.of("SF_BULK_WRITE_ABOVE_RECORDS", "500",
                "SF_BULK_WRITE_BATCH_SIZE", "400"));
        SalesforceAdapter adapter = pulled(TestOrg.builder(), bulk, TestOrg.calls());
        String locked = seeded.accountIds.get(17);
        String invalid = seeded.accountIds.get(99);
        String deleted = seeded.accountIds.get(555);
        org.faults().lockRows(1, locked);
        org.faults().rejectWithValidationRule("Blocked by a rule", invalid);
        org.delete(deleted);

        WriteReport report = writeAll(adapter);

        assertThat(report.accountsChanged()).isEqualTo(ACCOUNTS - 2);
        assertThat(report.accountsFailed()).containsOnlyKeys(invalid, deleted);
        assertThat(report.accountsFailed().get(invalid)).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION: Blocked by a rule");
        assertThat(report.accountsFailed().get(deleted)).startsWith("ENTITY_IS_DELETED: ");
        assertThat(org.calls().count(ApiOperation.BULK_CREATE_JOB)).isEqualTo(1);
        assertThat(org.calls().recordsPerCall(ApiOperation.BULK_ADD_BATCH)).containsExactly(400, 400, 200);
        assertThat(org.calls().count(ApiOperation.BULK_CLOSE_JOB)).isEqualTo(1);
        // the locked row is retried once through the Partner API, after a backoff
        assertThat(org.calls().recordsPerCall(ApiOperation.UPDATE)).containsExactly(1);
        assertThat(sleeper.waits).hasSize(1);
        assertThat(report.writeCalls()).isEqualTo(1 + 3 + 1);
        assertThat(org.get(locked).orElseThrow()).containsEntry("Health_Band__c", seeded.healths(0).get(17).band().wireName());
        assertThat(org.get(seeded.accountIds.get(999)).orElseThrow()).containsEntry("Health_History__c",
                TestOrg.AS_OF + ":" + seeded.healths(0).get(999).score());
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheCallReplayed() {
        SalesforceAdapter adapter = pulled();
        org.faults().expireAllSessions();

        WriteReport report = writeAll(adapter);

        assertThat(report.accountsChanged()).isEqualTo(ACCOUNTS);
        assertThat(report.accountsFailed()).isEmpty();
        assertThat(org.calls().count(ApiOperation.OAUTH_TOKEN)).isEqualTo(1);
        assertThat(adapter.session().authentications()).isEqualTo(2);
        // the refused call, its replay and the four others
        assertThat(org.calls().count(ApiOperation.UPDATE)).isEqualTo(6);
        assertThat(log.calls("account.update")).filteredOn(e -> "reauthenticate".equals(e.fields().get("outcome")))
                .singleElement().satisfies(e -> assertThat(e.fields()).containsEntry("code", "INVALID_SESSION_ID"));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aSessionStillInvalidAfterOneRenewalIsATypedError() {
        // every session dies right after it is issued: the renewal cannot help
        org = TestOrg.builder().clock(new TickingClock(TestOrg.NOW)).sessionTimeout(Duration.ZERO).start();
        SampleOrgSeeder.declareHealthScoreSchema(org);
        SalesforceAdapter adapter = TestOrg.connect(org, SalesforceSettings.defaults(), sleeper, log);

        assertThatThrownBy(() -> adapter.accountSource().loadAccounts(new AccountBook(), TestOrg.AS_OF, new RejectLog()))
                .isInstanceOfSatisfying(SalesforceSessionException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_SESSION_ID");
                    assertThat(e.operation().wireName()).isEqualTo("account.count");
                });
        assertThat(org.calls().count(ApiOperation.OAUTH_TOKEN)).isEqualTo(2);
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(2);
    }

    @Test
    void lockedRowsAreRetriedWithBackoffThenWritten() {
        SalesforceAdapter adapter = pulled();
        List<String> locked = seeded.accountIds.subList(10, 13);
        org.faults().lockRows(2, locked.toArray(String[]::new));

        WriteReport report = writeAll(adapter);

        assertThat(report.accountsChanged()).isEqualTo(ACCOUNTS);
        assertThat(report.accountsFailed()).isEmpty();
        assertThat(org.calls().recordsPerCall(ApiOperation.UPDATE)).containsExactly(200, 200, 200, 200, 200, 3, 3);
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        for (String id : locked) {
            assertThat(org.get(id).orElseThrow()).containsKey("Health_Score__c");
        }
    }

    @Test
    void rowsStillLockedAfterTheBoundedRetriesAreReported() {
        SalesforceAdapter adapter = pulled();
        String stuck = seeded.accountIds.get(7);
        org.faults().lockRows(50, stuck);

        WriteReport report = writeAll(adapter);

        assertThat(report.accountsChanged()).isEqualTo(ACCOUNTS - 1);
        assertThat(report.accountsFailed()).containsOnlyKeys(stuck);
        assertThat(report.accountsFailed().get(stuck)).startsWith("UNABLE_TO_LOCK_ROW").contains("3 retries");
        assertThat(org.calls().count(ApiOperation.UPDATE)).isEqualTo(5 + 3);
    }

    @Test
    void validationRuleFailuresAndDeletedRecordsAreReportedWithIdAndMessageAndTheRestIsWritten() {
        SalesforceAdapter adapter = pulled();
        String invalid = seeded.accountIds.get(3);
        String deleted = seeded.accountIds.get(404);
        org.faults().rejectWithValidationRule("An override band needs a reason and an expiry date", invalid);
        org.delete(deleted);

        WriteReport report = writeAll(adapter);

        assertThat(report.accountsChanged()).isEqualTo(ACCOUNTS - 2);
        assertThat(report.accountsFailed()).containsOnlyKeys(invalid, deleted);
        assertThat(report.accountsFailed().get(invalid))
                .isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION: An override band needs a reason and an expiry date");
        assertThat(report.accountsFailed().get(deleted)).startsWith("ENTITY_IS_DELETED: ");
        assertThat(org.calls().count(ApiOperation.UPDATE)).isEqualTo(5);
        assertThat(sleeper.waits).isEmpty();
        assertThat(report.stopReason()).isNull();
    }

    @Test
    void theDailyLimitReachedDuringWritesStopsCleanlyWithAReport() {
        SalesforceAdapter adapter = pulled();
        // another integration uses up the allocation after our last response
        org.limits().setUsed(org.limits().dailyAllocation());

        WriteReport report = adapter.healthSink().write(seeded.healths(0),
                List.of(new io.healthscore.domain.playbooks.TaskPlan("k1", seeded.accountIds.get(0), "rule", seeded.ownerId,
                        "s", "d", TestOrg.AS_OF, io.healthscore.domain.model.PlaybookRule.TaskPriority.HIGH)));

        assertThat(report.accountsChanged()).isZero();
        assertThat(report.notWritten()).hasSize(ACCOUNTS).containsAll(seeded.accountIds);
        assertThat(report.stopReason()).startsWith("REQUEST_LIMIT_EXCEEDED").contains("TotalRequests Limit exceeded");
        assertThat(report.tasksFailed()).containsOnlyKeys("k1");
        assertThat(report.tasksFailed().get("k1")).startsWith("NOT_ATTEMPTED: REQUEST_LIMIT_EXCEEDED");
        assertThat(org.calls().count(ApiOperation.UPDATE)).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void theDailyLimitReachedDuringThePullIsATypedError() {
        org = TestOrg.start();
        org.limits().setUsed(org.limits().dailyAllocation());
        SalesforceAdapter adapter = TestOrg.connect(org, SalesforceSettings.defaults(), sleeper, log);

        assertThatThrownBy(() -> adapter.accountSource().loadAccounts(new AccountBook(), TestOrg.AS_OF, new RejectLog()))
                .isInstanceOfSatisfying(SalesforceDailyLimitException.class,
                        e -> assertThat(e.code()).isEqualTo("REQUEST_LIMIT_EXCEEDED"));
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(1);
    }

    @Test
    void writingStopsAtTheConfiguredShareOfTheDailyAllocation() {
        SalesforceAdapter adapter = pulled();
        org.limits().setDailyAllocation(1_000);
        org.limits().setUsed(796);

        WriteReport report = writeAll(adapter);

        // calls 797..800 are made; at 800 of 1,000 (80 %) the next call is not
        assertThat(org.calls().count(ApiOperation.UPDATE)).isEqualTo(4);
        assertThat(report.accountsChanged()).isEqualTo(800);
        assertThat(report.notWritten()).hasSize(200).containsExactlyElementsOf(seeded.accountIds.subList(800, 1_000));
        assertThat(report.stopReason()).contains("80.0 % of the daily allocation (800 of 1,000)").contains("stops at 80 %");
        assertThat(report.writeCalls()).isEqualTo(4);
        assertThat(org.get(seeded.accountIds.get(900)).orElseThrow()).doesNotContainKey("Health_Score__c");
    }

    @Test
    void http500IsRetriedWithBackoffThenSucceeds() {
        SalesforceAdapter adapter = pulled();
        org.faults().failNextHttpCalls(2);

        WriteReport report = writeAll(adapter);

        assertThat(report.accountsChanged()).isEqualTo(ACCOUNTS);
        assertThat(org.calls().count(ApiOperation.UPDATE)).isEqualTo(5 + 2);
        assertThat(sleeper.waits).hasSize(2);
        assertThat(log.calls("account.update")).filteredOn(e -> "retry".equals(e.fields().get("outcome")))
                .extracting(e -> e.fields().get("code")).containsExactly("http_error", "http_error");
    }

    @Test
    void http500ThatPersistsIsATypedErrorAfterBoundedAttempts() {
        org = TestOrg.start();
        SalesforceAdapter adapter = TestOrg.connect(org, SalesforceSettings.defaults(), sleeper, log);
        org.faults().failNextHttpCalls(100);

        assertThatThrownBy(() -> adapter.accountSource().loadAccounts(new AccountBook(), TestOrg.AS_OF, new RejectLog()))
                .isInstanceOfSatisfying(SalesforceUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.code()).isEqualTo("http_error");
                });
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(4);
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void slowResponsesTimeOutAndAreRetried() {
        CallSettings fast = TestOrg.calls().withReadTimeouts(Duration.ofMillis(300));
        SalesforceAdapter adapter = pulled(TestOrg.builder(), SalesforceSettings.defaults(), fast);
        org.faults().delayResponses(Duration.ofMillis(1_200));
        sleeper.onSleep(() -> org.faults().delayResponses(Duration.ZERO));

        WriteReport report = writeAll(adapter);

        assertThat(report.accountsChanged()).isEqualTo(ACCOUNTS);
        assertThat(log.calls("account.update")).filteredOn(e -> "retry".equals(e.fields().get("outcome")))
                .extracting(e -> e.fields().get("code")).containsExactly("timeout");
    }

    @Test
    void responsesThatStaySlowAreATypedTimeoutError() {
        org = TestOrg.start();
        CallSettings fast = TestOrg.calls().withReadTimeouts(Duration.ofMillis(200))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20));
        SalesforceAdapter adapter = TestOrg.connect(org, SalesforceSettings.defaults(), fast, sleeper, log);
        org.faults().delayResponses(Duration.ofMillis(700));

        assertThatThrownBy(() -> adapter.accountSource().loadAccounts(new AccountBook(), TestOrg.AS_OF, new RejectLog()))
                .isInstanceOfSatisfying(SalesforceUnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo("timeout");
                    assertThat(e.attempts()).isEqualTo(2);
                });
        org.faults().clear();
    }

    @Test
    void theConcurrentRequestLimitIsRetried() {
        org = TestOrg.builder().concurrentLongRunningRequests(0, Duration.ZERO).start();
        SampleOrgSeeder.declareHealthScoreSchema(org);
        SyntheticOrg.seed(org, 10, false);
        SalesforceAdapter adapter = TestOrg.connect(org, SalesforceSettings.defaults(), sleeper, log);
        sleeper.onSleep(() -> org.limits().setConcurrentLongRunningLimit(25, Duration.ofSeconds(20)));
        AccountBook book = new AccountBook();

        adapter.accountSource().loadAccounts(book, TestOrg.AS_OF, new RejectLog());

        assertThat(book.size()).isEqualTo(10);
        assertThat(log.calls("account.count")).extracting(e -> e.fields().get("outcome")).containsExactly("retry", "ok");
        assertThat(log.calls("account.count").get(0).fields()).containsEntry("code", "REQUEST_LIMIT_EXCEEDED_CONCURRENT");
    }

    @Test
    void aRefusedJwtIsATypedAuthenticationErrorAndNotRetried() {
        org = TestOrg.start();
        ConnectedAppCredentials other = ConnectedAppCredentials.generate(TestOrg.APP.clientId());
        JwtBearerCredentials wrongKey = new JwtBearerCredentials(URI.create(org.loginUrl()), org.loginUrl(),
                TestOrg.APP.clientId(), TestOrg.USER, other.privateKey());

        assertThatThrownBy(() -> SalesforceAdapter.builder(() -> wrongKey).calls(TestOrg.calls()).clock(TestOrg.CLOCK)
                .sleeper(sleeper).log(log).connect())
                .isInstanceOfSatisfying(SalesforceAuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_grant"));
        assertThat(org.calls().count(ApiOperation.OAUTH_TOKEN)).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aMalformedScopeFilterIsATypedQueryErrorAndNotRetried() {
        org = TestOrg.start();
        SalesforceAdapter adapter = TestOrg.connect(org, SalesforceSettings.defaults().withAccountFilter("Type = "),
                sleeper, log);

        assertThatThrownBy(() -> adapter.accountSource().loadAccounts(new AccountBook(), TestOrg.AS_OF, new RejectLog()))
                .isInstanceOfSatisfying(SalesforceQueryException.class,
                        e -> assertThat(e.code()).isEqualTo("MALFORMED_QUERY"));
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(1);
    }

    @Test
    void logLinesCarryOperationsAttemptsDurationsAndCountsButNoRecordValues() {
        SalesforceAdapter adapter = pulled();
        org.faults().failNextHttpCalls(1);
        List<AccountHealth> healths = seeded.healths(0);

        adapter.healthSink().write(healths, List.of());

        assertThat(log.calls("account.update")).allSatisfy(e -> assertThat(e.fields())
                .containsKeys("operation", "attempt", "duration_ms", "records", "outcome"));
        String all = String.join("\n", log.lines);
        assertThat(all).doesNotContain("Customer 1").doesNotContain("\"Health_Drivers__c\"").doesNotContain("10000.0");
        assertThat(log.lines).allSatisfy(line -> assertThat(line).startsWith("{\"ts\":").contains("\"event\":\"salesforce_"));
    }

    /** A clock that moves one millisecond every time it is read. */
    static final class TickingClock extends Clock {
        private final Instant start;
        private final AtomicLong ticks = new AtomicLong();

        TickingClock(Instant start) {
            this.start = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusMillis(ticks.incrementAndGet());
        }
    }
}
