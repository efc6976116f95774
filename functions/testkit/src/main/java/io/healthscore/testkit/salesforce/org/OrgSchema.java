package io.healthscore.testkit.salesforce.org;

import static io.healthscore.testkit.salesforce.org.FieldType.BOOLEAN;
import static io.healthscore.testkit.salesforce.org.FieldType.DATE;
import static io.healthscore.testkit.salesforce.org.FieldType.DATETIME;
import static io.healthscore.testkit.salesforce.org.FieldType.DOUBLE;
import static io.healthscore.testkit.salesforce.org.FieldType.ID;
import static io.healthscore.testkit.salesforce.org.FieldType.INT;
import static io.healthscore.testkit.salesforce.org.FieldType.REFERENCE;
import static io.healthscore.testkit.salesforce.org.FieldType.STRING;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's sObjects: the standard objects the health-score adapter touches (User, Account, Contact, Opportunity,
 * Case, Task, Event) with their real key prefixes, field types and relationships, plus whatever a test declares.
 */
public final class OrgSchema {
    private static final List<String> ACTIVITY_PARENTS = List.of("Account", "Opportunity", "Case", "Contact");
    private final Map<String, SObjectType> types = new ConcurrentHashMap<>();

    private OrgSchema() {
    }

    public static OrgSchema standard() {
        OrgSchema schema = new OrgSchema();
        schema.defineUser();
        schema.defineAccount();
        schema.defineContact();
        schema.defineOpportunity();
        schema.defineCase();
        schema.defineActivity("Task", "00T");
        schema.defineActivity("Event", "00U");
        schema.defineChildren();
        return schema;
    }

    public Optional<SObjectType> type(String name) {
        return Optional.ofNullable(types.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<SObjectType> typeForId(String id) {
        if (id == null || id.length() < 3) {
            return Optional.empty();
        }
        String prefix = id.substring(0, 3);
        return types.values().stream().filter(t -> t.keyPrefix().equals(prefix)).findFirst();
    }

    /** Adds an object (a custom one: {@code declareObject("Health_Score__c", "a0H")}). */
    public SObjectType declareObject(String name, String keyPrefix) {
        SObjectType type = new SObjectType(name, keyPrefix);
        type.declare(FieldDefinition.readOnly("Id", ID));
        systemFields(type);
        type.declare(FieldDefinition.of("Name", STRING));
        types.put(name.toLowerCase(Locale.ROOT), type);
        return type;
    }

    /** Declares (or redeclares) a field such as {@code Account.Health_Score__c}. */
    public void declareField(String sobject, FieldDefinition field) {
        require(sobject).declare(field);
    }

    /** Declares a lookup and the matching child relationship, e.g. a custom {@code Health_Score__c.Account__c}. */
    public void declareLookup(String sobject, String field, String relationshipName, String target,
                              String childRelationshipName) {
        SObjectType child = require(sobject);
        child.declare(FieldDefinition.of(field, REFERENCE));
        child.declareParent(new ParentRelationship(relationshipName, field, List.of(target)));
        require(target).declareChild(new ChildRelationship(childRelationshipName, child.name(), field));
    }

    public SObjectType require(String sobject) {
        return type(sobject).orElseThrow(() -> new IllegalArgumentException("unknown sObject " + sobject));
    }

    private SObjectType define(String name, String prefix) {
        SObjectType type = new SObjectType(name, prefix);
        type.declare(FieldDefinition.readOnly("Id", ID));
        systemFields(type);
        types.put(name.toLowerCase(Locale.ROOT), type);
        return type;
    }

    private static void systemFields(SObjectType type) {
        type.declare(FieldDefinition.readOnly("CreatedDate", DATETIME))
                .declare(FieldDefinition.readOnly("CreatedById", REFERENCE))
                .declare(FieldDefinition.readOnly("LastModifiedDate", DATETIME))
                .declare(FieldDefinition.readOnly("LastModifiedById", REFERENCE))
                .declare(FieldDefinition.readOnly("SystemModstamp", DATETIME))
                .declare(FieldDefinition.readOnly("IsDeleted", BOOLEAN))
                .declareParent(new ParentRelationship("CreatedBy", "CreatedById", List.of("User")))
                .declareParent(new ParentRelationship("LastModifiedBy", "LastModifiedById", List.of("User")));
    }

    private static void owned(SObjectType type) {
        type.declare(FieldDefinition.of("OwnerId", REFERENCE))
                .declareParent(new ParentRelationship("Owner", "OwnerId", List.of("User")));
    }

    private void defineUser() {
        SObjectType user = define("User", "005");
        for (String text : List.of("FirstName", "Email", "Title", "Department", "ProfileId", "UserRoleId",
                "TimeZoneSidKey", "LocaleSidKey", "LanguageLocaleKey", "Alias", "UserType")) {
            user.declare(FieldDefinition.of(text, STRING));
        }
        user.declare(FieldDefinition.of("Username", STRING).asRequired().asUnique())
                .declare(FieldDefinition.of("LastName", STRING).asRequired())
                .declare(FieldDefinition.readOnly("Name", STRING))
                .declare(FieldDefinition.of("IsActive", BOOLEAN))
                .declare(FieldDefinition.of("ManagerId", REFERENCE))
                .declareParent(new ParentRelationship("Manager", "ManagerId", List.of("User")));
    }

    private void defineAccount() {
        SObjectType account = define("Account", "001");
        owned(account);
        for (String text : List.of("Type", "Industry", "Website", "Phone", "BillingCity", "BillingCountry",
                "Description", "AccountNumber", "Rating", "Site")) {
            account.declare(FieldDefinition.of(text, STRING));
        }
        account.declare(FieldDefinition.of("Name", STRING).asRequired())
                .declare(FieldDefinition.of("AnnualRevenue", DOUBLE))
                .declare(FieldDefinition.of("NumberOfEmployees", INT))
                .declare(FieldDefinition.of("ParentId", REFERENCE))
                .declare(FieldDefinition.readOnly("LastActivityDate", DATE))
                .declareParent(new ParentRelationship("Parent", "ParentId", List.of("Account")));
    }

    private void defineContact() {
        SObjectType contact = define("Contact", "003");
        owned(contact);
        for (String text : List.of("FirstName", "Email", "Title", "Phone", "Department", "MailingCountry")) {
            contact.declare(FieldDefinition.of(text, STRING));
        }
        contact.declare(FieldDefinition.of("LastName", STRING).asRequired())
                .declare(FieldDefinition.readOnly("Name", STRING))
                .declare(FieldDefinition.of("AccountId", REFERENCE))
                .declare(FieldDefinition.of("HasOptedOutOfEmail", BOOLEAN))
                .declare(FieldDefinition.readOnly("LastActivityDate", DATE))
                .declareParent(new ParentRelationship("Account", "AccountId", List.of("Account")));
    }

    private void defineOpportunity() {
        SObjectType opportunity = define("Opportunity", "006");
        owned(opportunity);
        for (String text : List.of("Type", "LeadSource", "ForecastCategoryName", "NextStep", "Description")) {
            opportunity.declare(FieldDefinition.of(text, STRING));
        }
        opportunity.declare(FieldDefinition.of("Name", STRING).asRequired())
                .declare(FieldDefinition.of("StageName", STRING).asRequired())
                .declare(FieldDefinition.of("CloseDate", DATE).asRequired())
                .declare(FieldDefinition.of("Amount", DOUBLE))
                .declare(FieldDefinition.of("Probability", DOUBLE))
                .declare(FieldDefinition.of("IsClosed", BOOLEAN))
                .declare(FieldDefinition.of("IsWon", BOOLEAN))
                .declare(FieldDefinition.of("AccountId", REFERENCE))
                .declareParent(new ParentRelationship("Account", "AccountId", List.of("Account")));
    }

    private void defineCase() {
        SObjectType supportCase = define("Case", "500");
        owned(supportCase);
        for (String text : List.of("Subject", "Status", "Priority", "Origin", "Type", "Reason", "Description")) {
            supportCase.declare(FieldDefinition.of(text, STRING));
        }
        supportCase.declare(FieldDefinition.readOnly("CaseNumber", STRING))
                .declare(FieldDefinition.readOnly("IsClosed", BOOLEAN))
                .declare(FieldDefinition.readOnly("ClosedDate", DATETIME))
                .declare(FieldDefinition.of("IsEscalated", BOOLEAN))
                .declare(FieldDefinition.of("AccountId", REFERENCE))
                .declare(FieldDefinition.of("ContactId", REFERENCE))
                .declareParent(new ParentRelationship("Account", "AccountId", List.of("Account")))
                .declareParent(new ParentRelationship("Contact", "ContactId", List.of("Contact")));
    }

    private void defineActivity(String name, String prefix) {
        SObjectType activity = define(name, prefix);
        owned(activity);
        for (String text : List.of("Subject", "Status", "Priority", "Description", "Type", "TaskSubtype",
                "EventSubtype", "Location", "CallType")) {
            activity.declare(FieldDefinition.of(text, STRING));
        }
        activity.declare(FieldDefinition.of("WhatId", REFERENCE))
                .declare(FieldDefinition.of("WhoId", REFERENCE))
                .declare(FieldDefinition.readOnly("AccountId", REFERENCE))
                .declare(FieldDefinition.of("ActivityDate", DATE))
                .declare(FieldDefinition.readOnly("IsClosed", BOOLEAN))
                .declareParent(new ParentRelationship("What", "WhatId", ACTIVITY_PARENTS))
                .declareParent(new ParentRelationship("Who", "WhoId", List.of("Contact", "Lead")))
                .declareParent(new ParentRelationship("Account", "AccountId", List.of("Account")));
        if (name.equals("Event")) {
            activity.declare(FieldDefinition.of("ActivityDateTime", DATETIME))
                    .declare(FieldDefinition.of("StartDateTime", DATETIME))
                    .declare(FieldDefinition.of("EndDateTime", DATETIME))
                    .declare(FieldDefinition.of("DurationInMinutes", INT));
        }
    }

    private void defineChildren() {
        require("Account").declareChild(new ChildRelationship("Contacts", "Contact", "AccountId"))
                .declareChild(new ChildRelationship("Opportunities", "Opportunity", "AccountId"))
                .declareChild(new ChildRelationship("Cases", "Case", "AccountId"))
                .declareChild(new ChildRelationship("Tasks", "Task", "WhatId"))
                .declareChild(new ChildRelationship("Events", "Event", "WhatId"))
                .declareChild(new ChildRelationship("ChildAccounts", "Account", "ParentId"));
        require("Contact").declareChild(new ChildRelationship("Tasks", "Task", "WhoId"))
                .declareChild(new ChildRelationship("Events", "Event", "WhoId"))
                .declareChild(new ChildRelationship("Cases", "Case", "ContactId"));
        for (String parent : List.of("Opportunity", "Case")) {
            require(parent).declareChild(new ChildRelationship("Tasks", "Task", "WhatId"))
                    .declareChild(new ChildRelationship("Events", "Event", "WhatId"));
        }
        require("User").declareChild(new ChildRelationship("ManagedUsers", "User", "ManagerId"));
    }
}
