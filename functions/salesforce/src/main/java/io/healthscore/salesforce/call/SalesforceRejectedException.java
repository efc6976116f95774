package io.healthscore.salesforce.call;

/** Any other fault the org answered with (insufficient access, a field that is not writable, a failed Bulk job...): not retried. */
public final class SalesforceRejectedException extends SalesforceException {

    public SalesforceRejectedException(Operation operation, String code, String message, Throwable cause) {
        super(operation, code, message, cause);
    }
}
