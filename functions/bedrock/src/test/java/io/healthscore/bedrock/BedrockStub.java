package io.healthscore.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * A Bedrock Runtime stand-in: WireMock in-process on 127.0.0.1 and a random port, answering
 * {@code POST /model/<id>/converse} with fixture files in the recorded Converse shapes, and the real SDK client
 * pointed at it with dummy credentials.
 */
final class BedrockStub implements AutoCloseable {

    static final String MODEL_ID = "amazon.nova-micro-v1:0";
    static final String CONVERSE_PATH = "/model/[^/]+/converse";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final OfflineModelAnswers offlineAnswers = new OfflineModelAnswers();

    BedrockStub() {
        this(true);
    }

    /** @param journal whether requests are kept for inspection (off for benchmarks: it would hold every body) */
    BedrockStub(boolean journal) {
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(8)
                .extensions(offlineAnswers);
        server = new WireMockServer(journal ? options : options.disableRequestJournal());
        server.start();
    }

    /** Answers served by {@link #answerFromTranscript()}, counted on the stub's side. */
    long transcriptAnswersServed() {
        return offlineAnswers.served();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Test settings: the stub endpoint, 4 attempts with millisecond backoff, short timeouts. */
    BedrockSettings settings() {
        return BedrockSettings.defaults(MODEL_ID, "us-east-1")
                .withEndpoint(endpoint())
                .withCalls(BedrockCallSettings.defaults()
                        .withRetries(4, Duration.ofMillis(5), Duration.ofMillis(40))
                        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5)));
    }

    BedrockRuntimeClient client(BedrockSettings settings) {
        return BedrockClients.runtimeClient(settings,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTUBEXAMPLE", "stub-secret-key")));
    }

    /** An extractor on this stub with the given settings, log and sleeper (fixed random seed for the jitter). */
    BedrockExtractor extractor(BedrockSettings settings, BedrockLog log, Sleeper sleeper) {
        return new BedrockExtractor(client(settings), settings,
                new BedrockCallPolicy(settings.calls(), sleeper, new Random(7), log, new BedrockUsage()), log);
    }

    BedrockExtractor extractor() {
        return extractor(settings(), BedrockLog.SILENT, d -> { });
    }

    /** Answers every call with the given responses in turn; the last one repeats. */
    void answerInTurn(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var mapping = post(urlPathMatching(CONVERSE_PATH)).inScenario("turns")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "turn-" + i);
            if (i + 1 < responses.length) {
                mapping = mapping.willSetStateTo("turn-" + (i + 1));
            }
            server.stubFor(mapping.willReturn(responses[i]));
        }
    }

    void answerAlways(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathMatching(CONVERSE_PATH)).willReturn(response));
    }

    /** Answers every call with labels from the offline rules applied to the transcript the request carries. */
    void answerFromTranscript() {
        answerAlways(aResponse().withStatus(200).withTransformers(OfflineModelAnswers.NAME));
    }

    void reset() {
        server.resetAll();
    }

    static ResponseDefinitionBuilder ok(String fixture) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "3b0b5d3e-6a1c-4c55-9d58-7f1c2b9e0a11")
                .withBody(Fixtures.response(fixture));
    }

    /** An error in Bedrock's shape: the status, the x-amzn-ErrorType header and the JSON body. */
    static ResponseDefinitionBuilder error(int status, String errorType, String fixture) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "8f2e7a90-1d4b-4f0e-b7d4-0c6a9d1e5f22")
                .withHeader("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withBody(Fixtures.response(fixture));
    }

    static ResponseDefinitionBuilder throttled() {
        return error(429, "ThrottlingException", "throttling_429.json");
    }

    static ResponseDefinitionBuilder connectionReset() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    /** Converse requests received so far, oldest first. */
    List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlPathMatching(CONVERSE_PATH))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    int calls() {
        return server.countRequestsMatching(postRequestedFor(urlPathMatching(CONVERSE_PATH)).build()).getCount();
    }

    List<JsonNode> requestBodies() {
        return requests().stream().map(r -> parse(r.getBodyAsString())).toList();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
