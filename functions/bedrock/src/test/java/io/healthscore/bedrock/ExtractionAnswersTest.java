package io.healthscore.bedrock;

import static io.healthscore.bedrock.BedrockStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.conversations.Evidence;
import io.healthscore.domain.conversations.Extraction;
import io.healthscore.domain.facts.ConversationSignal.Intent;
import io.healthscore.domain.facts.ConversationSignal.RiskFlag;
import io.healthscore.domain.facts.ConversationSignal.Sentiment;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers of the model through the real SDK client against the stand-in: valid, repaired, rejected. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionAnswersTest {

    private final BedrockStub stub = new BedrockStub();
    private final String text = Fixtures.transcript("renewal_risk.txt");
    private final Conversation conversation = new Conversation("conv-0001", "acct-0001", LocalDate.of(2026, 11, 2),
            "call", text);

    @BeforeEach
    void reset() {
        stub.reset();
    }

    @AfterAll
    void stop() {
        stub.close();
    }

    @Test
    void validToolAnswerGivesLabelsWithEvidenceIntoTheText() {
        stub.answerAlways(ok("renewal_risk_valid.json"));
        BedrockExtractor extractor = stub.extractor();

        Extraction e = extractor.extract(conversation);

        assertThat(e.accepted()).isTrue();
        assertThat(e.signal().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(e.signal().intents()).containsExactlyInAnyOrder(Intent.FRUSTRATED_WITH_FEATURE, Intent.EVALUATING_ALTERNATIVES);
        assertThat(e.signal().riskFlags()).containsExactlyInAnyOrder(RiskFlag.CHAMPION_LEAVING, RiskFlag.BUDGET_CUTS);
        assertThat(e.signal().confidence()).isEqualTo(0.82);
        assertThat(e.signal().conversationId()).isEqualTo("conv-0001");
        assertThat(e.signal().occurredOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(e.evidence()).extracting(Evidence::label).containsExactly("intent:frustrated_with_feature",
                "intent:evaluating_alternatives", "risk_flag:champion_leaving", "risk_flag:budget_cuts");
        assertThat(quote(e, "risk_flag:champion_leaving")).isEqualTo("I'm leaving the company");
        assertThat(quote(e, "risk_flag:budget_cuts")).isEqualTo("finance announced budget cuts");
        assertThat(e.extractor()).isEqualTo("bedrock:amazon.nova-micro-v1:0");
        assertThat(e.promptVersion()).isEqualTo(ExtractionPrompt.PROMPT_VERSION);
        assertThat(e.contentHash()).isEqualTo(conversation.contentHash());
        assertThat(e.inputTokens()).isEqualTo(1843);
        assertThat(e.outputTokens()).isEqualTo(212);
        assertThat(stub.calls()).isEqualTo(1);
        assertThat(extractor.usage().turns()).isEqualTo(1);

        assertThat(stub.requests().get(0).getUrl()).isEqualTo("/model/amazon.nova-micro-v1%3A0/converse");
        assertThat(stub.requests().get(0).getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDSTUBEXAMPLE/").contains("/us-east-1/bedrock/aws4_request");
        JsonNode body = stub.requestBodies().get(0);
        assertForcedToolAndSystemPrompt(body);
        assertThat(body.path("inferenceConfig").path("temperature").asDouble()).isZero();
        assertThat(body.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(1024);
        JsonNode user = body.path("messages").get(0);
        assertThat(body.path("messages")).hasSize(1);
        assertThat(user.path("role").asText()).isEqualTo("user");
        assertThat(user.path("content")).hasSize(3);
        assertThat(user.path("content").get(1).path("text").asText()).isEqualTo(text);
        assertThat(user.path("content").get(0).path("text").asText()).contains("BEGIN_TRANSCRIPT ");
        assertThat(user.path("content").get(2).path("text").asText()).startsWith("END_TRANSCRIPT ");
        String raw = stub.requests().get(0).getBodyAsString();
        assertThat(raw).as("record ids are never sent to the model").doesNotContain("conv-0001", "acct-0001");
    }

    @Test
    void endTurnWithTextOnlyIsRepairedAndCacheTokensAreCounted() {
        stub.answerInTurn(ok("end_turn_text_only_cache_usage.json"), ok("renewal_risk_valid_after_repair.json"));
        BedrockExtractor extractor = stub.extractor();

        Extraction e = extractor.extract(conversation);

        assertThat(e.accepted()).isTrue();
        assertThat(stub.calls()).isEqualTo(2);
        assertThat(e.inputTokens()).isEqualTo(339 + 1504 + 2395);
        assertThat(e.outputTokens()).isEqualTo(21 + 230);
        assertThat(extractor.usage().cacheReadInputTokens()).isEqualTo(1504);
        assertThat(extractor.usage().repairs()).isEqualTo(1);
        JsonNode second = stub.requestBodies().get(1);
        assertForcedToolAndSystemPrompt(second);
        assertThat(second.path("messages")).hasSize(3);
        assertThat(second.path("messages").get(1).path("role").asText()).isEqualTo("assistant");
        JsonNode repair = second.path("messages").get(2);
        assertThat(repair.path("role").asText()).isEqualTo("user");
        assertThat(repair.path("content").get(0).path("text").asText()).contains("answer: the answer did not call "
                + SignalTool.NAME);
    }

    @Test
    void malformedAnswerIsRepairedOnTheSecondTurn() {
        stub.answerInTurn(ok("renewal_risk_malformed.json"), ok("renewal_risk_valid_after_repair.json"));

        Extraction e = stub.extractor().extract(conversation);

        assertThat(e.accepted()).isTrue();
        assertThat(e.signal().riskFlags()).contains(RiskFlag.CHAMPION_LEAVING);
        assertThat(e.inputTokens()).isEqualTo(1843 + 2395);
        assertThat(stub.calls()).isEqualTo(2);
        List<JsonNode> bodies = stub.requestBodies();
        assertThat(bodies.get(1).path("system")).isEqualTo(bodies.get(0).path("system"));
        assertThat(bodies.get(1).path("toolConfig")).isEqualTo(bodies.get(0).path("toolConfig"));
        assertThat(bodies.get(1).path("messages").get(0)).isEqualTo(bodies.get(0).path("messages").get(0));
        JsonNode echoed = bodies.get(1).path("messages").get(1);
        assertThat(echoed.path("content").get(1).path("toolUse").path("toolUseId").asText())
                .isEqualTo("tooluse_Q0f3Jx9hTqGmV2kL8sPzWw");
        JsonNode result = bodies.get(1).path("messages").get(2).path("content").get(0).path("toolResult");
        assertThat(result.path("toolUseId").asText()).isEqualTo("tooluse_Q0f3Jx9hTqGmV2kL8sPzWw");
        assertThat(result.path("status").asText()).isEqualTo("error");
        assertThat(result.path("content").get(0).path("text").asText())
                .contains("confidence: number out of range (must be 0 to 1)")
                .contains("intents[2]: duplicate item")
                .contains("risk_flags: label without an evidence span (risk_flag:champion_leaving has no valid span)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hostile_unknown_enum.json        | unknown_value, unsupported_evidence",
        "hostile_span_outside_text.json   | missing_evidence, span_outside_text",
        "hostile_fabricated_evidence.json | missing_evidence, span_empty, unsupported_evidence",
        "hostile_extra_fields.json        | unexpected_field",
        "hostile_wrong_tool.json          | wrong_tool",
        "hostile_not_an_object.json       | wrong_type",
        "max_tokens_truncated.json        | missing_field, truncated",
    })
    void hostileOrInvalidAnswerIsRejectedAfterOneRepair(String fixture, String codes) {
        stub.answerAlways(ok(fixture));
        BedrockExtractor extractor = stub.extractor();

        Extraction e = extractor.extract(conversation);

        assertThat(e.accepted()).isFalse();
        assertThat(e.signal()).isNull();
        assertThat(e.evidence()).isEmpty();
        assertThat(e.rejectReason()).isEqualTo(BedrockExtractor.REJECT_INVALID + codes);
        assertThat(e.promptVersion()).isEqualTo(ExtractionPrompt.PROMPT_VERSION);
        assertThat(e.outputTokens()).isPositive();
        assertThat(stub.calls()).as("the answer and exactly one repair").isEqualTo(2);
        assertThat(extractor.usage().repairs()).isEqualTo(1);
        JsonNode repair = stub.requestBodies().get(1).path("messages").get(2);
        assertThat(repair.toString()).as("the repair turn names problems, never the answer's values")
                .doesNotContain("very_positive", "lawsuit", "001XX000003DHPh", "system_prompt", "update_account");
    }

    @Test
    void answerStoppedByAGuardrailIsRejectedWithoutRepair() {
        stub.answerAlways(ok("guardrail_intervened.json"));

        Extraction e = stub.extractor().extract(conversation);

        assertThat(e.rejectReason()).isEqualTo(BedrockExtractor.REJECT_FILTERED);
        assertThat(e.inputTokens()).isEqualTo(1620);
        assertThat(stub.calls()).isEqualTo(1);
    }

    @Test
    void emptyTranscriptIsNotSent() {
        stub.answerAlways(ok("neutral_no_labels.json"));
        BedrockExtractor extractor = stub.extractor();
        Conversation blank = new Conversation("conv-0002", "acct-0001", LocalDate.of(2026, 11, 2), "email", " \n ");

        Extraction e = extractor.extract(blank);

        assertThat(e.rejectReason()).isEqualTo(BedrockExtractor.REJECT_EMPTY);
        assertThat(extractor.estimateTokens(blank)).isZero();
        assertThat(stub.calls()).isZero();
    }

    static void assertForcedToolAndSystemPrompt(JsonNode body) {
        assertThat(body.path("system")).hasSize(1);
        assertThat(body.path("system").get(0).path("text").asText()).isEqualTo(ExtractionPrompt.SYSTEM_PROMPT);
        JsonNode toolConfig = body.path("toolConfig");
        assertThat(toolConfig.path("toolChoice").path("tool").path("name").asText()).isEqualTo(SignalTool.NAME);
        assertThat(toolConfig.path("tools")).hasSize(1);
        JsonNode spec = toolConfig.path("tools").get(0).path("toolSpec");
        assertThat(spec.path("name").asText()).isEqualTo(SignalTool.NAME);
        JsonNode schema = spec.path("inputSchema").path("json");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("required")).extracting(JsonNode::asText)
                .containsExactly("sentiment", "intents", "risk_flags", "confidence", "evidence");
        assertThat(schema.path("properties").path("sentiment").path("enum")).extracting(JsonNode::asText)
                .containsExactly("positive", "neutral", "negative", "escalating");
    }

    private String quote(Extraction e, String label) {
        Evidence ev = e.evidence().stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow();
        return text.substring(ev.start(), ev.end());
    }
}
