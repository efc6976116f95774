package io.healthscore.testkit.salesforce.oauth;

/** An API session: the access token handed out by the token endpoint and the user it runs as. */
public record Session(String token, String userId, String username) {
}
