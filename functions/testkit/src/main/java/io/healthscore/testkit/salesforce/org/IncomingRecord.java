package io.healthscore.testkit.salesforce.org;

import java.util.List;
import java.util.Map;

/**
 * A record as sent by a client: type, optional Id, field values as wire text (SOAP element text or CSV cell,
 * keyed by the name the client used) and the fields to null.
 */
public record IncomingRecord(String type, String id, Map<String, String> values, List<String> fieldsToNull) {

    public IncomingRecord {
        values = Map.copyOf(values);
        fieldsToNull = List.copyOf(fieldsToNull);
    }
}
