package io.healthscore.domain.model;

import io.healthscore.domain.scoring.Band;

/** Scores from min to max inclusive fall in the band. */
public record BandRange(Band band, int min, int max) {
}
