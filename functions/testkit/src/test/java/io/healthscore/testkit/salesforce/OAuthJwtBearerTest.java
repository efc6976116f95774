package io.healthscore.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.GetUserInfoResult;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import io.healthscore.testkit.salesforce.oauth.ConnectedAppCredentials;
import io.healthscore.testkit.salesforce.oauth.JwtAssertion;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuthJwtBearerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CLIENT_ID = "3MVG9healthscoreTestConsumerKey";
    private static ConnectedAppCredentials app;
    private static SalesforceOrgEmulator org;

    @BeforeAll
    static void start() {
        app = ConnectedAppCredentials.generate(CLIENT_ID);
        org = TestOrgs.builder().connectedApp(app)
                .user("inactive@healthscore.test", Map.of("IsActive", false))
                .start();
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    private static JwtAssertion validAssertion() {
        return app.assertion().subject(TestOrgs.INTEGRATION_USER).audience(org.loginUrl())
                .expiresAt(TestOrgs.NOW.plusSeconds(180));
    }

    @Test
    void validAssertionIsExchangedForASessionTheSoapApiAccepts() throws Exception {
        HttpResponse<String> response = postToken(validAssertion().sign());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        JsonNode body = JSON.readTree(response.body());
        List<String> keys = new ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("access_token", "scope", "instance_url", "id", "token_type");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("instance_url").asText()).isEqualTo(org.instanceUrl());
        String userId = org.userId(TestOrgs.INTEGRATION_USER).orElseThrow();
        assertThat(body.get("id").asText())
                .isEqualTo(org.instanceUrl() + "/id/" + org.organizationId() + "/" + userId);
        String token = body.get("access_token").asText();
        assertThat(token).startsWith(org.organizationId().substring(0, 15) + "!");

        GetUserInfoResult user = ForceClients.partner(org, token).getUserInfo();
        assertThat(user.getUserName()).isEqualTo(TestOrgs.INTEGRATION_USER);
        assertThat(user.getUserId()).isEqualTo(userId);
        assertThat(user.getOrganizationId()).isEqualTo(org.organizationId());
        assertThat(org.calls().count(ApiOperation.OAUTH_TOKEN)).isPositive();
    }

    @Test
    void signatureFromAnotherKeyIsAnInvalidAssertion() throws Exception {
        ConnectedAppCredentials stranger = ConnectedAppCredentials.generate(CLIENT_ID);
        String jwt = stranger.assertion().subject(TestOrgs.INTEGRATION_USER).audience(org.loginUrl())
                .expiresAt(TestOrgs.NOW.plusSeconds(180)).sign();
        assertRejected(jwt, "invalid_grant", "invalid assertion");
    }

    @Test
    void tamperedClaimsAreAnInvalidAssertion() throws Exception {
        String[] parts = validAssertion().sign().split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(Map.of(
                "iss", CLIENT_ID, "sub", "inactive@healthscore.test", "aud", org.loginUrl(),
                "exp", TestOrgs.NOW.plusSeconds(180).getEpochSecond())));
        assertRejected(parts[0] + "." + otherClaims + "." + parts[2], "invalid_grant", "invalid assertion");
    }

    @Test
    void unknownConsumerKeyIsAnInvalidClient() throws Exception {
        assertRejected(validAssertion().issuer("3MVG9someoneElse").sign(), "invalid_client_id",
                "client identifier invalid");
    }

    @Test
    void wrongAudienceIsRejected() throws Exception {
        assertRejected(validAssertion().audience("https://test.salesforce.com").sign(), "invalid_grant",
                "audience is invalid");
    }

    @Test
    void expiredAssertionIsRejectedButSmallSkewIsTolerated() throws Exception {
        assertRejected(validAssertion().expiresAt(TestOrgs.NOW.minusSeconds(120)).sign(), "invalid_grant",
                "expired authorization code");
        assertThat(postToken(validAssertion().expiresAt(TestOrgs.NOW.minusSeconds(10)).sign()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void missingExpiryIsRejected() throws Exception {
        assertRejected(validAssertion().expiresAt(null).sign(), "invalid_grant", "expired authorization code");
    }

    @Test
    void unknownOrInactiveUserHasNotApprovedTheConsumer() throws Exception {
        assertRejected(validAssertion().subject("nobody@healthscore.test").sign(), "invalid_grant",
                "user hasn't approved this consumer");
        assertRejected(validAssertion().subject("inactive@healthscore.test").sign(), "invalid_grant",
                "user hasn't approved this consumer");
    }

    @Test
    void onlyRs256IsAccepted() throws Exception {
        assertRejected(validAssertion().algorithm("HS256").sign(), "invalid_grant", "invalid assertion");
        assertRejected(validAssertion().algorithm("none").sign(), "invalid_grant", "invalid assertion");
        assertRejected("not-a-jwt", "invalid_grant", "invalid assertion");
    }

    @Test
    void otherGrantTypesAreNotSupported() throws Exception {
        HttpResponse<String> response = post("grant_type=password&username=a&password=b");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                "{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant type not supported\"}"));
    }

    @Test
    void pemFormsLoadWithTheJdkAndSignAcceptedAssertions() throws Exception {
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(app.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(certificate.getPublicKey()).isEqualTo(app.certificate().getPublicKey());
        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity();

        String base64 = app.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey loaded = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        assertThat(loaded).isEqualTo(app.privateKey());
    }

    @Test
    void configuredAudienceIsTheOneRequired() throws Exception {
        try (SalesforceOrgEmulator sandbox = TestOrgs.builder().connectedApp(app)
                .audience("https://test.salesforce.com").jwtClockSkew(Duration.ZERO).start()) {
            String jwt = app.assertion().subject(TestOrgs.INTEGRATION_USER).audience("https://test.salesforce.com/")
                    .expiresAt(TestOrgs.NOW.plusSeconds(60)).sign();
            assertThat(post(sandbox, form(jwt)).statusCode()).isEqualTo(200);
            String late = app.assertion().subject(TestOrgs.INTEGRATION_USER).audience("https://test.salesforce.com")
                    .expiresAt(TestOrgs.NOW.minusSeconds(1)).sign();
            assertThat(post(sandbox, form(late)).body()).contains("expired authorization code");
        }
    }

    private static void assertRejected(String jwt, String error, String description) throws Exception {
        HttpResponse<String> response = postToken(jwt);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.createObjectNode()
                .put("error", error).put("error_description", description));
    }

    private static HttpResponse<String> postToken(String jwt) throws Exception {
        return post(form(jwt));
    }

    private static String form(String jwt) {
        return "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(jwt, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(String form) throws Exception {
        return post(org, form);
    }

    private static HttpResponse<String> post(SalesforceOrgEmulator target, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
