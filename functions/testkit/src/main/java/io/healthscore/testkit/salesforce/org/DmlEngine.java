package io.healthscore.testkit.salesforce.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * create/update/upsert/delete with the platform's per-record rules, shared by the Partner SOAP and Bulk endpoints.
 * Call-level problems (unknown sObject or field, bad upsert key) throw {@link ApiFault} before anything is written;
 * record-level problems become {@link SaveError}s. One call is one transaction on the store.
 */
public final class DmlEngine {
    private static final String FLS_MESSAGE = ". Please check the security settings of this field and verify that it"
            + " is read/write for your profile or permission set.";
    private static final String ROLLED_BACK = "Record rolled back because not all records were valid and the request"
            + " was using AllOrNone header";

    private final OrgStore store;
    private final RecordFaults faults;

    public DmlEngine(OrgStore store, RecordFaults faults) {
        this.store = store;
        this.faults = faults;
    }

    public List<SaveOutcome> create(List<IncomingRecord> records, String userId, boolean allOrNone) {
        return inTransaction(records, allOrNone, undo -> {
            List<SaveOutcome> outcomes = new ArrayList<>();
            for (IncomingRecord record : records) {
                outcomes.add(createOne(typeOf(record), record, userId, undo));
            }
            return outcomes;
        });
    }

    public List<SaveOutcome> update(List<IncomingRecord> records, String userId, boolean allOrNone) {
        return inTransaction(records, allOrNone, undo -> {
            List<SaveOutcome> outcomes = new ArrayList<>();
            for (IncomingRecord record : records) {
                outcomes.add(updateOne(typeOf(record), record, userId, undo));
            }
            return outcomes;
        });
    }

    public List<SaveOutcome> upsert(String externalIdField, List<IncomingRecord> records, String userId,
                                    boolean allOrNone) {
        return inTransaction(records, allOrNone, undo -> {
            Map<String, Integer> keyCounts = new HashMap<>();
            List<SaveOutcome> outcomes = new ArrayList<>();
            for (IncomingRecord record : records) {
                SObjectType type = typeOf(record);
                FieldDefinition key = upsertKey(type, externalIdField);
                String value = key.name().equals("Id") ? record.id() : valueOf(record, key.name());
                if (value != null && !value.isBlank()) {
                    keyCounts.merge(value.toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
            for (IncomingRecord record : records) {
                outcomes.add(upsertOne(typeOf(record), record, externalIdField, keyCounts, userId, undo));
            }
            return outcomes;
        });
    }

    public List<SaveOutcome> delete(List<String> ids, boolean allOrNone) {
        return store.atomically(() -> {
            List<SaveOutcome> outcomes = new ArrayList<>();
            List<StoredRecord> toDelete = new ArrayList<>();
            for (String id : ids) {
                Optional<StoredRecord> record = store.find(id);
                if (!SalesforceIds.looksLikeId(id)) {
                    outcomes.add(SaveOutcome.failed(SaveError.of("MALFORMED_ID", "malformed id " + id)));
                } else if (record.isEmpty() || record.get().deleted()) {
                    outcomes.add(SaveOutcome.failed(SaveError.of("ENTITY_IS_DELETED", "entity is deleted")));
                } else {
                    Optional<SaveError> injected = faults.beforeWrite(record.get().id());
                    if (injected.isPresent()) {
                        outcomes.add(SaveOutcome.failed(injected.get()));
                    } else {
                        toDelete.add(record.get());
                        outcomes.add(SaveOutcome.saved(record.get().id(), false));
                    }
                }
            }
            if (allOrNone && outcomes.stream().anyMatch(o -> !o.success())) {
                return rolledBack(outcomes);
            }
            toDelete.forEach(StoredRecord::markDeleted);
            return outcomes;
        });
    }

    /** Throws the call-level fault a real org raises before touching any record. */
    public void validateCall(List<IncomingRecord> records, String upsertKeyField) {
        for (IncomingRecord record : records) {
            SObjectType type = typeOf(record);
            for (String field : record.values().keySet()) {
                requireField(type, field);
            }
            for (String field : record.fieldsToNull()) {
                requireField(type, field);
            }
            if (upsertKeyField != null) {
                upsertKey(type, upsertKeyField);
            }
        }
    }

    private List<SaveOutcome> inTransaction(List<IncomingRecord> records, boolean allOrNone,
                                            Function<UndoLog, List<SaveOutcome>> work) {
        return store.atomically(() -> {
            UndoLog undo = new UndoLog();
            List<SaveOutcome> outcomes = work.apply(undo);
            if (allOrNone && outcomes.stream().anyMatch(o -> !o.success())) {
                undo.rollback();
                return rolledBack(outcomes);
            }
            return outcomes;
        });
    }

    private static List<SaveOutcome> rolledBack(List<SaveOutcome> outcomes) {
        List<SaveOutcome> result = new ArrayList<>();
        for (SaveOutcome outcome : outcomes) {
            result.add(outcome.success()
                    ? SaveOutcome.failed(SaveError.of("ALL_OR_NONE_OPERATION_ROLLED_BACK", ROLLED_BACK))
                    : outcome);
        }
        return result;
    }

    private SaveOutcome createOne(SObjectType type, IncomingRecord record, String userId, UndoLog undo) {
        if (record.id() != null && !record.id().isBlank()) {
            return SaveOutcome.failed(SaveError.of("INVALID_FIELD_FOR_INSERT_UPDATE",
                    "cannot specify Id in an insert call", "Id"));
        }
        Converted converted = convert(type, record, null);
        if (converted.error != null) {
            return SaveOutcome.failed(converted.error);
        }
        List<String> missing = new ArrayList<>();
        for (FieldDefinition field : type.fields()) {
            if (field.required() && converted.values.get(field.name()) == null) {
                missing.add(field.name());
            }
        }
        if (!missing.isEmpty()) {
            missing.sort(String.CASE_INSENSITIVE_ORDER);
            return SaveOutcome.failed(new SaveError("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing, missing));
        }
        Optional<SaveError> duplicate = duplicateOf(type, converted.values, null);
        if (duplicate.isPresent()) {
            return SaveOutcome.failed(duplicate.get());
        }
        StoredRecord created = store.create(type, converted.values, userId);
        undo.created(created);
        return SaveOutcome.saved(created.id(), true);
    }

    private SaveOutcome updateOne(SObjectType type, IncomingRecord record, String userId, UndoLog undo) {
        String id = record.id();
        if (id == null || id.isBlank()) {
            return SaveOutcome.failed(SaveError.of("MISSING_ARGUMENT", "Id not specified in an update call"));
        }
        if (!SalesforceIds.looksLikeId(id) || !id.startsWith(type.keyPrefix())) {
            return SaveOutcome.failed(SaveError.of("MALFORMED_ID",
                    type.name() + " ID: id value of incorrect type: " + id, "Id"));
        }
        Optional<StoredRecord> existing = store.find(id);
        if (existing.isEmpty() || existing.get().deleted()) {
            return SaveOutcome.failed(SaveError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        return writeExisting(existing.get(), record, userId, false, undo);
    }

    private SaveOutcome upsertOne(SObjectType type, IncomingRecord record, String keyField,
                                  Map<String, Integer> keyCounts, String userId, UndoLog undo) {
        FieldDefinition key = upsertKey(type, keyField);
        if (key.name().equals("Id")) {
            if (record.id() == null || record.id().isBlank()) {
                return createOne(type, record, userId, undo);
            }
            return updateOne(type, record, userId, undo);
        }
        String value = valueOf(record, key.name());
        if (value == null || value.isBlank()) {
            return SaveOutcome.failed(SaveError.of("MISSING_ARGUMENT", key.name() + " not specified"));
        }
        if (keyCounts.getOrDefault(value.toLowerCase(Locale.ROOT), 0) > 1) {
            return SaveOutcome.failed(SaveError.of("DUPLICATE_VALUE", "Duplicate external id specified: " + value));
        }
        Object parsed;
        try {
            parsed = key.type().parseText(value);
        } catch (IllegalArgumentException e) {
            return SaveOutcome.failed(SaveError.of("INVALID_TYPE_ON_FIELD_IN_RECORD",
                    key.name() + ": " + e.getMessage(), key.name()));
        }
        List<StoredRecord> matches = store.findByField(type, key, parsed);
        if (matches.size() > 1) {
            List<String> ids = matches.stream().map(StoredRecord::id).toList();
            return SaveOutcome.failed(SaveError.of("DUPLICATE_EXTERNAL_ID",
                    key.name() + ": more than one record found for external id field: " + ids));
        }
        if (matches.size() == 1) {
            return writeExisting(matches.get(0), record, userId, true, undo);
        }
        IncomingRecord asInsert = new IncomingRecord(record.type(), null, record.values(), record.fieldsToNull());
        return createOne(type, asInsert, userId, undo);
    }

    private SaveOutcome writeExisting(StoredRecord existing, IncomingRecord record, String userId,
                                      boolean ignoreId, UndoLog undo) {
        Optional<SaveError> injected = faults.beforeWrite(existing.id());
        if (injected.isPresent()) {
            return SaveOutcome.failed(injected.get());
        }
        IncomingRecord changes = ignoreId
                ? new IncomingRecord(record.type(), null, record.values(), record.fieldsToNull()) : record;
        Converted converted = convert(existing.type(), changes, existing);
        if (converted.error != null) {
            return SaveOutcome.failed(converted.error);
        }
        List<String> nulledRequired = new ArrayList<>();
        for (Map.Entry<String, Object> change : converted.values.entrySet()) {
            FieldDefinition field = existing.type().field(change.getKey()).orElseThrow();
            if (field.required() && change.getValue() == null) {
                nulledRequired.add(field.name());
            }
        }
        if (!nulledRequired.isEmpty()) {
            return SaveOutcome.failed(new SaveError("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + nulledRequired, nulledRequired));
        }
        Optional<SaveError> duplicate = duplicateOf(existing.type(), converted.values, existing.id());
        if (duplicate.isPresent()) {
            return SaveOutcome.failed(duplicate.get());
        }
        undo.updated(existing);
        store.write(existing, converted.values, userId);
        return SaveOutcome.saved(existing.id(), false);
    }

    private Optional<SaveError> duplicateOf(SObjectType type, Map<String, Object> values, String selfId) {
        for (FieldDefinition unique : type.uniqueFields()) {
            if (!values.containsKey(unique.name())) {
                continue;
            }
            Optional<StoredRecord> other = store.findDuplicate(type, unique, values.get(unique.name()), selfId);
            if (other.isPresent()) {
                return Optional.of(SaveError.of("DUPLICATE_VALUE", "duplicate value found: " + unique.name()
                        + " duplicates value on record with id: " + other.get().id()));
            }
        }
        return Optional.empty();
    }

    private Converted convert(SObjectType type, IncomingRecord record, StoredRecord existing) {
        boolean creating = existing == null;
        List<String> forbidden = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : record.values().entrySet()) {
            FieldDefinition field = requireField(type, entry.getKey());
            if (field.name().equals("Id")) {
                continue;
            }
            if (creating ? !field.createable() : !field.updateable()) {
                forbidden.add(field.name());
                continue;
            }
            Object value;
            try {
                value = field.type().parseText(entry.getValue());
            } catch (IllegalArgumentException e) {
                return Converted.failed(SaveError.of("INVALID_TYPE_ON_FIELD_IN_RECORD",
                        field.name() + ": " + e.getMessage(), field.name()));
            }
            if (field.type() == FieldType.REFERENCE) {
                Optional<SaveError> badReference = checkReference(type, field, (String) value);
                if (badReference.isPresent()) {
                    return Converted.failed(badReference.get());
                }
                value = SalesforceIds.to18((String) value);
            }
            values.put(field.name(), value);
        }
        for (String name : record.fieldsToNull()) {
            FieldDefinition field = requireField(type, name);
            if (creating ? !field.createable() : !field.updateable()) {
                forbidden.add(field.name());
            } else {
                values.put(field.name(), null);
            }
        }
        if (!forbidden.isEmpty()) {
            return Converted.failed(new SaveError("INVALID_FIELD_FOR_INSERT_UPDATE",
                    "Unable to create/update fields: " + String.join(", ", forbidden) + FLS_MESSAGE, forbidden));
        }
        return new Converted(values, null);
    }

    private Optional<SaveError> checkReference(SObjectType type, FieldDefinition field, String id) {
        if (!SalesforceIds.looksLikeId(id)) {
            return Optional.of(SaveError.of("MALFORMED_ID",
                    field.name() + ": id value of incorrect type: " + id, field.name()));
        }
        Optional<ParentRelationship> relationship = type.parentByField(field.name());
        Optional<StoredRecord> target = store.find(id);
        if (relationship.isPresent()) {
            List<String> targets = relationship.get().targets();
            boolean prefixMatches = store.schema().typeForId(id)
                    .map(t -> targets.stream().anyMatch(name -> name.equalsIgnoreCase(t.name()))).orElse(false);
            if (!prefixMatches) {
                return Optional.of(SaveError.of("FIELD_INTEGRITY_EXCEPTION",
                        field.name() + ": id value of incorrect type: " + id, field.name()));
            }
        }
        if (target.isPresent() && target.get().deleted()) {
            return Optional.of(SaveError.of("ENTITY_IS_DELETED", "entity is deleted", field.name()));
        }
        if (target.isEmpty()) {
            return Optional.of(SaveError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id",
                    field.name()));
        }
        return Optional.empty();
    }

    private SObjectType typeOf(IncomingRecord record) {
        if (record.type() == null || record.type().isBlank()) {
            throw ApiFault.unexpected("INVALID_TYPE", "Must send a concrete entity type.");
        }
        return store.schema().type(record.type()).orElseThrow(() -> ApiFault.unsupportedType(record.type()));
    }

    private static FieldDefinition requireField(SObjectType type, String field) {
        return type.field(field).orElseThrow(() -> ApiFault.noSuchColumn(field, type.name()));
    }

    private static FieldDefinition upsertKey(SObjectType type, String keyField) {
        return type.field(keyField)
                .filter(f -> f.externalId() || f.name().equals("Id"))
                .orElseThrow(() -> new ApiFault(ApiFault.Kind.INVALID_FIELD, "INVALID_FIELD",
                        "Field name provided, " + keyField + " is not an External ID or indexed field for "
                                + type.name()));
    }

    private static String valueOf(IncomingRecord record, String field) {
        for (Map.Entry<String, String> entry : record.values().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(field)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private record Converted(Map<String, Object> values, SaveError error) {
        static Converted failed(SaveError error) {
            return new Converted(Map.of(), error);
        }
    }

    /** Restores the store when an AllOrNone call fails. */
    private final class UndoLog {
        private final List<StoredRecord> created = new ArrayList<>();
        private final Map<StoredRecord, Map<String, Object>> before = new LinkedHashMap<>();

        void created(StoredRecord record) {
            created.add(record);
        }

        void updated(StoredRecord record) {
            before.putIfAbsent(record, record.snapshot());
        }

        void rollback() {
            created.forEach(store::remove);
            before.forEach(StoredRecord::restore);
        }
    }
}
