package io.healthscore.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.healthscore.testkit.salesforce.SalesforceOrgEmulator;
import io.healthscore.testkit.salesforce.oauth.ConnectedAppCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RS256 assertions signed with the JDK, PEM keys in both encodings, and the local credential settings. */
class JwtBearerAuthTest {

    static final ConnectedAppCredentials APP = ConnectedAppCredentials.generate("3MVG9auth.test");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-16T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theAssertionIsAnRs256JwtWithTheBearerClaims() throws Exception {
        JwtBearerCredentials c = new JwtBearerCredentials(URI.create("https://login.salesforce.com"),
                "https://login.salesforce.com", APP.clientId(), "integration@example.com", APP.privateKey());
        String jwt = new JwtBearerTokenClient(null, CLOCK, Duration.ofSeconds(5)).assertion(c);

        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(claims.get("iss").asText()).isEqualTo(APP.clientId());
        assertThat(claims.get("sub").asText()).isEqualTo("integration@example.com");
        assertThat(claims.get("aud").asText()).isEqualTo("https://login.salesforce.com");
        assertThat(claims.get("exp").asLong()).isEqualTo(CLOCK.instant().plusSeconds(180).getEpochSecond());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(APP.certificate().getPublicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(c.toString()).doesNotContain("MII").contains("hidden");
    }

    @Test
    void pkcs8AndPkcs1PemKeysAreRead() {
        assertThat(PemPrivateKeys.parse(APP.privateKeyPem()).getEncoded()).isEqualTo(APP.privateKey().getEncoded());

        byte[] pkcs8 = APP.privateKey().getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length); // PrivateKeyInfo header of a 2048-bit key
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
        assertThat(PemPrivateKeys.parse(pem).getEncoded()).isEqualTo(pkcs8);

        assertThatThrownBy(() -> PemPrivateKeys.parse("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"))
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> PemPrivateKeys.parse(APP.certificatePem())).hasMessageContaining("not a PEM private key");
    }

    @Test
    void localSettingsFromAPropertiesFileAuthenticateAgainstTheTokenEndpoint() throws Exception {
        try (SalesforceOrgEmulator org = SalesforceOrgEmulator.builder().clock(CLOCK).connectedApp(APP)
                .user("integration@healthscore.test").start()) {
            Path key = dir.resolve("server.key");
            Files.writeString(key, APP.privateKeyPem());
            Path props = dir.resolve("salesforce.properties");
            Files.writeString(props, "SF_LOGIN_URL=" + org.loginUrl() + "\nSF_CLIENT_ID=" + APP.clientId()
                    + "\nSF_USERNAME=integration@healthscore.test\nSF_PRIVATE_KEY_FILE=" + key + "\n");

            SalesforceCredentials credentials = LocalSalesforceCredentials.from(LocalSalesforceCredentials.readProperties(props));
            AccessToken token = JwtBearerTokenClient.create(Duration.ofSeconds(5), Duration.ofSeconds(5), CLOCK)
                    .requestToken(credentials.load());

            assertThat(token.instanceUrl()).isEqualTo(org.instanceUrl());
            assertThat(token.token()).startsWith(org.organizationId().substring(0, 15) + "!");
            assertThat(token.toString()).doesNotContain(token.token());
        }
    }

    @Test
    void theTokenEndpointsRefusalCarriesTheOAuthError() throws Exception {
        try (SalesforceOrgEmulator org = SalesforceOrgEmulator.builder().clock(CLOCK).connectedApp(APP)
                .user("integration@healthscore.test").start()) {
            JwtBearerCredentials unknownUser = new JwtBearerCredentials(URI.create(org.loginUrl()), org.loginUrl(),
                    APP.clientId(), "nobody@healthscore.test", APP.privateKey());

            assertThatThrownBy(() -> JwtBearerTokenClient.create(Duration.ofSeconds(5), Duration.ofSeconds(5), CLOCK)
                    .requestToken(unknownUser))
                    .isInstanceOfSatisfying(TokenEndpointException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.error()).isEqualTo("invalid_grant");
                    });
        }
    }

    @Test
    void missingSettingsAreNamed() {
        assertThatThrownBy(() -> LocalSalesforceCredentials.from(Map.of("SF_USERNAME", "u", "SF_PRIVATE_KEY", "x")))
                .hasMessageContaining("SF_CLIENT_ID");
        assertThatThrownBy(() -> LocalSalesforceCredentials.from(Map.of("SF_USERNAME", "u", "SF_CLIENT_ID", "c")))
                .hasMessageContaining("SF_PRIVATE_KEY_FILE");
        assertThatThrownBy(() -> LocalSalesforceCredentials.from(Map.of("SF_USERNAME", "u", "SF_CLIENT_ID", "c",
                "SF_PRIVATE_KEY_FILE", dir.resolve("missing.key").toString())))
                .hasMessageContaining("is not a readable file");
    }
}
