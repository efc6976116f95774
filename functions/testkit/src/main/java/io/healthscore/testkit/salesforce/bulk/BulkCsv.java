package io.healthscore.testkit.salesforce.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as the Bulk API reads and writes it: a header row of field names, RFC 4180 quoting on input, and every
 * output cell double-quoted ({@code "Id","Success","Created","Error"}).
 */
final class BulkCsv {
    private BulkCsv() {
    }

    /** A parsed batch: header names and the rows' cells in header order. */
    record Table(List<String> header, List<List<String>> rows) {
    }

    static Table parse(String csv) {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new BulkError("InvalidBatch", "Empty batch: no header row");
            }
            List<String> header = records.get(0).toList().stream().map(String::trim).toList();
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : records.subList(1, records.size())) {
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new BulkError("InvalidBatch", "Record " + record.getRecordNumber()
                            + " has " + record.size() + " columns, the header has " + header.size());
                }
                rows.add(record.toList());
            }
            return new Table(header, rows);
        } catch (BulkError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BulkError("InvalidBatch", "Failed to parse CSV: " + e.getMessage());
        }
    }

    /** Counts data rows cheaply, for call counters (0 when the body is not CSV). */
    static int countRows(String csv) {
        try {
            return parse(csv).rows().size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static void appendRow(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            out.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        out.append('\n');
    }
}
