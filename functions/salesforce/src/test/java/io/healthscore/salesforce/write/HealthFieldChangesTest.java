package io.healthscore.salesforce.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.HealthField;
import io.healthscore.domain.scoring.Trend;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The org's text of the health fields against the values a run would write. */
class HealthFieldChangesTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 16);

    static AccountHealth health(int score, List<HistoryPoint> history) {
        return new AccountHealth("001000000000001AAA", "Acme", DAY, "2026.1", score, Band.WATCHING, Band.WATCHING, null,
                0.8, List.of(), List.of(), List.of(), new Trend(Trend.Direction.NEW, null), DAY, null, history, null, 12.5,
                null, null, null);
    }

    /** The text Salesforce returns for what was written: doubles with a decimal point, datetimes with millis. */
    static Map<HealthField, String> asTheOrgReturnsIt(Map<HealthField, Object> written) {
        Map<HealthField, String> text = new EnumMap<>(HealthField.class);
        written.forEach((f, v) -> {
            if (v == null) {
                text.put(f, null);
            } else if (v instanceof Number n) {
                text.put(f, Double.toString(n.doubleValue()));
            } else if (f == HealthField.SCORED_AT) {
                text.put(f, v.toString().replace("Z", ".000Z"));
            } else {
                text.put(f, v.toString());
            }
        });
        return text;
    }

    @Test
    void whatWasWrittenReadsBackAsUnchanged() {
        Map<HealthField, Object> next = HealthFieldChanges.next(health(72, List.of(new HistoryPoint(DAY, 72))));

        assertThat(HealthFieldChanges.changed(asTheOrgReturnsIt(next), next)).isFalse();
    }

    @Test
    void anEmptyHistoryIsWrittenAsNullBecauseSalesforceKeepsNoEmptyStrings() {
        Map<HealthField, Object> next = HealthFieldChanges.next(health(72, List.of()));

        assertThat(next.get(HealthField.HISTORY)).isNull();
        Map<HealthField, String> org = asTheOrgReturnsIt(next);
        assertThat(HealthFieldChanges.changed(org, next)).isFalse();
    }

    @Test
    void aDifferentScoreIsAChangeButTheScoredAtAloneIsNot() {
        Map<HealthField, Object> next = HealthFieldChanges.next(health(72, List.of()));
        Map<HealthField, String> org = asTheOrgReturnsIt(next);

        org.put(HealthField.SCORED_AT, "2026-11-09T00:00:00.000Z");
        assertThat(HealthFieldChanges.changed(org, next)).isFalse();
        org.put(HealthField.SCORE, "71.0");
        assertThat(HealthFieldChanges.changed(org, next)).isTrue();
    }

    @Test
    void anAccountNeverScoredIsChanged() {
        Map<HealthField, Object> next = HealthFieldChanges.next(health(72, List.of()));

        assertThat(HealthFieldChanges.changed(new EnumMap<>(HealthField.class), next)).isTrue();
    }

    @Test
    void bulkErrorTextSplitsIntoCodeAndMessage() {
        assertThat(BulkWrites.splitError("UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--"))
                .containsExactly("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record");
        assertThat(BulkWrites.splitError("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --"))
                .containsExactly("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]:LastName");
        assertThat(TaskWrites.escape("a'b\\c")).isEqualTo("a\\'b\\\\c");
    }
}
