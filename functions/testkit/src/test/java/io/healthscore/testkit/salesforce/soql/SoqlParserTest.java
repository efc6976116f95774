package io.healthscore.testkit.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.healthscore.testkit.salesforce.org.ApiFault;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.And;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Comparison;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.FieldPath;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.InList;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Literal;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Not;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Or;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.SubQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoqlParserTest {

    @Test
    void parsesTheAdapterAccountQuery() {
        SoqlQuery query = SoqlParser.parse("""
                SELECT Id, Name, Owner.Name, Owner.ManagerId, Owner.Manager.Email,
                       (SELECT Id, Email FROM Contacts WHERE Email != null ORDER BY LastName LIMIT 5),
                       (SELECT Id, Amount FROM Opportunities WHERE IsClosed = false)
                FROM Account
                WHERE (Type IN ('Customer', 'Partner') OR AnnualRevenue >= 1.5e6) AND NOT Name LIKE 'Test%'
                ORDER BY Name DESC NULLS LAST, Id
                LIMIT 200 OFFSET 10""".replace("1.5e6", "1500000"));

        assertThat(query.from()).isEqualTo("Account");
        assertThat(query.select()).hasSize(7);
        assertThat(((FieldPath) query.select().get(4)).parts()).containsExactly("Owner", "Manager", "Email");
        SubQuery contacts = (SubQuery) query.select().get(5);
        assertThat(contacts.query().from()).isEqualTo("Contacts");
        assertThat(contacts.query().limit()).isEqualTo(5);
        And where = (And) query.where();
        assertThat(where.terms().get(0)).isInstanceOf(Or.class);
        assertThat(((Or) where.terms().get(0)).terms().get(0)).isInstanceOf(InList.class);
        assertThat(where.terms().get(1)).isInstanceOf(Not.class);
        assertThat(query.orderBy()).hasSize(2);
        assertThat(query.orderBy().get(0).descending()).isTrue();
        assertThat(query.orderBy().get(0).nullsLast()).isTrue();
        assertThat(query.limit()).isEqualTo(200);
        assertThat(query.offset()).isEqualTo(10);
    }

    @Test
    void parsesLiteralKinds() {
        SoqlQuery query = SoqlParser.parse("SELECT Id FROM Task WHERE ActivityDate = LAST_N_DAYS:30 AND "
                + "CreatedDate > 2026-01-01T00:00:00Z AND CloseDate <= 2026-02-01 AND IsClosed = TRUE AND "
                + "Subject = 'It\\'s done' AND WhoId = null AND Amount > -2.5");
        And where = (And) query.where();
        assertThat(where.terms()).extracting(term -> ((Comparison) term).value().kind()).containsExactly(
                Literal.Kind.DATE_LITERAL, Literal.Kind.DATETIME, Literal.Kind.DATE, Literal.Kind.BOOLEAN,
                Literal.Kind.STRING, Literal.Kind.NULL, Literal.Kind.NUMBER);
        Comparison lastDays = (Comparison) where.terms().get(0);
        assertThat(lastDays.value().text()).isEqualTo("LAST_N_DAYS");
        assertThat(lastDays.value().n()).isEqualTo(30);
        assertThat(((Comparison) where.terms().get(4)).value().text()).isEqualTo("It's done");
    }

    @Test
    void parsesCountAndNotIn() {
        SoqlQuery query = SoqlParser.parse("select count() from Contact where AccountId not in ('001A', '001B')");
        assertThat(query.select()).singleElement().isInstanceOf(SoqlQuery.CountAll.class);
        assertThat(((InList) query.where()).negated()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT Id FRM Account                                   | unexpected token: FRM     | 1 | 11",
        "SELECT Id, FROM Account                                 | unexpected token: FROM    | 1 | 12",
        "SELECT Id FROM Account WHERE                            | unexpected token: <EOF>   | 1 | 29",
        "SELECT Id FROM Account WHERE A = 1 AND B = 2 OR C = 3   | unexpected token: OR      | 1 | 46",
        "SELECT Id FROM Account LIMIT ten                        | unexpected token: ten     | 1 | 30",
        "SELECT Id FROM Account WHERE Name = 'open               | unexpected token: <EOF>   | 1 | 37",
        "SELECT Id FROM Account WHERE Name ==  'x'               | unexpected token: =       | 1 | 36",
        "SELECT Id, Id AS other FROM Account                     | unexpected token: AS      | 1 | 15",
    })
    void malformedQueriesFaultWithTheRealMessageShape(String soql, String reason, int row, int column) {
        assertThatThrownBy(() -> SoqlParser.parse(soql.trim()))
                .isInstanceOfSatisfying(ApiFault.class, fault -> {
                    assertThat(fault.exceptionCode()).isEqualTo("MALFORMED_QUERY");
                    assertThat(fault.kind()).isEqualTo(ApiFault.Kind.MALFORMED_QUERY);
                    assertThat(fault.row()).isEqualTo(row);
                    assertThat(fault.column()).isEqualTo(column);
                    assertThat(fault.exceptionMessage()).isEqualTo("\n" + soql.trim() + "\n"
                            + " ".repeat(column - 1) + "^\nERROR at Row:" + row + ":Column:" + column + "\n" + reason);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry | COUNT() in the SELECT list",
        "SELECT Id FROM Account GROUP BY Industry                  | the GROUP clause",
        "SELECT Id FROM Account WITH SECURITY_ENFORCED             | the WITH clause",
        "SELECT Id FROM Contact WHERE AccountId IN (SELECT Id FROM Account) | semi-join",
        "SELECT Id FROM Account WHERE CreatedDate = LAST_N_WEEKS:2 | the date literal LAST_N_WEEKS",
        "SELECT Id, (SELECT Id, (SELECT Id FROM Tasks) FROM Contacts) FROM Account | unexpected token: (",
    })
    void unsupportedSyntaxIsNamedInTheFault(String soql, String named) {
        assertThatThrownBy(() -> SoqlParser.parse(soql.trim()))
                .isInstanceOfSatisfying(ApiFault.class, fault -> {
                    assertThat(fault.exceptionCode()).isEqualTo("MALFORMED_QUERY");
                    assertThat(fault.exceptionMessage()).contains(named);
                });
    }

    @Test
    void reportsRowAndColumnOnLaterLines() {
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id\nFROM Account\nWHERE Name = = 'x'"))
                .isInstanceOfSatisfying(ApiFault.class, fault -> {
                    assertThat(fault.row()).isEqualTo(3);
                    assertThat(fault.column()).isEqualTo(14);
                    assertThat(fault.exceptionMessage()).startsWith("\nWHERE Name = = 'x'\n             ^\n");
                });
    }
}
