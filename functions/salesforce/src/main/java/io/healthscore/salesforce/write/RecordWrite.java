package io.healthscore.salesforce.write;

import java.util.Map;

/**
 * One record to write: the key it is reported under (account id, Task key), the record id for an update (null for
 * an upsert) and the field values by API name (null clears the field).
 */
record RecordWrite(String key, String id, Map<String, Object> fields) {
}
