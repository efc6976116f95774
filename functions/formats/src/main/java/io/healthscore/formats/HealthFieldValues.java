package io.healthscore.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.facts.ConversationSignal;
import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.ConversationSummary;
import io.healthscore.domain.scoring.Driver;
import io.healthscore.domain.scoring.HealthField;
import io.healthscore.domain.scoring.SubScore;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Account health fields as Salesforce stores them: numbers, picklist values, dates and the JSON of
 * the long-text fields (drivers, sub-scores, conversation labels) and the compact history
 * ("2026-08-31:70;2026-09-07:72"). The CSM sidebar reads exactly these shapes; see docs/salesforce-fields.md.
 */
public final class HealthFieldValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthFieldValues() {
    }

    /** Field values for one account, keyed by logical field, in a stable order. */
    public static Map<HealthField, Object> of(AccountHealth h) {
        Map<HealthField, Object> m = new EnumMap<>(HealthField.class);
        m.put(HealthField.SCORE, h.score());
        m.put(HealthField.BAND, h.band().wireName());
        m.put(HealthField.BAND_SINCE, h.bandSince() == null ? null : h.bandSince().toString());
        m.put(HealthField.RED_SINCE, h.redSince() == null ? null : h.redSince().toString());
        m.put(HealthField.TREND, h.trend().direction().wireName());
        m.put(HealthField.SCORE_CHANGE, h.trend().change());
        m.put(HealthField.CONFIDENCE, (int) Math.round(h.confidence() * 100));
        m.put(HealthField.DRIVERS, drivers(h));
        m.put(HealthField.SUB_SCORES, subScores(h));
        m.put(HealthField.HISTORY, history(h));
        m.put(HealthField.CONVERSATION_SIGNALS, conversations(h.conversations()));
        m.put(HealthField.SCORED_AT, h.scoredOn().atStartOfDay().atOffset(ZoneOffset.UTC).toInstant().toString());
        m.put(HealthField.MODEL_VERSION, h.modelVersion());
        m.put(HealthField.EXPANSION_SCORE, h.expansionScore());
        m.put(HealthField.ATTENTION_PRIORITY, h.attentionPriority());
        return m;
    }

    /**
     * True when writing {@code next} would change what the record holds: some field that counts as a
     * change differs. {@code current} holds the values read from Salesforce, in the same forms.
     */
    public static boolean changed(Map<HealthField, Object> current, Map<HealthField, Object> next) {
        for (HealthField f : HealthField.values()) {
            if (f.countsAsChange() && !same(current.get(f), next.get(f))) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Math.abs(x.doubleValue() - y.doubleValue()) < 1e-9;
        }
        return Objects.equals(a, b);
    }

    static String drivers(AccountHealth h) {
        ArrayNode a = JSON.createArrayNode();
        for (Driver d : h.drivers()) {
            ObjectNode o = a.addObject();
            o.put("text", d.text());
            o.put("effect", d.effect().wireName());
            o.put("dimension", d.dimension());
        }
        return write(a);
    }

    static String subScores(AccountHealth h) {
        ArrayNode a = JSON.createArrayNode();
        for (SubScore s : h.subScores()) {
            ObjectNode o = a.addObject();
            o.put("id", s.dimension());
            o.put("label", s.label());
            if (s.score() == null) {
                o.putNull("score");
            } else {
                o.put("score", s.score());
            }
            o.put("weight", Math.round(s.weight() * 10) / 10.0);
        }
        return write(a);
    }

    static String history(AccountHealth h) {
        StringBuilder sb = new StringBuilder();
        for (HistoryPoint p : h.history()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(p.scoredOn()).append(':').append(p.score());
        }
        return sb.toString();
    }

    static String conversations(ConversationSummary c) {
        if (c == null) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("sentiment", c.latestSentiment().name().toLowerCase(Locale.ROOT));
        ArrayNode intents = o.putArray("intents");
        for (ConversationSignal.Intent i : sorted(c.intents(), ConversationSignal.Intent.class)) {
            intents.add(i.name().toLowerCase(Locale.ROOT));
        }
        ArrayNode flags = o.putArray("riskFlags");
        for (ConversationSignal.RiskFlag f : sorted(c.riskFlags(), ConversationSignal.RiskFlag.class)) {
            flags.add(f.name().toLowerCase(Locale.ROOT));
        }
        o.put("conversations", c.conversations());
        o.put("asOf", c.latestOn().toString());
        return write(o);
    }

    /** Enum sets iterate in declaration order, so the JSON is the same on every run. */
    private static <E extends Enum<E>> java.util.EnumSet<E> sorted(java.util.Set<E> set, Class<E> type) {
        return set.isEmpty() ? java.util.EnumSet.noneOf(type) : java.util.EnumSet.copyOf(set);
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render health field JSON", e);
        }
    }
}
