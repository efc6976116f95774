package io.healthscore.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How conversations are sent to Bedrock. Read from the environment by {@link #fromEnvironment(Map)}; the names are
 * listed there.
 *
 * @param modelId             model id or inference profile, e.g. {@code amazon.nova-micro-v1:0} or
 *                            {@code us.amazon.nova-micro-v1:0}
 * @param region              AWS region of the runtime endpoint
 * @param endpoint            endpoint override (a stand-in in tests, a VPC endpoint in production); null for the
 *                            regional default
 * @param maxTranscriptTokens most estimated tokens of transcript sent in one request; longer transcripts are cut to
 *                            their head and tail (see {@link TranscriptWindow})
 * @param maxOutputTokens     most tokens the model may answer with per turn
 * @param temperature         sampling temperature, 0 for the most repeatable labels
 * @param calls               timeouts and retries
 */
public record BedrockSettings(String modelId, String region, URI endpoint, int maxTranscriptTokens, int maxOutputTokens,
                              double temperature, BedrockCallSettings calls) {

    public static final String ENV_MODEL_ID = "HEALTHSCORE_BEDROCK_MODEL_ID";
    public static final String ENV_REGION = "HEALTHSCORE_BEDROCK_REGION";
    public static final String ENV_ENDPOINT = "HEALTHSCORE_BEDROCK_ENDPOINT";
    public static final String ENV_MAX_TRANSCRIPT_TOKENS = "HEALTHSCORE_BEDROCK_MAX_TRANSCRIPT_TOKENS";
    public static final String ENV_MAX_OUTPUT_TOKENS = "HEALTHSCORE_BEDROCK_MAX_OUTPUT_TOKENS";
    public static final String ENV_MAX_ATTEMPTS = "HEALTHSCORE_BEDROCK_MAX_ATTEMPTS";
    public static final String ENV_ATTEMPT_TIMEOUT_SECONDS = "HEALTHSCORE_BEDROCK_ATTEMPT_TIMEOUT_SECONDS";
    /** The region Lambda sets for every function. */
    public static final String ENV_AWS_REGION = "AWS_REGION";

    public static final String DEFAULT_MODEL_ID = "amazon.nova-micro-v1:0";
    public static final int DEFAULT_MAX_TRANSCRIPT_TOKENS = 6_000;
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 1_024;

    public BedrockSettings {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(calls, "calls");
        if (modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank");
        }
        if (maxTranscriptTokens < 100 || maxTranscriptTokens > 200_000) {
            throw new IllegalArgumentException("maxTranscriptTokens must be 100..200000, not " + maxTranscriptTokens);
        }
        if (maxOutputTokens < 64 || maxOutputTokens > 8_192) {
            throw new IllegalArgumentException("maxOutputTokens must be 64..8192, not " + maxOutputTokens);
        }
        if (!(temperature >= 0 && temperature <= 1)) {
            throw new IllegalArgumentException("temperature must be 0..1, not " + temperature);
        }
    }

    public static BedrockSettings defaults(String modelId, String region) {
        return new BedrockSettings(modelId, region, null, DEFAULT_MAX_TRANSCRIPT_TOKENS, DEFAULT_MAX_OUTPUT_TOKENS, 0.0,
                BedrockCallSettings.defaults());
    }

    /**
     * Settings from environment variables: {@value #ENV_MODEL_ID} (default {@value #DEFAULT_MODEL_ID}),
     * {@value #ENV_REGION} (else {@value #ENV_AWS_REGION}; one of them is required), {@value #ENV_ENDPOINT},
     * {@value #ENV_MAX_TRANSCRIPT_TOKENS}, {@value #ENV_MAX_OUTPUT_TOKENS}, {@value #ENV_MAX_ATTEMPTS} and
     * {@value #ENV_ATTEMPT_TIMEOUT_SECONDS}.
     */
    public static BedrockSettings fromEnvironment(Map<String, String> env) {
        String region = Optional.ofNullable(blankToNull(env.get(ENV_REGION))).orElse(blankToNull(env.get(ENV_AWS_REGION)));
        if (region == null) {
            throw new IllegalArgumentException(ENV_REGION + " or " + ENV_AWS_REGION + " must be set");
        }
        BedrockSettings s = defaults(Optional.ofNullable(blankToNull(env.get(ENV_MODEL_ID))).orElse(DEFAULT_MODEL_ID), region);
        String endpoint = blankToNull(env.get(ENV_ENDPOINT));
        BedrockCallSettings calls = s.calls();
        if (env.containsKey(ENV_MAX_ATTEMPTS)) {
            calls = calls.withRetries(intValue(env, ENV_MAX_ATTEMPTS), calls.initialBackoff(), calls.maxBackoff());
        }
        if (env.containsKey(ENV_ATTEMPT_TIMEOUT_SECONDS)) {
            Duration attempt = Duration.ofSeconds(intValue(env, ENV_ATTEMPT_TIMEOUT_SECONDS));
            calls = calls.withTimeouts(attempt.plus(calls.apiCallTimeout().minus(calls.apiCallAttemptTimeout())), attempt);
        }
        return new BedrockSettings(s.modelId(), region, endpoint == null ? null : URI.create(endpoint),
                env.containsKey(ENV_MAX_TRANSCRIPT_TOKENS) ? intValue(env, ENV_MAX_TRANSCRIPT_TOKENS) : s.maxTranscriptTokens(),
                env.containsKey(ENV_MAX_OUTPUT_TOKENS) ? intValue(env, ENV_MAX_OUTPUT_TOKENS) : s.maxOutputTokens(),
                s.temperature(), calls);
    }

    public BedrockSettings withEndpoint(URI value) {
        return new BedrockSettings(modelId, region, value, maxTranscriptTokens, maxOutputTokens, temperature, calls);
    }

    public BedrockSettings withCalls(BedrockCallSettings value) {
        return new BedrockSettings(modelId, region, endpoint, maxTranscriptTokens, maxOutputTokens, temperature, value);
    }

    public BedrockSettings withMaxTranscriptTokens(int value) {
        return new BedrockSettings(modelId, region, endpoint, value, maxOutputTokens, temperature, calls);
    }

    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int intValue(Map<String, String> env, String name) {
        try {
            return Integer.parseInt(env.get(name).trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }
}
