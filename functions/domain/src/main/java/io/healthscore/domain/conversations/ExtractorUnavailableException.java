package io.healthscore.domain.conversations;

/**
 * The extractor cannot answer now (throttled past its retries, unavailable, denied). Nothing is stored
 * for the conversation, so the next run tries it again; the run goes on with the others.
 */
public class ExtractorUnavailableException extends RuntimeException {

    private final String code;

    public ExtractorUnavailableException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Short stable reason for counting, e.g. THROTTLED. */
    public String code() {
        return code;
    }
}
