package io.healthscore.testkit.salesforce.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Describe-like metadata of one sObject: key prefix, fields and relationships, all looked up case-insensitively. */
public final class SObjectType {
    private final String name;
    private final String keyPrefix;
    private final Map<String, FieldDefinition> fields = new ConcurrentHashMap<>();
    private final Map<String, ParentRelationship> parents = new ConcurrentHashMap<>();
    private final Map<String, ChildRelationship> children = new ConcurrentHashMap<>();

    SObjectType(String name, String keyPrefix) {
        this.name = name;
        this.keyPrefix = keyPrefix;
    }

    public String name() {
        return name;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public Optional<FieldDefinition> field(String fieldName) {
        return Optional.ofNullable(fields.get(key(fieldName)));
    }

    public Collection<FieldDefinition> fields() {
        return List.copyOf(fields.values());
    }

    public List<FieldDefinition> uniqueFields() {
        List<FieldDefinition> unique = new ArrayList<>();
        for (FieldDefinition field : fields.values()) {
            if (field.unique()) {
                unique.add(field);
            }
        }
        return unique;
    }

    public Optional<ParentRelationship> parent(String relationshipName) {
        return Optional.ofNullable(parents.get(key(relationshipName)));
    }

    public Optional<ParentRelationship> parentByField(String fieldName) {
        return parents.values().stream().filter(p -> p.field().equalsIgnoreCase(fieldName)).findFirst();
    }

    public Optional<ChildRelationship> child(String relationshipName) {
        return Optional.ofNullable(children.get(key(relationshipName)));
    }

    SObjectType declare(FieldDefinition field) {
        fields.put(key(field.name()), field);
        return this;
    }

    SObjectType declareParent(ParentRelationship relationship) {
        parents.put(key(relationship.name()), relationship);
        return this;
    }

    SObjectType declareChild(ChildRelationship relationship) {
        children.put(key(relationship.name()), relationship);
        return this;
    }

    private static String key(String apiName) {
        return apiName.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name;
    }
}
