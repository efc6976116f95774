package io.healthscore.testkit.salesforce.org;

import java.util.Optional;

/** Injected per-record failures consulted before a write touches an existing record. */
public interface RecordFaults {

    /** An error to return instead of writing the record with this id, or empty to proceed. */
    Optional<SaveError> beforeWrite(String recordId);

    RecordFaults NONE = recordId -> Optional.empty();
}
