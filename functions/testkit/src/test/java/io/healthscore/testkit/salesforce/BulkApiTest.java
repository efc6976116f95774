package io.healthscore.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.BulkConnection;
import com.sforce.async.ConcurrencyMode;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.JobStateEnum;
import com.sforce.async.OperationEnum;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkApiTest {
    private SalesforceOrgEmulator org;
    private BulkConnection bulk;

    @BeforeEach
    void start() {
        org = TestOrgs.start();
        bulk = ForceClients.bulk(org);
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void bulkQueryEndToEnd() throws Exception {
        String owner = org.insert("User", Map.of("Username", "olivia@healthscore.test", "FirstName", "Olivia",
                "LastName", "Owner"));
        org.insert("Account", Map.of("Name", "Acme, \"The\" Company", "AnnualRevenue", 12_000_000, "OwnerId", owner));
        org.insert("Account", Map.of("Name", "Globex"));

        JobInfo job = bulk.createJob(job(OperationEnum.query, "Account", null));
        assertThat(job.getState()).isEqualTo(JobStateEnum.Open);
        assertThat(job.getConcurrencyMode()).isEqualTo(ConcurrencyMode.Parallel);
        assertThat(job.getApiVersion()).isEqualTo(65.0);
        BatchInfo batch = bulk.createBatchFromStream(job,
                stream("SELECT Id, Name, AnnualRevenue, Owner.Name FROM Account ORDER BY Name"));
        assertThat(batch.getState()).isEqualTo(BatchStateEnum.Queued);
        BatchInfo done = awaitBatch(job.getId(), batch.getId());

        assertThat(done.getState()).isEqualTo(BatchStateEnum.Completed);
        assertThat(done.getNumberRecordsProcessed()).isEqualTo(2);
        String[] resultIds = bulk.getQueryResultList(job.getId(), batch.getId()).getResult();
        assertThat(resultIds).singleElement().asString().startsWith("752");
        String csv = read(bulk.getQueryResultStream(job.getId(), batch.getId(), resultIds[0]));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\"Id\",\"Name\",\"AnnualRevenue\",\"Owner.Name\"");
        assertThat(lines.get(1)).endsWith(",\"Acme, \"\"The\"\" Company\",\"1.2E7\",\"Olivia Owner\"");
        assertThat(lines.get(2)).endsWith(",\"Globex\",\"\",\"\"");

        JobInfo closed = bulk.closeJob(job.getId());
        assertThat(closed.getState()).isEqualTo(JobStateEnum.Closed);
        assertThat(closed.getNumberBatchesCompleted()).isEqualTo(1);
        assertThat(closed.getNumberBatchesTotal()).isEqualTo(1);
        assertThat(closed.getNumberRecordsProcessed()).isEqualTo(2);
    }

    @Test
    void bulkUpdateEndToEndWithAFailedRow() throws Exception {
        String acme = org.insert("Account", Map.of("Name", "Acme", "Health_Band__c", "Green"));
        String globex = org.insert("Account", Map.of("Name", "Globex"));
        String gone = org.insert("Account", Map.of("Name", "Gone"));
        org.delete(gone);

        JobInfo job = bulk.createJob(job(OperationEnum.update, "Account", null));
        String csv = "Id,Health_Score__c,Health_Band__c,Health_Scored_At__c\n"
                + acme + ",81.5,#N/A,2026-03-18T09:00:00.000Z\n"
                + globex + ",40,Red,\n"
                + gone + ",10,Red,\n";
        BatchInfo batch = bulk.createBatchFromStream(job, stream(csv));
        awaitBatch(job.getId(), batch.getId());

        List<String> results = read(bulk.getBatchResultStream(job.getId(), batch.getId())).lines().toList();
        assertThat(results).containsExactly(
                "\"Id\",\"Success\",\"Created\",\"Error\"",
                "\"" + acme + "\",\"true\",\"false\",\"\"",
                "\"" + globex + "\",\"true\",\"false\",\"\"",
                "\"\",\"false\",\"false\",\"ENTITY_IS_DELETED:entity is deleted:--\"");
        assertThat(org.get(acme).orElseThrow()).containsEntry("Health_Score__c", 81.5)
                .containsEntry("Health_Band__c", null);
        assertThat(org.get(globex).orElseThrow()).containsEntry("Health_Band__c", "Red")
                .doesNotContainKey("Health_Scored_At__c");

        JobInfo closed = bulk.closeJob(job.getId());
        assertThat(closed.getNumberRecordsProcessed()).isEqualTo(3);
        assertThat(closed.getNumberRecordsFailed()).isEqualTo(1);
        assertThat(closed.getNumberBatchesCompleted()).isEqualTo(1);
        assertThat(org.calls().recordsPerCall(ApiOperation.BULK_ADD_BATCH)).containsExactly(3);
    }

    @Test
    void bulkUpsertReportsCreatedFlagsAndRowErrors() throws Exception {
        String existing = org.insert("Task", Map.of("Subject", "old", "Health_Task_Key__c", "k-1"));
        JobInfo job = bulk.createJob(job(OperationEnum.upsert, "Task", "Health_Task_Key__c"));
        assertThat(job.getExternalIdFieldName()).isEqualTo("Health_Task_Key__c");
        BatchInfo batch = bulk.createBatchFromStream(job,
                stream("Health_Task_Key__c,Subject,ActivityDate\nk-1,updated,2026-03-20\nk-2,new,2026-03-21\n"
                        + "k-3,bad date,someday\n"));
        awaitBatch(job.getId(), batch.getId());

        List<String> results = read(bulk.getBatchResultStream(job.getId(), batch.getId())).lines().toList();
        assertThat(results.get(1)).isEqualTo("\"" + existing + "\",\"true\",\"false\",\"\"");
        assertThat(results.get(2)).matches("\"00T\\w{15}\",\"true\",\"true\",\"\"");
        assertThat(results.get(3)).isEqualTo("\"\",\"false\",\"false\",\"INVALID_TYPE_ON_FIELD_IN_RECORD:"
                + "ActivityDate: value not of required type: someday:ActivityDate --\"");
    }

    @Test
    void batchesCanStayInProgressForSomePolls() throws Exception {
        org.setBulkPollsBeforeCompletion(2);
        org.insert("Account", Map.of("Name", "Acme"));
        JobInfo job = bulk.createJob(job(OperationEnum.query, "Account", null));
        BatchInfo batch = bulk.createBatchFromStream(job, stream("SELECT Id FROM Account"));

        assertThat(bulk.getBatchInfo(job.getId(), batch.getId()).getState()).isEqualTo(BatchStateEnum.InProgress);
        assertThat(bulk.getJobStatus(job.getId()).getNumberBatchesInProgress()).isEqualTo(1);
        assertThat(bulk.getBatchInfoList(job.getId()).getBatchInfo()[0].getState())
                .isEqualTo(BatchStateEnum.Completed);
        assertThatThrownBy(() -> bulk.getQueryResultList(job.getId(), "751000000000000AAA"))
                .isInstanceOfSatisfying(AsyncApiException.class, e ->
                        assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidBatch));
    }

    @Test
    void largeQueryResultsAreSplitIntoSeveralFiles() throws Exception {
        org.close();
        org = TestOrgs.builder().bulkQueryRowsPerResult(1_000).start();
        bulk = ForceClients.bulk(org);
        for (int i = 0; i < 2_500; i++) {
            org.insert("Contact", Map.of("LastName", "C" + i));
        }
        JobInfo job = bulk.createJob(job(OperationEnum.query, "Contact", null));
        BatchInfo batch = bulk.createBatchFromStream(job, stream("SELECT Id, LastName FROM Contact"));
        awaitBatch(job.getId(), batch.getId());

        String[] resultIds = bulk.getQueryResultList(job.getId(), batch.getId()).getResult();
        List<Integer> rowsPerFile = new ArrayList<>();
        for (String resultId : resultIds) {
            rowsPerFile.add((int) read(bulk.getQueryResultStream(job.getId(), batch.getId(), resultId)).lines()
                    .count() - 1);
        }
        assertThat(rowsPerFile).containsExactly(1_000, 1_000, 500);
    }

    @Test
    void emptyQueryResultSaysRecordsNotFound() throws Exception {
        JobInfo job = bulk.createJob(job(OperationEnum.query, "Case", null));
        BatchInfo batch = bulk.createBatchFromStream(job, stream("SELECT Id FROM Case"));
        awaitBatch(job.getId(), batch.getId());
        String resultId = bulk.getQueryResultList(job.getId(), batch.getId()).getResult()[0];
        assertThat(read(bulk.getQueryResultStream(job.getId(), batch.getId(), resultId)))
                .isEqualTo("Records not found for this query");
    }

    @Test
    void unprocessableBatchesFailWithAStateMessage() throws Exception {
        JobInfo update = bulk.createJob(job(OperationEnum.update, "Account", null));
        BatchInfo badColumn = bulk.createBatchFromStream(update, stream("Id,Health_Scroe__c\n001000000000000AAA,1\n"));
        JobInfo query = bulk.createJob(job(OperationEnum.query, "Account", null));
        BatchInfo subquery = bulk.createBatchFromStream(query,
                stream("SELECT Id, (SELECT Id FROM Contacts) FROM Account"));
        BatchInfo malformed = bulk.createBatchFromStream(query, stream("SELECT Id FROM Account WHERE"));

        assertFailed(update, badColumn, "InvalidBatch : Field name not found : Health_Scroe__c");
        assertFailed(query, subquery, "FeatureNotEnabled : Cannot serialize value for 'Contacts' in CSV format");
        assertFailed(query, malformed, "InvalidBatch : Failed to process query: MALFORMED_QUERY: \n"
                + "SELECT Id FROM Account WHERE\n                            ^\nERROR at Row:1:Column:29\n"
                + "unexpected token: <EOF>");
        assertThat(bulk.getJobStatus(query.getId()).getNumberBatchesFailed()).isEqualTo(2);
    }

    @Test
    void batchesOverTenThousandRowsFail() throws Exception {
        StringBuilder csv = new StringBuilder("Name\n");
        for (int i = 0; i <= 10_000; i++) {
            csv.append("A").append(i).append('\n');
        }
        JobInfo job = bulk.createJob(job(OperationEnum.insert, "Account", null));
        BatchInfo batch = bulk.createBatchFromStream(job, stream(csv.toString()));
        assertFailed(job, batch, "InvalidBatch : Records in a single batch exceeds the maximum of 10000");
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void closedJobsRefuseNewBatches() throws Exception {
        JobInfo job = bulk.createJob(job(OperationEnum.insert, "Account", null));
        bulk.closeJob(job.getId());
        assertThatThrownBy(() -> bulk.createBatchFromStream(job, stream("Name\nA\n")))
                .isInstanceOfSatisfying(AsyncApiException.class, e ->
                        assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJobState));
    }

    @Test
    void invalidJobsAreRejected() {
        assertThatThrownBy(() -> bulk.createJob(job(OperationEnum.query, "Acount", null)))
                .isInstanceOfSatisfying(AsyncApiException.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJob);
                    assertThat(e.getExceptionMessage()).isEqualTo("Unable to find object: Acount");
                });
        assertThatThrownBy(() -> bulk.createJob(job(OperationEnum.upsert, "Task", null)))
                .isInstanceOfSatisfying(AsyncApiException.class, e ->
                        assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidJob));
    }

    @Test
    void expiredSessionIsAnInvalidSessionIdError() throws Exception {
        JobInfo job = bulk.createJob(job(OperationEnum.query, "Account", null));
        org.faults().expireAllSessions();

        assertThatThrownBy(() -> bulk.getJobStatus(job.getId()))
                .isInstanceOfSatisfying(AsyncApiException.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidSessionId);
                    assertThat(e.getExceptionMessage()).isEqualTo("Invalid session id");
                });
        assertThatThrownBy(() -> bulk.createJob(job(OperationEnum.query, "Account", null)))
                .isInstanceOfSatisfying(AsyncApiException.class, e ->
                        assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidSessionId));
    }

    @Test
    void exhaustedAllocationIsExceededQuota() throws Exception {
        org.limits().setDailyAllocation(org.limits().used());
        assertThatThrownBy(() -> bulk.createJob(job(OperationEnum.query, "Account", null)))
                .isInstanceOfSatisfying(AsyncApiException.class, e -> {
                    assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.ExceededQuota);
                    assertThat(e.getExceptionMessage()).isEqualTo("TotalRequests Limit exceeded.");
                });
    }

    @Test
    void everyBulkCallIsCountedAgainstTheApiLimit() throws Exception {
        JobInfo job = bulk.createJob(job(OperationEnum.query, "Account", null));
        BatchInfo batch = bulk.createBatchFromStream(job, stream("SELECT Id FROM Account"));
        bulk.getBatchInfo(job.getId(), batch.getId());
        bulk.getQueryResultList(job.getId(), batch.getId());
        bulk.closeJob(job.getId());

        assertThat(org.limits().used()).isEqualTo(5);
        assertThat(org.calls().count(ApiOperation.BULK_CREATE_JOB)).isEqualTo(1);
        assertThat(org.calls().count(ApiOperation.BULK_ADD_BATCH)).isEqualTo(1);
        assertThat(org.calls().count(ApiOperation.BULK_GET_BATCH)).isEqualTo(1);
        assertThat(org.calls().count(ApiOperation.BULK_GET_RESULT)).isEqualTo(1);
        assertThat(org.calls().count(ApiOperation.BULK_CLOSE_JOB)).isEqualTo(1);
    }

    private void assertFailed(JobInfo job, BatchInfo batch, String stateMessage) throws AsyncApiException {
        BatchInfo info = bulk.getBatchInfo(job.getId(), batch.getId());
        assertThat(info.getState()).isEqualTo(BatchStateEnum.Failed);
        assertThat(info.getStateMessage()).isEqualTo(stateMessage);
    }

    private BatchInfo awaitBatch(String jobId, String batchId) throws AsyncApiException {
        for (int poll = 0; poll < 20; poll++) {
            BatchInfo info = bulk.getBatchInfo(jobId, batchId);
            if (info.getState() == BatchStateEnum.Completed || info.getState() == BatchStateEnum.Failed) {
                return info;
            }
        }
        throw new AssertionError("batch did not finish");
    }

    static JobInfo job(OperationEnum operation, String object, String externalId) {
        JobInfo job = new JobInfo();
        job.setOperation(operation);
        job.setObject(object);
        job.setContentType(ContentType.CSV);
        if (externalId != null) {
            job.setExternalIdFieldName(externalId);
        }
        return job;
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
