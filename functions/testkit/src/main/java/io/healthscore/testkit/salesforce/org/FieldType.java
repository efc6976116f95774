package io.healthscore.testkit.salesforce.org;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;
import java.util.Locale;

/**
 * SOAP types of Salesforce fields, with the lexical forms the Partner API uses on the wire.
 *
 * <p>Stored values are canonical Java types: {@link String} (ID, STRING, REFERENCE), {@link Boolean},
 * {@link Integer} (INT), {@link Double} (DOUBLE: currency, percent and every custom number field),
 * {@link LocalDate} (DATE) and {@link Instant} (DATETIME).
 */
public enum FieldType {
    ID, STRING, REFERENCE, BOOLEAN, INT, DOUBLE, DATE, DATETIME;

    private static final DateTimeFormatter DATETIME_OUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Converts a value handed to the seeding API into the canonical stored type. */
    public Object coerce(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return parseText(text.toString());
        }
        return switch (this) {
            case ID, STRING, REFERENCE -> value.toString();
            case BOOLEAN -> requireType(value, Boolean.class);
            case INT -> Math.toIntExact(requireType(value, Number.class).longValue());
            case DOUBLE -> requireType(value, Number.class).doubleValue();
            case DATE -> toLocalDate(value);
            case DATETIME -> toInstant(value);
        };
    }

    /** Parses a wire value (SOAP element text or Bulk CSV cell). */
    public Object parseText(String text) {
        String trimmed = text.trim();
        try {
            return switch (this) {
                case ID, STRING, REFERENCE -> text;
                case BOOLEAN -> parseBoolean(trimmed);
                case INT -> new BigDecimal(trimmed).intValueExact();
                case DOUBLE -> Double.valueOf(trimmed);
                case DATE -> LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed);
                case DATETIME -> OffsetDateTime.parse(trimmed).toInstant();
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("value not of required type: " + text, e);
        }
    }

    /** The text the Partner API puts in a field element (Double as {@code 1.2E7}, datetimes in UTC with millis). */
    public String format(Object value) {
        return switch (this) {
            case DATETIME -> DATETIME_OUT.format((Instant) value);
            case DOUBLE -> Double.toString(((Number) value).doubleValue());
            default -> value.toString();
        };
    }

    public boolean isText() {
        return this == ID || this == STRING || this == REFERENCE;
    }

    public boolean isIdLike() {
        return this == ID || this == REFERENCE;
    }

    /** Type of a field first seen through the seeding API. */
    public static FieldType inferFrom(Object value) {
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Number) {
            return DOUBLE;
        }
        if (value instanceof LocalDate) {
            return DATE;
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime
                || value instanceof Date || value instanceof Calendar) {
            return DATETIME;
        }
        return STRING;
    }

    private static Boolean parseBoolean(String text) {
        if ("true".equalsIgnoreCase(text) || "1".equals(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text) || "0".equals(text)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("value not of required type: " + text);
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        return LocalDate.ofInstant(toInstant(value), ZoneOffset.UTC);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Calendar calendar) {
            return calendar.toInstant();
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        throw new IllegalArgumentException("not a date/time: " + value.getClass().getName());
    }

    private <T> T requireType(Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(name() + " field cannot hold " + value.getClass().getName());
        }
        return type.cast(value);
    }
}
