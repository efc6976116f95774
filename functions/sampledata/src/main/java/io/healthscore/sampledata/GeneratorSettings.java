package io.healthscore.sampledata;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What sample book to generate. The same settings always give byte-identical files.
 *
 * @param seed                            seed of every random draw; each account draws from its own stream
 *                                        derived from the seed and its position, so adding accounts leaves
 *                                        the earlier ones unchanged
 * @param accounts                        number of accounts, 1 to 9,999,999
 * @param weeks                           weeks of history before {@code asOf}, at least 52
 * @param asOf                            the day after the data ends; renewals on or before it are closed,
 *                                        later ones are open
 * @param gzip                            whether the tables are written gzipped ({@code .gz}); the
 *                                        ground truth is always plain
 * @param format                          {@code csv} or {@code jsonl} for the tables; conversations are
 *                                        always JSON Lines
 * @param conversationsPerAccountPerYear  mean conversations per account and year across the book
 */
public record GeneratorSettings(
        long seed,
        int accounts,
        int weeks,
        LocalDate asOf,
        boolean gzip,
        String format,
        double conversationsPerAccountPerYear) {

    public static final int MAX_ACCOUNTS = 9_999_999;
    public static final int MIN_WEEKS = 52;
    /** A Monday, so the last week of data is a full Monday-to-Sunday week. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 16);

    public GeneratorSettings {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(format, "format");
        if (accounts < 1 || accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("accounts must be between 1 and " + MAX_ACCOUNTS + ", not " + accounts);
        }
        if (weeks < MIN_WEEKS || weeks > 520) {
            throw new IllegalArgumentException("weeks must be between " + MIN_WEEKS + " and 520, not " + weeks);
        }
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new IllegalArgumentException("format must be csv or jsonl, not '" + format + "'");
        }
        if (!(conversationsPerAccountPerYear >= 0) || conversationsPerAccountPerYear > 1000) {
            throw new IllegalArgumentException("conversationsPerAccountPerYear must be between 0 and 1000, not "
                    + conversationsPerAccountPerYear);
        }
    }

    /** Seed 42, 1,000 accounts, 56 weeks up to 2026-11-16, plain CSV, 10 conversations per account and year. */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings(42, 1_000, 56, DEFAULT_AS_OF, false, "csv", 10);
    }

    public GeneratorSettings withSeed(long newSeed) {
        return new GeneratorSettings(newSeed, accounts, weeks, asOf, gzip, format, conversationsPerAccountPerYear);
    }

    public GeneratorSettings withAccounts(int newAccounts) {
        return new GeneratorSettings(seed, newAccounts, weeks, asOf, gzip, format, conversationsPerAccountPerYear);
    }

    public GeneratorSettings withWeeks(int newWeeks) {
        return new GeneratorSettings(seed, accounts, newWeeks, asOf, gzip, format, conversationsPerAccountPerYear);
    }

    public GeneratorSettings withAsOf(LocalDate newAsOf) {
        return new GeneratorSettings(seed, accounts, weeks, newAsOf, gzip, format, conversationsPerAccountPerYear);
    }

    public GeneratorSettings withGzip(boolean newGzip) {
        return new GeneratorSettings(seed, accounts, weeks, asOf, newGzip, format, conversationsPerAccountPerYear);
    }

    public GeneratorSettings withFormat(String newFormat) {
        return new GeneratorSettings(seed, accounts, weeks, asOf, gzip, newFormat, conversationsPerAccountPerYear);
    }

    public GeneratorSettings withConversationsPerAccountPerYear(double perYear) {
        return new GeneratorSettings(seed, accounts, weeks, asOf, gzip, format, perYear);
    }

    boolean jsonLines() {
        return format.equals("jsonl");
    }
}
