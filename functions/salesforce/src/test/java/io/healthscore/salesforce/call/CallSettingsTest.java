package io.healthscore.salesforce.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CallSettingsTest {

    @Test
    void backoffDoublesPerAttemptWithJitterInTheUpperHalfAndIsCapped() {
        CallSettings s = CallSettings.defaults().withRetries(6, Duration.ofMillis(500), Duration.ofSeconds(4));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            assertThat(s.backoff(1, random)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
            assertThat(s.backoff(2, random)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(s.backoff(3, random)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
            assertThat(s.backoff(9, random)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
        }
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> s.backoff(2, random)).distinct().count())
                .as("jittered").isGreaterThan(10);
    }

    @Test
    void eachOperationHasANameAndATimeout() {
        CallSettings s = CallSettings.defaults();
        for (Operation op : Operation.values()) {
            assertThat(op.wireName()).matches("[a-z]+\\.[a-zA-Z]+");
            assertThat(s.readTimeout(op.timeoutClass())).isPositive();
        }
    }
}
