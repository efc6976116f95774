package io.healthscore.salesforce.auth;

/** A session from the token endpoint: the access token (used as SOAP session id) and the org's instance URL. */
public record AccessToken(String token, String instanceUrl) {

    /** Never prints the token. */
    @Override
    public String toString() {
        return "AccessToken[instanceUrl=" + instanceUrl + ", token=(hidden)]";
    }
}
