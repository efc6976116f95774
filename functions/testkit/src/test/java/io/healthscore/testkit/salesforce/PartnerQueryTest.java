package io.healthscore.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidQueryLocatorFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerQueryTest {
    private SalesforceOrgEmulator org;
    private PartnerConnection connection;

    @BeforeEach
    void start() {
        org = TestOrgs.start();
        connection = ForceClients.partner(org);
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void parentFieldsAndChildSubqueriesParseIntoNestedSObjects() throws Exception {
        String manager = org.insert("User", Map.of("Username", "mia@healthscore.test", "FirstName", "Mia",
                "LastName", "Manager", "Email", "mia.manager@example.com"));
        String owner = org.insert("User", Map.of("Username", "olivia@healthscore.test", "FirstName", "Olivia",
                "LastName", "Owner", "ManagerId", manager));
        String acme = org.insert("Account", Map.of("Name", "Acme Analytics", "AnnualRevenue", 12_000_000,
                "NumberOfEmployees", 250, "OwnerId", owner));
        org.insert("Contact", Map.of("FirstName", "Ada", "LastName", "Lovelace", "AccountId", acme,
                "Email", "ada@example.com"));
        org.insert("Contact", Map.of("FirstName", "Alan", "LastName", "Turing", "AccountId", acme));
        org.insert("Opportunity", Map.of("Name", "Renewal 2026", "StageName", "Prospecting",
                "CloseDate", LocalDate.parse("2026-06-30"), "Amount", 48_000, "AccountId", acme));

        QueryResult result = connection.query("SELECT Id, Name, Type, AnnualRevenue, NumberOfEmployees, Owner.Name, "
                + "Owner.ManagerId, Owner.Manager.Email, (SELECT Id, Name, Email FROM Contacts ORDER BY LastName), "
                + "(SELECT Amount, CloseDate FROM Opportunities), (SELECT Id FROM Cases) FROM Account");

        assertThat(result.isDone()).isTrue();
        assertThat(result.getQueryLocator()).isNull();
        assertThat(result.getSize()).isEqualTo(1);
        SObject account = result.getRecords()[0];
        assertThat(account.getType()).isEqualTo("Account");
        assertThat(account.getId()).isEqualTo(acme);
        assertThat(account.getField("Name")).isEqualTo("Acme Analytics");
        assertThat(account.getField("Type")).isNull();
        assertThat(account.getField("AnnualRevenue")).isEqualTo("1.2E7");
        assertThat(account.getField("NumberOfEmployees")).isEqualTo("250");

        XmlObject ownerObject = account.getChild("Owner");
        assertThat(ownerObject).isInstanceOf(SObject.class);
        SObject ownerRecord = (SObject) ownerObject;
        assertThat(ownerRecord.getType()).isEqualTo("User");
        assertThat(ownerRecord.getField("Name")).isEqualTo("Olivia Owner");
        assertThat(ownerRecord.getField("ManagerId")).isEqualTo(manager);
        assertThat(ownerRecord.getChild("Manager")).isInstanceOf(SObject.class);
        assertThat(ownerRecord.getChild("Manager").getField("Email")).isEqualTo("mia.manager@example.com");

        List<XmlObject> contacts = childRecords(account, "Contacts");
        assertThat(contacts).extracting(c -> c.getField("Name")).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(contacts.get(1).getField("Email")).isNull();
        assertThat(account.getChild("Contacts").getField("size")).isEqualTo("2");
        assertThat(childRecords(account, "Opportunities")).singleElement()
                .satisfies(o -> assertThat(o.getField("Amount")).isEqualTo("48000.0"))
                .satisfies(o -> assertThat(o.getField("CloseDate")).isEqualTo("2026-06-30"));
        assertThat(account.getChild("Cases").getValue()).isNull();
        assertThat(account.getChild("Cases").hasChildren()).isFalse();
    }

    @Test
    void queryMorePagesThroughFiveThousandRecordsInBatchesOfTwoThousand() throws Exception {
        for (int i = 0; i < 5_000; i++) {
            org.insert("Account", Map.of("Name", String.format("Account %05d", i)));
        }
        connection.setQueryOptions(2000);

        QueryResult page = connection.query("SELECT Id, Name FROM Account ORDER BY Name");
        List<String> names = new ArrayList<>();
        List<String> locators = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        while (true) {
            assertThat(page.getSize()).isEqualTo(5_000);
            pageSizes.add(page.getRecords().length);
            for (SObject record : page.getRecords()) {
                names.add((String) record.getField("Name"));
            }
            if (page.isDone()) {
                assertThat(page.getQueryLocator()).isNull();
                break;
            }
            locators.add(page.getQueryLocator());
            page = connection.queryMore(page.getQueryLocator());
        }

        assertThat(pageSizes).containsExactly(2000, 2000, 1000);
        assertThat(names).hasSize(5_000).isSorted().doesNotHaveDuplicates();
        assertThat(locators).hasSize(2);
        assertThat(locators.get(0)).matches("01g[0-9A-Za-z]{15}-2000");
        assertThat(locators.get(1)).isEqualTo(locators.get(0).replace("-2000", "-4000"));
        assertThat(org.calls().count(ApiOperation.QUERY)).isEqualTo(1);
        assertThat(org.calls().count(ApiOperation.QUERY_MORE)).isEqualTo(2);
    }

    @Test
    void batchSizeDefaultsTo500AndIsClampedTo200Through2000() throws Exception {
        for (int i = 0; i < 2_100; i++) {
            org.insert("Contact", Map.of("LastName", "C" + i));
        }
        assertThat(connection.query("SELECT Id FROM Contact").getRecords()).hasSize(500);
        connection.setQueryOptions(50);
        assertThat(connection.query("SELECT Id FROM Contact").getRecords()).hasSize(200);
        connection.setQueryOptions(5_000);
        assertThat(connection.query("SELECT Id FROM Contact").getRecords()).hasSize(2000);
    }

    @Test
    void locatorsCanBeReplayedUntilExhaustedAndFaultWhenUnknownOrExpired() throws Exception {
        for (int i = 0; i < 450; i++) {
            org.insert("Contact", Map.of("LastName", "C" + i));
        }
        connection.setQueryOptions(200);
        String locator = connection.query("SELECT Id FROM Contact").getQueryLocator();
        assertThat(connection.queryMore(locator).getRecords()).hasSize(200);
        assertThat(connection.queryMore(locator).getRecords()).as("replayed after a lost response").hasSize(200);

        assertThatThrownBy(() -> connection.queryMore("01g8d000000BogusAAA-200"))
                .isInstanceOfSatisfying(InvalidQueryLocatorFault.class, fault -> {
                    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_QUERY_LOCATOR);
                    assertThat(fault.getExceptionMessage()).isEqualTo("invalid query locator");
                });
        org.faults().expireQueryLocators();
        assertThatThrownBy(() -> connection.queryMore(locator)).isInstanceOf(InvalidQueryLocatorFault.class);
    }

    @Test
    void countQueryReportsOnlyTheSize() throws Exception {
        org.insert("Case", Map.of("Subject", "Broken", "Status", "New"));
        org.insert("Case", Map.of("Subject", "Fixed", "Status", "Closed"));
        QueryResult result = connection.query("SELECT COUNT() FROM Case WHERE IsClosed = false");
        assertThat(result.getSize()).isEqualTo(1);
        assertThat(result.getRecords()).isEmpty();
        assertThat(result.isDone()).isTrue();
    }

    @Test
    void dateLiteralsUseTheInjectedClock() throws Exception {
        org.insert("Task", Map.of("Subject", "recent", "ActivityDate", LocalDate.parse("2026-03-01")));
        org.insert("Task", Map.of("Subject", "old", "ActivityDate", LocalDate.parse("2025-12-01")));
        QueryResult result = connection.query("SELECT Subject, CreatedDate FROM Task "
                + "WHERE ActivityDate = LAST_N_DAYS:90");
        assertThat(result.getRecords()).singleElement().satisfies(task -> {
            assertThat(task.getField("Subject")).isEqualTo("recent");
            assertThat(task.getField("CreatedDate")).isEqualTo("2026-03-18T10:15:30.000Z");
        });
    }

    @Test
    void badQueriesSurfaceAsTypedFaults() {
        assertThatThrownBy(() -> connection.query("SELECT Id FROM Account WHERE"))
                .isInstanceOfSatisfying(MalformedQueryFault.class, fault -> {
                    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.MALFORMED_QUERY);
                    assertThat(fault.getExceptionMessage()).endsWith("unexpected token: <EOF>");
                    assertThat(fault.getRow()).isEqualTo(1);
                    assertThat(fault.getColumn()).isEqualTo(29);
                });
        assertThatThrownBy(() -> connection.query("SELECT Id, Healt_Score__c FROM Account"))
                .isInstanceOfSatisfying(InvalidFieldFault.class, fault -> {
                    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
                    assertThat(fault.getExceptionMessage()).contains("No such column 'Healt_Score__c' on entity "
                            + "'Account'");
                    assertThat(fault.getColumn()).isEqualTo(12);
                });
        assertThatThrownBy(() -> connection.query("SELECT Id FROM Health_Score__c"))
                .isInstanceOfSatisfying(InvalidSObjectFault.class, fault ->
                        assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_TYPE));
    }

    private static List<XmlObject> childRecords(SObject parent, String relationship) {
        List<XmlObject> records = new ArrayList<>();
        Iterator<XmlObject> children = parent.getChild(relationship).getChildren("records");
        children.forEachRemaining(records::add);
        return records;
    }
}
