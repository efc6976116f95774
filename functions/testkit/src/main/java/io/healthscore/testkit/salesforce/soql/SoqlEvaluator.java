package io.healthscore.testkit.salesforce.soql;

import io.healthscore.testkit.salesforce.org.ApiFault;
import io.healthscore.testkit.salesforce.org.ChildRelationship;
import io.healthscore.testkit.salesforce.org.OrgSchema;
import io.healthscore.testkit.salesforce.org.OrgStore;
import io.healthscore.testkit.salesforce.org.SObjectType;
import io.healthscore.testkit.salesforce.org.SalesforceIds;
import io.healthscore.testkit.salesforce.org.StoredRecord;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.CountAll;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.FieldPath;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.OrderItem;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.SelectItem;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.SubQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs SOQL against the store: parse, resolve every name against the schema (faults before any row is read),
 * then filter, sort, page and project. "Today" for date literals is the store's clock in the org's time zone.
 */
public final class SoqlEvaluator {
    private final OrgStore store;
    private final ZoneId orgTimeZone;

    public SoqlEvaluator(OrgStore store, ZoneId orgTimeZone) {
        this.store = store;
        this.orgTimeZone = orgTimeZone;
    }

    /** Runs a query; throws {@link io.healthscore.testkit.salesforce.org.ApiFault} for malformed or invalid SOQL. */
    public QueryRows run(String soql) {
        SoqlQuery parsed = SoqlParser.parse(soql);
        return store.atomically(() -> {
            Compiler compiler = new Compiler(soql);
            CompiledQuery query = compiler.compileRoot(parsed);
            List<StoredRecord> rows = query.select(store.live(query.type()));
            if (query.countOnly()) {
                return new QueryRows(List.of(), rows.size(), List.of(), true, List.of());
            }
            Map<String, Function<String, List<ResultRecord>>> children = childLookups(query);
            List<ResultRecord> records = new ArrayList<>(rows.size());
            for (StoredRecord row : rows) {
                records.add(query.projection().project(row, store, children));
            }
            List<String> childNames = query.projection().subqueries().stream().map(e -> e.getKey().name()).toList();
            return new QueryRows(records, records.size(), query.columns(), false, childNames);
        });
    }

    private Map<String, Function<String, List<ResultRecord>>> childLookups(CompiledQuery parent) {
        Map<String, Function<String, List<ResultRecord>>> lookups = new HashMap<>();
        for (Map.Entry<ChildRelationship, CompiledQuery> entry : parent.projection().subqueries()) {
            ChildRelationship relationship = entry.getKey();
            CompiledQuery child = entry.getValue();
            Map<String, List<StoredRecord>> byParent = new HashMap<>();
            for (StoredRecord record : store.live(child.type())) {
                Object parentId = record.get(relationship.field());
                if (parentId != null) {
                    byParent.computeIfAbsent(SalesforceIds.to18(parentId.toString()), k -> new ArrayList<>())
                            .add(record);
                }
            }
            lookups.put(relationship.name(), parentId -> {
                List<ResultRecord> projected = new ArrayList<>();
                for (StoredRecord row : child.select(byParent.getOrDefault(parentId, List.of()))) {
                    projected.add(child.projection().project(row, store, Map.of()));
                }
                return projected;
            });
        }
        return lookups;
    }

    /** Resolution of one query text. */
    private final class Compiler {
        private final String soql;
        private final PathResolver resolver;
        private final FilterCompiler filters;

        Compiler(String soql) {
            this.soql = soql;
            OrgSchema schema = store.schema();
            this.resolver = new PathResolver(schema, soql);
            LocalDate today = LocalDate.now(store.clock().withZone(orgTimeZone));
            this.filters = new FilterCompiler(resolver, store, soql, today, orgTimeZone);
        }

        CompiledQuery compileRoot(SoqlQuery query) {
            SObjectType type = store.schema().type(query.from()).orElseThrow(() ->
                    SoqlException.invalidType(soql, query.fromPosition(),
                            ApiFault.unsupportedTypeMessage(query.from())));
            return compile(type, query);
        }

        private CompiledQuery compileChild(SObjectType parent, SoqlQuery query) {
            ChildRelationship relationship = parent.child(query.from()).orElseThrow(() ->
                    SoqlException.invalidType(soql, query.fromPosition(), "Didn't understand relationship '"
                            + query.from() + "' in FROM part of query call. If you are attempting to use a custom "
                            + "relationship, be sure to append the '__r' after the custom relationship name. Please "
                            + "reference your WSDL or the describe call for the appropriate names."));
            return compile(store.schema().require(relationship.childType()), query);
        }

        private CompiledQuery compile(SObjectType type, SoqlQuery query) {
            Projection projection = new Projection();
            List<List<String>> columns = new ArrayList<>();
            boolean countOnly = false;
            for (SelectItem item : query.select()) {
                if (item instanceof CountAll) {
                    countOnly = true;
                } else if (item instanceof FieldPath path) {
                    ResolvedPath resolved = resolver.resolve(type, path);
                    if (!projection.add(resolved)) {
                        throw SoqlException.malformed(soql, path.position(),
                                "duplicate field selected: " + path.text());
                    }
                    columns.add(resolved.names());
                } else if (item instanceof SubQuery sub) {
                    ChildRelationship relationship = type.child(sub.query().from()).orElse(null);
                    CompiledQuery child = compileChild(type, sub.query());
                    projection.addChildren(relationship, child);
                }
            }
            Comparator<StoredRecord> order = null;
            for (OrderItem item : query.orderBy()) {
                Comparator<StoredRecord> next = comparator(type, item);
                order = order == null ? next : order.thenComparing(next);
            }
            return new CompiledQuery(type, projection, filters.compile(type, query.where()), order, query.limit(),
                    query.offset(), countOnly, columns);
        }

        private Comparator<StoredRecord> comparator(SObjectType type, OrderItem item) {
            ResolvedPath path = resolver.resolve(type, item.field());
            return (left, right) -> {
                Object a = path.valueOf(left, store);
                Object b = path.valueOf(right, store);
                if (a == null || b == null) {
                    if (a == b) {
                        return 0;
                    }
                    int nullFirst = a == null ? -1 : 1;
                    return item.nullsLast() ? -nullFirst : nullFirst;
                }
                int order = FilterCompiler.compareValues(path.type(), a, b);
                return item.descending() ? -order : order;
            };
        }
    }
}
