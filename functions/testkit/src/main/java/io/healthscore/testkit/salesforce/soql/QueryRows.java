package io.healthscore.testkit.salesforce.soql;

import java.util.List;

/**
 * Everything a query produced: the rows (empty for COUNT()), the total size the API reports, the flat column paths
 * in SELECT order (what a Bulk CSV header shows) and whether the query had child subqueries.
 */
public record QueryRows(List<ResultRecord> records, int size, List<List<String>> columns, boolean countOnly,
                        List<String> childRelationships) {

    public QueryRows {
        records = List.copyOf(records);
        columns = List.copyOf(columns);
        childRelationships = List.copyOf(childRelationships);
    }
}
