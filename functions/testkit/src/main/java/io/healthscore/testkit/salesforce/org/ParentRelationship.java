package io.healthscore.testkit.salesforce.org;

import java.util.List;

/**
 * A lookup followed in SOQL as {@code Owner.Name}: relationship {@code Owner} through field {@code OwnerId}.
 *
 * @param targets sObject types the field may point at; more than one makes it polymorphic (What, Who), whose
 *                SOQL fields are limited to the Name pseudo-object (Id, Name, Type)
 */
public record ParentRelationship(String name, String field, List<String> targets) {

    public boolean polymorphic() {
        return targets.size() != 1;
    }
}
