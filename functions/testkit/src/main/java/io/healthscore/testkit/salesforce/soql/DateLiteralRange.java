package io.healthscore.testkit.salesforce.soql;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The inclusive day range a SOQL date literal stands for, relative to "today" in the org's time zone.
 * LAST_N_DAYS:n covers today and the n days before it; NEXT_N_DAYS:n the n days after today (not today).
 * Weeks start on Sunday (en_US locale).
 */
record DateLiteralRange(LocalDate first, LocalDate last) {

    static DateLiteralRange of(String literal, Integer n, LocalDate today) {
        return switch (literal) {
            case "TODAY" -> day(today);
            case "YESTERDAY" -> day(today.minusDays(1));
            case "TOMORROW" -> day(today.plusDays(1));
            case "LAST_N_DAYS" -> new DateLiteralRange(today.minusDays(n), today);
            case "NEXT_N_DAYS" -> new DateLiteralRange(today.plusDays(1), today.plusDays(n));
            case "N_DAYS_AGO" -> day(today.minusDays(n));
            case "THIS_WEEK" -> week(today);
            case "LAST_WEEK" -> week(today.minusWeeks(1));
            case "NEXT_WEEK" -> week(today.plusWeeks(1));
            case "THIS_MONTH" -> month(today);
            case "LAST_MONTH" -> month(today.minusMonths(1));
            case "NEXT_MONTH" -> month(today.plusMonths(1));
            case "THIS_YEAR" -> year(today);
            case "LAST_YEAR" -> year(today.minusYears(1));
            case "NEXT_YEAR" -> year(today.plusYears(1));
            default -> throw new IllegalArgumentException("unknown date literal " + literal);
        };
    }

    private static DateLiteralRange day(LocalDate day) {
        return new DateLiteralRange(day, day);
    }

    private static DateLiteralRange week(LocalDate day) {
        LocalDate sunday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        return new DateLiteralRange(sunday, sunday.plusDays(6));
    }

    private static DateLiteralRange month(LocalDate day) {
        return new DateLiteralRange(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
    }

    private static DateLiteralRange year(LocalDate day) {
        return new DateLiteralRange(day.withDayOfYear(1), day.with(TemporalAdjusters.lastDayOfYear()));
    }
}
