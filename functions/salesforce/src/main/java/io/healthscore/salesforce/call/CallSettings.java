package io.healthscore.salesforce.call;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and the retry budget of every remote call.
 *
 * @param connectTimeout  TCP connect timeout
 * @param tokenTimeout    whole request to the OAuth token endpoint
 * @param queryTimeout    read timeout of query and queryMore
 * @param writeTimeout    read timeout of update and upsert (200 records)
 * @param bulkTimeout     read timeout of one Bulk API request (not of the job)
 * @param maxAttempts     attempts per call for retryable failures (HTTP 5xx, I/O, timeouts, concurrent-request limit)
 * @param initialBackoff  wait before the second attempt; doubles per attempt
 * @param maxBackoff      cap of the wait; the wait is drawn uniformly from [half, full] of the capped value (jitter)
 */
public record CallSettings(Duration connectTimeout, Duration tokenTimeout, Duration queryTimeout, Duration writeTimeout,
                           Duration bulkTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public CallSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(tokenTimeout, "tokenTimeout");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(bulkTimeout, "bulkTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1..10, not " + maxAttempts);
        }
    }

    /** 10 s connect, 30 s token, 120 s query and write, 60 s Bulk request; 4 attempts, backoff 1 s doubling to 30 s. */
    public static CallSettings defaults() {
        return new CallSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(120),
                Duration.ofSeconds(120), Duration.ofSeconds(60), 4, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public Duration readTimeout(Operation.TimeoutClass timeoutClass) {
        return switch (timeoutClass) {
            case TOKEN -> tokenTimeout;
            case QUERY -> queryTimeout;
            case WRITE -> writeTimeout;
            case BULK -> bulkTimeout;
        };
    }

    public CallSettings withReadTimeouts(Duration timeout) {
        return new CallSettings(connectTimeout, timeout, timeout, timeout, timeout, maxAttempts, initialBackoff, maxBackoff);
    }

    public CallSettings withRetries(int attempts, Duration initial, Duration max) {
        return new CallSettings(connectTimeout, tokenTimeout, queryTimeout, writeTimeout, bulkTimeout, attempts, initial, max);
    }

    /** The wait before attempt {@code attempt + 1}: exponential, capped, with jitter in [half, full]. */
    public Duration backoff(int attempt, java.util.random.RandomGenerator random) {
        long initial = Math.max(1, initialBackoff.toMillis());
        long capped = Math.min(maxBackoff.toMillis(), initial << Math.min(20, Math.max(0, attempt - 1)));
        long half = capped / 2;
        return Duration.ofMillis(half + (capped - half == 0 ? 0 : random.nextLong(capped - half + 1)));
    }
}
