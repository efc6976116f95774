package io.healthscore.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.async.AsyncApiException;
import com.sforce.async.BatchInfo;
import com.sforce.async.BatchInfoList;
import com.sforce.async.BulkConnection;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ApiQueryFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.MessageHandler;
import com.sforce.ws.bind.XmlObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract between the emulator and Salesforce as force-wsc sees it: for each scenario, a fixture authored in the
 * shape of real recorded traffic and the emulator's live answer parse into equal objects (same values and types)
 * and, where values are reproducible, have the same XML infoset.
 */
class WireContractTest {
    private static final String ACME = "0018d000003AcmeAAA";
    private static final String GLOBEX = "0018d000003GlbxAAA";
    private static final String QUERY = "SELECT Id, Name, Type, AnnualRevenue, NumberOfEmployees, LastModifiedDate, "
            + "Owner.Name, Owner.Manager.Email, (SELECT Id, Name, Email FROM Contacts ORDER BY Name), "
            + "(SELECT Id FROM Opportunities) FROM Account WHERE Name = 'Acme Analytics & Co\\'s'";

    private SalesforceOrgEmulator org;

    @BeforeEach
    void start() {
        org = TestOrgs.builder().dailyApiRequests(15_000).start();
        TestOrgs.declareHealthScoreFields(org);
        String manager = org.insert("User", Map.of("Id", "0058d000001MgrXAAQ", "Username", "mia@healthscore.test",
                "FirstName", "Mia", "LastName", "Manager", "Email", "mia.manager@example.com"));
        String owner = org.insert("User", Map.of("Id", "0058d000001OwnrAAC", "Username", "olivia@healthscore.test",
                "FirstName", "Olivia", "LastName", "Owner", "ManagerId", manager));
        org.insert("Account", Map.of("Id", ACME, "Name", "Acme Analytics & Co's", "AnnualRevenue", 12_000_000,
                "NumberOfEmployees", 250, "OwnerId", owner));
        org.insert("Account", Map.of("Id", GLOBEX, "Name", "Globex"));
        org.insert("Contact", Map.of("Id", "0038d000004Cnt2AAA", "FirstName", "Alan", "LastName", "Turing",
                "AccountId", ACME));
        org.insert("Contact", Map.of("Id", "0038d000004Cnt1AAA", "FirstName", "Ada", "LastName", "Lovelace",
                "AccountId", ACME, "Email", "ada@example.com"));
        org.insert("Task", Map.of("Id", "00T8d000005Tsk1AAA", "Subject", "Q1 review",
                "Health_Task_Key__c", "acme-q1"));
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void queryWithParentPathsAndSubqueries() throws Exception {
        org.limits().setUsed(42);
        Exchange<QueryResult> live = live(c -> c.query(QUERY));
        Exchange<QueryResult> fixture = fixture("soap/query_account_relationships_response.xml", 200,
                c -> c.query(QUERY));

        assertThat(describe(live.result())).isEqualTo(describe(fixture.result())).isNotEmpty();
        assertThat(limits(live.connection())).isEqualTo(limits(fixture.connection())).containsExactly("43/15000 API REQUESTS");
        assertThat(XmlInfoset.of(live.raw())).isEqualTo(XmlInfoset.of(fixture.raw()));
        XmlObject owner = live.result().getRecords()[0].getChild("Owner");
        assertThat(owner).isInstanceOf(SObject.class);
    }

    @Test
    void updateWithARecordLevelFailure() throws Exception {
        org.limits().setUsed(43);
        org.faults().lockRows(1, GLOBEX);
        Exchange<SaveResult[]> live = live(c -> c.update(new SObject[] {score(ACME, 80), score(GLOBEX, 70)}));
        Exchange<SaveResult[]> fixture = fixture("soap/update_partial_failure_response.xml", 200,
                c -> c.update(new SObject[0]));

        assertThat(describe(live.result())).isEqualTo(describe(fixture.result()));
        assertThat(limits(live.connection())).isEqualTo(limits(fixture.connection()));
        assertThat(XmlInfoset.of(live.raw())).isEqualTo(XmlInfoset.of(fixture.raw()));
    }

    @Test
    void createWithARequiredFieldMissing() throws Exception {
        org.limits().setUsed(44);
        Exchange<SaveResult[]> live = live(c -> c.create(new SObject[] {
            PartnerWriteTest.sObject("Contact", Map.of("FirstName", "Grace"))}));
        Exchange<SaveResult[]> fixture = fixture("soap/create_required_field_missing_response.xml", 200,
                c -> c.create(new SObject[0]));

        assertThat(describe(live.result())).isEqualTo(describe(fixture.result()));
        assertThat(XmlInfoset.of(live.raw())).isEqualTo(XmlInfoset.of(fixture.raw()));
    }

    @Test
    void upsertMatchedByExternalIdAndMissingKey() throws Exception {
        org.limits().setUsed(45);
        Exchange<UpsertResult[]> live = live(c -> c.upsert("Health_Task_Key__c", new SObject[] {
            PartnerWriteTest.sObject("Task", Map.of("Health_Task_Key__c", "acme-q1", "Subject", "Q1 review done")),
            PartnerWriteTest.sObject("Task", Map.of("Subject", "no key"))}));
        Exchange<UpsertResult[]> fixture = fixture("soap/upsert_updated_and_missing_key_response.xml", 200,
                c -> c.upsert("Health_Task_Key__c", new SObject[0]));

        assertThat(describe(live.result())).isEqualTo(describe(fixture.result()));
        assertThat(XmlInfoset.of(live.raw())).isEqualTo(XmlInfoset.of(fixture.raw()));
    }

    @Test
    void invalidSessionFault() throws Exception {
        String token = org.issueSession(TestOrgs.INTEGRATION_USER);
        org.faults().expireAllSessions();
        assertSameFault(exchange(org.instanceUrl(), token, c -> c.query(QUERY)),
                fixture("soap/fault_invalid_session_id.xml", 500, c -> c.query(QUERY)));
    }

    @Test
    void requestLimitExceededFault() throws Exception {
        org.limits().setDailyAllocation(org.limits().used());
        assertSameFault(live(c -> c.query(QUERY)), fixture("soap/fault_request_limit_exceeded.xml", 500,
                c -> c.query(QUERY)));
    }

    @Test
    void invalidFieldQueryFault() throws Exception {
        String soql = "select adfId, Name, Account.Name from Contact";
        assertSameFault(live(c -> c.query(soql)), fixture("soap/fault_invalid_field.xml", 500, c -> c.query(soql)));
    }

    @Test
    void passwordLoginFault() throws Exception {
        assertSameFault(live(c -> c.login("someone@healthscore.test", "secret")),
                fixture("soap/fault_invalid_login.xml", 500, c -> c.login("someone@healthscore.test", "secret")));
    }

    @Test
    void bulkUpdateJobBatchListAndResults() throws Exception {
        org.faults().lockRows(1, GLOBEX);
        List<byte[]> raw = new ArrayList<>();
        BulkConnection live = bulk(org.instanceUrl(), org.issueSession(TestOrgs.INTEGRATION_USER), raw);
        JobInfo job = live.createJob(BulkApiTest.job(OperationEnum.update, "Account", null));
        BatchInfo batch = live.createBatchFromStream(job,
                BulkApiTest.stream("Id,Health_Score__c\n" + ACME + ",80\n" + GLOBEX + ",70\n"));
        live.getBatchInfo(job.getId(), batch.getId());
        JobInfo closed = live.closeJob(job.getId());
        byte[] closedRaw = raw.get(raw.size() - 1);
        BatchInfoList list = live.getBatchInfoList(job.getId());
        byte[] listRaw = raw.get(raw.size() - 1);
        String results = BulkApiTest.read(live.getBatchResultStream(job.getId(), batch.getId()));

        try (FixtureServer jobFixture = FixtureServer.serving("bulk/jobinfo_update_closed.xml", 200,
                "application/xml");
             FixtureServer listFixture = FixtureServer.serving("bulk/batchinfolist_completed.xml", 200,
                "application/xml")) {
            JobInfo expectedJob = bulk(jobFixture.url(), "fixture", new ArrayList<>()).getJobStatus("7508d000006HoS1AAK");
            BatchInfoList expectedList = bulk(listFixture.url(), "fixture", new ArrayList<>()).getBatchInfoList("x");

            assertThat(describe(closed)).isEqualTo(describe(expectedJob));
            assertThat(XmlInfoset.skeleton(closedRaw))
                    .isEqualTo(XmlInfoset.skeleton(FixtureServer.bytes("bulk/jobinfo_update_closed.xml")));
            assertThat(describe(list)).isEqualTo(describe(expectedList));
            assertThat(XmlInfoset.skeleton(listRaw))
                    .isEqualTo(XmlInfoset.skeleton(FixtureServer.bytes("bulk/batchinfolist_completed.xml")));
        }
        assertThat(results).isEqualTo(text("bulk/batch_result_update_with_failure.csv"));
    }

    @Test
    void bulkQueryResultListAndCsv() throws Exception {
        List<byte[]> raw = new ArrayList<>();
        BulkConnection live = bulk(org.instanceUrl(), org.issueSession(TestOrgs.INTEGRATION_USER), raw);
        JobInfo job = live.createJob(BulkApiTest.job(OperationEnum.query, "Account", null));
        BatchInfo batch = live.createBatchFromStream(job,
                BulkApiTest.stream("SELECT Id, Name, Owner.Name FROM Account WHERE Id = '" + ACME + "'"));
        live.getBatchInfo(job.getId(), batch.getId());
        String[] resultIds = live.getQueryResultList(job.getId(), batch.getId()).getResult();
        byte[] listRaw = raw.get(raw.size() - 1);
        String csv = BulkApiTest.read(live.getQueryResultStream(job.getId(), batch.getId(), resultIds[0]));

        assertThat(XmlInfoset.skeleton(listRaw))
                .isEqualTo(XmlInfoset.skeleton(FixtureServer.bytes("bulk/query_result_list.xml")));
        assertThat(csv).isEqualTo(text("bulk/query_result.csv"));
    }

    @Test
    void bulkInvalidSessionError() throws Exception {
        List<byte[]> raw = new ArrayList<>();
        BulkConnection live = bulk(org.instanceUrl(), org.issueSession(TestOrgs.INTEGRATION_USER), raw);
        JobInfo job = live.createJob(BulkApiTest.job(OperationEnum.query, "Account", null));
        org.faults().expireAllSessions();
        AsyncApiException liveError = catchAsync(() -> live.getJobStatus(job.getId()));

        try (FixtureServer fixture = FixtureServer.serving("bulk/error_invalid_session_id.xml", 400,
                "application/xml")) {
            AsyncApiException expected = catchAsync(() -> bulk(fixture.url(), "x", new ArrayList<>()).getJobStatus("x"));
            assertThat(liveError.getExceptionCode()).isEqualTo(expected.getExceptionCode());
            assertThat(liveError.getExceptionMessage()).isEqualTo(expected.getExceptionMessage());
        }
        assertThat(XmlInfoset.of(raw.get(raw.size() - 1)))
                .isEqualTo(XmlInfoset.of(FixtureServer.bytes("bulk/error_invalid_session_id.xml")));
    }

    private void assertSameFault(Exchange<?> live, Exchange<?> fixture) {
        assertThat(live.error()).isInstanceOf(ApiFault.class);
        assertThat(describe(live.error())).isEqualTo(describe(fixture.error()));
        assertThat(XmlInfoset.of(live.raw())).isEqualTo(XmlInfoset.of(fixture.raw()));
    }

    private interface SoapCall<T> {
        T run(PartnerConnection connection) throws Exception;
    }

    private interface AsyncCall {
        Object run() throws AsyncApiException;
    }

    private record Exchange<T>(T result, Throwable error, byte[] raw, PartnerConnection connection) {
    }

    private <T> Exchange<T> live(SoapCall<T> call) throws Exception {
        return exchange(org.instanceUrl(), org.issueSession(TestOrgs.INTEGRATION_USER), call);
    }

    private static <T> Exchange<T> fixture(String resource, int status, SoapCall<T> call) throws Exception {
        try (FixtureServer server = FixtureServer.serving(resource, status, "text/xml; charset=utf-8")) {
            return exchange(server.url(), "00D8d000000FixtAAA!fixture", call);
        }
    }

    private static <T> Exchange<T> exchange(String instanceUrl, String token, SoapCall<T> call) throws Exception {
        ConnectorConfig config = ForceClients.config(instanceUrl, token);
        List<byte[]> raw = new ArrayList<>();
        config.addMessageHandler(capture(raw));
        PartnerConnection connection = Connector.newConnection(config);
        try {
            return new Exchange<>(call.run(connection), null, raw.get(raw.size() - 1), connection);
        } catch (ApiFault fault) {
            return new Exchange<>(null, fault, raw.get(raw.size() - 1), connection);
        }
    }

    private static BulkConnection bulk(String instanceUrl, String token, List<byte[]> raw) throws AsyncApiException {
        ConnectorConfig config = ForceClients.config(instanceUrl, token);
        config.addMessageHandler(capture(raw));
        return new BulkConnection(config);
    }

    private static MessageHandler capture(List<byte[]> raw) {
        return new MessageHandler() {
            @Override
            public void handleRequest(URL endpoint, byte[] request) {
                // only responses matter here
            }

            @Override
            public void handleResponse(URL endpoint, byte[] response) {
                raw.add(response);
            }
        };
    }

    private static AsyncApiException catchAsync(AsyncCall call) {
        try {
            call.run();
        } catch (AsyncApiException e) {
            return e;
        }
        throw new AssertionError("expected an AsyncApiException");
    }

    private static SObject score(String id, double value) {
        SObject account = PartnerWriteTest.sObject("Account", Map.of("Health_Score__c", value));
        account.setId(id);
        return account;
    }

    private static String text(String resource) {
        return new String(FixtureServer.bytes(resource), StandardCharsets.UTF_8);
    }

    private static List<String> limits(PartnerConnection connection) {
        LimitInfoHeader_element header = connection.getLimitInfoHeader();
        List<String> lines = new ArrayList<>();
        for (LimitInfo info : header.getLimitInfo()) {
            lines.add(info.getCurrent() + "/" + info.getLimit() + " " + info.getType());
        }
        return lines;
    }

    /** Everything a caller can read from a parsed result, as comparable lines. */
    static List<String> describe(Object value) {
        List<String> lines = new ArrayList<>();
        if (value instanceof QueryResult result) {
            lines.add("done=" + result.isDone() + " locator=" + result.getQueryLocator() + " size=" + result.getSize());
            for (SObject record : result.getRecords()) {
                describeXml(record, 1, lines);
            }
        } else if (value instanceof SaveResult[] results) {
            for (SaveResult result : results) {
                lines.add("id=" + result.getId() + " success=" + result.isSuccess() + " " + errors(result.getErrors()));
            }
        } else if (value instanceof UpsertResult[] results) {
            for (UpsertResult result : results) {
                lines.add("created=" + result.isCreated() + " id=" + result.getId() + " success=" + result.isSuccess()
                        + " " + errors(result.getErrors()));
            }
        } else if (value instanceof ApiFault fault) {
            lines.add(fault.getClass().getName() + " " + fault.getExceptionCode() + " " + fault.getExceptionMessage());
            if (fault instanceof ApiQueryFault queryFault) {
                lines.add("row=" + queryFault.getRow() + " column=" + queryFault.getColumn());
            }
        } else if (value instanceof JobInfo job) {
            lines.add(job.getOperation() + " " + job.getObject() + " " + job.getState() + " "
                    + job.getConcurrencyMode() + " " + job.getContentType() + " " + job.getExternalIdFieldName()
                    + " apiVersion=" + job.getApiVersion());
            lines.add("batches queued=" + job.getNumberBatchesQueued() + " inProgress="
                    + job.getNumberBatchesInProgress() + " completed=" + job.getNumberBatchesCompleted() + " failed="
                    + job.getNumberBatchesFailed() + " total=" + job.getNumberBatchesTotal());
            lines.add("records processed=" + job.getNumberRecordsProcessed() + " failed="
                    + job.getNumberRecordsFailed() + " retries=" + job.getNumberRetries() + " apex="
                    + job.getApexProcessingTime());
        } else if (value instanceof BatchInfoList list) {
            for (BatchInfo batch : list.getBatchInfo()) {
                lines.add(batch.getState() + " " + batch.getStateMessage() + " processed="
                        + batch.getNumberRecordsProcessed() + " failed=" + batch.getNumberRecordsFailed());
            }
        } else {
            throw new IllegalArgumentException("cannot describe " + value);
        }
        return lines;
    }

    private static String errors(Error[] errors) {
        List<String> parts = new ArrayList<>();
        for (Error error : errors) {
            parts.add(error.getStatusCode() + "|" + error.getMessage() + "|" + Arrays.toString(error.getFields()));
        }
        return parts.toString();
    }

    private static void describeXml(XmlObject object, int depth, List<String> lines) {
        Object value = object.getValue();
        if (object.hasChildren() && value instanceof String text && text.isBlank()) {
            value = null; // indentation of a pretty-printed fixture, not data
        }
        lines.add("  ".repeat(depth) + object.getName() + " <" + object.getClass().getSimpleName() + "> = " + value
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")"));
        Iterator<XmlObject> children = object.getChildren();
        while (children.hasNext()) {
            describeXml(children.next(), depth + 1, lines);
        }
    }
}
