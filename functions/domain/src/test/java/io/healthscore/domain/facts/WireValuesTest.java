package io.healthscore.domain.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.healthscore.domain.scoring.Band;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Values read from files and Salesforce picklists. */
class WireValuesTest {

    @ParameterizedTest
    @CsvSource({"smb, SMB", "Mid-Market, MID_MARKET", "mid market, MID_MARKET", "MM, MID_MARKET", "midmarket, MID_MARKET",
            "' Enterprise ', ENTERPRISE"})
    void segments(String text, Segment expected) {
        assertThat(Segment.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownSegmentsAreRefusedWithTheExpectedValues() {
        assertThatThrownBy(() -> Segment.parse("enterprize")).hasMessage(
                "unknown segment 'enterprize' (expected smb, mid_market or enterprise)");
        assertThatThrownBy(() -> Segment.parse(" ")).hasMessageStartingWith("segment is empty");
        assertThat(Segment.MID_MARKET.wireName()).isEqualTo("mid_market");
    }

    @ParameterizedTest
    @CsvSource({"P1, P1", "1, P1", "Critical, P1", "urgent, P1", "High, P2", "2, P2", "medium, P3", "Normal, P3",
            "low, P4", "p4, P4"})
    void priorities(String text, SupportTicket.Priority expected) {
        assertThat(SupportTicket.Priority.parse(text)).isEqualTo(expected);
    }

    @Test
    void unknownPrioritiesAreRefused() {
        assertThatThrownBy(() -> SupportTicket.Priority.parse("P5")).hasMessageContaining("unknown priority 'P5'");
        assertThatThrownBy(() -> SupportTicket.Priority.parse(null)).hasMessageContaining("priority is empty");
    }

    @ParameterizedTest
    @CsvSource(value = {"champion, CHAMPION", "Executive Sponsor, EXECUTIVE_SPONSOR", "exec-sponsor, EXECUTIVE_SPONSOR",
            "sponsor, EXECUTIVE_SPONSOR", "economic buyer, ECONOMIC_BUYER", "'', USER", "NULL, USER"}, nullValues = "NULL")
    void stakeholderRoles(String text, Contact.StakeholderRole expected) {
        assertThat(Contact.StakeholderRole.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"healthy, HEALTHY", "At Risk, AT_RISK", "at-risk, AT_RISK", "INSUFFICIENT_SIGNAL, INSUFFICIENT_SIGNAL"})
    void bands(String text, Band expected) {
        assertThat(Band.parse(text)).isEqualTo(expected);
        assertThat(expected.red()).isEqualTo(expected == Band.AT_RISK || expected == Band.CRITICAL);
    }

    @Test
    void unknownBandsAreRefused() {
        assertThatThrownBy(() -> Band.parse("great")).hasMessage(
                "unknown band 'great' (expected healthy, watching, at_risk, critical or insufficient_signal)");
        assertThat(Band.CRITICAL.red()).isTrue();
        assertThat(Band.WATCHING.red()).isFalse();
    }

    @Test
    void invoiceDaysPastDueAndLateness() {
        java.time.LocalDate d = java.time.LocalDate.of(2026, 6, 17);
        Invoice unpaid = new Invoice("I", d.minusDays(40), d.minusDays(10), null, 1, Invoice.InvoiceStatus.OPEN);
        assertThat(unpaid.daysPastDue(d)).isEqualTo(10);
        assertThat(unpaid.late(d)).isTrue();
        assertThat(unpaid.late(d.minusDays(10))).isFalse(); // due today is not late yet
        Invoice paidLate = new Invoice("I", d.minusDays(40), d.minusDays(10), d.minusDays(5), 1, Invoice.InvoiceStatus.PAID);
        assertThat(paidLate.daysPastDue(d)).isZero();
        assertThat(paidLate.late(d)).isTrue();
        Invoice voided = new Invoice("I", d.minusDays(40), d.minusDays(10), null, 1, Invoice.InvoiceStatus.VOID);
        assertThat(voided.daysPastDue(d)).isZero();
        assertThat(voided.late(d)).isFalse();
    }

    @Test
    void csmOverrideIsActiveThroughItsExpiryDate() {
        java.time.LocalDate d = java.time.LocalDate.of(2026, 6, 17);
        assertThat(new CsmOverride(Band.WATCHING, "r", d).activeOn(d)).isTrue();
        assertThat(new CsmOverride(Band.WATCHING, "r", d.minusDays(1)).activeOn(d)).isFalse();
        assertThat(new CsmOverride(Band.WATCHING, "r", null).activeOn(d)).isFalse();
        assertThat(new CsmOverride(null, "r", d).activeOn(d)).isFalse();
    }
}
