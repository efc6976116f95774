package io.healthscore.sampledata;

import java.time.LocalDate;
import java.util.List;

/**
 * Appends rows of one file to a buffer, as CSV (RFC 4180 quoting, empty cell for no value) or JSON
 * Lines (one object per line, absent key for no value). Values are given in column order; {@link #end()}
 * checks that every column got one. Dates are ISO days, timestamps UTC with a Z offset.
 */
final class RowEncoder {

    enum Syntax { CSV, JSON_LINES }

    private static final long FIRST_CACHED_DAY = LocalDate.of(1990, 1, 1).toEpochDay();
    private static final String[] DAYS = new String[(int) (LocalDate.of(2061, 1, 1).toEpochDay() - FIRST_CACHED_DAY)];

    static {
        for (int i = 0; i < DAYS.length; i++) {
            DAYS[i] = LocalDate.ofEpochDay(FIRST_CACHED_DAY + i).toString();
        }
    }

    private static final int SKIP = -1;
    private static final int CSV = 0;
    private static final int JSON = 1;

    private final Syntax syntax;
    private final String[] keys;
    /** For each value the writer gives, in its order: the header column it goes to, or -1 to drop it. */
    private final int[] target;
    private final StringBuilder out;
    private int column;
    private int given;
    private boolean anyField;
    private boolean opened;
    private long rows;

    /** An encoder whose writer gives every header column, in header order. */
    RowEncoder(Syntax syntax, List<String> columns, StringBuilder out) {
        this(syntax, columns, columns, out);
    }

    /**
     * An encoder for a file whose header is {@code header} and whose writer gives the values of
     * {@code given}, in that order. Header columns the writer does not give stay empty; given columns the
     * header lacks are dropped. The given columns must keep the header's relative order.
     */
    RowEncoder(Syntax syntax, List<String> header, List<String> given, StringBuilder out) {
        this.syntax = syntax;
        this.out = out;
        this.keys = new String[header.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "\"" + header.get(i) + "\":";
        }
        this.target = new int[given.size()];
        int last = -1;
        for (int i = 0; i < target.length; i++) {
            int at = header.indexOf(given.get(i));
            if (at >= 0 && at < last) {
                throw new IllegalArgumentException("column '" + given.get(i) + "' comes before '" + header.get(last)
                        + "' in the header " + header + ", but after it in the rows");
            }
            target[i] = at;
            last = Math.max(last, at);
        }
    }

    /** The header line of a CSV file, empty for JSON Lines. */
    static String header(Syntax syntax, List<String> columns) {
        return syntax == Syntax.CSV ? String.join(",", columns) + "\n" : "";
    }

    long rows() {
        return rows;
    }

    RowEncoder text(String value) {
        if (value == null) {
            return none();
        }
        int mode = start();
        if (mode == SKIP) {
            return this;
        }
        if (mode == JSON) {
            out.append('"');
            escapeJson(value);
            out.append('"');
        } else if (needsQuotes(value)) {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    out.append('"');
                }
                out.append(c);
            }
            out.append('"');
        } else {
            out.append(value);
        }
        return this;
    }

    RowEncoder integer(long value) {
        if (start() != SKIP) {
            out.append(value);
        }
        return this;
    }

    /** An amount in cents as a decimal with two places. */
    RowEncoder cents(long value) {
        return fixed(value, 2);
    }

    /** A value rounded to the given decimals. */
    RowEncoder decimal(double value, int decimals) {
        long scale = decimals == 3 ? 1000 : decimals == 2 ? 100 : (long) Math.pow(10, decimals);
        return fixed(Math.round(value * scale), decimals);
    }

    private RowEncoder fixed(long scaled, int decimals) {
        if (start() == SKIP) {
            return this;
        }
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        out.append(scaled / scale).append('.');
        long frac = scaled % scale;
        for (long s = scale / 10; s > 1 && frac < s; s /= 10) {
            out.append('0');
        }
        out.append(frac);
        return this;
    }

    RowEncoder date(long epochDay) {
        int mode = start();
        if (mode == SKIP) {
            return this;
        }
        boolean json = mode == JSON;
        if (json) {
            out.append('"');
        }
        appendDay(epochDay);
        if (json) {
            out.append('"');
        }
        return this;
    }

    /** A UTC timestamp: the day and the minute of that day. */
    RowEncoder timestamp(long epochDay, int minuteOfDay) {
        int mode = start();
        if (mode == SKIP) {
            return this;
        }
        boolean json = mode == JSON;
        if (json) {
            out.append('"');
        }
        appendDay(epochDay);
        int hour = minuteOfDay / 60;
        int minute = minuteOfDay % 60;
        out.append('T').append((char) ('0' + hour / 10)).append((char) ('0' + hour % 10)).append(':')
                .append((char) ('0' + minute / 10)).append((char) ('0' + minute % 10)).append(":00Z");
        if (json) {
            out.append('"');
        }
        return this;
    }

    RowEncoder bool(boolean value) {
        if (start() != SKIP) {
            out.append(value);
        }
        return this;
    }

    /** No value: an empty CSV cell, an absent JSON key. */
    RowEncoder none() {
        int at = next();
        if (at >= 0) {
            gapTo(at + 1);
        }
        return this;
    }

    /** A list of plain words: a JSON array, or the words joined by ';' in CSV. */
    RowEncoder list(List<String> values) {
        int mode = start();
        if (mode == SKIP) {
            return this;
        }
        if (mode == JSON) {
            out.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append('"');
                escapeJson(values.get(i));
                out.append('"');
            }
            out.append(']');
        } else {
            out.append(String.join(";", values));
        }
        return this;
    }

    void end() {
        if (given != target.length) {
            throw new IllegalStateException("row has " + given + " values for " + target.length + " columns");
        }
        gapTo(keys.length);
        if (syntax == Syntax.JSON_LINES) {
            if (!opened) {
                out.append('{');
            }
            out.append('}');
        }
        out.append('\n');
        column = 0;
        given = 0;
        anyField = false;
        opened = false;
        rows++;
    }

    /** The header column of the next given value, or -1 when the header lacks it. */
    private int next() {
        if (given >= target.length) {
            throw new IllegalStateException("more values than the " + target.length + " columns");
        }
        return target[given++];
    }

    /** Leaves the header columns from the current one up to (excluding) {@code upTo} empty. */
    private void gapTo(int upTo) {
        if (syntax == Syntax.CSV) {
            while (column < upTo) {
                if (column > 0) {
                    out.append(',');
                }
                column++;
            }
        } else {
            column = Math.max(column, upTo);
        }
    }

    /**
     * Moves to the next given value's column, writing the separator and, for JSON, the key: SKIP when the
     * header lacks the column, else CSV or JSON.
     */
    private int start() {
        int at = next();
        if (at < 0) {
            return SKIP;
        }
        if (syntax == Syntax.CSV) {
            gapTo(at);
            if (column > 0) {
                out.append(',');
            }
            column++;
            return CSV;
        }
        if (!opened) {
            out.append('{');
            opened = true;
        }
        column = at + 1;
        if (anyField) {
            out.append(',');
        }
        out.append(keys[at]);
        anyField = true;
        return JSON;
    }

    private void appendDay(long epochDay) {
        long i = epochDay - FIRST_CACHED_DAY;
        out.append(i >= 0 && i < DAYS.length ? DAYS[(int) i] : LocalDate.ofEpochDay(epochDay).toString());
    }

    private static boolean needsQuotes(String v) {
        if (v.isEmpty()) {
            return false;
        }
        if (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void escapeJson(String v) {
        int from = 0;
        int n = v.length();
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(v, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        out.append(v, from, n);
    }
}
