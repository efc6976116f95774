package io.healthscore.formats;

import static io.healthscore.formats.Loaded.reject;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.SurveyResponse;
import io.healthscore.domain.facts.SurveyResponse.SurveyType;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** surveys: NPS answers are 0-10, CSAT answers 1-5. */
class SurveyTableTest {

    private static final String FILE = "surveys.csv";

    @TempDir
    Path dir;

    private Loaded load(String caseFile) {
        return new ExportFolder(dir).valid("crm_accounts.csv").add("cases/surveys/" + caseFile, FILE).load();
    }

    @Test
    void npsAboveTenIsRejected() {
        Loaded loaded = load("nps-out-of-range.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "score", "out_of_range",
                "'score' value 11.0 is outside 0.0-10.0"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.surveys()).containsExactly("acc-1 S-1", "acc-3 S-3");
    }

    @Test
    void csatBelowOneIsRejected() {
        Loaded loaded = load("csat-out-of-range.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "score", "out_of_range",
                "'score' value 0.0 is outside 1.0-5.0"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.surveys()).containsExactly("acc-1 S-1", "acc-3 S-3");
    }

    @Test
    void unknownSurveyTypeIsRejected() {
        Loaded loaded = load("bad-type.csv");

        assertThat(loaded.rejects()).containsExactly(reject(FILE, 2, "type", "bad_survey_type",
                "'type' value 'ces' is not nps or csat"));
        assertThat(loaded.log().total()).isEqualTo(1);
        assertThat(loaded.surveys()).containsExactly("acc-1 S-1", "acc-3 S-3");
    }

    @Test
    void keptResponsesHaveUtcDates() {
        Loaded loaded = new ExportFolder(dir).valid("crm_accounts.csv").valid(FILE).load();

        assertThat(loaded.rejects()).isEmpty();
        // 2026-10-14T01:00:00+02:00 is 2026-10-13T23:00Z
        assertThat(loaded.facts("acc-3").surveys()).containsExactly(
                new SurveyResponse("S-3", LocalDate.of(2026, 10, 13), SurveyType.NPS, 0));
        assertThat(loaded.facts("acc-2").surveys()).containsExactly(
                new SurveyResponse("S-2", LocalDate.of(2026, 10, 12), SurveyType.CSAT, 4.5));
    }
}
