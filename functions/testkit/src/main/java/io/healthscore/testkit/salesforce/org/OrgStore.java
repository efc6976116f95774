package io.healthscore.testkit.salesforce.org;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The org's records. Seeding ({@link #insert}) bypasses field-level security and declares unknown fields with a
 * type inferred from the Java value; API writes go through {@code DmlEngine}, which enforces the real rules and
 * then calls the package-level primitives here. Every access is serialised on the store's monitor.
 */
public final class OrgStore {
    private final OrgSchema schema;
    private final Clock clock;
    private final SalesforceIds ids;
    private final Map<String, StoredRecord> byId = new LinkedHashMap<>();
    private int nextCaseNumber = 1001;

    public OrgStore(OrgSchema schema, Clock clock, SalesforceIds ids) {
        this.schema = schema;
        this.clock = clock;
        this.ids = ids;
    }

    public OrgSchema schema() {
        return schema;
    }

    public Clock clock() {
        return clock;
    }

    /** Runs a unit of work atomically (one API call is one transaction). */
    public synchronized <T> T atomically(Supplier<T> work) {
        return work.get();
    }

    /**
     * Seeds a record; returns its 18-character id. Values may be Java types (LocalDate, Instant, Number, Boolean)
     * or wire text. An Id may be given (to match a fixture); CreatedDate may be given to backdate a record; system
     * fields default to the clock.
     */
    public synchronized String insert(String sobject, Map<String, ?> fields) {
        SObjectType type = schema.require(sobject);
        Map<String, Object> canonical = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : fields.entrySet()) {
            FieldDefinition field = type.field(entry.getKey()).orElseGet(() -> {
                FieldDefinition inferred = FieldDefinition.of(entry.getKey(), FieldType.inferFrom(entry.getValue()));
                schema.declareField(type.name(), inferred);
                return inferred;
            });
            canonical.put(field.name(), field.type().coerce(entry.getValue()));
        }
        for (FieldDefinition unique : type.uniqueFields()) {
            Object value = canonical.get(unique.name());
            findDuplicate(type, unique, value, null).ifPresent(other -> {
                throw new IllegalArgumentException("duplicate value found: " + unique.name()
                        + " duplicates value on record with id: " + other.id());
            });
        }
        Object explicitId = canonical.remove("Id");
        if (explicitId != null) {
            String id = SalesforceIds.to18(explicitId.toString());
            if (!id.startsWith(type.keyPrefix()) || byId.containsKey(id)) {
                throw new IllegalArgumentException("Id " + id + " is taken or not a " + type.name() + " id");
            }
            canonical.put("Id", id);
        }
        return create(type, canonical, (String) canonical.get("CreatedById")).id();
    }

    /** Seeds changes to an existing record (no validation; system fields untouched unless given). */
    public synchronized void update(String id, Map<String, ?> fields) {
        StoredRecord record = find(id).filter(r -> !r.deleted())
                .orElseThrow(() -> new IllegalArgumentException("no live record " + id));
        for (Map.Entry<String, ?> entry : fields.entrySet()) {
            FieldDefinition field = record.type().field(entry.getKey()).orElseGet(() -> {
                FieldDefinition inferred = FieldDefinition.of(entry.getKey(), FieldType.inferFrom(entry.getValue()));
                schema.declareField(record.type().name(), inferred);
                return inferred;
            });
            record.put(field.name(), field.type().coerce(entry.getValue()));
        }
        derive(record, false);
    }

    /** Deletes a record; later API writes to it fail with ENTITY_IS_DELETED. Returns false when unknown. */
    public synchronized boolean delete(String id) {
        Optional<StoredRecord> record = find(id);
        record.ifPresent(StoredRecord::markDeleted);
        return record.isPresent();
    }

    /** A live record's fields. */
    public synchronized Optional<Map<String, Object>> get(String id) {
        return find(id).filter(r -> !r.deleted()).map(StoredRecord::snapshot);
    }

    /** Live records of one sObject, in creation order. */
    public synchronized List<Map<String, Object>> records(String sobject) {
        SObjectType type = schema.require(sobject);
        List<Map<String, Object>> result = new ArrayList<>();
        for (StoredRecord record : byId.values()) {
            if (record.type() == type && !record.deleted()) {
                result.add(record.snapshot());
            }
        }
        return result;
    }

    /** Any record with that id (15 or 18 characters), deleted ones included. */
    public synchronized Optional<StoredRecord> find(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byId.get(SalesforceIds.to18(id)));
    }

    /** Live records of a type, in creation order. */
    public synchronized List<StoredRecord> live(SObjectType type) {
        List<StoredRecord> result = new ArrayList<>();
        for (StoredRecord record : byId.values()) {
            if (record.type() == type && !record.deleted()) {
                result.add(record);
            }
        }
        return result;
    }

    /** Live records of a type whose field equals the value (text compared case-insensitively). */
    public synchronized List<StoredRecord> findByField(SObjectType type, FieldDefinition field, Object value) {
        List<StoredRecord> matches = new ArrayList<>();
        for (StoredRecord record : live(type)) {
            if (sameValue(field, record.get(field.name()), value)) {
                matches.add(record);
            }
        }
        return matches;
    }

    public synchronized Optional<StoredRecord> findDuplicate(SObjectType type, FieldDefinition field, Object value,
                                                             String exceptId) {
        if (value == null) {
            return Optional.empty();
        }
        return findByField(type, field, value).stream().filter(r -> !r.id().equals(exceptId)).findFirst();
    }

    synchronized StoredRecord create(SObjectType type, Map<String, Object> values, String userId) {
        StoredRecord record = new StoredRecord(type);
        Object givenId = values.remove("Id");
        String id = givenId != null ? givenId.toString() : ids.next(type.keyPrefix());
        Instant now = clock.instant();
        record.put("Id", id);
        values.forEach(record::put);
        putIfAbsent(record, "CreatedDate", now);
        putIfAbsent(record, "LastModifiedDate", record.get("CreatedDate"));
        putIfAbsent(record, "SystemModstamp", record.get("LastModifiedDate"));
        putIfAbsent(record, "IsDeleted", Boolean.FALSE);
        if (userId != null) {
            putIfAbsent(record, "CreatedById", userId);
            putIfAbsent(record, "LastModifiedById", userId);
            if (type.field("OwnerId").isPresent()) {
                putIfAbsent(record, "OwnerId", userId);
            }
        }
        derive(record, true);
        byId.put(id, record);
        return record;
    }

    synchronized void write(StoredRecord record, Map<String, Object> values, String userId) {
        values.forEach(record::put);
        Instant now = clock.instant();
        record.put("LastModifiedDate", now);
        record.put("SystemModstamp", now);
        if (userId != null) {
            record.put("LastModifiedById", userId);
        }
        derive(record, false);
    }

    synchronized void remove(StoredRecord record) {
        byId.remove(record.id());
    }

    private void derive(StoredRecord record, boolean created) {
        String type = record.type().name();
        if (type.equals("Contact") || type.equals("User")) {
            String name = String.join(" ", nonBlank(record.get("FirstName"), record.get("LastName")));
            record.put("Name", name.isEmpty() ? null : name);
        }
        if (type.equals("Task") || type.equals("Event")) {
            record.put("AccountId", activityAccount(record));
            if (type.equals("Task")) {
                record.put("IsClosed", "Completed".equalsIgnoreCase(Objects.toString(record.get("Status"), "")));
            }
        }
        if (type.equals("Case")) {
            if (created && record.get("CaseNumber") == null) {
                record.put("CaseNumber", String.format(Locale.ROOT, "%08d", nextCaseNumber++));
            }
            boolean closed = "Closed".equalsIgnoreCase(Objects.toString(record.get("Status"), ""));
            if (closed && !Boolean.TRUE.equals(record.get("IsClosed")) && record.get("ClosedDate") == null) {
                record.put("ClosedDate", clock.instant());
            }
            record.put("IsClosed", closed);
        }
    }

    private String activityAccount(StoredRecord activity) {
        for (String field : List.of("WhatId", "WhoId")) {
            Optional<StoredRecord> related = find((String) activity.get(field));
            if (related.isEmpty()) {
                continue;
            }
            StoredRecord parent = related.get();
            if (parent.type().name().equals("Account")) {
                return parent.id();
            }
            if (parent.get("AccountId") instanceof String accountId) {
                return accountId;
            }
        }
        return null;
    }

    private static List<String> nonBlank(Object... parts) {
        List<String> result = new ArrayList<>();
        for (Object part : parts) {
            if (part != null && !part.toString().isBlank()) {
                result.add(part.toString());
            }
        }
        return result;
    }

    private static void putIfAbsent(StoredRecord record, String field, Object value) {
        if (record.get(field) == null) {
            record.put(field, value);
        }
    }

    static boolean sameValue(FieldDefinition field, Object stored, Object wanted) {
        if (stored == null || wanted == null) {
            return false;
        }
        if (field.type().isIdLike()) {
            return SalesforceIds.sameId(stored.toString(), wanted.toString());
        }
        if (stored instanceof String a && wanted instanceof String b) {
            return a.equalsIgnoreCase(b);
        }
        return stored.equals(wanted);
    }
}
