package io.healthscore.testkit.salesforce.bulk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One batch of a job, with its state machine and results. Guarded by its job's monitor. */
final class BulkBatch {
    enum State { Queued, InProgress, Completed, Failed, NotProcessed }

    final String id;
    final String jobId;
    final String request;
    final Instant createdDate;
    Instant systemModstamp;
    State state = State.Queued;
    String stateMessage;
    int pollsBeforeCompletion;
    int recordsProcessed;
    int recordsFailed;
    long processingMillis;
    /** Write batches: the result CSV. */
    String writeResults;
    /** Query batches: result id to CSV, in order. */
    final Map<String, String> queryResults = new LinkedHashMap<>();

    BulkBatch(String id, String jobId, String request, Instant createdDate, int pollsBeforeCompletion) {
        this.id = id;
        this.jobId = jobId;
        this.request = request;
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
        this.pollsBeforeCompletion = pollsBeforeCompletion;
    }

    boolean finished() {
        return state == State.Completed || state == State.Failed || state == State.NotProcessed;
    }

    List<String> resultIds() {
        return new ArrayList<>(queryResults.keySet());
    }
}
