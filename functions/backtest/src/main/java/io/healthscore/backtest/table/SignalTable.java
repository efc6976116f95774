package io.healthscore.backtest.table;

import io.healthscore.backtest.outcomes.OutcomeKind;
import io.healthscore.domain.run.RejectLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A customer-level table from a warehouse: one row per account and as-of date, with the outcome that
 * followed and any signal columns, so signals can be evaluated without the pipeline.
 *
 * <pre>
 * id,as_of,outcome,outcome_date,segment,logins_per_seat,plan,open_escalations
 * 0015g00000A,2026-03-02,churned,2026-05-30,smb,0.4,basic,2
 * </pre>
 *
 * {@code id}, {@code as_of} and {@code outcome} (renewed, churned, downgraded, or 1/0) are required;
 * {@code outcome_date} (when the outcome happened, enabling horizons and lead time) and {@code segment}
 * are optional. Signal columns are the declared ones, or every other column; a column is numeric when
 * every non-empty value is a number, else categorical (or as declared). Rows that cannot be read are
 * rejected with their row number and reason; the rest are kept.
 */
public final class SignalTable {

    /** How to read a signal column. */
    public enum ColumnType { NUMERIC, CATEGORICAL, AUTO }

    /** One row. */
    public record Row(long rowNumber, String id, LocalDate asOf, OutcomeKind outcome, LocalDate outcomeDate, String segment,
                      Map<String, Double> numeric, Map<String, String> categorical) {
    }

    private static final Set<String> MISSING = Set.of("", "na", "n/a", "null", "none", "nan");
    private static final List<String> RESERVED = List.of("id", "account_id", "as_of", "outcome", "outcome_date", "segment");

    private final String file;
    private final List<Row> rows;
    private final List<String> numericColumns;
    private final List<String> categoricalColumns;

    private SignalTable(String file, List<Row> rows, List<String> numeric, List<String> categorical) {
        this.file = file;
        this.rows = List.copyOf(rows);
        this.numericColumns = List.copyOf(numeric);
        this.categoricalColumns = List.copyOf(categorical);
    }

    public String file() {
        return file;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> numericColumns() {
        return numericColumns;
    }

    public List<String> categoricalColumns() {
        return categoricalColumns;
    }

    public boolean hasOutcomeDates() {
        return rows.stream().anyMatch(r -> r.outcomeDate() != null);
    }

    /**
     * Reads a table (.csv or .csv.gz).
     *
     * @param declared signal columns and their types; empty for every column that is not reserved
     */
    public static SignalTable read(Path path, Map<String, ColumnType> declared, RejectLog rejects) {
        String name = path.getFileName().toString();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("signal table " + path + " does not exist");
        }
        try (InputStream raw = Files.newInputStream(path);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).build().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            String idColumn = header.contains("id") ? "id" : header.contains("account_id") ? "account_id" : null;
            List<String> missing = new ArrayList<>();
            if (idColumn == null) {
                missing.add("id");
            }
            for (String c : List.of("as_of", "outcome")) {
                if (!header.contains(c)) {
                    missing.add(c);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("signal table " + name + " lacks column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + " (required: id, as_of, outcome)");
            }
            Map<String, ColumnType> signals = new LinkedHashMap<>();
            if (declared.isEmpty()) {
                for (String h : header) {
                    if (!RESERVED.contains(h)) {
                        signals.put(h, ColumnType.AUTO);
                    }
                }
            } else {
                for (Map.Entry<String, ColumnType> e : declared.entrySet()) {
                    if (!header.contains(e.getKey())) {
                        throw new IllegalArgumentException("signal table " + name + " has no column '" + e.getKey()
                                + "' (columns: " + String.join(", ", header) + ")");
                    }
                    signals.put(e.getKey(), e.getValue());
                }
            }
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord r : parser) {
                records.add(r);
            }
            Map<String, ColumnType> types = new LinkedHashMap<>();
            for (Map.Entry<String, ColumnType> e : signals.entrySet()) {
                ColumnType t = e.getValue();
                if (t == ColumnType.AUTO) {
                    t = ColumnType.NUMERIC;
                    for (CSVRecord r : records) {
                        String v = cell(r, e.getKey());
                        if (v != null && parseNumber(v) == null) {
                            t = ColumnType.CATEGORICAL;
                            break;
                        }
                    }
                }
                types.put(e.getKey(), t);
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : records) {
                long n = r.getRecordNumber();
                if (!r.isConsistent()) {
                    rejects.reject(name, n, null, "wrong_field_count", "has " + r.size() + " fields, the header has " + header.size());
                    continue;
                }
                String id = cell(r, idColumn);
                if (id == null) {
                    rejects.reject(name, n, idColumn, "missing_value", "'" + idColumn + "' is empty");
                    continue;
                }
                LocalDate asOf = date(cell(r, "as_of"));
                if (asOf == null) {
                    rejects.reject(name, n, "as_of", "bad_date", "'as_of' is not a date (YYYY-MM-DD)");
                    continue;
                }
                OutcomeKind outcome;
                try {
                    outcome = OutcomeKind.parse(cell(r, "outcome"));
                } catch (IllegalArgumentException e) {
                    rejects.reject(name, n, "outcome", "bad_outcome", e.getMessage());
                    continue;
                }
                String od = header.contains("outcome_date") ? cell(r, "outcome_date") : null;
                LocalDate outcomeDate = od == null ? null : date(od);
                if (od != null && outcomeDate == null) {
                    rejects.reject(name, n, "outcome_date", "bad_date", "'outcome_date' is not a date (YYYY-MM-DD)");
                    continue;
                }
                if (outcomeDate != null && outcomeDate.isBefore(asOf)) {
                    rejects.reject(name, n, "outcome_date", "out_of_range", "'outcome_date' " + outcomeDate
                            + " is before 'as_of' " + asOf + ": a row must predate its outcome");
                    continue;
                }
                Map<String, Double> numeric = new LinkedHashMap<>();
                Map<String, String> categorical = new LinkedHashMap<>();
                boolean bad = false;
                for (Map.Entry<String, ColumnType> e : types.entrySet()) {
                    String v = cell(r, e.getKey());
                    if (v == null) {
                        continue;
                    }
                    if (e.getValue() == ColumnType.NUMERIC) {
                        Double d = parseNumber(v);
                        if (d == null) {
                            rejects.reject(name, n, e.getKey(), "bad_number", "'" + e.getKey() + "' is declared numeric but holds text");
                            bad = true;
                            break;
                        }
                        numeric.put(e.getKey(), d);
                    } else {
                        categorical.put(e.getKey(), v);
                    }
                }
                if (bad) {
                    continue;
                }
                String segment = header.contains("segment") ? cell(r, "segment") : null;
                rows.add(new Row(n, id, asOf, outcome, outcomeDate, segment == null ? "all" : segment.toLowerCase(Locale.ROOT),
                        numeric, categorical));
            }
            List<String> num = new ArrayList<>();
            List<String> cat = new ArrayList<>();
            types.forEach((k, v) -> (v == ColumnType.NUMERIC ? num : cat).add(k));
            return new SignalTable(name, rows, num, cat);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signal table " + path, e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("signal table " + name + " is not valid CSV: " + e.getMessage());
        }
    }

    /** Parses "name" or "name:numeric" / "name:categorical" declarations, comma-separated. */
    public static Map<String, ColumnType> declarations(List<String> specs) {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        for (String spec : specs) {
            for (String part : spec.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int colon = p.lastIndexOf(':');
                String col = colon < 0 ? p : p.substring(0, colon);
                ColumnType t = ColumnType.AUTO;
                if (colon >= 0) {
                    String type = p.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
                    try {
                        t = ColumnType.valueOf(type);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("signal '" + p + "': type must be numeric or categorical");
                    }
                }
                out.put(col, t);
            }
        }
        return out;
    }

    private static String cell(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || MISSING.contains(v.trim().toLowerCase(Locale.ROOT)) ? null : v.trim();
    }

    private static Double parseNumber(String v) {
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String v) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
