package io.healthscore.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.conversations.Evidence;
import io.healthscore.domain.conversations.Extraction;
import io.healthscore.domain.conversations.OfflineExtractor;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stub "model" for the stand-in: reads the transcript block of a Converse request (the second text block of the
 * first user message) and answers a {@code record_conversation_signals} tool use, in the recorded Nova shape, with the
 * labels and spans of the offline rules. Usage is estimated as a quarter of the bytes (request in, tool input out),
 * so token figures from this stub are estimates, not a real tokenizer's counts.
 */
final class OfflineModelAnswers implements ResponseDefinitionTransformerV2 {

    static final String NAME = "offline-model-answers";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OfflineExtractor rules = new OfflineExtractor();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        try {
            String body = serveEvent.getRequest().getBodyAsString();
            JsonNode request = JSON.readTree(body);
            String transcript = request.path("messages").path(0).path("content").path(1).path("text").asText("");
            Extraction e = rules.extract(new Conversation("stub", "stub", null, null, transcript));
            ObjectNode input = JSON.createObjectNode();
            input.put("sentiment", e.signal().sentiment().name().toLowerCase(Locale.ROOT));
            ArrayNode intents = input.putArray("intents");
            e.signal().intents().forEach(i -> intents.add(i.name().toLowerCase(Locale.ROOT)));
            ArrayNode flags = input.putArray("risk_flags");
            e.signal().riskFlags().forEach(f -> flags.add(f.name().toLowerCase(Locale.ROOT)));
            input.put("confidence", e.signal().confidence());
            ArrayNode evidence = input.putArray("evidence");
            for (Evidence ev : e.evidence()) {
                evidence.addObject().put("label", ev.label()).put("start", ev.start()).put("end", ev.end());
            }
            int inputTokens = (body.getBytes(StandardCharsets.UTF_8).length + 3) / 4;
            int outputTokens = (JSON.writeValueAsBytes(input).length + 3) / 4 + 30;

            ObjectNode response = JSON.createObjectNode();
            response.putObject("metrics").put("latencyMs", 420);
            ObjectNode message = response.putObject("output").putObject("message");
            ArrayNode content = message.putArray("content");
            content.addObject().put("text", "<thinking> Recording the labels the transcript supports.</thinking>\n");
            ObjectNode toolUse = content.addObject().putObject("toolUse");
            toolUse.set("input", input);
            toolUse.put("name", SignalTool.NAME);
            toolUse.put("toolUseId", "tooluse_stub" + ids.incrementAndGet());
            message.put("role", "assistant");
            response.put("stopReason", "tool_use");
            response.putObject("usage").put("inputTokens", inputTokens).put("outputTokens", outputTokens)
                    .put("totalTokens", inputTokens + outputTokens);
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                    .withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(response))
                    .build();
        } catch (JsonProcessingException e) {
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but().withStatus(400)
                    .withHeader("x-amzn-ErrorType", "ValidationException")
                    .withBody("{\"message\":\"Malformed input request\"}").build();
        }
    }

    long served() {
        return ids.get();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
