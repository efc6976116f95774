package io.healthscore.bedrock;

import io.healthscore.domain.facts.ConversationSignal.Intent;
import io.healthscore.domain.facts.ConversationSignal.RiskFlag;
import io.healthscore.domain.facts.ConversationSignal.Sentiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * The one tool the model is forced to call, {@value #NAME}, and the wire names of its values. Its schema is fixed here:
 * nothing in a transcript or an answer can change the field names, the enums or the limits. The schema tells the model
 * what to send; {@link AnswerValidator} checks what it did send, with the same limits.
 */
public final class SignalTool {

    public static final String NAME = "record_conversation_signals";
    public static final int MAX_EVIDENCE = 20;
    /** Longest evidence span in characters: a quote, not the whole transcript. */
    public static final int MAX_SPAN_CHARS = 600;

    public static final String SENTIMENT = "sentiment";
    public static final String INTENTS = "intents";
    public static final String RISK_FLAGS = "risk_flags";
    public static final String CONFIDENCE = "confidence";
    public static final String EVIDENCE = "evidence";
    public static final String LABEL = "label";
    public static final String START = "start";
    public static final String END = "end";

    public static final String INTENT_PREFIX = "intent:";
    public static final String RISK_FLAG_PREFIX = "risk_flag:";
    public static final String SENTIMENT_PREFIX = "sentiment:";

    private static final ToolConfiguration CONFIGURATION = ToolConfiguration.builder()
            .tools(Tool.fromToolSpec(ToolSpecification.builder()
                    .name(NAME)
                    .description("Records the sentiment, intents and risk flags of the transcript, each intent and "
                            + "risk flag with evidence spans (character offsets into the transcript).")
                    .inputSchema(ToolInputSchema.fromJson(schema()))
                    .build()))
            .toolChoice(ToolChoice.fromTool(SpecificToolChoice.builder().name(NAME).build()))
            .build();

    private SignalTool() {
    }

    /** The tool list with the tool choice forcing {@value #NAME}: the same on every request. */
    public static ToolConfiguration configuration() {
        return CONFIGURATION;
    }

    /** Wire name of an enum constant: lower case, e.g. {@code budget_cuts}. */
    public static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static List<String> sentiments() {
        return names(Sentiment.values());
    }

    public static List<String> intents() {
        return names(Intent.values());
    }

    public static List<String> riskFlags() {
        return names(RiskFlag.values());
    }

    /** Every evidence label: {@code intent:<intent>}, {@code risk_flag:<flag>} and {@code sentiment:<sentiment>}. */
    public static List<String> evidenceLabels() {
        List<String> out = new ArrayList<>();
        intents().forEach(i -> out.add(INTENT_PREFIX + i));
        riskFlags().forEach(f -> out.add(RISK_FLAG_PREFIX + f));
        sentiments().forEach(s -> out.add(SENTIMENT_PREFIX + s));
        return out;
    }

    static Document schema() {
        Map<String, Document> span = new LinkedHashMap<>();
        span.put(LABEL, string("The label the span supports, e.g. risk_flag:budget_cuts or intent:cancellation.",
                evidenceLabels()));
        span.put(START, integer("Offset of the first character of the span in the transcript, from 0.", 0));
        span.put(END, integer("Offset just after the last character of the span.", 1));

        Map<String, Document> properties = new LinkedHashMap<>();
        properties.put(SENTIMENT, string("Overall tone of the customer's side.", sentiments()));
        properties.put(INTENTS, array("Intents the customer's side expresses; empty when none.",
                string(null, intents()), Intent.values().length));
        properties.put(RISK_FLAGS, array("Risk flags the transcript raises; empty when none.",
                string(null, riskFlags()), RiskFlag.values().length));
        properties.put(CONFIDENCE, Document.mapBuilder()
                .putString("type", "number")
                .putString("description", "How sure you are of these labels, 0 to 1.")
                .putNumber("minimum", 0)
                .putNumber("maximum", 1)
                .build());
        properties.put(EVIDENCE, array("At least one span for every intent and risk flag.",
                object(span, List.of(LABEL, START, END)), MAX_EVIDENCE));
        return object(properties, List.of(SENTIMENT, INTENTS, RISK_FLAGS, CONFIDENCE, EVIDENCE));
    }

    private static Document object(Map<String, Document> properties, List<String> required) {
        return Document.mapBuilder()
                .putString("type", "object")
                .putDocument("properties", Document.fromMap(properties))
                .putDocument("required", strings(required))
                .putBoolean("additionalProperties", false)
                .build();
    }

    private static Document string(String description, List<String> values) {
        Document.MapBuilder b = Document.mapBuilder().putString("type", "string");
        if (description != null) {
            b.putString("description", description);
        }
        return b.putDocument("enum", strings(values)).build();
    }

    private static Document integer(String description, int minimum) {
        return Document.mapBuilder()
                .putString("type", "integer")
                .putString("description", description)
                .putNumber("minimum", minimum)
                .build();
    }

    private static Document array(String description, Document items, int maxItems) {
        return Document.mapBuilder()
                .putString("type", "array")
                .putString("description", description)
                .putDocument("items", items)
                .putNumber("maxItems", maxItems)
                .putBoolean("uniqueItems", true)
                .build();
    }

    private static Document strings(List<String> values) {
        return Document.fromList(values.stream().map(Document::fromString).toList());
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(SignalTool::wireName).toList();
    }
}
