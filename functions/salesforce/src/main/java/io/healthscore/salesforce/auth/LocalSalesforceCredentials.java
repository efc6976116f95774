package io.healthscore.salesforce.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Credentials for local runs, from environment variables or a properties file with the same names:
 * <ul>
 *   <li>{@code SF_LOGIN_URL} (default https://login.salesforce.com; https://test.salesforce.com for a sandbox)</li>
 *   <li>{@code SF_CLIENT_ID}: the connected app's consumer key</li>
 *   <li>{@code SF_USERNAME}: the integration user</li>
 *   <li>{@code SF_PRIVATE_KEY_FILE}: PEM file of the key whose certificate is on the connected app, or
 *       {@code SF_PRIVATE_KEY}: the PEM text itself</li>
 *   <li>{@code SF_AUDIENCE} (optional): the JWT audience when it differs from the login URL (My Domain login URL:
 *       https://login.salesforce.com or https://test.salesforce.com)</li>
 * </ul>
 * The key file is read again on every authentication.
 */
public final class LocalSalesforceCredentials {

    public static final String LOGIN_URL = "SF_LOGIN_URL";
    public static final String CLIENT_ID = "SF_CLIENT_ID";
    public static final String USERNAME = "SF_USERNAME";
    public static final String PRIVATE_KEY_FILE = "SF_PRIVATE_KEY_FILE";
    public static final String PRIVATE_KEY = "SF_PRIVATE_KEY";
    public static final String AUDIENCE = "SF_AUDIENCE";
    private static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";

    private LocalSalesforceCredentials() {
    }

    /** From a map of settings (the process environment, or a properties file read by {@link #readProperties}). */
    public static SalesforceCredentials from(Map<String, String> settings) {
        String loginUrl = settings.getOrDefault(LOGIN_URL, DEFAULT_LOGIN_URL).trim();
        String clientId = required(settings, CLIENT_ID);
        String username = required(settings, USERNAME);
        String audience = settings.getOrDefault(AUDIENCE, loginUrl).trim();
        String keyFile = settings.get(PRIVATE_KEY_FILE);
        String keyText = settings.get(PRIVATE_KEY);
        if ((keyFile == null || keyFile.isBlank()) && (keyText == null || keyText.isBlank())) {
            throw new IllegalArgumentException("set " + PRIVATE_KEY_FILE + " (a PEM file) or " + PRIVATE_KEY
                    + " (the PEM text) for the Salesforce JWT bearer flow");
        }
        URI login = URI.create(loginUrl);
        if (keyFile != null && !keyFile.isBlank()) {
            Path path = Path.of(keyFile.trim());
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException(PRIVATE_KEY_FILE + " " + path + " is not a readable file");
            }
            return () -> new JwtBearerCredentials(login, audience, clientId, username, PemPrivateKeys.parse(read(path)));
        }
        JwtBearerCredentials fixed = new JwtBearerCredentials(login, audience, clientId, username,
                PemPrivateKeys.parse(keyText));
        return () -> fixed;
    }

    /** Reads a properties file into a map (keys as written, e.g. SF_CLIENT_ID=...). */
    public static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> out = new HashMap<>();
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    private static String required(Map<String, String> settings, String name) {
        String v = settings.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is not set (needed for the Salesforce JWT bearer flow)");
        }
        return v.trim();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the private key " + path, e);
        }
    }
}
