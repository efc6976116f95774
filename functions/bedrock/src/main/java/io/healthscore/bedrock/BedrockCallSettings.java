package io.healthscore.bedrock;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Timeouts and the retry budget of every Bedrock call. {@link BedrockCallPolicy} is the only owner of retries: the
 * SDK client is built with its own retries turned off, so {@code maxAttempts} is the exact number of HTTP requests a
 * call can make.
 *
 * @param connectTimeout     TCP connect timeout of the HTTP client
 * @param socketTimeout      read timeout of the HTTP client
 * @param apiCallTimeout     SDK limit on one call (one attempt, as the SDK does not retry)
 * @param apiCallAttemptTimeout SDK limit on one HTTP attempt
 * @param maxAttempts        attempts per call for retryable failures (throttling, 5xx, I/O, attempt timeouts)
 * @param initialBackoff     cap of the wait before the second attempt; doubles per attempt
 * @param maxBackoff         cap of every wait; the wait is drawn uniformly from [0, cap] (full jitter)
 */
public record BedrockCallSettings(Duration connectTimeout, Duration socketTimeout, Duration apiCallTimeout,
                                  Duration apiCallAttemptTimeout, int maxAttempts, Duration initialBackoff,
                                  Duration maxBackoff) {

    public BedrockCallSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        Objects.requireNonNull(apiCallAttemptTimeout, "apiCallAttemptTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1..10, not " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
    }

    /** 5 s connect, 60 s read, 90 s per call, 60 s per attempt; 4 attempts, backoff 500 ms doubling to 20 s. */
    public static BedrockCallSettings defaults() {
        return new BedrockCallSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(90),
                Duration.ofSeconds(60), 4, Duration.ofMillis(500), Duration.ofSeconds(20));
    }

    public BedrockCallSettings withRetries(int attempts, Duration initial, Duration max) {
        return new BedrockCallSettings(connectTimeout, socketTimeout, apiCallTimeout, apiCallAttemptTimeout, attempts,
                initial, max);
    }

    public BedrockCallSettings withTimeouts(Duration call, Duration attempt) {
        return new BedrockCallSettings(connectTimeout, socketTimeout, call, attempt, maxAttempts, initialBackoff,
                maxBackoff);
    }

    /**
     * The wait before retry {@code retry} (1-based): full jitter, uniform in [0, min(maxBackoff, initialBackoff *
     * 2^(retry-1))].
     */
    public Duration backoff(int retry, RandomGenerator random) {
        long initial = initialBackoff.toMillis();
        long cap = Math.min(maxBackoff.toMillis(), initial << Math.min(20, Math.max(0, retry - 1)));
        return Duration.ofMillis(cap <= 0 ? 0 : random.nextLong(cap + 1));
    }
}
