package io.healthscore.testkit.salesforce.org;

import java.util.List;

/** One per-record error of a SaveResult/UpsertResult: {@code <errors><fields/><message/><statusCode/></errors>}. */
public record SaveError(String statusCode, String message, List<String> fields) {

    public SaveError {
        fields = List.copyOf(fields);
    }

    public static SaveError of(String statusCode, String message, String... fields) {
        return new SaveError(statusCode, message, List.of(fields));
    }

    /**
     * Bulk API CSV form: {@code REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --}, or
     * {@code UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--} without fields.
     */
    public String bulkText() {
        return statusCode + ":" + message + ":" + (fields.isEmpty() ? "--" : String.join(",", fields) + " --");
    }
}
