package io.healthscore.salesforce.call;

/** The org's daily API request allocation is used up (REQUEST_LIMIT_EXCEEDED TotalRequests, Bulk ExceededQuota). */
public final class SalesforceDailyLimitException extends SalesforceException {

    public SalesforceDailyLimitException(Operation operation, String code, String message, Throwable cause) {
        super(operation, code, message, cause);
    }
}
