package io.healthscore.testkit.salesforce.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import io.healthscore.testkit.salesforce.control.InjectedHttpFailure;
import io.healthscore.testkit.salesforce.control.RequestGate;
import io.healthscore.testkit.salesforce.http.WireExchange;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /services/oauth2/token} for the JWT bearer grant. Success and error bodies have the real shape:
 * {@code access_token, scope, instance_url, id, token_type} or {@code error, error_description} with HTTP 400.
 */
public final class OAuthTokenEndpoint {
    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String JSON_TYPE = "application/json;charset=UTF-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JwtBearerVerifier verifier;
    private final SessionRegistry sessions;
    private final RequestGate gate;
    private final String instanceUrl;
    private final String organizationId;

    public OAuthTokenEndpoint(JwtBearerVerifier verifier, SessionRegistry sessions, RequestGate gate,
                              String instanceUrl, String organizationId) {
        this.verifier = verifier;
        this.sessions = sessions;
        this.gate = gate;
        this.instanceUrl = instanceUrl;
        this.organizationId = organizationId;
    }

    public void handle(WireExchange exchange) {
        try {
            gate.admitAnonymous(ApiOperation.OAUTH_TOKEN);
        } catch (InjectedHttpFailure failure) {
            exchange.respond(failure.status(), "text/html", "<html><body>Service Unavailable</body></html>");
            return;
        }
        if (!exchange.method().equals("POST")) {
            exchange.respond(400, JSON_TYPE, json(error("invalid_request", "must use HTTP POST")));
            return;
        }
        Map<String, String> form = parseForm(exchange.bodyText());
        if (!JWT_BEARER.equals(form.get("grant_type"))) {
            exchange.respond(400, JSON_TYPE, json(error("unsupported_grant_type", "grant type not supported")));
            return;
        }
        TokenGrant grant = verifier.verify(form.get("assertion"));
        if (!grant.isGranted()) {
            exchange.respond(400, JSON_TYPE, json(error(grant.error(), grant.errorDescription())));
            return;
        }
        Session session = sessions.issue(grant.userId(), grant.username());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", session.token());
        body.put("scope", "api");
        body.put("instance_url", instanceUrl);
        body.put("id", instanceUrl + "/id/" + organizationId + "/" + grant.userId());
        body.put("token_type", "Bearer");
        exchange.respond(200, JSON_TYPE, json(body));
    }

    private static Map<String, Object> error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }
}
