package io.healthscore.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.healthscore.domain.run.RejectLog;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Streams the rows of one table file (CSV or JSON Lines, optionally gzipped) to a handler, one row at a
 * time, so memory does not grow with the file. A bad row is rejected with its row number, column and
 * reason and the next row is read; a bad file (no header, missing columns, wrong delimiter, truncated
 * stream) is rejected as a whole, keeping every row read before the damage.
 */
public final class TableReader {

    /** Longest accepted cell, in characters; longer cells reject their row. */
    public static final int MAX_CELL_CHARS = 1_000_000;

    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .build();

    /** Handles one row; throws {@link RowRejected} to reject it. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(TableRow row) throws RowRejected;
    }

    /** What reading one file gave. {@code fileProblem} is null when the file as a whole was readable. */
    public record FileStats(String file, long rows, long accepted, long rejected, String fileProblem) {
    }

    private TableReader() {
    }

    /**
     * Reads a file. {@code fileName} decides the format (.csv, .jsonl, each optionally .gz) and names
     * the file in rejects. The stream is closed.
     */
    public static FileStats read(ExportTable table, String fileName, InputStream raw, RowHandler handler, RejectLog rejects) {
        Counter c = new Counter();
        String problem = null;
        WholeLines whole = null;
        try (InputStream in = decompress(fileName, raw)) {
            whole = new WholeLines(in);
            Reader reader = utf8(new BufferedInputStream(whole, 1 << 16));
            if (fileName.endsWith(".jsonl") || fileName.endsWith(".jsonl.gz")) {
                problem = readJsonLines(table, fileName, reader, handler, rejects, c);
            } else {
                problem = readCsv(table, fileName, reader, handler, rejects, c);
            }
        } catch (IOException | UncheckedIOException e) {
            problem = "unreadable after row " + c.rows + ": " + rootMessage(e);
        }
        if (whole != null && whole.damage() != null) {
            problem = "unreadable after row " + c.rows + ": " + rootMessage(whole.damage());
        }
        if (problem != null) {
            rejects.reject(fileName, 0, null, "bad_file", problem);
        }
        return new FileStats(fileName, c.rows, c.accepted, c.rejected, problem);
    }

    private static final class Counter {
        long rows;
        long accepted;
        long rejected;
    }

    private static InputStream decompress(String fileName, InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (fileName.endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    /** UTF-8, BOM dropped; invalid bytes become U+FFFD so the row holding them can be rejected alone. */
    private static Reader utf8(InputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    private static String readCsv(ExportTable table, String file, Reader reader, RowHandler handler, RejectLog rejects,
                                  Counter c) throws IOException {
        CSVParser parser;
        try {
            parser = CSV.parse(reader);
        } catch (IllegalArgumentException e) {
            return "bad header: " + e.getMessage();
        }
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            return "is empty (no header row)";
        }
        String headerProblem = checkHeader(table, header);
        if (headerProblem != null) {
            return headerProblem;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        CsvRow row = new CsvRow(index);
        Iterator<CSVRecord> it = parser.iterator();
        while (true) {
            CSVRecord rec;
            try {
                if (!it.hasNext()) {
                    break;
                }
                rec = it.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                return "unreadable after row " + c.rows + ": " + rootMessage(e);
            }
            c.rows++;
            long n = rec.getRecordNumber();
            if (rec.size() != header.size()) {
                reject(rejects, file, n, null, "wrong_field_count",
                        "has " + rec.size() + " fields, the header has " + header.size(), c);
                continue;
            }
            RowRejected bad = scan(rec, header);
            if (bad != null) {
                reject(rejects, file, n, bad.column(), bad.code(), bad.getMessage(), c);
                continue;
            }
            row.record = rec;
            row.number = n;
            handle(file, row, handler, rejects, c);
        }
        return null;
    }

    /** Finds an over-long cell or invalid UTF-8 in a record, or null. */
    private static RowRejected scan(CSVRecord rec, List<String> header) {
        for (int i = 0; i < rec.size(); i++) {
            String v = rec.get(i);
            if (v.length() > MAX_CELL_CHARS) {
                return new RowRejected(header.get(i), "cell_too_long", "'" + header.get(i) + "' has " + v.length()
                        + " characters; the limit is " + MAX_CELL_CHARS);
            }
            if (v.indexOf('\uFFFD') >= 0) {
                return new RowRejected(header.get(i), "invalid_utf8", "'" + header.get(i) + "' holds bytes that are not valid UTF-8");
            }
        }
        return null;
    }

    private static String checkHeader(ExportTable table, List<String> header) {
        List<String> missing = new ArrayList<>();
        for (String r : table.required()) {
            if (!header.contains(r)) {
                missing.add(r);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        if (header.size() == 1) {
            String h = header.get(0);
            for (char d : new char[] {';', '\t', '|'}) {
                if (h.indexOf(d) >= 0) {
                    return "header is a single column '" + Cells.shown(h) + "': the file looks "
                            + (d == '\t' ? "tab" : "'" + d + "'") + "-delimited; exports must be comma-separated";
                }
            }
        }
        return "header lacks required column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                + " (found: " + String.join(", ", header) + ")";
    }

    private static String readJsonLines(ExportTable table, String file, Reader reader, RowHandler handler,
                                        RejectLog rejects, Counter c) throws IOException {
        BufferedReader lines = (BufferedReader) reader;
        JsonRow row = new JsonRow();
        long lineNo = 0;
        String line;
        boolean any = false;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            any = true;
            c.rows++;
            if (line.length() > MAX_CELL_CHARS * 2L) {
                reject(rejects, file, lineNo, null, "row_too_long", "line has " + line.length() + " characters", c);
                continue;
            }
            if (line.indexOf('\uFFFD') >= 0) {
                reject(rejects, file, lineNo, null, "invalid_utf8", "line holds bytes that are not valid UTF-8", c);
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                reject(rejects, file, lineNo, null, "bad_json", "is not valid JSON (at character " + e.getLocation().getColumnNr() + ")", c);
                continue;
            }
            if (node == null || !node.isObject()) {
                reject(rejects, file, lineNo, null, "bad_json", "is not a JSON object", c);
                continue;
            }
            String missing = null;
            for (String r : table.required()) {
                if (!node.has(r)) {
                    missing = r;
                    break;
                }
            }
            if (missing != null) {
                reject(rejects, file, lineNo, missing, "missing_column", "has no '" + missing + "' key", c);
                continue;
            }
            String nonScalar = null;
            String tooLong = null;
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (f.getValue().isContainerNode()) {
                    nonScalar = f.getKey();
                } else if (f.getValue().isTextual() && f.getValue().textValue().length() > MAX_CELL_CHARS) {
                    tooLong = f.getKey();
                }
            }
            if (nonScalar != null) {
                reject(rejects, file, lineNo, nonScalar, "bad_value", "'" + nonScalar + "' must be a string, number or boolean", c);
                continue;
            }
            if (tooLong != null) {
                reject(rejects, file, lineNo, tooLong, "cell_too_long", "'" + tooLong + "' is longer than " + MAX_CELL_CHARS + " characters", c);
                continue;
            }
            row.node = node;
            row.number = lineNo;
            handle(file, row, handler, rejects, c);
        }
        return any ? null : "is empty (no rows)";
    }

    private static void handle(String file, TableRow row, RowHandler handler, RejectLog rejects, Counter c) {
        try {
            handler.accept(row);
            c.accepted++;
        } catch (RowRejected r) {
            reject(rejects, file, row.rowNumber(), r.column(), r.code(), r.getMessage(), c);
        }
    }

    private static void reject(RejectLog rejects, String file, long row, String column, String code, String detail, Counter c) {
        c.rejected++;
        rejects.reject(file, row, column, code, detail);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (t instanceof java.io.EOFException || (m != null && m.contains("Unexpected end of ZLIB"))) {
            return "the stream ended early (truncated file)";
        }
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /**
     * Hands out bytes only up to the last complete line. When the source fails (truncated gzip, dropped
     * connection) the partial last line is dropped, the stream ends there and {@link #damage()} says why.
     */
    static final class WholeLines extends InputStream {
        private final InputStream source;
        private byte[] buf = new byte[1 << 16];
        private int pos;      // next byte to hand out
        private int ready;    // bytes before this index end with a newline and may be handed out
        private int end;      // bytes read from the source
        private boolean eof;
        private IOException damage;

        WholeLines(InputStream source) {
            this.source = source;
        }

        IOException damage() {
            return damage;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos == ready) {
                if (eof) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, ready - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        private void fill() {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, end - pos);
                end -= pos;
                ready -= pos;
                pos = 0;
            }
            if (end == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int n;
            try {
                n = source.read(buf, end, buf.length - end);
            } catch (IOException e) {
                damage = e;
                eof = true;
                end = ready;
                return;
            }
            if (n < 0) {
                eof = true;
                ready = end;
                return;
            }
            for (int i = end + n - 1; i >= end; i--) {
                if (buf[i] == '\n') {
                    ready = i + 1;
                    break;
                }
            }
            end += n;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    private static final class CsvRow implements TableRow {
        private final Map<String, Integer> index;
        CSVRecord record;
        long number;

        CsvRow(Map<String, Integer> index) {
            this.index = index;
        }

        @Override
        public long rowNumber() {
            return number;
        }

        @Override
        public Iterable<String> columns() {
            return index.keySet();
        }

        @Override
        public String get(String column) {
            Integer i = index.get(column);
            if (i == null) {
                return null;
            }
            String v = record.get(i);
            return v.isEmpty() ? null : v;
        }
    }

    private static final class JsonRow implements TableRow {
        JsonNode node;
        long number;

        @Override
        public long rowNumber() {
            return number;
        }

        @Override
        public Iterable<String> columns() {
            return node::fieldNames;
        }

        @Override
        public String get(String column) {
            JsonNode v = node.get(column);
            if (v == null || v.isNull()) {
                return null;
            }
            String s = v.asText().trim();
            return s.isEmpty() ? null : s;
        }
    }

    /** Columns of a CSV file beyond the given ones (for the roll-up table, whose extra columns are signals). */
    public static List<String> extraColumns(List<String> header, ExportTable table) {
        List<String> extra = new ArrayList<>();
        for (String h : header) {
            if (!table.required().contains(h) && !table.optional().contains(h)) {
                extra.add(h);
            }
        }
        return extra;
    }
}
