package io.healthscore.sampledata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The generated window as epoch days: {@code weeks} full Monday-to-Sunday weeks, the last one ending
 * before {@code asOf}. Week 0 is the oldest.
 */
final class Timeline {

    private final LocalDate asOf;
    private final int weeks;
    private final long firstMonday;
    private final long end;

    Timeline(LocalDate asOf, int weeks) {
        this.asOf = asOf;
        this.weeks = weeks;
        LocalDate lastMonday = asOf.minusDays(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        this.firstMonday = lastMonday.toEpochDay() - 7L * (weeks - 1);
        this.end = asOf.toEpochDay();
    }

    LocalDate asOf() {
        return asOf;
    }

    int weeks() {
        return weeks;
    }

    /** First day of the window (a Monday). */
    long start() {
        return firstMonday;
    }

    /** The as-of day: the first day with no data. */
    long end() {
        return end;
    }

    long weekStart(int week) {
        return firstMonday + 7L * week;
    }

    /** Week index of a day, clamped to the window. */
    int weekOf(long day) {
        long w = Math.floorDiv(day - firstMonday, 7);
        return (int) Math.max(0, Math.min(weeks - 1, w));
    }

    /** Week index of a day, or a value below 0 / at least weeks when it is outside the window. */
    int rawWeekOf(long day) {
        return (int) Math.floorDiv(day - firstMonday, 7);
    }
}
