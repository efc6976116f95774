package io.healthscore.testkit.salesforce.soql;

import java.util.List;

/**
 * Parsed SOQL: the subset the health-score adapter uses.
 *
 * @param select  fields, parent paths, child subqueries, or a single COUNT()
 * @param from    sObject name (a child relationship name inside a subquery)
 * @param where   null when absent
 * @param limit   null when absent
 * @param offset  null when absent
 */
public record SoqlQuery(List<SelectItem> select, String from, Position fromPosition, Condition where,
                        List<OrderItem> orderBy, Integer limit, Integer offset) {

    /** One entry of the SELECT list. */
    public sealed interface SelectItem permits FieldPath, SubQuery, CountAll {
    }

    /** {@code Name}, {@code Owner.Name}, {@code Owner.Manager.Email}. */
    public record FieldPath(List<String> parts, Position position) implements SelectItem {
        public String text() {
            return String.join(".", parts);
        }
    }

    /** {@code (SELECT Id FROM Contacts WHERE ...)}. */
    public record SubQuery(SoqlQuery query) implements SelectItem {
    }

    /** {@code COUNT()}. */
    public record CountAll(Position position) implements SelectItem {
    }

    /** {@code ORDER BY field [ASC|DESC] [NULLS FIRST|LAST]}; nulls sort first unless NULLS LAST. */
    public record OrderItem(FieldPath field, boolean descending, boolean nullsLast) {
    }

    /** WHERE clause tree. */
    public sealed interface Condition permits And, Or, Not, Comparison, InList {
    }

    public record And(List<Condition> terms) implements Condition {
    }

    public record Or(List<Condition> terms) implements Condition {
    }

    public record Not(Condition term) implements Condition {
    }

    /** {@code field op value}; op is one of = != &lt; &lt;= &gt; &gt;= LIKE. */
    public record Comparison(FieldPath field, String operator, Literal value) implements Condition {
    }

    /** {@code field [NOT] IN (v1, v2)}. */
    public record InList(FieldPath field, boolean negated, List<Literal> values) implements Condition {
    }

    /** A literal on the right-hand side of a condition. */
    public record Literal(Kind kind, String text, Integer n, Position position) {
        public enum Kind { STRING, NUMBER, BOOLEAN, NULL, DATE, DATETIME, DATE_LITERAL }
    }
}
