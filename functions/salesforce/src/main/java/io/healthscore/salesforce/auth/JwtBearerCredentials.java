package io.healthscore.salesforce.auth;

import java.net.URI;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * What the OAuth 2.0 JWT bearer flow needs: the connected app's consumer key, the integration user, the private key
 * whose certificate is uploaded to the connected app, and where to ask.
 *
 * @param loginUrl   https://login.salesforce.com, https://test.salesforce.com or the org's My Domain URL; the token
 *                   endpoint is {@code loginUrl + /services/oauth2/token}
 * @param audience   the JWT {@code aud}: https://login.salesforce.com (production) or https://test.salesforce.com
 *                   (sandbox); usually the login URL
 * @param clientId   consumer key of the connected app (JWT {@code iss})
 * @param username   the integration user (JWT {@code sub})
 * @param privateKey RSA key that signs the assertion (RS256)
 */
public record JwtBearerCredentials(URI loginUrl, String audience, String clientId, String username, PrivateKey privateKey) {

    public JwtBearerCredentials {
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(privateKey, "privateKey");
        if (!"RSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("the JWT bearer flow signs with RS256: an RSA private key is needed, not "
                    + privateKey.getAlgorithm());
        }
    }

    public URI tokenEndpoint() {
        String base = loginUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/services/oauth2/token");
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "JwtBearerCredentials[loginUrl=" + loginUrl + ", audience=" + audience + ", clientId=" + clientId
                + ", username=" + username + ", privateKey=(RSA, hidden)]";
    }
}
