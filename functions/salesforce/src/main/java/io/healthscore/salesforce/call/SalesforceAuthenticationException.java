package io.healthscore.salesforce.call;

/** The token endpoint refused the JWT bearer grant (bad key, unknown consumer, user not pre-authorised) or the login failed: fix the connected app or credentials. */
public final class SalesforceAuthenticationException extends SalesforceException {

    public SalesforceAuthenticationException(Operation operation, String code, String message, Throwable cause) {
        super(operation, code, message, cause);
    }
}
