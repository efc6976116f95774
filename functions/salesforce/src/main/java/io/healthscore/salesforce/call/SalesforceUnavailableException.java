package io.healthscore.salesforce.call;

/**
 * A retryable failure (HTTP 5xx, I/O error, timeout, concurrent-request limit) that persisted through every attempt
 * the call policy allows.
 */
public final class SalesforceUnavailableException extends SalesforceException {

    private final int attempts;

    public SalesforceUnavailableException(Operation operation, String code, String message, int attempts, Throwable cause) {
        super(operation, code, message + " (after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")", cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
