package io.healthscore.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitsAndFaultsTest {
    private SalesforceOrgEmulator org;

    @AfterEach
    void stop() {
        if (org != null) {
            org.close();
        }
    }

    @Test
    void everyResponseCarriesTheApiUsageInLimitInfoHeader() throws Exception {
        org = TestOrgs.builder().dailyApiRequests(15_000).start();
        PartnerConnection connection = ForceClients.partner(org);

        connection.query("SELECT Id FROM Account");
        assertUsage(connection, 1, 15_000);
        connection.create(new SObject[] {PartnerWriteTest.sObject("Account", Map.of("Name", "A"))});
        connection.getUserInfo();
        assertUsage(connection, 3, 15_000);
        assertThat(org.limits().used()).isEqualTo(3);
    }

    @Test
    void exhaustedAllocationFaultsWithRequestLimitExceeded() throws Exception {
        org = TestOrgs.builder().dailyApiRequests(2).start();
        PartnerConnection connection = ForceClients.partner(org);
        connection.query("SELECT Id FROM Account");
        connection.query("SELECT Id FROM Account");

        assertThatThrownBy(() -> connection.query("SELECT Id FROM Account"))
                .isInstanceOfSatisfying(UnexpectedErrorFault.class, fault -> {
                    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED);
                    assertThat(fault.getExceptionMessage()).isEqualTo("TotalRequests Limit exceeded.");
                });
        org.limits().setDailyAllocation(3);
        connection.query("SELECT Id FROM Account");
        assertUsage(connection, 3, 3);
    }

    @Test
    void tooManyLongRunningRequestsAreRefused() throws Exception {
        org = TestOrgs.builder().concurrentLongRunningRequests(1, Duration.ofMillis(100)).start();
        PartnerConnection slow = ForceClients.partner(org);
        PartnerConnection other = ForceClients.partner(org);
        org.faults().delayResponses(Duration.ofMillis(1_500));

        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
            try {
                return slow.query("SELECT Id FROM Account").getSize();
            } catch (ConnectionException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertThatThrownBy(() -> other.query("SELECT Id FROM Account"))
                .isInstanceOfSatisfying(UnexpectedErrorFault.class, fault -> {
                    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED);
                    assertThat(fault.getExceptionMessage()).isEqualTo("ConcurrentPerOrgLongTxn Limit exceeded.");
                });
        assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
        org.faults().delayResponses(Duration.ZERO);
        assertThat(other.query("SELECT Id FROM Account").getSize()).isZero();
    }

    @Test
    void expiredSessionsFaultWithInvalidSessionId() throws Exception {
        org = TestOrgs.start();
        PartnerConnection connection = ForceClients.partner(org);
        connection.query("SELECT Id FROM Account");
        org.faults().expireAllSessions();

        assertThatThrownBy(() -> connection.query("SELECT Id FROM Account"))
                .isInstanceOfSatisfying(UnexpectedErrorFault.class, fault -> {
                    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
                    assertThat(fault.getExceptionMessage())
                            .isEqualTo("Invalid Session ID found in SessionHeader: Illegal Session");
                });
        assertThat(org.limits().used()).as("refused calls do not count").isEqualTo(1);
    }

    @Test
    void forceWscSessionRenewerRecoversFromAnExpiredSession() throws Exception {
        org = TestOrgs.start();
        ConnectorConfig config = ForceClients.config(org.instanceUrl(), org.issueSession(TestOrgs.INTEGRATION_USER));
        config.setSessionRenewer(expired -> {
            SessionRenewer.SessionRenewalHeader header = new SessionRenewer.SessionRenewalHeader();
            String token = org.issueSession(TestOrgs.INTEGRATION_USER);
            expired.setSessionId(token);
            com.sforce.soap.partner.SessionHeader_element session = new com.sforce.soap.partner.SessionHeader_element();
            session.setSessionId(token);
            header.name = new QName("urn:partner.soap.sforce.com", "SessionHeader");
            header.headerElement = session;
            return header;
        });
        PartnerConnection connection = com.sforce.soap.partner.Connector.newConnection(config);
        org.faults().expireAllSessions();

        assertThat(connection.query("SELECT Id FROM Account").getSize()).isZero();
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(2);
    }

    @Test
    void sessionsTimeOutAfterInactivityOnTheEmulatorClock() throws Exception {
        MutableClock clock = new MutableClock(TestOrgs.NOW);
        org = SalesforceOrgEmulator.builder().clock(clock).user(TestOrgs.INTEGRATION_USER)
                .sessionTimeout(Duration.ofHours(2)).start();
        PartnerConnection connection = ForceClients.partner(org);
        clock.advance(Duration.ofMinutes(119));
        connection.query("SELECT Id FROM Account");
        clock.advance(Duration.ofMinutes(121));
        assertThatThrownBy(() -> connection.query("SELECT Id FROM Account"))
                .isInstanceOfSatisfying(UnexpectedErrorFault.class, fault ->
                        assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID));
    }

    @Test
    void injectedHttpErrorsSurfaceAsConnectionExceptionsThenClear() throws Exception {
        org = TestOrgs.start();
        PartnerConnection connection = ForceClients.partner(org);
        org.faults().failNextHttpCalls(2, 503);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> connection.query("SELECT Id FROM Account"))
                    .isInstanceOf(ConnectionException.class)
                    .isNotInstanceOf(com.sforce.soap.partner.fault.ApiFault.class);
        }
        assertThat(connection.query("SELECT Id FROM Account").isDone()).isTrue();
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(3);
        assertThat(org.limits().used()).isEqualTo(1);
    }

    @Test
    void delayedResponsesTripTheClientReadTimeout() throws Exception {
        org = TestOrgs.start();
        ConnectorConfig config = ForceClients.config(org.instanceUrl(), org.issueSession(TestOrgs.INTEGRATION_USER));
        config.setReadTimeout(200);
        PartnerConnection connection = com.sforce.soap.partner.Connector.newConnection(config);
        org.faults().delayResponses(Duration.ofMillis(800));

        assertThatThrownBy(() -> connection.query("SELECT Id FROM Account"))
                .isInstanceOf(ConnectionException.class)
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void countersRecordCallsAndRecordsPerCall() throws Exception {
        org = TestOrgs.start();
        PartnerConnection connection = ForceClients.partner(org);
        String account = org.insert("Account", Map.of("Name", "A"));
        SObject change = PartnerWriteTest.sObject("Account", Map.of("Health_Score__c", 50.0));
        change.setId(account);
        SaveResult[] saved = connection.update(new SObject[] {change});
        connection.update(new SObject[] {change, change});
        connection.query("SELECT Id FROM Account");

        assertThat(saved[0].isSuccess()).isTrue();
        assertThat(org.calls().count(ApiOperation.UPDATE)).isEqualTo(2);
        assertThat(org.calls().recordsPerCall(ApiOperation.UPDATE)).containsExactly(1, 2);
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(1);
        assertThat(org.calls().total()).isEqualTo(3);
        org.calls().reset();
        assertThat(org.calls().total()).isZero();
    }

    private static void assertUsage(PartnerConnection connection, int current, int limit) {
        LimitInfo info = connection.getLimitInfoHeader().getLimitInfo()[0];
        assertThat(info.getType()).isEqualTo("API REQUESTS");
        assertThat(info.getCurrent()).isEqualTo(current);
        assertThat(info.getLimit()).isEqualTo(limit);
    }
}
