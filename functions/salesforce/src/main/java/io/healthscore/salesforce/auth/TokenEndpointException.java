package io.healthscore.salesforce.auth;

/**
 * The OAuth token endpoint answered with an error: {@code error} and {@code error_description} from the JSON body
 * (invalid_grant, invalid_client_id...), or a bare HTTP error page.
 */
public final class TokenEndpointException extends Exception {

    private final int status;
    private final String error;

    public TokenEndpointException(int status, String error, String description) {
        super("HTTP " + status + " " + error + (description == null || description.isBlank() ? "" : ": " + description));
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
