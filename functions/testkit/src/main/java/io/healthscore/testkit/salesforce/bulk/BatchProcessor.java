package io.healthscore.testkit.salesforce.bulk;

import io.healthscore.testkit.salesforce.org.ApiFault;
import io.healthscore.testkit.salesforce.org.DmlEngine;
import io.healthscore.testkit.salesforce.org.IncomingRecord;
import io.healthscore.testkit.salesforce.org.OrgSchema;
import io.healthscore.testkit.salesforce.org.SObjectType;
import io.healthscore.testkit.salesforce.org.SalesforceIds;
import io.healthscore.testkit.salesforce.org.SaveError;
import io.healthscore.testkit.salesforce.org.SaveOutcome;
import io.healthscore.testkit.salesforce.soql.QueryRows;
import io.healthscore.testkit.salesforce.soql.ResultRecord;
import io.healthscore.testkit.salesforce.soql.SoqlEvaluator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a batch: CSV writes through the same {@link DmlEngine} as SOAP (results as
 * {@code "Id","Success","Created","Error"} rows in request order), or a SOQL query whose rows become one or more
 * CSV result files. A batch that cannot run at all ends Failed with the real style of stateMessage.
 */
final class BatchProcessor {
    static final int MAX_RECORDS_PER_BATCH = 10_000;
    private static final String NO_RECORDS = "Records not found for this query";

    private final DmlEngine dml;
    private final SoqlEvaluator soql;
    private final OrgSchema schema;
    private final SalesforceIds ids;
    private final Clock clock;
    private final int queryRowsPerResult;

    BatchProcessor(DmlEngine dml, SoqlEvaluator soql, OrgSchema schema, SalesforceIds ids, Clock clock,
                   int queryRowsPerResult) {
        this.dml = dml;
        this.soql = soql;
        this.schema = schema;
        this.ids = ids;
        this.clock = clock;
        this.queryRowsPerResult = queryRowsPerResult;
    }

    void process(BulkJob job, BulkBatch batch) {
        long started = System.nanoTime();
        try {
            if (job.isQuery()) {
                runQuery(batch);
            } else {
                runWrite(job, batch);
            }
            batch.state = BulkBatch.State.Completed;
        } catch (BulkError e) {
            fail(batch, e.exceptionCode() + " : " + e.getMessage());
        } catch (ApiFault e) {
            String prefix = job.isQuery() ? "InvalidBatch : Failed to process query: " + e.exceptionCode() + ": "
                    : "InvalidBatch : ";
            fail(batch, prefix + e.exceptionMessage());
        }
        batch.processingMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        batch.systemModstamp = clock.instant();
    }

    private static void fail(BulkBatch batch, String message) {
        batch.state = BulkBatch.State.Failed;
        batch.stateMessage = message;
    }

    private void runQuery(BulkBatch batch) {
        QueryRows rows = soql.run(batch.request);
        if (!rows.childRelationships().isEmpty()) {
            throw new BulkError("FeatureNotEnabled",
                    "Cannot serialize value for '" + rows.childRelationships().get(0) + "' in CSV format");
        }
        if (rows.countOnly()) {
            throw new BulkError("InvalidBatch", "Failed to process query: COUNT() is not supported by Bulk query");
        }
        batch.recordsProcessed = rows.records().size();
        if (rows.records().isEmpty()) {
            batch.queryResults.put(ids.next("752"), NO_RECORDS);
            return;
        }
        List<String> header = rows.columns().stream().map(path -> String.join(".", path)).toList();
        List<ResultRecord> records = rows.records();
        for (int from = 0; from < records.size(); from += queryRowsPerResult) {
            StringBuilder csv = new StringBuilder();
            BulkCsv.appendRow(csv, header);
            for (ResultRecord record : records.subList(from, Math.min(records.size(), from + queryRowsPerResult))) {
                List<String> cells = new ArrayList<>(header.size());
                for (List<String> path : rows.columns()) {
                    ResultRecord.Value value = record.valueAt(path);
                    cells.add(value == null || value.value() == null ? ""
                            : value.fieldType().format(value.value()));
                }
                BulkCsv.appendRow(csv, cells);
            }
            batch.queryResults.put(ids.next("752"), csv.toString());
        }
    }

    private void runWrite(BulkJob job, BulkBatch batch) {
        BulkCsv.Table table = BulkCsv.parse(batch.request);
        if (table.rows().size() > MAX_RECORDS_PER_BATCH) {
            throw new BulkError("InvalidBatch", "Records in a single batch exceeds the maximum of "
                    + MAX_RECORDS_PER_BATCH);
        }
        SObjectType type = schema.require(job.object);
        for (String column : table.header()) {
            if (column.contains(".") || column.contains(":")) {
                throw new BulkError("InvalidBatch", "Relationship columns (" + column
                        + ") are not supported by the Salesforce org emulator");
            }
            if (type.field(column).isEmpty()) {
                throw new BulkError("InvalidBatch", "Field name not found : " + column);
            }
        }
        List<IncomingRecord> records = new ArrayList<>();
        for (List<String> row : table.rows()) {
            records.add(toRecord(job.object, table.header(), row));
        }
        List<SaveOutcome> outcomes = switch (job.operation) {
            case "insert" -> dml.create(records, job.createdById, false);
            case "update" -> dml.update(records, job.createdById, false);
            case "upsert" -> dml.upsert(job.externalIdFieldName, records, job.createdById, false);
            case "delete" -> dml.delete(records.stream().map(IncomingRecord::id).toList(), false);
            default -> throw new BulkError("InvalidJob", "Operation not supported: " + job.operation);
        };
        StringBuilder csv = new StringBuilder();
        BulkCsv.appendRow(csv, List.of("Id", "Success", "Created", "Error"));
        for (SaveOutcome outcome : outcomes) {
            String error = outcome.errors().stream().map(SaveError::bulkText).collect(Collectors.joining(" "));
            BulkCsv.appendRow(csv, List.of(outcome.success() ? outcome.id() : "", Boolean.toString(outcome.success()),
                    Boolean.toString(outcome.created()), error));
            if (!outcome.success()) {
                batch.recordsFailed++;
            }
        }
        batch.recordsProcessed = outcomes.size();
        batch.writeResults = csv.toString();
    }

    private static IncomingRecord toRecord(String object, List<String> header, List<String> row) {
        String id = null;
        Map<String, String> values = new LinkedHashMap<>();
        List<String> fieldsToNull = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String cell = row.get(i);
            if (column.equalsIgnoreCase("Id")) {
                id = cell.isBlank() ? null : cell.trim();
            } else if (cell.equals("#N/A")) {
                fieldsToNull.add(column);
            } else if (!cell.isEmpty()) {
                values.put(column, cell);
            }
        }
        return new IncomingRecord(object, id, values, fieldsToNull);
    }
}
