package io.healthscore.bedrock;

import io.healthscore.bedrock.AnswerProblem.Code;
import io.healthscore.domain.conversations.Evidence;
import io.healthscore.domain.facts.ConversationSignal.Intent;
import io.healthscore.domain.facts.ConversationSignal.RiskFlag;
import io.healthscore.domain.facts.ConversationSignal.Sentiment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.core.document.Document;

/**
 * Checks a tool answer in code, whatever the model was told: the object has exactly the schema's fields; sentiment,
 * intents and risk flags are known values without duplicates; confidence is a number in [0, 1]; evidence has at most
 * {@link SignalTool#MAX_EVIDENCE} distinct spans, each a known label the answer actually gives, with integer offsets
 * inside the sent transcript, not on the omission marker, at most {@link SignalTool#MAX_SPAN_CHARS} long and holding
 * at least one letter or digit; every intent and risk flag has at least one span. The answer is accepted whole or not
 * at all.
 */
public final class AnswerValidator {

    private static final Set<String> FIELDS = Set.of(SignalTool.SENTIMENT, SignalTool.INTENTS, SignalTool.RISK_FLAGS,
            SignalTool.CONFIDENCE, SignalTool.EVIDENCE);
    private static final Set<String> SPAN_FIELDS = Set.of(SignalTool.LABEL, SignalTool.START, SignalTool.END);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    /** The outcome: an answer, or the problems found (never both). */
    public record Result(ValidatedAnswer answer, List<AnswerProblem> problems) {

        public boolean valid() {
            return answer != null;
        }
    }

    private AnswerValidator() {
    }

    public static Result validate(Document input, TranscriptWindow window) {
        List<AnswerProblem> problems = new ArrayList<>();
        if (input == null || !input.isMap()) {
            problems.add(new AnswerProblem(Code.WRONG_TYPE, "input", "an object is required"));
            return new Result(null, problems);
        }
        Map<String, Document> m = input.asMap();
        long unexpected = m.keySet().stream().filter(k -> !FIELDS.contains(k)).count();
        if (unexpected > 0) {
            problems.add(new AnswerProblem(Code.UNEXPECTED_FIELD, "input", unexpected + " unexpected"));
        }
        Sentiment sentiment = sentiment(m.get(SignalTool.SENTIMENT), problems);
        EnumSet<Intent> intents = EnumSet.noneOf(Intent.class);
        values(m.get(SignalTool.INTENTS), SignalTool.INTENTS, Intent.class, intents, problems);
        EnumSet<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
        values(m.get(SignalTool.RISK_FLAGS), SignalTool.RISK_FLAGS, RiskFlag.class, flags, problems);
        double confidence = confidence(m.get(SignalTool.CONFIDENCE), problems);
        List<Evidence> evidence = evidence(m.get(SignalTool.EVIDENCE), window, sentiment, intents, flags, problems);

        Set<String> backed = new HashSet<>();
        evidence.forEach(e -> backed.add(e.label()));
        for (Intent i : intents) {
            requireEvidence(backed, SignalTool.INTENT_PREFIX + SignalTool.wireName(i), SignalTool.INTENTS, problems);
        }
        for (RiskFlag f : flags) {
            requireEvidence(backed, SignalTool.RISK_FLAG_PREFIX + SignalTool.wireName(f), SignalTool.RISK_FLAGS, problems);
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new ValidatedAnswer(sentiment, intents, flags, confidence, evidence), List.of());
    }

    private static void requireEvidence(Set<String> backed, String label, String field, List<AnswerProblem> problems) {
        if (!backed.contains(label)) {
            problems.add(new AnswerProblem(Code.MISSING_EVIDENCE, field, label + " has no valid span"));
        }
    }

    private static Sentiment sentiment(Document d, List<AnswerProblem> problems) {
        String path = SignalTool.SENTIMENT;
        if (d == null || d.isNull()) {
            problems.add(new AnswerProblem(Code.MISSING_FIELD, path, null));
            return null;
        }
        if (!d.isString()) {
            problems.add(new AnswerProblem(Code.WRONG_TYPE, path, "a string is required"));
            return null;
        }
        Sentiment s = enumValue(Sentiment.class, d.asString());
        if (s == null) {
            problems.add(new AnswerProblem(Code.UNKNOWN_VALUE, path, "allowed: " + String.join(", ", SignalTool.sentiments())));
        }
        return s;
    }

    private static <E extends Enum<E>> void values(Document d, String path, Class<E> type, Set<E> out,
                                                   List<AnswerProblem> problems) {
        if (d == null || d.isNull()) {
            problems.add(new AnswerProblem(Code.MISSING_FIELD, path, "use an empty list for none"));
            return;
        }
        if (!d.isList()) {
            problems.add(new AnswerProblem(Code.WRONG_TYPE, path, "a list is required"));
            return;
        }
        List<Document> items = d.asList();
        int max = type.getEnumConstants().length;
        if (items.size() > max) {
            problems.add(new AnswerProblem(Code.TOO_MANY, path, items.size() + " given, at most " + max));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            Document item = items.get(i);
            String itemPath = path + "[" + i + "]";
            if (item == null || !item.isString()) {
                problems.add(new AnswerProblem(Code.WRONG_TYPE, itemPath, "a string is required"));
                continue;
            }
            E value = enumValue(type, item.asString());
            if (value == null) {
                problems.add(new AnswerProblem(Code.UNKNOWN_VALUE, itemPath, "allowed: "
                        + String.join(", ", Stream.of(type.getEnumConstants()).map(SignalTool::wireName).toList())));
            } else if (!out.add(value)) {
                problems.add(new AnswerProblem(Code.DUPLICATE, itemPath, null));
            }
        }
    }

    private static double confidence(Document d, List<AnswerProblem> problems) {
        String path = SignalTool.CONFIDENCE;
        if (d == null || d.isNull()) {
            problems.add(new AnswerProblem(Code.MISSING_FIELD, path, null));
            return Double.NaN;
        }
        if (!d.isNumber()) {
            problems.add(new AnswerProblem(Code.WRONG_TYPE, path, "a number is required"));
            return Double.NaN;
        }
        BigDecimal v = number(d);
        if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            problems.add(new AnswerProblem(Code.OUT_OF_RANGE, path, "must be 0 to 1"));
            return Double.NaN;
        }
        return v.doubleValue();
    }

    private static List<Evidence> evidence(Document d, TranscriptWindow window, Sentiment sentiment, Set<Intent> intents,
                                           Set<RiskFlag> flags, List<AnswerProblem> problems) {
        String path = SignalTool.EVIDENCE;
        List<Evidence> out = new ArrayList<>();
        if (d == null || d.isNull()) {
            problems.add(new AnswerProblem(Code.MISSING_FIELD, path, "use an empty list for none"));
            return out;
        }
        if (!d.isList()) {
            problems.add(new AnswerProblem(Code.WRONG_TYPE, path, "a list is required"));
            return out;
        }
        List<Document> items = d.asList();
        if (items.size() > SignalTool.MAX_EVIDENCE) {
            problems.add(new AnswerProblem(Code.TOO_MANY, path, items.size() + " given, at most " + SignalTool.MAX_EVIDENCE));
            return out;
        }
        Set<String> labels = Set.copyOf(SignalTool.evidenceLabels());
        Set<String> seen = new LinkedHashSet<>();
        String text = window.sent();
        for (int i = 0; i < items.size(); i++) {
            String p = path + "[" + i + "]";
            Document item = items.get(i);
            if (item == null || !item.isMap()) {
                problems.add(new AnswerProblem(Code.WRONG_TYPE, p, "an object with label, start and end is required"));
                continue;
            }
            Map<String, Document> span = item.asMap();
            long unexpected = span.keySet().stream().filter(k -> !SPAN_FIELDS.contains(k)).count();
            if (unexpected > 0) {
                problems.add(new AnswerProblem(Code.UNEXPECTED_FIELD, p, unexpected + " unexpected"));
            }
            Document labelDoc = span.get(SignalTool.LABEL);
            String label = null;
            if (labelDoc == null || labelDoc.isNull()) {
                problems.add(new AnswerProblem(Code.MISSING_FIELD, p + ".label", null));
            } else if (!labelDoc.isString()) {
                problems.add(new AnswerProblem(Code.WRONG_TYPE, p + ".label", "a string is required"));
            } else if (!labels.contains(labelDoc.asString())) {
                problems.add(new AnswerProblem(Code.UNKNOWN_VALUE, p + ".label",
                        "use intent:<intent>, risk_flag:<flag> or sentiment:<sentiment>"));
            } else {
                label = labelDoc.asString();
                if (!given(label, sentiment, intents, flags)) {
                    problems.add(new AnswerProblem(Code.UNSUPPORTED_EVIDENCE, p + ".label", label + " is not in the answer"));
                    label = null;
                }
            }
            Integer start = offset(span.get(SignalTool.START), p + ".start", problems);
            Integer end = offset(span.get(SignalTool.END), p + ".end", problems);
            if (start == null || end == null) {
                continue;
            }
            if (start < 0 || end > text.length() || start >= end) {
                problems.add(new AnswerProblem(Code.SPAN_OUTSIDE_TEXT, p, "start " + start + ", end " + end
                        + "; need 0 <= start < end <= " + text.length()));
                continue;
            }
            if (end - start > SignalTool.MAX_SPAN_CHARS) {
                problems.add(new AnswerProblem(Code.SPAN_TOO_LONG, p, (end - start) + " characters"));
                continue;
            }
            if (window.touchesMarker(start, end)) {
                problems.add(new AnswerProblem(Code.SPAN_ON_MARKER, p, null));
                continue;
            }
            if (!hasWord(text, start, end)) {
                problems.add(new AnswerProblem(Code.SPAN_EMPTY, p, null));
                continue;
            }
            if (label == null) {
                continue;
            }
            if (!seen.add(label + "@" + start + ":" + end)) {
                problems.add(new AnswerProblem(Code.DUPLICATE, p, null));
                continue;
            }
            int[] original = window.toOriginal(start, end);
            out.add(new Evidence(label, original[0], original[1]));
        }
        return out;
    }

    private static boolean given(String label, Sentiment sentiment, Set<Intent> intents, Set<RiskFlag> flags) {
        if (label.startsWith(SignalTool.INTENT_PREFIX)) {
            Intent i = enumValue(Intent.class, label.substring(SignalTool.INTENT_PREFIX.length()));
            return i != null && intents.contains(i);
        }
        if (label.startsWith(SignalTool.RISK_FLAG_PREFIX)) {
            RiskFlag f = enumValue(RiskFlag.class, label.substring(SignalTool.RISK_FLAG_PREFIX.length()));
            return f != null && flags.contains(f);
        }
        Sentiment s = enumValue(Sentiment.class, label.substring(SignalTool.SENTIMENT_PREFIX.length()));
        return s != null && s == sentiment;
    }

    private static Integer offset(Document d, String path, List<AnswerProblem> problems) {
        if (d == null || d.isNull()) {
            problems.add(new AnswerProblem(Code.MISSING_FIELD, path, null));
            return null;
        }
        if (!d.isNumber()) {
            problems.add(new AnswerProblem(Code.WRONG_TYPE, path, "an integer is required"));
            return null;
        }
        BigDecimal v = number(d);
        if (v == null || v.signum() != 0 && v.stripTrailingZeros().scale() > 0) {
            problems.add(new AnswerProblem(Code.WRONG_TYPE, path, "an integer is required"));
            return null;
        }
        if (v.abs().compareTo(INT_MAX) > 0) {
            problems.add(new AnswerProblem(Code.SPAN_OUTSIDE_TEXT, path, "offset beyond any transcript"));
            return null;
        }
        return v.intValueExact();
    }

    private static BigDecimal number(Document d) {
        try {
            return d.asNumber().bigDecimalValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean hasWord(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The constant whose wire name is exactly {@code wire}, or null. */
    private static <E extends Enum<E>> E enumValue(Class<E> type, String wire) {
        for (E e : type.getEnumConstants()) {
            if (SignalTool.wireName(e).equals(wire)) {
                return e;
            }
        }
        return null;
    }
}
