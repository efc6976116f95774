package io.healthscore.testkit.salesforce.soql;

import io.healthscore.testkit.salesforce.org.ChildRelationship;
import io.healthscore.testkit.salesforce.org.FieldType;
import io.healthscore.testkit.salesforce.org.OrgStore;
import io.healthscore.testkit.salesforce.org.ParentRelationship;
import io.healthscore.testkit.salesforce.org.StoredRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shape of one result row: selected fields, parent relationships (grouping every path through them) and child
 * subqueries, in SELECT order. Builds {@link ResultRecord}s from stored records.
 */
final class Projection {
    private final List<Node> nodes = new ArrayList<>();

    private sealed interface Node permits FieldNode, ParentNode, ChildNode {
        String name();
    }

    /** A scalar; sObjectTypeName marks the Type field of the Name pseudo-object (What.Type). */
    private record FieldNode(String name, FieldType type, boolean sObjectTypeName) implements Node {
    }

    private record ParentNode(ParentRelationship relationship, Projection inner) implements Node {
        @Override
        public String name() {
            return relationship.name();
        }
    }

    private record ChildNode(ChildRelationship relationship, CompiledQuery query) implements Node {
        @Override
        public String name() {
            return relationship.name();
        }
    }

    /** Adds a resolved path; returns false when exactly that path was already selected. */
    boolean add(ResolvedPath path) {
        Projection target = this;
        for (ParentRelationship hop : path.hops()) {
            target = target.parentProjection(hop);
        }
        for (Node node : target.nodes) {
            if (node instanceof FieldNode field && field.name().equals(path.field())) {
                return false;
            }
        }
        boolean typeName = path.polymorphicTail() && path.field().equals("Type");
        target.nodes.add(new FieldNode(path.field(), path.type(), typeName));
        return true;
    }

    void addChildren(ChildRelationship relationship, CompiledQuery query) {
        nodes.add(new ChildNode(relationship, query));
    }

    private Projection parentProjection(ParentRelationship hop) {
        for (Node node : nodes) {
            if (node instanceof ParentNode parent && parent.relationship().name().equals(hop.name())) {
                return parent.inner();
            }
        }
        ParentNode created = new ParentNode(hop, new Projection());
        nodes.add(created);
        return created.inner();
    }

    private boolean selectsId() {
        return nodes.stream().anyMatch(node -> node instanceof FieldNode field && field.name().equals("Id"));
    }

    /**
     * Projects one stored record.
     *
     * @param children for each child relationship name, the matching child rows of a parent id
     */
    ResultRecord project(StoredRecord record, OrgStore store,
                         Map<String, Function<String, List<ResultRecord>>> children) {
        List<ResultRecord.Field> fields = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof FieldNode field) {
                Object value = field.sObjectTypeName() ? record.type().name() : record.get(field.name());
                fields.add(new ResultRecord.Value(field.name(), field.type(), value));
            } else if (node instanceof ParentNode parent) {
                Optional<StoredRecord> target = ResolvedPath.follow(record, parent.relationship(), store);
                fields.add(new ResultRecord.Parent(parent.name(),
                        target.map(t -> parent.inner().project(t, store, Map.of())).orElse(null)));
            } else if (node instanceof ChildNode child) {
                fields.add(new ResultRecord.Children(child.name(), children.get(child.name()).apply(record.id())));
            }
        }
        return new ResultRecord(record.type().name(), selectsId() ? record.id() : null, fields);
    }

    /** Child subqueries as (relationship, compiled query) pairs. */
    List<Map.Entry<ChildRelationship, CompiledQuery>> subqueries() {
        List<Map.Entry<ChildRelationship, CompiledQuery>> result = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof ChildNode child) {
                result.add(Map.entry(child.relationship(), child.query()));
            }
        }
        return result;
    }
}
