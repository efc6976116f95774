package io.healthscore.salesforce.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * OAuth 2.0 JWT bearer flow: signs an RS256 assertion with the JDK ({@code iss} consumer key, {@code sub} user,
 * {@code aud} login URL, {@code exp} three minutes ahead) and exchanges it at the token endpoint with
 * {@link HttpClient}. No SOAP {@code login()}: it is gone from API v65.
 */
public final class JwtBearerTokenClient {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpClient http;
    private final Clock clock;
    private final Duration requestTimeout;

    /**
     * @param http           a client built with a connect timeout
     * @param clock          source of {@code exp}
     * @param requestTimeout read timeout of the token request
     */
    public JwtBearerTokenClient(HttpClient http, Clock clock, Duration requestTimeout) {
        this.http = http;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
    }

    public static JwtBearerTokenClient create(Duration connectTimeout, Duration requestTimeout, Clock clock) {
        return new JwtBearerTokenClient(HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build(), clock, requestTimeout);
    }

    /** One token request; the call policy decides about retries. */
    public AccessToken requestToken(JwtBearerCredentials credentials)
            throws IOException, InterruptedException, TokenEndpointException {
        String body = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion(credentials), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(credentials.tokenEndpoint())
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = parse(response.body());
        if (response.statusCode() != 200) {
            String error = json == null ? "http_error" : json.path("error").asText("http_error");
            String description = json == null ? null : json.path("error_description").asText(null);
            throw new TokenEndpointException(response.statusCode(), error, description);
        }
        if (json == null || !json.hasNonNull("access_token") || !json.hasNonNull("instance_url")) {
            throw new TokenEndpointException(response.statusCode(), "invalid_response",
                    "the token response has no access_token or instance_url");
        }
        return new AccessToken(json.get("access_token").asText(), json.get("instance_url").asText());
    }

    /** The signed JWT: base64url(header).base64url(claims).base64url(RS256 signature). */
    String assertion(JwtBearerCredentials c) {
        long exp = clock.instant().plus(ASSERTION_LIFETIME).getEpochSecond();
        var claims = JSON.createObjectNode();
        claims.put("iss", c.clientId());
        claims.put("sub", c.username());
        claims.put("aud", c.audience());
        claims.put("exp", exp);
        String signingInput = B64URL.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(c.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the JWT assertion with the configured key", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
