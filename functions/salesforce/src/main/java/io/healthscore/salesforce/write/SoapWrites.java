package io.healthscore.salesforce.write;

import com.sforce.soap.partner.IError;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import io.healthscore.salesforce.SalesforceSession;
import io.healthscore.salesforce.SalesforceSettings;
import io.healthscore.salesforce.call.Operation;
import io.healthscore.salesforce.call.SalesforceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * update and upsert through the Partner API, at most 200 records per call. Per-record results: UNABLE_TO_LOCK_ROW is
 * retried (bounded, backoff with jitter); every other error is reported with its status code and message against the
 * record's key; one record never stops the others. Before each call the write budget may stop the pass; a call that
 * fails for good (daily limit, org unavailable after retries) stops it too, with what was not sent listed.
 */
final class SoapWrites {

    static final String UNABLE_TO_LOCK_ROW = "UNABLE_TO_LOCK_ROW";

    /** One record's result, from a SaveResult or an UpsertResult. */
    private record Result(boolean success, boolean created, String code, String message) {
    }

    private final SalesforceSession session;
    private final SalesforceSettings settings;

    SoapWrites(SalesforceSession session, SalesforceSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    void update(String sobject, List<RecordWrite> records, WriteBudget budget, WriteOutcome out) {
        run(sobject, null, records, budget, out);
    }

    void upsert(String sobject, String externalIdField, List<RecordWrite> records, WriteBudget budget, WriteOutcome out) {
        run(sobject, externalIdField, records, budget, out);
    }

    /** Retries records that were locked (e.g. rows of a Bulk job), then reports the ones still locked. */
    void retryLocked(String sobject, String externalIdField, List<RecordWrite> locked, WriteBudget budget, WriteOutcome out) {
        List<RecordWrite> still = locked;
        int retry = 0;
        while (!still.isEmpty() && retry < settings.lockRetries() && !out.stopped()) {
            retry++;
            pause(retry);
            still = pass(sobject, externalIdField, still, budget, out);
        }
        for (RecordWrite r : still) {
            if (out.stopped()) {
                out.notWritten.add(r.key());
            } else {
                out.failed.put(r.key(), UNABLE_TO_LOCK_ROW + ": still locked after " + retry + " retr"
                        + (retry == 1 ? "y" : "ies"));
            }
        }
    }

    private void run(String sobject, String externalIdField, List<RecordWrite> records, WriteBudget budget,
                     WriteOutcome out) {
        List<RecordWrite> locked = pass(sobject, externalIdField, records, budget, out);
        retryLocked(sobject, externalIdField, locked, budget, out);
    }

    /** One pass over the records in calls of 200; returns the records that were locked. */
    private List<RecordWrite> pass(String sobject, String externalIdField, List<RecordWrite> records, WriteBudget budget,
                                  WriteOutcome out) {
        List<RecordWrite> locked = new ArrayList<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        int written = 0;
        Operation operation = externalIdField == null ? Operation.ACCOUNT_UPDATE : Operation.TASK_UPSERT;
        for (int from = 0; from < records.size(); from += SalesforceSettings.MAX_RECORDS_PER_WRITE_CALL) {
            List<RecordWrite> chunk = records.subList(from, Math.min(records.size(),
                    from + SalesforceSettings.MAX_RECORDS_PER_WRITE_CALL));
            if (!out.stopped()) {
                out.stopReason = budget.stopReason();
            }
            if (out.stopped()) {
                chunk.forEach(r -> out.notWritten.add(r.key()));
                continue;
            }
            SObject[] objects = chunk.stream().map(r -> toSObject(sobject, r)).toArray(SObject[]::new);
            List<Result> results;
            try {
                results = externalIdField == null
                        ? saveResults(session.soap(operation, chunk.size(), p -> p.update(objects)))
                        : upsertResults(session.soap(operation, chunk.size(), p -> p.upsert(externalIdField, objects)));
                out.calls++;
            } catch (SalesforceException e) {
                out.stopReason = e.code() + ": " + e.getMessage();
                chunk.forEach(r -> out.notWritten.add(r.key()));
                continue;
            }
            for (int i = 0; i < chunk.size(); i++) {
                RecordWrite r = chunk.get(i);
                Result result = i < results.size() ? results.get(i) : new Result(false, false, "NO_RESULT",
                        "the org returned no result for this record");
                if (result.success()) {
                    out.written.add(r.key());
                    written++;
                    if (result.created()) {
                        out.created++;
                    }
                } else if (UNABLE_TO_LOCK_ROW.equals(result.code())) {
                    locked.add(r);
                } else {
                    out.failed.put(r.key(), result.code() + ": " + result.message());
                    failures.merge(result.code(), 1, Integer::sum);
                }
            }
        }
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("operation", operation.wireName());
        log.put("records", records.size());
        log.put("written", written);
        log.put("locked", locked.size());
        log.put("failed_by_code", failures);
        log.put("stopped", out.stopped());
        session.policy().log().event("salesforce_write_pass", log);
        return locked;
    }

    private void pause(int retry) {
        Duration wait = session.policy().backoff(retry);
        try {
            session.policy().sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry locked rows", e);
        }
    }

    static SObject toSObject(String sobject, RecordWrite r) {
        SObject so = new SObject(sobject);
        if (r.id() != null) {
            so.setId(r.id());
        }
        List<String> nulls = new ArrayList<>();
        for (Map.Entry<String, Object> e : r.fields().entrySet()) {
            if (e.getValue() == null) {
                nulls.add(e.getKey());
            } else {
                so.setField(e.getKey(), e.getValue());
            }
        }
        if (!nulls.isEmpty()) {
            so.setFieldsToNull(nulls.toArray(String[]::new));
        }
        return so;
    }

    private static List<Result> saveResults(SaveResult[] results) {
        List<Result> out = new ArrayList<>(results.length);
        for (SaveResult r : results) {
            out.add(result(r.isSuccess(), false, r.getErrors()));
        }
        return out;
    }

    private static List<Result> upsertResults(UpsertResult[] results) {
        List<Result> out = new ArrayList<>(results.length);
        for (UpsertResult r : results) {
            out.add(result(r.isSuccess(), r.isCreated(), r.getErrors()));
        }
        return out;
    }

    private static Result result(boolean success, boolean created, IError[] errors) {
        if (success) {
            return new Result(true, created, null, null);
        }
        if (errors == null || errors.length == 0) {
            return new Result(false, false, "UNKNOWN", "failed without an error");
        }
        IError e = errors[0];
        return new Result(false, false, e.getStatusCode() == null ? "UNKNOWN" : e.getStatusCode().name(), e.getMessage());
    }
}
