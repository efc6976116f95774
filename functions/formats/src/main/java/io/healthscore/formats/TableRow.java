package io.healthscore.formats;

/** One data row of a table, by column name. Values are trimmed; empty values are null. */
public interface TableRow {

    /** 1-based data row number (the CSV header is row 0; for JSON Lines, the line number). */
    long rowNumber();

    String get(String column);

    /** The row's column names (the CSV header, or the keys of the JSON object). */
    Iterable<String> columns();
}
