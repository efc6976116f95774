package io.healthscore.salesforce.call;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The one place where remote calls are run: each call has an operation name; retryable failures (HTTP 5xx, I/O,
 * timeouts, the concurrent-request limit) are retried a bounded number of times with exponential backoff and
 * jitter; an expired session is renewed once and the call replayed; everything else becomes a typed
 * {@link SalesforceException}. Every attempt is logged as one JSON line with the operation, attempt, duration,
 * record count and outcome.
 */
public final class CallPolicy {

    /** One attempt of a call. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Exception;
    }

    /** Gets a new session after INVALID_SESSION_ID. */
    @FunctionalInterface
    public interface SessionRenewal {
        void renew();
    }

    private final CallSettings settings;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final CallLog log;
    private final ApiUsage usage;

    public CallPolicy(CallSettings settings, Sleeper sleeper, RandomGenerator random, CallLog log, ApiUsage usage) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.random = random;
        this.log = log;
        this.usage = usage;
    }

    public CallSettings settings() {
        return settings;
    }

    public CallLog log() {
        return log;
    }

    public ApiUsage usage() {
        return usage;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** The wait before retry {@code attempt} (1-based): exponential with jitter, as for failed calls. */
    public Duration backoff(int attempt) {
        return settings.backoff(attempt, random);
    }

    /** Runs a call that needs no session (the token request). */
    public <T> T run(Operation operation, int records, Attempt<T> attempt) {
        return run(operation, records, attempt, null);
    }

    /**
     * Runs a call.
     *
     * @param records records the call carries or asks for (for the log), 0 when not applicable
     * @param renewal what to do on INVALID_SESSION_ID; null when the call has no session
     */
    public <T> T run(Operation operation, int records, Attempt<T> attempt, SessionRenewal renewal) {
        int tries = 0;
        int transientFailures = 0;
        boolean renewed = false;
        while (true) {
            tries++;
            long started = System.nanoTime();
            try {
                T result = attempt.run();
                logAttempt(operation, tries, started, records, "ok", null);
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                logAttempt(operation, tries, started, records, "interrupted", null);
                throw new SalesforceUnavailableException(operation, "interrupted", "interrupted", tries, e);
            } catch (SalesforceException e) {
                // a nested call (the token request during a renewal) already failed for good
                throw e;
            } catch (Exception e) {
                Failure failure = Failure.of(e);
                if (failure == null) {
                    logAttempt(operation, tries, started, records, "error", e.getClass().getSimpleName());
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                switch (failure.kind()) {
                    case SESSION_EXPIRED -> {
                        if (renewed || renewal == null) {
                            logAttempt(operation, tries, started, records, "failed", failure.code());
                            throw new SalesforceSessionException(operation, failure.code(),
                                    "session still invalid after one re-authentication: " + failure.message(), e);
                        }
                        logAttempt(operation, tries, started, records, "reauthenticate", failure.code());
                        renewed = true;
                        renewal.renew();
                    }
                    case RETRYABLE -> {
                        transientFailures++;
                        if (transientFailures >= settings.maxAttempts()) {
                            logAttempt(operation, tries, started, records, "failed", failure.code());
                            throw new SalesforceUnavailableException(operation, failure.code(), failure.message(), tries, e);
                        }
                        Duration wait = settings.backoff(transientFailures, random);
                        logAttempt(operation, tries, started, records, "retry", failure.code(), wait);
                        pause(operation, tries, wait, e);
                    }
                    case DAILY_LIMIT -> {
                        logAttempt(operation, tries, started, records, "failed", failure.code());
                        throw new SalesforceDailyLimitException(operation, failure.code(), failure.message(), e);
                    }
                    case AUTHENTICATION -> {
                        logAttempt(operation, tries, started, records, "failed", failure.code());
                        throw new SalesforceAuthenticationException(operation, failure.code(), failure.message(), e);
                    }
                    case QUERY -> {
                        logAttempt(operation, tries, started, records, "failed", failure.code());
                        throw new SalesforceQueryException(operation, failure.code(), failure.message(), e);
                    }
                    case REJECTED -> {
                        logAttempt(operation, tries, started, records, "failed", failure.code());
                        throw new SalesforceRejectedException(operation, failure.code(), failure.message(), e);
                    }
                    default -> throw new IllegalStateException("unhandled failure kind " + failure.kind());
                }
            }
        }
    }

    private void pause(Operation operation, int tries, Duration wait, Exception cause) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new SalesforceUnavailableException(operation, "interrupted", "interrupted while backing off", tries, cause);
        }
    }

    private void logAttempt(Operation operation, int attempt, long startedNanos, int records, String outcome, String code) {
        logAttempt(operation, attempt, startedNanos, records, outcome, code, null);
    }

    private void logAttempt(Operation operation, int attempt, long startedNanos, int records, String outcome, String code,
                            Duration backoff) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("operation", operation.wireName());
        f.put("attempt", attempt);
        f.put("duration_ms", (System.nanoTime() - startedNanos) / 1_000_000);
        if (records > 0) {
            f.put("records", records);
        }
        f.put("outcome", outcome);
        if (code != null) {
            f.put("code", code);
        }
        if (backoff != null) {
            f.put("backoff_ms", backoff.toMillis());
        }
        if (usage.known()) {
            f.put("api_used", usage.used());
            f.put("api_limit", usage.limit());
        }
        log.event("salesforce_call", f);
    }
}
