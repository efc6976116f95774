package io.healthscore.domain.model;

import java.util.Locale;
import java.util.Set;

/**
 * Measurement settings shared by the signals.
 *
 * @param meaningfulTouchTypes    activity types that count as a meaningful CSM touch (lower case)
 * @param conversationHalfLifeDays half-life of a conversation's weight in the sentiment and risk signals
 * @param lookbackDays            window for case, touch and stakeholder signals
 */
public record ActivitySettings(Set<String> meaningfulTouchTypes, double conversationHalfLifeDays, int lookbackDays) {

    public ActivitySettings {
        meaningfulTouchTypes = meaningfulTouchTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean meaningful(String touchType) {
        if (touchType == null) {
            return false;
        }
        // activity types arrive trimmed and lower case (see Touch)
        return meaningfulTouchTypes.contains(touchType);
    }
}
