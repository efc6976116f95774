package io.healthscore.salesforce.write;

import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.HealthField;
import io.healthscore.formats.HealthFieldValues;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Change detection against what the org held at pull time. The next values are {@link HealthFieldValues#of}; the
 * org's text is brought into the same forms before {@link HealthFieldValues#changed} compares them: numbers as
 * numbers ({@code 72.0} equals {@code 72}), datetimes as instants ({@code ...00.000Z} equals {@code ...00Z}), and an
 * empty string as null (Salesforce stores no empty strings).
 */
final class HealthFieldChanges {

    private HealthFieldChanges() {
    }

    static Map<HealthField, Object> next(AccountHealth h) {
        Map<HealthField, Object> values = new EnumMap<>(HealthField.class);
        for (Map.Entry<HealthField, Object> e : HealthFieldValues.of(h).entrySet()) {
            Object v = e.getValue();
            values.put(e.getKey(), v instanceof String s && s.isEmpty() ? null : v);
        }
        return values;
    }

    static boolean changed(Map<HealthField, String> orgText, Map<HealthField, Object> next) {
        return HealthFieldValues.changed(current(orgText, next), next);
    }

    static Map<HealthField, Object> current(Map<HealthField, String> orgText, Map<HealthField, Object> next) {
        Map<HealthField, Object> current = new EnumMap<>(HealthField.class);
        for (HealthField f : HealthField.values()) {
            current.put(f, comparable(orgText.get(f), next.get(f)));
        }
        return current;
    }

    private static Object comparable(String text, Object next) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (next instanceof Number) {
            try {
                return Double.valueOf(text.trim());
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (next instanceof String s && s.length() > 10 && s.indexOf('T') == 10) {
            try {
                Instant.parse(s);
                return OffsetDateTime.parse(text.trim()).toInstant().toString();
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }
}
