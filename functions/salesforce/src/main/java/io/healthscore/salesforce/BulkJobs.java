package io.healthscore.salesforce;

import com.sforce.async.BatchInfo;
import com.sforce.async.BatchInfoList;
import com.sforce.async.BatchStateEnum;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import io.healthscore.salesforce.call.Operation;
import io.healthscore.salesforce.call.SalesforceRejectedException;
import io.healthscore.salesforce.call.SalesforceUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Bulk API 1.0 jobs over force-wsc's BulkConnection, every request through the session's call policy: create a CSV
 * job, add batches, close it, poll the batch list with growing waits, and read query results or per-row write
 * results.
 */
public final class BulkJobs {

    /** A submitted job and its batches, in submission order. */
    public record Job(String id, String object, List<String> batchIds) {
    }

    /** A CSV table: header and rows. */
    public record Table(List<String> header, List<String[]> rows) {
        public Map<String, Integer> index() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), i);
            }
            return m;
        }
    }

    private static final String NO_RECORDS = "Records not found for this query";

    private final SalesforceSession session;
    private final SalesforceSettings settings;

    public BulkJobs(SalesforceSession session, SalesforceSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    /** Creates a query job with one batch and closes it (3 calls). */
    public Job submitQuery(String object, String soql) {
        JobInfo job = create(object, OperationEnum.query, null);
        BatchInfo batch = session.bulk(Operation.BULK_ADD_BATCH, 0, b -> b.createBatchFromStream(job,
                new ByteArrayInputStream(soql.getBytes(StandardCharsets.UTF_8))));
        close(job.getId());
        return new Job(job.getId(), object, List.of(batch.getId()));
    }

    /** Creates a write job; add batches with {@link #addBatch}, then {@link #close}. */
    public JobInfo createWrite(String object, OperationEnum operation, String externalIdField) {
        return create(object, operation, externalIdField);
    }

    public String addBatch(JobInfo job, byte[] csv, int records) {
        BatchInfo batch = session.bulk(Operation.BULK_ADD_BATCH, records,
                b -> b.createBatchFromStream(job, new ByteArrayInputStream(csv)));
        return batch.getId();
    }

    public void close(String jobId) {
        session.bulk(Operation.BULK_CLOSE_JOB, 0, b -> b.closeJob(jobId));
    }

    /**
     * Polls until every batch of every job has finished: one batch-list call per unfinished job and round, waiting
     * {@code bulkPollInitial} doubling to {@code bulkPollMax} between rounds, at most {@code bulkMaxWait} in all.
     * A failed batch is a {@link SalesforceRejectedException} with its state message.
     */
    public void await(List<Job> jobs) {
        List<Job> pending = new ArrayList<>(jobs);
        Duration wait = settings.bulkPollInitial();
        Duration waited = Duration.ZERO;
        while (true) {
            List<Job> still = new ArrayList<>();
            for (Job job : pending) {
                BatchInfoList list = session.bulk(Operation.BULK_BATCH_STATUS, 0, b -> b.getBatchInfoList(job.id()));
                boolean done = true;
                for (BatchInfo info : list.getBatchInfo()) {
                    if (!job.batchIds().contains(info.getId())) {
                        continue;
                    }
                    BatchStateEnum state = info.getState();
                    if (state == BatchStateEnum.Failed || state == BatchStateEnum.NotProcessed) {
                        throw new SalesforceRejectedException(Operation.BULK_BATCH_STATUS, "bulk_batch_" + state,
                                job.object() + " batch " + info.getId() + " " + state + ": " + info.getStateMessage(), null);
                    }
                    if (state != BatchStateEnum.Completed) {
                        done = false;
                    }
                }
                if (!done) {
                    still.add(job);
                }
            }
            if (still.isEmpty()) {
                return;
            }
            if (waited.compareTo(settings.bulkMaxWait()) >= 0) {
                throw new SalesforceUnavailableException(Operation.BULK_BATCH_STATUS, "bulk_timeout",
                        still.size() + " Bulk job(s) not finished after " + waited.toSeconds() + " s", 0, null);
            }
            try {
                session.policy().sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalesforceUnavailableException(Operation.BULK_BATCH_STATUS, "interrupted",
                        "interrupted while waiting for Bulk jobs", 0, e);
            }
            waited = waited.plus(wait);
            wait = wait.multipliedBy(2).compareTo(settings.bulkPollMax()) > 0 ? settings.bulkPollMax() : wait.multipliedBy(2);
            pending = still;
        }
    }

    /** Every row of a finished query job (result list, then each result file). */
    public Table queryResults(Job job) {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        for (String batchId : job.batchIds()) {
            String[] results = session.bulk(Operation.BULK_RESULT_LIST, 0,
                    b -> b.getQueryResultList(job.id(), batchId).getResult());
            for (String resultId : results) {
                Table part = session.bulk(Operation.BULK_RESULT, 0, b -> {
                    try (InputStream in = b.getQueryResultStream(job.id(), batchId, resultId)) {
                        return parse(in);
                    }
                });
                if (header == null && !part.header().isEmpty()) {
                    header = part.header();
                }
                rows.addAll(part.rows());
            }
        }
        return new Table(header == null ? List.of() : header, rows);
    }

    /** The per-row results of a write batch: Id, Success, Created, Error, in request order. */
    public Table writeResults(String jobId, String batchId, int records) {
        return session.bulk(Operation.BULK_RESULT, records, b -> {
            try (InputStream in = b.getBatchResultStream(jobId, batchId)) {
                return parse(in);
            }
        });
    }

    private JobInfo create(String object, OperationEnum operation, String externalIdField) {
        JobInfo job = new JobInfo();
        job.setObject(object);
        job.setOperation(operation);
        job.setContentType(ContentType.CSV);
        if (externalIdField != null) {
            job.setExternalIdFieldName(externalIdField);
        }
        return session.bulk(Operation.BULK_CREATE_JOB, 0, b -> b.createJob(job));
    }

    static Table parse(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().build().parse(reader)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                if (first) {
                    first = false;
                    for (String h : record) {
                        header.add(h);
                    }
                    if (header.size() == 1 && header.get(0).startsWith(NO_RECORDS)) {
                        return new Table(List.of(), List.of());
                    }
                    continue;
                }
                String[] row = new String[record.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = record.get(i);
                }
                rows.add(row);
            }
        }
        return new Table(header, rows);
    }
}
