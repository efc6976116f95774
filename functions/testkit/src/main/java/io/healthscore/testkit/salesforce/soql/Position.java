package io.healthscore.testkit.salesforce.soql;

/** Where a token starts in the query text: 1-based row and column as in "ERROR at Row:1:Column:8". */
public record Position(int row, int column) {
}
