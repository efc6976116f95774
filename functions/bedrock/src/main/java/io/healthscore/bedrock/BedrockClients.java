package io.healthscore.bedrock;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * Builds the Bedrock Runtime client the way every function uses it: {@link UrlConnectionHttpClient}, an explicit
 * region, the endpoint override from the settings, the SDK's own retries off ({@link BedrockCallPolicy} owns them) and
 * the SDK's call and attempt timeouts set.
 */
public final class BedrockClients {

    private BedrockClients() {
    }

    /** A client with the default credentials chain (the function's role in Lambda). */
    public static BedrockRuntimeClient runtimeClient(BedrockSettings settings) {
        return runtimeClient(settings, DefaultCredentialsProvider.builder().build());
    }

    public static BedrockRuntimeClient runtimeClient(BedrockSettings settings, AwsCredentialsProvider credentials) {
        BedrockCallSettings calls = settings.calls();
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(calls.connectTimeout())
                        .socketTimeout(calls.socketTimeout()))
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(calls.apiCallTimeout())
                        .apiCallAttemptTimeout(calls.apiCallAttemptTimeout()));
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
