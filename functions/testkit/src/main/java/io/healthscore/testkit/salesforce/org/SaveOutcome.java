package io.healthscore.testkit.salesforce.org;

import java.util.List;

/** Result of writing one record: success with id (and created flag for upsert), or errors with a nil id. */
public record SaveOutcome(String id, boolean success, boolean created, List<SaveError> errors) {

    public SaveOutcome {
        errors = List.copyOf(errors);
    }

    public static SaveOutcome saved(String id, boolean created) {
        return new SaveOutcome(id, true, created, List.of());
    }

    public static SaveOutcome failed(SaveError error) {
        return new SaveOutcome(null, false, false, List.of(error));
    }
}
