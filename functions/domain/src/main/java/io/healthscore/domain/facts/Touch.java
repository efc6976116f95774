package io.healthscore.domain.facts;

import java.time.LocalDate;

/**
 * A CSM activity with the account (Salesforce Task or Event). Whether its type counts as a meaningful
 * touch is decided by the scoring model, not here.
 */
public record Touch(String activityId, LocalDate occurredOn, String type) {
}
