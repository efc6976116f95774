package io.healthscore.bedrock;

import io.healthscore.domain.conversations.ExtractorUnavailableException;

/**
 * A Bedrock call that failed for good, translated at the edge into what the caller can act on: the kind, the AWS error
 * code, the HTTP status and how many attempts were made. The AWS error message is left out on purpose (a validation
 * message can echo the request), and so is the SDK exception: nothing of the conversation can reach a log through it.
 */
public final class BedrockCallException extends ExtractorUnavailableException {

    /** What went wrong, and whether the policy retried it before giving up. */
    public enum Kind {
        /** ThrottlingException on every attempt. */
        THROTTLED(true),
        /** ServiceUnavailableException, InternalServerException or another 5xx on every attempt. */
        UNAVAILABLE(true),
        /** Attempt or call timeout, ModelTimeoutException. */
        TIMEOUT(true),
        /** Connection refused or reset, read failure. */
        IO(true),
        /** AccessDeniedException, 401/403: the role may not invoke this model. */
        ACCESS_DENIED(false),
        /** ValidationException, 400: the request is wrong for this model (or too long). */
        INVALID_REQUEST(false),
        /** ResourceNotFoundException, 404: unknown model id or inference profile. */
        MODEL_NOT_FOUND(false),
        /** ModelNotReadyException: the model is not ready to serve. */
        MODEL_NOT_READY(false),
        /** ServiceQuotaExceededException: an account quota, not a rate. */
        QUOTA_EXCEEDED(false),
        /** ModelErrorException, 424: the model failed on this request. */
        MODEL_ERROR(false),
        /** Anything else the SDK reported (unreadable response, unknown error code). */
        OTHER(false),
        /** The thread was interrupted while waiting. */
        INTERRUPTED(false);

        private final boolean retried;

        Kind(boolean retried) {
            this.retried = retried;
        }

        /** Whether the policy retries this kind (bounded) before giving up. */
        public boolean retried() {
            return retried;
        }
    }

    private final Kind kind;
    private final String errorCode;
    private final int httpStatus;
    private final int attempts;
    private final String requestId;

    public BedrockCallException(Kind kind, String operation, String errorCode, int httpStatus, int attempts, String requestId) {
        super(kind.name(), operation + " failed: " + kind + (errorCode == null ? "" : " (" + errorCode + ")")
                + (httpStatus > 0 ? ", HTTP " + httpStatus : "") + ", after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + (requestId == null ? "" : ", request " + requestId));
        this.kind = kind;
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
        this.requestId = requestId;
    }

    public Kind kind() {
        return kind;
    }

    /** AWS error code (ThrottlingException, AccessDeniedException...) or the SDK exception's simple class name. */
    public String errorCode() {
        return errorCode;
    }

    /** HTTP status, 0 when no response was received. */
    public int httpStatus() {
        return httpStatus;
    }

    public int attempts() {
        return attempts;
    }

    public String requestId() {
        return requestId;
    }
}
