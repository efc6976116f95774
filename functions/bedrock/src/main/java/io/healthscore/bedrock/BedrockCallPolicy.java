package io.healthscore.bedrock;

import io.healthscore.bedrock.BedrockCallException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where Bedrock calls are run. Throttling, 5xx, I/O failures and timeouts are retried up to
 * {@link BedrockCallSettings#maxAttempts()} attempts in all, waiting a full-jitter exponential backoff between them;
 * everything else, and a retryable failure on the last attempt, becomes a {@link BedrockCallException} of the matching
 * kind. The SDK client does not retry (see {@link BedrockClients}), so the attempt count here is the number of HTTP
 * requests. Every attempt is one JSON log line with ids, attempt, duration, outcome and error code.
 */
public final class BedrockCallPolicy {

    private final BedrockCallSettings settings;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final BedrockLog log;
    private final BedrockUsage usage;

    public BedrockCallPolicy(BedrockCallSettings settings, Sleeper sleeper, RandomGenerator random, BedrockLog log,
                             BedrockUsage usage) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.random = random;
        this.log = log;
        this.usage = usage;
    }

    public BedrockUsage usage() {
        return usage;
    }

    /**
     * Runs one call.
     *
     * @param operation      name for the log and the failure, e.g. "converse"
     * @param conversationId id for the log line (never text)
     */
    public <T> T run(String operation, String conversationId, Supplier<T> attempt) {
        int attempts = 0;
        while (true) {
            attempts++;
            usage.attempt();
            long started = System.nanoTime();
            Failure failure;
            try {
                T result = attempt.get();
                logAttempt(operation, conversationId, attempts, started, "ok", null, 0, null);
                return result;
            } catch (SdkException e) {
                failure = Failure.of(e);
            } catch (UncheckedIOException e) {
                failure = new Failure(Kind.IO, e.getCause().getClass().getSimpleName(), 0, null);
            }
            if (failure.kind() == Kind.THROTTLED) {
                usage.throttle();
            }
            if (!failure.kind().retried() || attempts >= settings.maxAttempts()) {
                logAttempt(operation, conversationId, attempts, started, "failed", failure.code(), failure.status(), null);
                throw failure.exception(operation, attempts);
            }
            Duration wait = settings.backoff(attempts, random);
            logAttempt(operation, conversationId, attempts, started, "retry", failure.code(), failure.status(), wait);
            usage.retry();
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new BedrockCallException(Kind.INTERRUPTED, operation, failure.code(), failure.status(), attempts,
                        failure.requestId());
            }
        }
    }

    /** A failed attempt, classified. */
    record Failure(Kind kind, String code, int status, String requestId) {

        BedrockCallException exception(String operation, int attempts) {
            return new BedrockCallException(kind, operation, code, status, attempts, requestId);
        }

        static Failure of(SdkException e) {
            if (e instanceof AwsServiceException aws) {
                String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
                if (code == null || code.isBlank()) {
                    code = aws.getClass().getSimpleName();
                }
                return new Failure(kindOf(code, aws.statusCode()), code, aws.statusCode(), aws.requestId());
            }
            String name = e.getClass().getSimpleName();
            if (e instanceof AbortedException) {
                return new Failure(Kind.INTERRUPTED, name, 0, null);
            }
            if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
                return new Failure(Kind.TIMEOUT, name, 0, null);
            }
            if (e instanceof SdkClientException && causedByIo(e)) {
                return new Failure(Kind.IO, rootName(e), 0, null);
            }
            return new Failure(Kind.OTHER, name, 0, null);
        }

        /** By AWS error code first (Bedrock answers 429 for both throttling and a model that is not ready). */
        static Kind kindOf(String code, int status) {
            return switch (code) {
                case "ThrottlingException", "TooManyRequestsException" -> Kind.THROTTLED;
                case "ServiceUnavailableException", "InternalServerException", "InternalFailure" -> Kind.UNAVAILABLE;
                case "ModelTimeoutException", "RequestTimeout", "RequestTimeoutException" -> Kind.TIMEOUT;
                case "AccessDeniedException", "UnrecognizedClientException", "ExpiredTokenException",
                     "InvalidSignatureException", "MissingAuthenticationTokenException" -> Kind.ACCESS_DENIED;
                case "ValidationException", "SerializationException" -> Kind.INVALID_REQUEST;
                case "ResourceNotFoundException" -> Kind.MODEL_NOT_FOUND;
                case "ModelNotReadyException" -> Kind.MODEL_NOT_READY;
                case "ServiceQuotaExceededException" -> Kind.QUOTA_EXCEEDED;
                case "ModelErrorException" -> Kind.MODEL_ERROR;
                default -> status >= 500 ? Kind.UNAVAILABLE
                        : status == 429 ? Kind.THROTTLED
                        : status == 401 || status == 403 ? Kind.ACCESS_DENIED
                        : status == 404 ? Kind.MODEL_NOT_FOUND
                        : status == 400 ? Kind.INVALID_REQUEST
                        : Kind.OTHER;
            };
        }

        private static boolean causedByIo(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException) {
                    return true;
                }
            }
            return false;
        }

        private static String rootName(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t.getClass().getSimpleName();
        }
    }

    private void logAttempt(String operation, String conversationId, int attempt, long startedNanos, String outcome,
                            String code, int status, Duration backoff) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("operation", operation);
        f.put("conversation_id", conversationId);
        f.put("attempt", attempt);
        f.put("duration_ms", (System.nanoTime() - startedNanos) / 1_000_000);
        f.put("outcome", outcome);
        if (code != null) {
            f.put("code", code);
        }
        if (status > 0) {
            f.put("http_status", status);
        }
        if (backoff != null) {
            f.put("backoff_ms", backoff.toMillis());
        }
        log.event("bedrock_call", f);
    }
}
