package io.healthscore.domain.facts;

import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;

/** A band set by the CSM with a reason, valid until (and including) its expiry date. The run never writes it. */
public record CsmOverride(Band band, String reason, LocalDate expiresOn) {

    public boolean activeOn(LocalDate date) {
        return band != null && expiresOn != null && !expiresOn.isBefore(date);
    }
}
