package io.healthscore.testkit.salesforce.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds and RS256-signs a JWT bearer assertion ({@code {"alg":"RS256"}} header; iss, sub, aud, exp claims) as
 * an adapter would post it to {@code /services/oauth2/token}. Tests tweak single claims to provoke each rejection.
 */
public final class JwtAssertion {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey signingKey;
    private String algorithm = "RS256";
    private String issuer;
    private String subject;
    private String audience;
    private Instant expiresAt;

    JwtAssertion(PrivateKey signingKey, String issuer) {
        this.signingKey = signingKey;
        this.issuer = issuer;
    }

    public JwtAssertion issuer(String value) {
        this.issuer = value;
        return this;
    }

    public JwtAssertion subject(String username) {
        this.subject = username;
        return this;
    }

    public JwtAssertion audience(String loginUrl) {
        this.audience = loginUrl;
        return this;
    }

    public JwtAssertion expiresAt(Instant instant) {
        this.expiresAt = instant;
        return this;
    }

    /** Header alg claimed (signature is always RS256); anything else must be refused. */
    public JwtAssertion algorithm(String alg) {
        this.algorithm = alg;
        return this;
    }

    public String sign() {
        Map<String, Object> header = Map.of("alg", algorithm);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", audience);
        if (expiresAt != null) {
            claims.put("exp", expiresAt.getEpochSecond());
        }
        String signed = encode(header) + "." + encode(claims);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(signingKey);
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign JWT", e);
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
