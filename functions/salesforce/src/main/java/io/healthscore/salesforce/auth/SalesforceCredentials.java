package io.healthscore.salesforce.auth;

/**
 * Supplies the JWT bearer credentials each time the adapter authenticates (at start and after INVALID_SESSION_ID),
 * so a rotated key is picked up without a restart. Local runs read a PEM file or environment variables
 * ({@link LocalSalesforceCredentials}); in AWS an implementation reads the same values from Secrets Manager.
 */
@FunctionalInterface
public interface SalesforceCredentials {

    JwtBearerCredentials load();

    static SalesforceCredentials of(JwtBearerCredentials credentials) {
        return () -> credentials;
    }
}
