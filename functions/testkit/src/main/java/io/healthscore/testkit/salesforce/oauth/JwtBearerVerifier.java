package io.healthscore.testkit.salesforce.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks an OAuth 2.0 JWT bearer assertion the way the Salesforce token endpoint does: RS256 signature against the
 * connected app's certificate, {@code iss} = consumer key, {@code aud} = login URL, {@code exp} not passed (small
 * clock skew allowed) and {@code sub} = the username of an active, pre-authorised user. Without a connected app
 * (null key) every assertion is refused as from an unknown client.
 */
public final class JwtBearerVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientId;
    private final PublicKey publicKey;
    private final String audience;
    private final Clock clock;
    private final Duration allowedSkew;
    private final Function<String, Optional<String>> userIdByUsername;

    public JwtBearerVerifier(String clientId, PublicKey publicKey, String audience, Clock clock, Duration allowedSkew,
                             Function<String, Optional<String>> userIdByUsername) {
        this.clientId = clientId;
        this.publicKey = publicKey;
        this.audience = audience;
        this.clock = clock;
        this.allowedSkew = allowedSkew;
        this.userIdByUsername = userIdByUsername;
    }

    public TokenGrant verify(String assertion) {
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.", -1);
        if (parts.length != 3) {
            return invalidAssertion();
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            header = JSON.readTree(decoder.decode(parts[0]));
            claims = JSON.readTree(decoder.decode(parts[1]));
            signature = decoder.decode(parts[2]);
        } catch (IllegalArgumentException | IOException e) {
            return invalidAssertion();
        }
        if (header == null || claims == null || !claims.isObject() || !"RS256".equals(header.path("alg").asText())) {
            return invalidAssertion();
        }
        if (publicKey == null || !clientId.equals(claims.path("iss").asText(null))) {
            return TokenGrant.rejected("invalid_client_id", "client identifier invalid");
        }
        if (!signatureMatches(parts[0] + "." + parts[1], signature)) {
            return invalidAssertion();
        }
        if (!audienceMatches(claims.path("aud"))) {
            return TokenGrant.rejected("invalid_grant", "audience is invalid");
        }
        JsonNode exp = claims.path("exp");
        if (!exp.canConvertToLong()
                || Instant.ofEpochSecond(exp.asLong()).plus(allowedSkew).isBefore(clock.instant())) {
            return TokenGrant.rejected("invalid_grant", "expired authorization code");
        }
        String username = claims.path("sub").asText("");
        return userIdByUsername.apply(username)
                .map(userId -> TokenGrant.granted(userId, username))
                .orElseGet(() -> TokenGrant.rejected("invalid_grant", "user hasn't approved this consumer"));
    }

    private boolean signatureMatches(String signedContent, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update(signedContent.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean audienceMatches(JsonNode aud) {
        if (aud.isArray()) {
            for (JsonNode entry : aud) {
                if (sameUrl(entry.asText())) {
                    return true;
                }
            }
            return false;
        }
        return sameUrl(aud.asText(""));
    }

    private boolean sameUrl(String candidate) {
        return stripSlash(candidate).equals(stripSlash(audience));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static TokenGrant invalidAssertion() {
        return TokenGrant.rejected("invalid_grant", "invalid assertion");
    }
}
