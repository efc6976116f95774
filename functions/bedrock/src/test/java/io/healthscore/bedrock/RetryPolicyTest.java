package io.healthscore.bedrock;

import static io.healthscore.bedrock.BedrockStub.connectionReset;
import static io.healthscore.bedrock.BedrockStub.error;
import static io.healthscore.bedrock.BedrockStub.ok;
import static io.healthscore.bedrock.BedrockStub.throttled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.healthscore.bedrock.BedrockCallException.Kind;
import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.conversations.Extraction;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one retry owner: exact attempt counts through the real SDK client (its own retries are off), full-jitter
 * backoff, typed failures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryPolicyTest {

    private final BedrockStub stub = new BedrockStub();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Conversation conversation = new Conversation("conv-0100", "acct-0100", LocalDate.of(2026, 11, 3), "call",
            Fixtures.transcript("renewal_risk.txt"));

    @BeforeEach
    void reset() {
        stub.reset();
        waits.clear();
    }

    @AfterAll
    void stop() {
        stub.close();
    }

    private BedrockExtractor extractor() {
        return stub.extractor(stub.settings(), BedrockLog.SILENT, waits::add);
    }

    @Test
    void throttlingTwiceThenAnswerTakesExactlyThreeAttempts() {
        stub.answerInTurn(throttled(), throttled(), ok("renewal_risk_valid.json"));
        BedrockExtractor extractor = extractor();

        Extraction e = extractor.extract(conversation);

        assertThat(e.accepted()).isTrue();
        assertThat(stub.calls()).isEqualTo(3);
        assertThat(waits).hasSize(2);
        BedrockUsage.Snapshot usage = extractor.usage();
        assertThat(usage.attempts()).isEqualTo(3);
        assertThat(usage.retries()).isEqualTo(2);
        assertThat(usage.throttled()).isEqualTo(2);
        assertThat(usage.turns()).isEqualTo(1);
    }

    @Test
    void throttlingOnEveryAttemptEndsInATypedFailureAfterTheBoundedAttempts() {
        stub.answerAlways(throttled());

        BedrockCallException failure = catchThrowableOfType(BedrockCallException.class,
                () -> extractor().extract(conversation));

        assertThat(failure.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(failure.errorCode()).isEqualTo("ThrottlingException");
        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.attempts()).isEqualTo(4);
        assertThat(failure.requestId()).isEqualTo("8f2e7a90-1d4b-4f0e-b7d4-0c6a9d1e5f22");
        assertThat(stub.calls()).as("maxAttempts requests, no SDK retries on top").isEqualTo(4);
        assertThat(waits).hasSize(3);
        assertThat(failure.getMessage()).isEqualTo("converse failed: THROTTLED (ThrottlingException), HTTP 429, after 4 "
                + "attempts, request 8f2e7a90-1d4b-4f0e-b7d4-0c6a9d1e5f22");
        assertThat(failure.getCause()).isNull();
    }

    @Test
    void serverErrorsAreRetried() {
        stub.answerInTurn(error(500, "InternalServerException", "internal_server_500.json"),
                error(503, "ServiceUnavailableException", "service_unavailable_503.json"), ok("renewal_risk_valid.json"));

        Extraction e = extractor().extract(conversation);

        assertThat(e.accepted()).isTrue();
        assertThat(stub.calls()).isEqualTo(3);
    }

    @Test
    void serviceUnavailableOnEveryAttemptIsATypedFailure() {
        stub.answerAlways(error(503, "ServiceUnavailableException", "service_unavailable_503.json"));

        BedrockCallException failure = catchThrowableOfType(BedrockCallException.class,
                () -> extractor().extract(conversation));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.attempts()).isEqualTo(4);
        assertThat(stub.calls()).isEqualTo(4);
    }

    @Test
    void connectionResetIsRetried() {
        stub.answerInTurn(connectionReset(), ok("renewal_risk_valid.json"));

        Extraction e = extractor().extract(conversation);

        assertThat(e.accepted()).isTrue();
        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void attemptTimeoutIsRetriedThenTyped() throws InterruptedException {
        stub.answerAlways(ok("renewal_risk_valid.json").withFixedDelay(1_500));
        BedrockSettings settings = stub.settings().withCalls(stub.settings().calls()
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(1))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300)));

        BedrockCallException failure = catchThrowableOfType(BedrockCallException.class,
                () -> stub.extractor(settings, BedrockLog.SILENT, waits::add).extract(conversation));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.errorCode()).isEqualTo("ApiCallAttemptTimeoutException");
        assertThat(failure.attempts()).isEqualTo(2);
        Thread.sleep(300);
        assertThat(stub.calls()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "403, AccessDeniedException,         access_denied_403.json,       ACCESS_DENIED",
        "400, ValidationException,           validation_400.json,          INVALID_REQUEST",
        "429, ModelNotReadyException,        model_not_ready_429.json,     MODEL_NOT_READY",
        "404, ResourceNotFoundException,     resource_not_found_404.json,  MODEL_NOT_FOUND",
    })
    void otherErrorsAreTypedAndNotRetried(int status, String type, String fixture, Kind kind) {
        stub.answerAlways(error(status, type, fixture));

        BedrockCallException failure = catchThrowableOfType(BedrockCallException.class,
                () -> extractor().extract(conversation));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.errorCode()).isEqualTo(type);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(stub.calls()).isEqualTo(1);
        assertThat(waits).isEmpty();
        assertThat(failure.getMessage()).as("AWS error messages can echo the request: left out")
                .doesNotContain("Input is too long", "access to the model", "not ready", "not found");
    }

    @Test
    void backoffIsFullJitterUnderAnExponentialCap() {
        BedrockCallSettings settings = BedrockCallSettings.defaults()
                .withRetries(6, Duration.ofMillis(100), Duration.ofMillis(1_000));
        Random random = new Random(1);
        for (int retry = 1; retry <= 6; retry++) {
            long cap = Math.min(1_000, 100L << (retry - 1));
            long max = 0;
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 2_000; i++) {
                long w = settings.backoff(retry, random).toMillis();
                assertThat(w).isBetween(0L, cap);
                max = Math.max(max, w);
                min = Math.min(min, w);
            }
            assertThat(min).as("full jitter reaches near zero").isLessThan(cap / 10 + 1);
            assertThat(max).as("and near the cap").isGreaterThan(cap * 9 / 10);
        }
    }
}
