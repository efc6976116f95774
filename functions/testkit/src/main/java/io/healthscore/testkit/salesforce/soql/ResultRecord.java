package io.healthscore.testkit.salesforce.soql;

import io.healthscore.testkit.salesforce.org.FieldType;
import java.util.List;

/**
 * One row of a query result, shaped like the Partner API's sObject: its type, the header Id (null, i.e.
 * {@code xsi:nil}, unless Id was selected at that level) and the selected fields in SELECT order, with every
 * parent path grouped under its relationship at the position of its first appearance.
 */
public record ResultRecord(String type, String headerId, List<Field> fields) {

    /** A selected element of a row. */
    public sealed interface Field permits Value, Parent, Children {
        String name();
    }

    /** A scalar field; value is the canonical Java value, null when the field is null. */
    public record Value(String name, FieldType fieldType, Object value) implements Field {
    }

    /** A parent relationship; record is null when the lookup is empty. */
    public record Parent(String name, ResultRecord record) implements Field {
    }

    /** A child subquery result; an empty list serializes as {@code xsi:nil}. */
    public record Children(String name, List<ResultRecord> records) implements Field {
    }

    /** The scalar at a canonical dotted path ({@code Owner.Manager.Email}), null when any hop is empty. */
    public Value valueAt(List<String> path) {
        ResultRecord current = this;
        for (int i = 0; i < path.size(); i++) {
            String part = path.get(i);
            Field found = null;
            for (Field field : current.fields) {
                if (field.name().equals(part)) {
                    found = field;
                    break;
                }
            }
            if (found instanceof Value value && i == path.size() - 1) {
                return value;
            }
            if (found instanceof Parent parent && parent.record() != null) {
                current = parent.record();
                continue;
            }
            return null;
        }
        return null;
    }
}
