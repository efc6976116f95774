package io.healthscore.salesforce.call;

/** The org refused a query: MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE (a field or object the adapter is configured to read is missing), INVALID_QUERY_LOCATOR. */
public final class SalesforceQueryException extends SalesforceException {

    public SalesforceQueryException(Operation operation, String code, String message, Throwable cause) {
        super(operation, code, message, cause);
    }
}
