package io.healthscore.testkit.salesforce.bulk;

/**
 * A Bulk API 1.0 error response: HTTP 400 with
 * {@code <error xmlns="http://www.force.com/2009/06/asyncapi/dataload"><exceptionCode>InvalidSessionId</exceptionCode>...}.
 */
final class BulkError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String exceptionCode;
    private final int status;

    BulkError(String exceptionCode, String message) {
        this(400, exceptionCode, message);
    }

    BulkError(int status, String exceptionCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.exceptionCode = exceptionCode;
    }

    String exceptionCode() {
        return exceptionCode;
    }

    int status() {
        return status;
    }
}
