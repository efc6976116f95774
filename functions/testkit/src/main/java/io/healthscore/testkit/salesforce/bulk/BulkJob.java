package io.healthscore.testkit.salesforce.bulk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Bulk API 1.0 job and its batches. All access is synchronized on the job. */
final class BulkJob {
    enum State { Open, Closed, Aborted, Failed }

    final String id;
    final String operation;
    final String object;
    final String externalIdFieldName;
    final String createdById;
    final Instant createdDate;
    final String apiVersion;
    Instant systemModstamp;
    State state = State.Open;
    final Map<String, BulkBatch> batches = new LinkedHashMap<>();

    BulkJob(String id, String operation, String object, String externalIdFieldName, String createdById,
            Instant createdDate, String apiVersion) {
        this.id = id;
        this.operation = operation;
        this.object = object;
        this.externalIdFieldName = externalIdFieldName;
        this.createdById = createdById;
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
        this.apiVersion = apiVersion;
    }

    boolean isQuery() {
        return operation.equals("query");
    }

    List<BulkBatch> batchList() {
        return new ArrayList<>(batches.values());
    }

    int count(BulkBatch.State batchState) {
        return (int) batches.values().stream().filter(b -> b.state == batchState).count();
    }

    long recordsProcessed() {
        return batches.values().stream().mapToLong(b -> b.recordsProcessed).sum();
    }

    long recordsFailed() {
        return batches.values().stream().mapToLong(b -> b.recordsFailed).sum();
    }

    long processingMillis() {
        return batches.values().stream().mapToLong(b -> b.processingMillis).sum();
    }
}
