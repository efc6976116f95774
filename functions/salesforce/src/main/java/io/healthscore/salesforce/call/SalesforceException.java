package io.healthscore.salesforce.call;

/**
 * A Salesforce call that failed for good, translated at the edge into what the caller can act on. The message names
 * the operation and the Salesforce code; customer record values are never part of it.
 */
public abstract sealed class SalesforceException extends RuntimeException
        permits SalesforceAuthenticationException, SalesforceSessionException, SalesforceDailyLimitException,
        SalesforceQueryException, SalesforceUnavailableException, SalesforceRejectedException {

    private final Operation operation;
    private final String code;

    protected SalesforceException(Operation operation, String code, String message, Throwable cause) {
        super(operation.wireName() + ": " + message, cause);
        this.operation = operation;
        this.code = code;
    }

    public Operation operation() {
        return operation;
    }

    /** The Salesforce exception code (INVALID_SESSION_ID, invalid_grant, ExceededQuota...) or a failure kind. */
    public String code() {
        return code;
    }
}
