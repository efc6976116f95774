package io.healthscore.domain.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The plain-language sentences drivers are made of. */
class BuiltInSignalTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            seat_utilisation            | 52.38 | Seat utilisation 52 %
            usage_trend                 | -38   | Active users down 38 % over 4 weeks
            usage_trend                 | 12.6  | Active users up 13 % over 4 weeks
            usage_trend                 | 0.4   | Active users flat over 4 weeks
            feature_breadth             | 43.3  | Using 43 % of key features
            days_since_last_active      | 7     | Active in the last week
            days_since_last_active      | 17    | No active users for 17 days
            open_critical_cases         | 0     | No open P1 cases
            open_critical_cases         | 1     | 1 open P1 case
            open_critical_cases         | 3     | 3 open P1 cases
            case_volume_per_seat        | 3     | 3 cases per 100 seats in 90 days
            case_volume_per_seat        | 1.55  | 1.6 cases per 100 seats in 90 days
            csat_trend                  | -0.5  | CSAT down 0.5 points over 90 days
            csat_trend                  | 1     | CSAT up 1 points over 90 days
            csat_trend                  | 0.04  | CSAT steady over 90 days
            reopened_tickets            | 0     | No reopened tickets in 90 days
            reopened_tickets            | 1     | 1 reopened ticket in 90 days
            reopened_tickets            | 2     | 2 reopened tickets in 90 days
            days_past_due               | 0     | Invoices paid on time
            days_past_due               | 45    | Invoice 45 days overdue
            late_invoice_share          | 66.7  | 67 % of invoices paid late in 12 months
            seat_change                 | -20   | Licensed seats down 20 % over 12 weeks
            seat_change                 | 0     | Licensed seats unchanged over 12 weeks
            days_to_renewal             | 23    | Renewal in 23 days
            days_to_renewal             | 1     | Renewal in 1 day
            days_to_renewal             | 0     | Renewal date has passed
            days_to_renewal             | -4    | Renewal date has passed
            days_since_meaningful_touch | 20    | Last meaningful CSM touch 20 days ago
            days_since_meaningful_touch | 365   | No meaningful CSM touch on record
            champion_present            | 1     | Champion in place
            champion_present            | 0     | No champion in place (left or never named)
            executive_sponsor_engaged   | 40    | Executive sponsor last engaged 40 days ago
            executive_sponsor_engaged   | 365   | No engaged executive sponsor
            stakeholders_engaged        | 1     | 1 stakeholder engaged in 90 days
            stakeholders_engaged        | 3     | 3 stakeholders engaged in 90 days
            nps                         | 9     | NPS 9 (promoter)
            nps                         | 8     | NPS 8 (passive)
            nps                         | 3.33  | NPS 3.3 (detractor)
            conversation_sentiment      | -40   | Conversations turned negative or escalated recently
            conversation_sentiment      | -10   | Conversations lean negative recently
            conversation_sentiment      | 25    | Conversations mostly neutral
            conversation_sentiment      | 40    | Conversations consistently positive
            conversation_risk           | 0     | No risk flags in recent conversations
            conversation_risk           | 4.5   | Risk flags raised in recent conversations (weight 4.5)
            expansion_interest          | 1.5   | Expansion interest voiced in recent conversations
            """)
    void describesAValueWithItsNumber(String id, double value, String text) {
        assertThat(BuiltInSignal.byId(id).describe(value)).isEqualTo(text);
    }

    @Test
    void idsAreUniqueAndLookedUpExactly() {
        assertThat(Arrays.stream(BuiltInSignal.values()).map(BuiltInSignal::id)).doesNotHaveDuplicates();
        assertThat(BuiltInSignal.byId("nps")).isEqualTo(BuiltInSignal.NPS);
        assertThat(BuiltInSignal.byId("NPS")).isNull();
        assertThat(BuiltInSignal.byId("seat_utilization")).isNull();
    }
}
