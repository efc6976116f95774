package io.healthscore.salesforce.call;

/** The session was still invalid after one re-authentication and replay. */
public final class SalesforceSessionException extends SalesforceException {

    public SalesforceSessionException(Operation operation, String code, String message, Throwable cause) {
        super(operation, code, message, cause);
    }
}
