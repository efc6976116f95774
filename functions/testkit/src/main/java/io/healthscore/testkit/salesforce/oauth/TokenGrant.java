package io.healthscore.testkit.salesforce.oauth;

/**
 * Outcome of checking a JWT bearer assertion: the user to issue a session for, or the OAuth error the real token
 * endpoint answers with HTTP 400 ({@code {"error":"invalid_grant","error_description":"audience is invalid"}}).
 */
public record TokenGrant(String userId, String username, String error, String errorDescription) {

    static TokenGrant granted(String userId, String username) {
        return new TokenGrant(userId, username, null, null);
    }

    static TokenGrant rejected(String error, String description) {
        return new TokenGrant(null, null, error, description);
    }

    public boolean isGranted() {
        return error == null;
    }
}
