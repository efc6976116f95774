package io.healthscore.testkit.salesforce.org;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A record held by the store: its type and canonical field values. Mutated only under the store's lock. */
public final class StoredRecord {
    private final SObjectType type;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean deleted;

    StoredRecord(SObjectType type) {
        this.type = type;
    }

    public SObjectType type() {
        return type;
    }

    public String id() {
        return (String) values.get("Id");
    }

    /** Value by API name in any case; null when unset. */
    public Object get(String field) {
        Object exact = values.get(field);
        if (exact != null || values.containsKey(field)) {
            return exact;
        }
        String wanted = field.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public boolean deleted() {
        return deleted;
    }

    void put(String field, Object value) {
        values.put(field, value);
    }

    void markDeleted() {
        deleted = true;
        values.put("IsDeleted", Boolean.TRUE);
    }

    void restore(Map<String, Object> snapshot) {
        values.clear();
        values.putAll(snapshot);
    }

    /** Immutable snapshot (null values kept, so a test can assert a field was nulled). */
    public Map<String, Object> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
