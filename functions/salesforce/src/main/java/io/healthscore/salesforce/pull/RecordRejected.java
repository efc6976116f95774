package io.healthscore.salesforce.pull;

/** A record that cannot be used: which field, a short code for counting and the reason. */
final class RecordRejected extends Exception {

    private final String field;
    private final String code;

    RecordRejected(String field, String code, String detail) {
        super(detail, null, false, false);
        this.field = field;
        this.code = code;
    }

    String field() {
        return field;
    }

    String code() {
        return code;
    }
}
