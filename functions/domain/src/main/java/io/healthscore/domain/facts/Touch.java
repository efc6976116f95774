package io.healthscore.domain.facts;

import java.time.LocalDate;

/**
 * A CSM activity with the account (Salesforce Task or Event). Whether its type counts as a meaningful
 * touch is decided by the scoring model, not here.
 */
public record Touch(String activityId, LocalDate occurredOn, String type) {

    /** The type is kept trimmed and lower case, so matching it against the model is a plain lookup. */
    public Touch {
        type = type == null ? null : type.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
