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
        if (meaningfulTouchTypes.contains(touchType)) {
            return true;
        }
        // types from Touch arrive trimmed and lower case; normalise only a type that is not
        for (int i = 0; i < touchType.length(); i++) {
            char c = touchType.charAt(i);
            if (Character.isUpperCase(c) || Character.isWhitespace(c)) {
                return meaningfulTouchTypes.contains(touchType.trim().toLowerCase(Locale.ROOT));
            }
        }
        return false;
    }
}
