package io.healthscore.testkit.salesforce.org;

/** A child relationship queried as a subquery: {@code Contacts} are Contact records whose AccountId is the parent. */
public record ChildRelationship(String name, String childType, String field) {
}
