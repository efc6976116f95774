package io.healthscore.salesforce.write;

import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import io.healthscore.salesforce.BulkJobs;
import io.healthscore.salesforce.SalesforceSession;
import io.healthscore.salesforce.SalesforceSettings;
import io.healthscore.salesforce.call.SalesforceException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Large updates through one Bulk API job: CSV batches of {@code bulkWriteBatchSize} rows (null clears a field as
 * {@code #N/A}), per-row results read back in request order. Locked rows are retried through the Partner API;
 * other errors are reported per record.
 */
final class BulkWrites {

    private final SalesforceSession session;
    private final SalesforceSettings settings;
    private final SoapWrites soap;

    BulkWrites(SalesforceSession session, SalesforceSettings settings, SoapWrites soap) {
        this.session = session;
        this.settings = settings;
        this.soap = soap;
    }

    void update(String sobject, List<RecordWrite> records, WriteBudget budget, WriteOutcome out) {
        out.stopReason = budget.stopReason();
        if (out.stopped()) {
            records.forEach(r -> out.notWritten.add(r.key()));
            return;
        }
        BulkJobs jobs = new BulkJobs(session, settings);
        List<String> columns = columns(records);
        Map<String, List<RecordWrite>> batches = new LinkedHashMap<>();
        JobInfo job;
        try {
            job = jobs.createWrite(sobject, OperationEnum.update, null);
            out.calls++;
            for (int from = 0; from < records.size(); from += settings.bulkWriteBatchSize()) {
                List<RecordWrite> batch = records.subList(from, Math.min(records.size(), from + settings.bulkWriteBatchSize()));
                out.stopReason = budget.stopReason();
                if (out.stopped()) {
                    records.subList(from, records.size()).forEach(r -> out.notWritten.add(r.key()));
                    break;
                }
                batches.put(jobs.addBatch(job, csv(columns, batch), batch.size()), batch);
                out.calls++;
            }
            jobs.close(job.getId());
            jobs.await(List.of(new BulkJobs.Job(job.getId(), sobject, List.copyOf(batches.keySet()))));
        } catch (SalesforceException e) {
            out.stopReason = e.code() + ": " + e.getMessage();
            Set<String> listed = new LinkedHashSet<>(out.notWritten);
            for (RecordWrite r : records) {
                if (listed.add(r.key())) {
                    out.notWritten.add(r.key());
                }
            }
            return;
        }
        List<RecordWrite> locked = new ArrayList<>();
        for (Map.Entry<String, List<RecordWrite>> e : batches.entrySet()) {
            List<RecordWrite> batch = e.getValue();
            BulkJobs.Table results;
            try {
                results = jobs.writeResults(job.getId(), e.getKey(), batch.size());
            } catch (SalesforceException failure) {
                out.stopReason = failure.code() + ": " + failure.getMessage();
                batch.forEach(r -> out.failed.put(r.key(), "RESULT_UNKNOWN: the Bulk batch ran but its results could not be read"));
                continue;
            }
            Map<String, Integer> index = results.index();
            int success = index.getOrDefault("Success", 1);
            int error = index.getOrDefault("Error", 3);
            for (int i = 0; i < batch.size(); i++) {
                RecordWrite r = batch.get(i);
                String[] row = i < results.rows().size() ? results.rows().get(i) : null;
                if (row == null) {
                    out.failed.put(r.key(), "NO_RESULT: the Bulk job returned no result for this record");
                } else if ("true".equalsIgnoreCase(row[success])) {
                    out.written.add(r.key());
                } else {
                    String[] codeAndMessage = splitError(row.length > error ? row[error] : "");
                    if (SoapWrites.UNABLE_TO_LOCK_ROW.equals(codeAndMessage[0])) {
                        locked.add(r);
                    } else {
                        out.failed.put(r.key(), codeAndMessage[0] + ": " + codeAndMessage[1]);
                    }
                }
            }
        }
        soap.retryLocked(sobject, null, locked, budget, out);
    }

    /** "UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--" to code and message. */
    static String[] splitError(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        if (colon < 0) {
            return new String[] {t.isEmpty() ? "UNKNOWN" : t, ""};
        }
        String message = t.substring(colon + 1).replaceAll(":?\\s*--\\s*$", "").replaceAll(":\\s*$", "").trim();
        return new String[] {t.substring(0, colon).trim(), message};
    }

    private static List<String> columns(List<RecordWrite> records) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordWrite r : records) {
            names.addAll(r.fields().keySet());
        }
        List<String> columns = new ArrayList<>();
        columns.add("Id");
        columns.addAll(names);
        return columns;
    }

    private static byte[] csv(List<String> columns, List<RecordWrite> batch) {
        StringWriter text = new StringWriter(batch.size() * 512);
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
            printer.printRecord(columns);
            List<String> cells = new ArrayList<>(columns.size());
            for (RecordWrite r : batch) {
                cells.clear();
                cells.add(r.id());
                for (int i = 1; i < columns.size(); i++) {
                    cells.add(cell(r.fields().get(columns.get(i)), r.fields().containsKey(columns.get(i))));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object value, boolean present) {
        if (!present) {
            return "";
        }
        if (value == null) {
            return "#N/A";
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
