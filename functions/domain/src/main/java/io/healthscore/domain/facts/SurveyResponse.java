package io.healthscore.domain.facts;

import java.time.LocalDate;

/**
 * A survey answer: NPS (0-10) or CSAT (1-5).
 */
public record SurveyResponse(String responseId, LocalDate respondedOn, SurveyType type, double score) {

    public enum SurveyType { NPS, CSAT }
}
