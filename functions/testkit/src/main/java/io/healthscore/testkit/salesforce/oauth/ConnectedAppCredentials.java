package io.healthscore.testkit.salesforce.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A connected app's JWT bearer credentials for tests: consumer key, a fresh 2048-bit RSA key pair and a self-signed
 * certificate (what you would upload to the connected app), with PEM forms for code that loads keys from config.
 *
 * <pre>{@code
 * ConnectedAppCredentials app = ConnectedAppCredentials.generate("3MVG9healthscore");
 * String jwt = app.assertion().subject("integration@healthscore.test").audience(org.loginUrl())
 *         .expiresAt(Instant.now().plusSeconds(180)).sign();
 * }</pre>
 */
public final class ConnectedAppCredentials {
    private final String clientId;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private ConnectedAppCredentials(String clientId, KeyPair keys, X509Certificate certificate) {
        this.clientId = clientId;
        this.keys = keys;
        this.certificate = certificate;
    }

    public static ConnectedAppCredentials generate(String clientId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X509Certificate certificate = SelfSignedCertificate.create(keys, "healthscore-test-connected-app",
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
            return new ConnectedAppCredentials(clientId, keys, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate connected app credentials", e);
        }
    }

    public String clientId() {
        return clientId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** PKCS#8 {@code -----BEGIN PRIVATE KEY-----} block. */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWT assertion builder with {@code iss} set to the consumer key and signed with this app's key. */
    public JwtAssertion assertion() {
        return new JwtAssertion(keys.getPrivate(), clientId);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
