package io.healthscore.testkit.salesforce.soql;

import io.healthscore.testkit.salesforce.org.FieldType;
import io.healthscore.testkit.salesforce.org.OrgStore;
import io.healthscore.testkit.salesforce.org.ParentRelationship;
import io.healthscore.testkit.salesforce.org.StoredRecord;
import java.util.List;
import java.util.Optional;

/**
 * A field path checked against the schema: the parent hops to follow, then the terminal field. After a polymorphic
 * hop (What, Who) the terminal is one of the Name pseudo-object's fields: Id, Name or Type.
 *
 * @param names canonical API names of every part, e.g. [Owner, Manager, Email]
 */
record ResolvedPath(List<String> names, List<ParentRelationship> hops, String field, FieldType type,
                    boolean polymorphicTail) {

    Object valueOf(StoredRecord record, OrgStore store) {
        StoredRecord current = record;
        for (ParentRelationship hop : hops) {
            Optional<StoredRecord> parent = follow(current, hop, store);
            if (parent.isEmpty()) {
                return null;
            }
            current = parent.get();
        }
        if (polymorphicTail && field.equals("Type")) {
            return current.type().name();
        }
        return current.get(field);
    }

    static Optional<StoredRecord> follow(StoredRecord record, ParentRelationship hop, OrgStore store) {
        Object id = record.get(hop.field());
        if (id == null) {
            return Optional.empty();
        }
        return store.find(id.toString()).filter(parent -> !parent.deleted());
    }
}
