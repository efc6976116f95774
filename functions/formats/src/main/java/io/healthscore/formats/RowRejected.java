package io.healthscore.formats;

/** A row cannot be used: which column and why. Thrown by row mappers, caught by the table loop. */
public final class RowRejected extends Exception {

    private final String column;
    private final String code;

    public RowRejected(String column, String code, String detail) {
        super(detail, null, false, false);
        this.column = column;
        this.code = code;
    }

    public String column() {
        return column;
    }

    /** Stable short code for counting, e.g. bad_date. */
    public String code() {
        return code;
    }
}
