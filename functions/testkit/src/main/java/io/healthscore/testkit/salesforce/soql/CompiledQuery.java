package io.healthscore.testkit.salesforce.soql;

import io.healthscore.testkit.salesforce.org.SObjectType;
import io.healthscore.testkit.salesforce.org.StoredRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** A query validated against the schema, ready to run against the store. */
record CompiledQuery(SObjectType type, Projection projection, Predicate<StoredRecord> where,
                     Comparator<StoredRecord> order, Integer limit, Integer offset, boolean countOnly,
                     List<List<String>> columns) {

    /** Filters, sorts (stable: ties keep creation order) and applies OFFSET and LIMIT. */
    List<StoredRecord> select(List<StoredRecord> candidates) {
        List<StoredRecord> rows = new ArrayList<>();
        for (StoredRecord candidate : candidates) {
            if (where.test(candidate)) {
                rows.add(candidate);
            }
        }
        if (order != null) {
            rows.sort(order);
        }
        int from = offset == null ? 0 : Math.min(offset, rows.size());
        int to = limit == null ? rows.size() : Math.min(rows.size(), from + limit);
        return rows.subList(from, to);
    }
}
