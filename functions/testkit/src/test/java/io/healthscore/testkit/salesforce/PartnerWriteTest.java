package io.healthscore.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import io.healthscore.testkit.salesforce.control.ApiOperation;
import io.healthscore.testkit.salesforce.org.FieldType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerWriteTest {
    private SalesforceOrgEmulator org;
    private PartnerConnection connection;
    private String userId;
    private String acme;

    @BeforeEach
    void start() {
        org = TestOrgs.start();
        connection = ForceClients.partner(org);
        userId = org.userId(TestOrgs.INTEGRATION_USER).orElseThrow();
        acme = org.insert("Account", Map.of("Name", "Acme"));
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void createStoresTypedValuesAndRunsAsTheSessionUser() throws Exception {
        Calendar scoredAt = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        scoredAt.setTimeInMillis(Instant.parse("2026-03-18T09:00:00Z").toEpochMilli());
        SObject task = sObject("Task", Map.of("Subject", "Health review", "WhatId", acme,
                "ActivityDate", LocalDate.parse("2026-03-25").toString(), "Health_Task_Key__c", "acme-2026-03"));
        SObject account = sObject("Account", Map.of("Name", "Globex", "NumberOfEmployees", 120,
                "Health_Score__c", 64.5, "Health_Scored_At__c", scoredAt));

        SaveResult[] results = connection.create(new SObject[] {task, account});

        assertThat(results).allSatisfy(r -> assertThat(r.isSuccess()).isTrue());
        assertThat(results[0].getId()).startsWith("00T").hasSize(18);
        assertThat(results[1].getId()).startsWith("001");
        Map<String, Object> storedTask = org.get(results[0].getId()).orElseThrow();
        assertThat(storedTask).containsEntry("ActivityDate", LocalDate.parse("2026-03-25"))
                .containsEntry("AccountId", acme).containsEntry("OwnerId", userId)
                .containsEntry("CreatedById", userId).containsEntry("CreatedDate", TestOrgs.NOW)
                .containsEntry("IsClosed", false);
        assertThat(org.get(results[1].getId()).orElseThrow())
                .containsEntry("NumberOfEmployees", 120).containsEntry("Health_Score__c", 64.5)
                .containsEntry("Health_Scored_At__c", Instant.parse("2026-03-18T09:00:00Z"));
        assertThat(org.calls().recordsPerCall(ApiOperation.CREATE)).containsExactly(2);
    }

    @Test
    void moreThan200RecordsFaultsTheWholeCall() {
        SObject[] accounts = IntStream.range(0, 201).mapToObj(i -> sObject("Account", Map.of("Name", "A" + i)))
                .toArray(SObject[]::new);

        assertThatThrownBy(() -> connection.create(accounts))
                .isInstanceOfSatisfying(UnexpectedErrorFault.class, fault -> {
                    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.EXCEEDED_ID_LIMIT);
                    assertThat(fault.getExceptionMessage())
                            .isEqualTo("record limit reached. cannot submit more than 200 records into this call");
                });
        assertThat(org.records("Account")).hasSize(1);
        assertThat(org.calls().recordsPerCall(ApiOperation.CREATE)).containsExactly(201);
        assertThatThrownBy(() -> connection.update(accounts)).isInstanceOf(UnexpectedErrorFault.class);
        assertThatThrownBy(() -> connection.upsert("Id", accounts)).isInstanceOf(UnexpectedErrorFault.class);
    }

    @Test
    void perRecordValidationErrorsLeaveTheOtherRecordsSaved() throws Exception {
        SObject noName = sObject("Account", Map.of("Industry", "Retail"));
        SObject derivedField = sObject("Task", Map.of("Subject", "x", "AccountId", acme));
        SObject badNumber = sObject("Account", Map.of("Name", "Bad", "AnnualRevenue", "lots"));
        SObject fine = sObject("Contact", Map.of("LastName", "Lovelace", "AccountId", acme));
        SObject badLookup = sObject("Contact", Map.of("LastName", "Orphan", "AccountId", "0038d000000NopeAAA"));

        SaveResult[] results = connection.create(new SObject[] {noName, derivedField, badNumber, fine, badLookup});

        assertError(results[0], StatusCode.REQUIRED_FIELD_MISSING, "Required fields are missing: [Name]", "Name");
        assertError(results[1], StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE, "Unable to create/update fields: "
                + "AccountId. Please check the security settings of this field and verify that it is read/write for "
                + "your profile or permission set.", "AccountId");
        assertError(results[2], StatusCode.INVALID_TYPE_ON_FIELD_IN_RECORD,
                "AnnualRevenue: value not of required type: lots", "AnnualRevenue");
        assertThat(results[3].isSuccess()).isTrue();
        assertError(results[4], StatusCode.FIELD_INTEGRITY_EXCEPTION,
                "AccountId: id value of incorrect type: 0038d000000NopeAAA", "AccountId");
        assertThat(results[0].getId()).isNull();
        assertThat(org.records("Contact")).hasSize(1);
    }

    @Test
    void unknownFieldsAndObjectsFaultTheWholeCall() {
        assertThatThrownBy(() -> connection.create(new SObject[] {sObject("Account", Map.of("Name", "A",
                "Health_Scroe__c", 1.0))}))
                .isInstanceOfSatisfying(InvalidFieldFault.class, fault -> {
                    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
                    assertThat(fault.getExceptionMessage()).startsWith("No such column 'Health_Scroe__c' on "
                            + "entity 'Account'.");
                });
        assertThatThrownBy(() -> connection.update(new SObject[] {sObject("Health_Score__c", Map.of())}))
                .isInstanceOfSatisfying(InvalidSObjectFault.class, fault ->
                        assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_TYPE));
    }

    @Test
    void updateWritesValuesNullsFieldsAndReportsDeletedRecords() throws Exception {
        org.update(acme, Map.of("Industry", "Retail"));
        String gone = org.insert("Account", Map.of("Name", "Gone"));
        org.delete(gone);
        SObject change = sObject("Account", Map.of("Health_Score__c", 42.0, "Health_Band__c", "Red"));
        change.setId(acme);
        change.setFieldsToNull(new String[] {"Industry"});
        SObject deleted = sObject("Account", Map.of("Health_Score__c", 1.0));
        deleted.setId(gone);
        SObject wrongType = sObject("Account", Map.of("Health_Score__c", 1.0));
        wrongType.setId("0038d000000NopeAAA");
        SObject noId = sObject("Account", Map.of("Health_Score__c", 1.0));

        SaveResult[] results = connection.update(new SObject[] {change, deleted, wrongType, noId});

        assertThat(results[0].isSuccess()).isTrue();
        assertThat(results[0].getId()).isEqualTo(acme);
        assertError(results[1], StatusCode.ENTITY_IS_DELETED, "entity is deleted");
        assertError(results[2], StatusCode.MALFORMED_ID, "Account ID: id value of incorrect type: 0038d000000NopeAAA",
                "Id");
        assertError(results[3], StatusCode.MISSING_ARGUMENT, "Id not specified in an update call");
        Map<String, Object> stored = org.get(acme).orElseThrow();
        assertThat(stored).containsEntry("Health_Score__c", 42.0).containsEntry("Health_Band__c", "Red")
                .containsEntry("Industry", null).containsEntry("LastModifiedById", userId);
        assertThat(org.calls().recordsPerCall(ApiOperation.UPDATE)).containsExactly(4);
    }

    @Test
    void injectedRowLocksFailTheChosenRecordsForTheNextAttempts() throws Exception {
        String globex = org.insert("Account", Map.of("Name", "Globex"));
        org.faults().lockRows(2, acme);
        SObject[] batch = {score(acme, 70), score(globex, 80)};

        SaveResult[] first = connection.update(batch);
        assertError(first[0], StatusCode.UNABLE_TO_LOCK_ROW, "unable to obtain exclusive access to this record");
        assertThat(first[1].isSuccess()).isTrue();
        assertThat(connection.update(new SObject[] {score(acme, 71)})[0].isSuccess()).isFalse();
        assertThat(connection.update(new SObject[] {score(acme, 72)})[0].isSuccess()).isTrue();
        assertThat(org.get(acme).orElseThrow()).containsEntry("Health_Score__c", 72.0);
    }

    @Test
    void injectedValidationRuleRejectsTheRecordUntilCleared() throws Exception {
        org.faults().rejectWithValidationRule("Health score cannot drop by more than 50 points", acme);
        assertError(connection.update(new SObject[] {score(acme, 10)})[0],
                StatusCode.FIELD_CUSTOM_VALIDATION_EXCEPTION, "Health score cannot drop by more than 50 points");
        org.faults().clear();
        assertThat(connection.update(new SObject[] {score(acme, 10)})[0].isSuccess()).isTrue();
    }

    @Test
    void upsertCreatesOrUpdatesByExternalIdAndReportsDuplicates() throws Exception {
        String existing = org.insert("Task", Map.of("Subject", "old", "Health_Task_Key__c", "acme-q1"));
        SObject update = sObject("Task", Map.of("Health_Task_Key__c", "ACME-Q1", "Subject", "updated"));
        SObject insert = sObject("Task", Map.of("Health_Task_Key__c", "acme-q2", "Subject", "new", "WhatId", acme));
        SObject dupA = sObject("Task", Map.of("Health_Task_Key__c", "acme-q3", "Subject", "a"));
        SObject dupB = sObject("Task", Map.of("Health_Task_Key__c", "acme-q3", "Subject", "b"));
        SObject noKey = sObject("Task", Map.of("Subject", "no key"));

        UpsertResult[] results = connection.upsert("Health_Task_Key__c",
                new SObject[] {update, insert, dupA, dupB, noKey});

        assertThat(results[0].isSuccess()).isTrue();
        assertThat(results[0].isCreated()).isFalse();
        assertThat(results[0].getId()).isEqualTo(existing);
        assertThat(results[1].isSuccess()).isTrue();
        assertThat(results[1].isCreated()).isTrue();
        for (UpsertResult duplicate : List.of(results[2], results[3])) {
            assertThat(duplicate.isSuccess()).isFalse();
            assertThat(duplicate.isCreated()).isFalse();
            assertThat(duplicate.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
            assertThat(duplicate.getErrors()[0].getMessage()).isEqualTo("Duplicate external id specified: acme-q3");
        }
        assertThat(results[4].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.MISSING_ARGUMENT);
        assertThat(org.get(existing).orElseThrow()).containsEntry("Subject", "updated");
        assertThat(org.records("Task")).hasSize(2);
    }

    @Test
    void uniqueFieldsRejectDuplicateValues() throws Exception {
        org.insert("Task", Map.of("Subject", "first", "Health_Task_Key__c", "k-1"));
        SaveResult result = connection.create(new SObject[] {sObject("Task", Map.of("Health_Task_Key__c", "K-1"))})[0];
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
        assertThat(result.getErrors()[0].getMessage())
                .matches("duplicate value found: Health_Task_Key__c duplicates value on record with id: 00T\\w{15}");
    }

    @Test
    void nonUniqueExternalIdMatchingTwoRecordsIsADuplicateExternalId() throws Exception {
        org.declareExternalId("Account", "Legacy_Id__c", FieldType.STRING, false);
        String first = org.insert("Account", Map.of("Name", "A", "Legacy_Id__c", "L-1"));
        String second = org.insert("Account", Map.of("Name", "B", "Legacy_Id__c", "L-1"));

        UpsertResult result = connection.upsert("Legacy_Id__c",
                new SObject[] {sObject("Account", Map.of("Legacy_Id__c", "L-1", "Name", "C"))})[0];

        assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_EXTERNAL_ID);
        assertThat(result.getErrors()[0].getMessage()).isEqualTo(
                "Legacy_Id__c: more than one record found for external id field: [" + first + ", " + second + "]");
    }

    @Test
    void upsertKeyMustBeAnExternalIdField() {
        assertThatThrownBy(() -> connection.upsert("Subject", new SObject[] {sObject("Task", Map.of("Subject", "x"))}))
                .isInstanceOfSatisfying(InvalidFieldFault.class, fault -> assertThat(fault.getExceptionMessage())
                        .isEqualTo("Field name provided, Subject is not an External ID or indexed field for Task"));
    }

    @Test
    void allOrNoneRollsBackEveryRecordWhenOneFails() throws Exception {
        connection.setAllOrNoneHeader(true);
        SaveResult[] results = connection.create(new SObject[] {
            sObject("Contact", Map.of("LastName", "Kept?", "AccountId", acme)),
            sObject("Contact", Map.of("FirstName", "No last name"))});

        assertError(results[0], StatusCode.ALL_OR_NONE_OPERATION_ROLLED_BACK, "Record rolled back because not all "
                + "records were valid and the request was using AllOrNone header");
        assertThat(results[1].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
        assertThat(org.records("Contact")).isEmpty();
    }

    @Test
    void deleteMarksRecordsDeleted() throws Exception {
        DeleteResult[] first = connection.delete(new String[] {acme});
        assertThat(first[0].isSuccess()).isTrue();
        DeleteResult[] again = connection.delete(new String[] {acme});
        assertThat(again[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_DELETED);
        assertThat(org.get(acme)).isEmpty();
    }

    private static SObject score(String accountId, double score) {
        SObject account = sObject("Account", Map.of("Health_Score__c", score));
        account.setId(accountId);
        return account;
    }

    static SObject sObject(String type, Map<String, Object> fields) {
        SObject record = new SObject(type);
        fields.forEach(record::setField);
        return record;
    }

    private static void assertError(SaveResult result, StatusCode code, String message, String... fields) {
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getId()).isNull();
        Error error = result.getErrors()[0];
        assertThat(error.getStatusCode()).isEqualTo(code);
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.getFields()).containsExactly(fields);
    }
}
