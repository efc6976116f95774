package io.healthscore.testkit.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.healthscore.testkit.salesforce.org.ApiFault;
import io.healthscore.testkit.salesforce.org.OrgSchema;
import io.healthscore.testkit.salesforce.org.OrgStore;
import io.healthscore.testkit.salesforce.org.SalesforceIds;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoqlEvaluatorTest {
    private static final Instant NOW = Instant.parse("2026-03-18T10:15:30Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-18");

    private OrgStore store;
    private SoqlEvaluator soql;
    private String manager;
    private String owner;
    private String acme;
    private String globex;
    private String initech;

    @BeforeEach
    void seed() {
        store = new OrgStore(OrgSchema.standard(), Clock.fixed(NOW, ZoneOffset.UTC), new SalesforceIds());
        soql = new SoqlEvaluator(store, ZoneOffset.UTC);
        manager = store.insert("User", Map.of("Username", "mia@x.test", "FirstName", "Mia", "LastName", "Manager",
                "Email", "mia.manager@example.com"));
        owner = store.insert("User", Map.of("Username", "olivia@x.test", "FirstName", "Olivia", "LastName", "Owner",
                "ManagerId", manager));
        acme = store.insert("Account", Map.of("Name", "Acme", "Type", "Customer", "AnnualRevenue", 12_000_000,
                "OwnerId", owner, "Health_Score__c", 81.5));
        globex = store.insert("Account", Map.of("Name", "globex", "Type", "Partner", "AnnualRevenue", 3_000_000,
                "OwnerId", manager));
        initech = store.insert("Account", Map.of("Name", "Initech", "NumberOfEmployees", 40));
        store.insert("Contact", Map.of("LastName", "Zed", "AccountId", acme, "Email", "zed@acme.test"));
        store.insert("Contact", Map.of("LastName", "Ada", "FirstName", "Lady", "AccountId", acme));
        store.insert("Contact", Map.of("LastName", "Bob", "AccountId", globex, "Email", "bob@globex.test"));
        store.insert("Opportunity", Map.of("Name", "Renewal", "StageName", "Closed Won", "CloseDate", TODAY,
                "Amount", 50_000, "AccountId", acme, "IsClosed", true));
    }

    @Test
    void projectsParentPathsGroupedUnderTheirRelationship() {
        QueryRows rows = soql.run("SELECT Id, Owner.Name, Name, Owner.Manager.Email, Owner.ManagerId FROM Account "
                + "WHERE Name = 'ACME'");

        ResultRecord account = rows.records().get(0);
        assertThat(account.headerId()).isEqualTo(acme);
        assertThat(account.fields()).extracting(ResultRecord.Field::name).containsExactly("Id", "Owner", "Name");
        ResultRecord ownerRow = ((ResultRecord.Parent) account.fields().get(1)).record();
        assertThat(ownerRow.type()).isEqualTo("User");
        assertThat(ownerRow.headerId()).isNull();
        assertThat(ownerRow.fields()).extracting(ResultRecord.Field::name)
                .containsExactly("Name", "Manager", "ManagerId");
        assertThat(account.valueAt(List.of("Owner", "Manager", "Email")).value())
                .isEqualTo("mia.manager@example.com");
        assertThat(account.valueAt(List.of("Owner", "Name")).value()).isEqualTo("Olivia Owner");
        assertThat(rows.columns()).containsExactly(List.of("Id"), List.of("Owner", "Name"), List.of("Name"),
                List.of("Owner", "Manager", "Email"), List.of("Owner", "ManagerId"));
    }

    @Test
    void emptyLookupProjectsANullParent() {
        ResultRecord row = soql.run("SELECT Name, Owner.Name FROM Account WHERE Name = 'Initech'").records().get(0);
        assertThat(((ResultRecord.Parent) row.fields().get(1)).record()).isNull();
        assertThat(row.headerId()).isNull();
    }

    @Test
    void childSubqueriesFilterSortAndLimitPerParent() {
        QueryRows rows = soql.run("SELECT Name, (SELECT LastName, Email FROM Contacts WHERE LastName != 'Nobody' "
                + "ORDER BY LastName LIMIT 5), (SELECT Amount FROM Opportunities) FROM Account ORDER BY Name");

        assertThat(rows.records()).extracting(r -> r.valueAt(List.of("Name")).value())
                .containsExactly("Acme", "globex", "Initech");
        ResultRecord.Children contacts = (ResultRecord.Children) rows.records().get(0).fields().get(1);
        assertThat(contacts.records()).extracting(c -> c.valueAt(List.of("LastName")).value())
                .containsExactly("Ada", "Zed");
        ResultRecord.Children initechContacts = (ResultRecord.Children) rows.records().get(2).fields().get(1);
        assertThat(initechContacts.records()).isEmpty();
        assertThat(rows.childRelationships()).containsExactly("Contacts", "Opportunities");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Name = 'acme'                                             | Acme",
        "Name != 'Acme'                                            | globex,Initech",
        "Type != 'Customer'                                        | globex,Initech",
        "Type = null                                               | Initech",
        "Type != null                                              | Acme,globex",
        "AnnualRevenue > 3000000                                   | Acme",
        "AnnualRevenue >= 3000000                                  | Acme,globex",
        "AnnualRevenue < 12000000                                  | globex",
        "NumberOfEmployees <= 40                                   | Initech",
        "Type IN ('Customer', 'Partner')                           | Acme,globex",
        "Type NOT IN ('Customer')                                  | globex,Initech",
        "Name LIKE 'g%'                                            | globex",
        "Name LIKE '_cm_'                                          | Acme",
        "(Type = 'Customer' OR Type = 'Partner') AND AnnualRevenue > 5000000 | Acme",
        "NOT Name = 'Acme'                                         | globex,Initech",
        "NOT (Type = 'Customer' OR Type = null)                    | globex",
        "Owner.Manager.Email LIKE 'mia.%'                          | Acme",
        "Owner.Name = 'Mia Manager'                                | globex",
        "OwnerId = null                                            | Initech",
        "Health_Score__c > 80                                      | Acme",
    })
    void whereClauses(String where, String expectedNames) {
        QueryRows rows = soql.run("SELECT Name FROM Account WHERE " + where);
        assertThat(rows.records()).extracting(r -> r.valueAt(List.of("Name")).value())
                .containsExactly((Object[]) expectedNames.split(","));
    }

    @Test
    void idComparisonsAcceptFifteenCharacterIds() {
        QueryRows rows = soql.run("SELECT Name FROM Account WHERE Id = '" + acme.substring(0, 15) + "'");
        assertThat(rows.records()).hasSize(1);
        assertThat(soql.run("SELECT Name FROM Contact WHERE AccountId IN ('" + globex + "')").size()).isEqualTo(1);
    }

    @Test
    void dateLiteralsAreDayRangesOnDatesAndDateTimes() {
        String today = store.insert("Task", Map.of("Subject", "today", "ActivityDate", TODAY));
        store.insert("Task", Map.of("Subject", "yesterday", "ActivityDate", TODAY.minusDays(1),
                "CreatedDate", Instant.parse("2026-03-17T23:59:59Z")));
        store.insert("Task", Map.of("Subject", "thirty ago", "ActivityDate", TODAY.minusDays(30),
                "CreatedDate", Instant.parse("2026-02-16T00:00:00Z")));
        store.insert("Task", Map.of("Subject", "thirty-one ago", "ActivityDate", TODAY.minusDays(31),
                "CreatedDate", Instant.parse("2026-02-15T23:59:59Z")));
        store.insert("Task", Map.of("Subject", "next week", "ActivityDate", TODAY.plusDays(7)));

        assertThat(subjects("ActivityDate = TODAY")).containsExactly("today");
        assertThat(subjects("ActivityDate = YESTERDAY")).containsExactly("yesterday");
        assertThat(subjects("ActivityDate = LAST_N_DAYS:30"))
                .containsExactly("today", "yesterday", "thirty ago");
        assertThat(subjects("ActivityDate < LAST_N_DAYS:30")).containsExactly("thirty-one ago");
        assertThat(subjects("ActivityDate = NEXT_N_DAYS:7")).containsExactly("next week");
        assertThat(subjects("ActivityDate > TODAY")).containsExactly("next week");
        assertThat(subjects("CreatedDate = LAST_N_DAYS:30"))
                .containsExactly("today", "yesterday", "thirty ago", "next week");
        assertThat(subjects("CreatedDate = TODAY")).containsExactly("today", "next week");
        assertThat(subjects("CreatedDate < 2026-02-16T00:00:00Z")).containsExactly("thirty-one ago");
        assertThat(subjects("CreatedDate >= 2026-03-17T23:00:00-01:00")).containsExactly("today", "next week");
        assertThat(subjects("ActivityDate >= 2026-03-17 AND ActivityDate <= 2026-03-18"))
                .containsExactly("today", "yesterday");
        assertThat(today).startsWith("00T");
    }

    @Test
    void todayFollowsTheOrgTimeZone() {
        SoqlEvaluator tokyo = new SoqlEvaluator(store, ZoneId.of("Asia/Tokyo"));
        store.insert("Task", Map.of("Subject", "late evening UTC", "CreatedDate",
                Instant.parse("2026-03-18T16:00:00Z")));
        // 16:00Z on the 18th is 01:00 on the 19th in Tokyo, where "today" is still the 18th (19:15 local).
        assertThat(tokyo.run("SELECT Subject FROM Task WHERE CreatedDate = TOMORROW").records()).hasSize(1);
        assertThat(tokyo.run("SELECT Subject FROM Task WHERE CreatedDate = TODAY").records()).isEmpty();
        assertThat(soql.run("SELECT Subject FROM Task WHERE CreatedDate = TODAY").records()).hasSize(1);
    }

    @Test
    void orderByPutsNullsFirstUnlessToldOtherwiseAndIgnoresCase() {
        assertThat(names("ORDER BY Name")).containsExactly("Acme", "globex", "Initech");
        assertThat(names("ORDER BY Type")).containsExactly("Initech", "Acme", "globex");
        assertThat(names("ORDER BY Type DESC")).containsExactly("Initech", "globex", "Acme");
        assertThat(names("ORDER BY Type DESC NULLS LAST")).containsExactly("globex", "Acme", "Initech");
        assertThat(names("ORDER BY AnnualRevenue DESC NULLS LAST LIMIT 2")).containsExactly("Acme", "globex");
        assertThat(names("ORDER BY Name LIMIT 1 OFFSET 1")).containsExactly("globex");
        assertThat(names("ORDER BY Owner.Name NULLS LAST, Name")).containsExactly("globex", "Acme", "Initech");
    }

    @Test
    void countReturnsOnlyTheSize() {
        QueryRows rows = soql.run("SELECT COUNT() FROM Contact WHERE AccountId = '" + acme + "'");
        assertThat(rows.countOnly()).isTrue();
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.records()).isEmpty();
    }

    @Test
    void polymorphicWhatResolvesTheActualParent() {
        String opportunity = (String) store.records("Opportunity").get(0).get("Id");
        store.insert("Task", Map.of("Subject", "on account", "WhatId", acme));
        store.insert("Task", Map.of("Subject", "on opportunity", "WhatId", opportunity));

        QueryRows rows = soql.run("SELECT Subject, What.Type, What.Name, AccountId FROM Task "
                + "WHERE What.Type = 'Opportunity'");
        ResultRecord task = rows.records().get(0);
        assertThat(task.valueAt(List.of("What", "Type")).value()).isEqualTo("Opportunity");
        assertThat(task.valueAt(List.of("What", "Name")).value()).isEqualTo("Renewal");
        assertThat(task.valueAt(List.of("AccountId")).value()).as("derived from the opportunity").isEqualTo(acme);
        ResultRecord what = ((ResultRecord.Parent) task.fields().get(1)).record();
        assertThat(what.type()).isEqualTo("Opportunity");
    }

    @Test
    void accountTasksAreTheTasksWhoseWhatIsTheAccount() {
        store.insert("Task", Map.of("Subject", "Health review", "WhatId", acme, "Status", "Not Started"));
        QueryRows rows = soql.run("SELECT Name, (SELECT Subject, IsClosed FROM Tasks) FROM Account WHERE Id = '"
                + acme + "'");
        ResultRecord.Children tasks = (ResultRecord.Children) rows.records().get(0).fields().get(1);
        assertThat(tasks.records()).singleElement()
                .satisfies(t -> assertThat(t.valueAt(List.of("IsClosed")).value()).isEqualTo(false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT Id, Nmae FROM Account                 | INVALID_FIELD | 1 | 12 | No such column 'Nmae' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
        "SELECT Ownr.Name FROM Account                | INVALID_FIELD | 1 | 8  | Didn't understand relationship 'Ownr' in field path.",
        "SELECT Owner.Manager.Nmae FROM Account       | INVALID_FIELD | 1 | 8  | No such column 'Nmae' on entity 'User'.",
        "SELECT Id FROM Acount                        | INVALID_TYPE  | 1 | 16 | sObject type 'Acount' is not supported.",
        "SELECT Id, (SELECT Id FROM Contactz) FROM Account | INVALID_TYPE | 1 | 28 | Didn't understand relationship 'Contactz' in FROM part of query call.",
        "SELECT Id FROM Opportunity WHERE CloseDate = '2026-01-01' | INVALID_FIELD | 1 | 46 | value of filter criterion for field 'CloseDate' must be of type date and should not be enclosed in quotes",
        "SELECT Id FROM Account WHERE CreatedDate > 2026-01-01    | INVALID_FIELD | 1 | 44 | value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes",
        "SELECT Id FROM Account WHERE Name = 42                   | INVALID_FIELD | 1 | 37 | value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes",
        "SELECT Id FROM Account WHERE AnnualRevenue > '5'         | INVALID_FIELD | 1 | 46 | must be of type double",
        "SELECT Id, Name, Id FROM Account             | MALFORMED_QUERY | 1 | 18 | duplicate field selected: Id",
        "SELECT Id FROM Task WHERE What.Industry = 'x' | INVALID_FIELD | 1 | 27 | No such column 'Industry' on entity 'Name'.",
    })
    void invalidNamesAndTypesFaultLikeTheRealOrg(String soqlText, String code, int row, int column, String reason) {
        assertThatThrownBy(() -> soql.run(soqlText.trim()))
                .isInstanceOfSatisfying(ApiFault.class, fault -> {
                    assertThat(fault.exceptionCode()).isEqualTo(code);
                    assertThat(fault.row()).isEqualTo(row);
                    assertThat(fault.column()).isEqualTo(column);
                    assertThat(fault.exceptionMessage()).contains("ERROR at Row:" + row + ":Column:" + column + "\n")
                            .contains(reason.trim());
                });
    }

    @Test
    void faultKindsMatchTheWsdlFaults() {
        assertThatThrownBy(() -> soql.run("SELECT Id FROM Nope__c"))
                .isInstanceOfSatisfying(ApiFault.class, f -> assertThat(f.kind()).isEqualTo(ApiFault.Kind.INVALID_SOBJECT));
        assertThatThrownBy(() -> soql.run("SELECT Nope__c FROM Account"))
                .isInstanceOfSatisfying(ApiFault.class, f -> assertThat(f.kind()).isEqualTo(ApiFault.Kind.INVALID_FIELD));
    }

    @Test
    void deletedRecordsAreInvisible() {
        store.delete(globex);
        assertThat(names("ORDER BY Name")).containsExactly("Acme", "Initech");
        Map<String, Object> contact = new HashMap<>(store.records("Contact").get(2));
        assertThat(soql.run("SELECT Account.Name FROM Contact WHERE Id = '" + contact.get("Id") + "'").records()
                .get(0).valueAt(List.of("Account", "Name"))).isNull();
    }

    private List<Object> subjects(String where) {
        return soql.run("SELECT Subject FROM Task WHERE " + where).records().stream()
                .map(r -> r.valueAt(List.of("Subject")).value()).toList();
    }

    private List<Object> names(String orderBy) {
        return soql.run("SELECT Name FROM Account " + orderBy).records().stream()
                .map(r -> r.valueAt(List.of("Name")).value()).toList();
    }
}
