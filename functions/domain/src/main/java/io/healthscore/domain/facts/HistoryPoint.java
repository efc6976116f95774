package io.healthscore.domain.facts;

import java.time.LocalDate;

/** One past score, as kept in the compact sparkline history. */
public record HistoryPoint(LocalDate scoredOn, int score) {
}
