package io.healthscore.formats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of a row's cells, each failing with a {@link RowRejected} that names the column, the
 * value and the expected form. Dates are ISO (2026-11-02, UTC); timestamps ISO-8601 with an offset
 * (2026-11-02T14:03:00Z) or a plain date, converted to the UTC date.
 */
final class Cells {

    private static final int MAX_SHOWN = 40;

    private Cells() {
    }

    static String text(TableRow row, String column) throws RowRejected {
        String v = row.get(column);
        if (v == null) {
            throw new RowRejected(column, "missing_value", "'" + column + "' is empty");
        }
        return v;
    }

    static LocalDate date(TableRow row, String column) throws RowRejected {
        return parseDate(column, text(row, column));
    }

    static LocalDate optionalDate(TableRow row, String column) throws RowRejected {
        String v = row.get(column);
        return v == null ? null : parseDate(column, v);
    }

    static LocalDate utcDate(TableRow row, String column) throws RowRejected {
        String v = text(row, column);
        return parseUtcDate(column, v);
    }

    static LocalDate optionalUtcDate(TableRow row, String column) throws RowRejected {
        String v = row.get(column);
        return v == null ? null : parseUtcDate(column, v);
    }

    /** yyyy-mm-ddThh:mm[:ss[.fraction]]Z: the UTC date is the first ten characters (shared, see DATES). */
    private static final java.util.regex.Pattern UTC_TIMESTAMP =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?Z");

    private static LocalDate parseUtcDate(String column, String v) throws RowRejected {
        if (v.length() == 10) {
            return parseDate(column, v);
        }
        if (v.endsWith("Z") && UTC_TIMESTAMP.matcher(v).matches()) {
            try {
                return parseDate(column, v.substring(0, 10));
            } catch (RowRejected e) {
                throw new RowRejected(column, "bad_timestamp", "'" + column + "' value '" + shown(v)
                        + "' is not an ISO-8601 timestamp with offset (e.g. 2026-11-02T14:03:00Z) or a date");
            }
        }
        try {
            return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, "bad_timestamp", "'" + column + "' value '" + shown(v)
                    + "' is not an ISO-8601 timestamp with offset (e.g. 2026-11-02T14:03:00Z) or a date");
        }
    }

    /**
     * Exports repeat a few hundred distinct dates over millions of rows: parse each once and share the
     * instance (less parsing, and one object instead of one per row). Bounded; thread-safe.
     */
    private static final int DATE_CACHE_LIMIT = 50_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, LocalDate> DATES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Low-cardinality texts (activity types, channels) shared across rows. Bounded; thread-safe. */
    private static final int TEXT_CACHE_LIMIT = 10_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    static String shared(String v) {
        if (v == null) {
            return null;
        }
        String known = TEXTS.get(v);
        if (known != null) {
            return known;
        }
        if (TEXTS.size() < TEXT_CACHE_LIMIT) {
            TEXTS.putIfAbsent(v, v);
        }
        return v;
    }

    private static LocalDate parseDate(String column, String v) throws RowRejected {
        LocalDate known = DATES.get(v);
        if (known != null) {
            return known;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (DATES.size() < DATE_CACHE_LIMIT) {
                DATES.putIfAbsent(v, d);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, "bad_date", "'" + column + "' value '" + shown(v) + "' is not a date (YYYY-MM-DD)");
        }
    }

    static int nonNegativeInt(TableRow row, String column) throws RowRejected {
        return nonNegativeInt(column, text(row, column));
    }

    static int optionalNonNegativeInt(TableRow row, String column, int dflt) throws RowRejected {
        String v = row.get(column);
        return v == null ? dflt : nonNegativeInt(column, v);
    }

    private static int nonNegativeInt(String column, String v) throws RowRejected {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            double d = number(column, v);
            if (d != Math.rint(d)) {
                throw new RowRejected(column, "bad_number", "'" + column + "' value '" + shown(v) + "' is not a whole number");
            }
            n = (long) d;
        }
        if (n < 0) {
            throw new RowRejected(column, "negative_value", "'" + column + "' is negative (" + n + ")");
        }
        if (n > Integer.MAX_VALUE) {
            throw new RowRejected(column, "out_of_range", "'" + column + "' value " + n + " is too large");
        }
        return (int) n;
    }

    static double number(TableRow row, String column) throws RowRejected {
        return number(column, text(row, column));
    }

    static Double optionalNumber(TableRow row, String column) throws RowRejected {
        String v = row.get(column);
        return v == null ? null : number(column, v);
    }

    /** Plain decimal notation only: Java's own forms such as "5d" or "0x1p3" are not numbers in an export. */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    static double number(String column, String v) throws RowRejected {
        try {
            if (!DECIMAL.matcher(v).matches()) {
                throw new NumberFormatException();
            }
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new RowRejected(column, "bad_number", "'" + column + "' value '" + shown(v) + "' is not a number"
                    + (v.contains(",") ? " (use '.' as the decimal separator and no thousands separator)" : ""));
        }
    }

    static double range(String column, double v, double min, double max) throws RowRejected {
        if (v < min || v > max) {
            throw new RowRejected(column, "out_of_range", "'" + column + "' value " + v + " is outside " + min + "-" + max);
        }
        return v;
    }

    static boolean bool(TableRow row, String column, boolean dflt) throws RowRejected {
        String v = row.get(column);
        if (v == null) {
            return dflt;
        }
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "1": case "yes": case "y": return true;
            case "false": case "0": case "no": case "n": return false;
            default:
                throw new RowRejected(column, "bad_boolean", "'" + column + "' value '" + shown(v) + "' is not true/false");
        }
    }

    static String shown(String v) {
        return v.length() <= MAX_SHOWN ? v : v.substring(0, MAX_SHOWN) + "...(" + v.length() + " chars)";
    }
}
