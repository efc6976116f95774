package io.healthscore.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

class BedrockSettingsTest {

    @Test
    void environmentNamesTheModelRegionEndpointAndLimits() {
        BedrockSettings s = BedrockSettings.fromEnvironment(Map.of(
                "HEALTHSCORE_BEDROCK_MODEL_ID", "us.amazon.nova-micro-v1:0",
                "HEALTHSCORE_BEDROCK_REGION", "eu-west-1",
                "AWS_REGION", "us-east-1",
                "HEALTHSCORE_BEDROCK_ENDPOINT", "https://vpce-0abc.bedrock-runtime.eu-west-1.vpce.amazonaws.com",
                "HEALTHSCORE_BEDROCK_MAX_TRANSCRIPT_TOKENS", "4000",
                "HEALTHSCORE_BEDROCK_MAX_OUTPUT_TOKENS", "512",
                "HEALTHSCORE_BEDROCK_MAX_ATTEMPTS", "3",
                "HEALTHSCORE_BEDROCK_ATTEMPT_TIMEOUT_SECONDS", "20"));

        assertThat(s.modelId()).isEqualTo("us.amazon.nova-micro-v1:0");
        assertThat(s.region()).isEqualTo("eu-west-1");
        assertThat(s.endpoint()).isEqualTo(URI.create("https://vpce-0abc.bedrock-runtime.eu-west-1.vpce.amazonaws.com"));
        assertThat(s.maxTranscriptTokens()).isEqualTo(4_000);
        assertThat(s.maxOutputTokens()).isEqualTo(512);
        assertThat(s.calls().maxAttempts()).isEqualTo(3);
        assertThat(s.calls().apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.calls().apiCallTimeout()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void defaultsNeedOnlyTheLambdaRegion() {
        BedrockSettings s = BedrockSettings.fromEnvironment(Map.of("AWS_REGION", "us-east-1"));

        assertThat(s.modelId()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(s.endpointOverride()).isEmpty();
        assertThat(s.maxTranscriptTokens()).isEqualTo(6_000);
        assertThat(s.calls().maxAttempts()).isEqualTo(4);
    }

    @Test
    void badValuesAreRefusedByName() {
        assertThatThrownBy(() -> BedrockSettings.fromEnvironment(Map.of()))
                .hasMessageContaining("HEALTHSCORE_BEDROCK_REGION");
        assertThatThrownBy(() -> BedrockSettings.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "HEALTHSCORE_BEDROCK_MAX_ATTEMPTS", "many"))).hasMessageContaining("HEALTHSCORE_BEDROCK_MAX_ATTEMPTS");
        assertThatThrownBy(() -> BedrockSettings.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "HEALTHSCORE_BEDROCK_MAX_ATTEMPTS", "0"))).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> BedrockSettings.defaults("amazon.nova-micro-v1:0", "us-east-1").withMaxTranscriptTokens(10))
                .hasMessageContaining("maxTranscriptTokens");
    }

    @Test
    void clientIsBuiltWithTheSdkRetriesOffAndTheConfiguredTimeouts() {
        BedrockSettings s = BedrockSettings.defaults("amazon.nova-micro-v1:0", "us-east-1")
                .withEndpoint(URI.create("http://127.0.0.1:9"));
        try (BedrockRuntimeClient client = BedrockClients.runtimeClient(s,
                software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())) {
            var config = client.serviceClientConfiguration();
            assertThat(config.region().id()).isEqualTo("us-east-1");
            assertThat(config.endpointOverride()).contains(URI.create("http://127.0.0.1:9"));
            assertThat(config.overrideConfiguration().retryStrategy()).hasValueSatisfying(r ->
                    assertThat(r.maxAttempts()).isEqualTo(1));
            assertThat(config.overrideConfiguration().apiCallAttemptTimeout()).contains(Duration.ofSeconds(60));
            assertThat(config.overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(90));
        }
    }

    @Test
    void pricingComesFromConfiguration() {
        BedrockPricing p = BedrockPricing.fromEnvironment(Map.of(
                "HEALTHSCORE_BEDROCK_USD_PER_1K_INPUT_TOKENS", "0.000035",
                "HEALTHSCORE_BEDROCK_USD_PER_1K_OUTPUT_TOKENS", "0.00014"));

        assertThat(p.estimate(1_000_000, 100_000)).isEqualByComparingTo(new BigDecimal("0.049"));
        assertThat(BedrockPricing.fromEnvironment(Map.of()).estimate(1_000_000, 1_000_000)).isZero();
        assertThatThrownBy(() -> BedrockPricing.of("-1", "0")).hasMessageContaining("negative");
    }
}
