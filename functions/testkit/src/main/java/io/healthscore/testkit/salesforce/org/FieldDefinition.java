package io.healthscore.testkit.salesforce.org;

/**
 * One field of an sObject as describe() would report it.
 *
 * @param name       API name in its canonical case
 * @param type       SOAP type
 * @param createable false for system and derived fields (CreatedDate, Task.AccountId, Contact.Name...)
 * @param updateable false for system and derived fields
 * @param required   REQUIRED_FIELD_MISSING when absent on create or nulled on update
 * @param unique     DUPLICATE_VALUE when another record holds the same value (case-insensitive)
 * @param externalId usable as upsert key
 */
public record FieldDefinition(String name, FieldType type, boolean createable, boolean updateable,
                              boolean required, boolean unique, boolean externalId) {

    public static FieldDefinition of(String name, FieldType type) {
        return new FieldDefinition(name, type, true, true, false, false, false);
    }

    public static FieldDefinition readOnly(String name, FieldType type) {
        return new FieldDefinition(name, type, false, false, false, false, false);
    }

    public FieldDefinition asRequired() {
        return new FieldDefinition(name, type, createable, updateable, true, unique, externalId);
    }

    public FieldDefinition asExternalId(boolean isUnique) {
        return new FieldDefinition(name, type, createable, updateable, required, isUnique, true);
    }

    public FieldDefinition asUnique() {
        return new FieldDefinition(name, type, createable, updateable, required, true, externalId);
    }
}
