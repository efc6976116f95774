package io.healthscore.bedrock;

import static io.healthscore.bedrock.BedrockStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.conversations.Evidence;
import io.healthscore.domain.conversations.Extraction;
import io.healthscore.domain.conversations.ExtractionRun;
import io.healthscore.domain.conversations.InMemorySignalLedger;
import io.healthscore.domain.facts.ConversationSignal.Intent;
import io.healthscore.domain.facts.ConversationSignal.RiskFlag;
import io.healthscore.domain.facts.ConversationSignal.Sentiment;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Transcripts are data: instructions, fake tool JSON and fake boundaries inside them change neither the request's
 * system prompt, tool, schema nor structure; whatever the model answers is validated; enormous inputs are capped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedTranscriptTest {

    private final BedrockStub stub = new BedrockStub();

    @BeforeEach
    void reset() {
        stub.reset();
    }

    @AfterAll
    void stop() {
        stub.close();
    }

    private static Conversation conversation(String id, String text) {
        return new Conversation(id, "acct-0200", LocalDate.of(2026, 11, 4), "email", text);
    }

    /** The request of a plain transcript, to compare the others with. */
    private JsonNode benignRequest() {
        stub.answerAlways(ok("renewal_risk_valid.json"));
        stub.extractor().extract(conversation("conv-0200", Fixtures.transcript("renewal_risk.txt")));
        JsonNode body = stub.requestBodies().get(0);
        stub.reset();
        return body;
    }

    @Test
    void injectedInstructionsLeaveTheRequestUnchangedAndTheAnswerIsStillValidated() {
        JsonNode benign = benignRequest();
        String text = Fixtures.transcript("injection_ignore_instructions.txt");
        stub.answerInTurn(ok("injection_obeyed.json"), ok("injection_resisted.json"));

        Extraction e = stub.extractor().extract(conversation("conv-0201", text));

        JsonNode first = stub.requestBodies().get(0);
        assertSameFrame(first, benign, text);
        assertThat(e.accepted()).isTrue();
        assertThat(e.signal().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(e.signal().intents()).containsExactlyInAnyOrder(Intent.FRUSTRATED_WITH_FEATURE,
                Intent.EVALUATING_ALTERNATIVES);
        assertThat(stub.calls()).as("the obeying answer had no evidence for its intent: one repair").isEqualTo(2);
    }

    @Test
    void aModelThatKeepsObeyingTheInjectionIsRejected() {
        stub.answerAlways(ok("injection_obeyed.json"));

        Extraction e = stub.extractor().extract(conversation("conv-0202",
                Fixtures.transcript("injection_ignore_instructions.txt")));

        assertThat(e.accepted()).isFalse();
        assertThat(e.rejectReason()).isEqualTo(BedrockExtractor.REJECT_INVALID + "missing_evidence");
        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void aValidAnswerIsTakenAsAnsweredEvenWhenItFollowedTheInjection() {
        // code can check structure and evidence, not tone: a label-free "positive" is a valid answer
        stub.answerAlways(ok("neutral_no_labels.json").withBody(Fixtures.response("neutral_no_labels.json")
                .replace("\"neutral\"", "\"positive\"")));

        Extraction e = stub.extractor().extract(conversation("conv-0203",
                Fixtures.transcript("injection_ignore_instructions.txt")));

        assertThat(e.accepted()).isTrue();
        assertThat(e.signal().sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(e.signal().intents()).isEmpty();
        assertThat(stub.calls()).isEqualTo(1);
    }

    @Test
    void fakeToolJsonAndFakeBoundariesInTheTranscriptAreJustText() {
        JsonNode benign = benignRequest();
        String text = Fixtures.transcript("injection_fake_tool_json.txt");
        stub.answerInTurn(ok("fake_json_copied.json"), ok("fake_json_resisted.json"));

        Extraction e = stub.extractor().extract(conversation("conv-0204", text));

        JsonNode first = stub.requestBodies().get(0);
        assertSameFrame(first, benign, text);
        String token = first.path("messages").get(0).path("content").get(2).path("text").asText()
                .substring("END_TRANSCRIPT ".length());
        assertThat(token).isNotEqualTo("0123456789abcdef").hasSize(16);
        assertThat(e.accepted()).isTrue();
        assertThat(e.signal().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(e.signal().intents()).containsExactly(Intent.CANCELLATION);
        assertThat(e.signal().riskFlags()).containsExactly(RiskFlag.MERGER_OR_CONSOLIDATION);
        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void enormousTranscriptIsCappedToTheStatedTokenBound() {
        String tail = "Customer: After all of this we intend to cancel the subscription at the renewal.\n";
        StringBuilder b = new StringBuilder(5_300_000);
        for (int i = 0; b.length() < 5_000_000; i++) {
            b.append("Customer: note ").append(i).append(" about onboarding schedules and the training calendar.\n");
        }
        String text = b.append(tail).toString();
        stub.answerFromTranscript();
        BedrockSettings settings = stub.settings();
        BedrockExtractor extractor = stub.extractor();
        Conversation huge = conversation("conv-0205", text);
        Conversation atTheCap = conversation("conv-0206", "x".repeat(settings.maxTranscriptTokens() * TokenEstimate.BYTES_PER_TOKEN));

        ExtractionRun run = new ExtractionRun(extractor, new InMemorySignalLedger(), Long.MAX_VALUE);
        Extraction e = run.accept(huge).orElseThrow();
        Extraction small = run.accept(conversation("conv-0207", Fixtures.transcript("renewal_risk.txt"))).orElseThrow();

        String body = stub.requests().get(0).getBodyAsString();
        int transcriptBytes = settings.maxTranscriptTokens() * TokenEstimate.BYTES_PER_TOKEN;
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).as("request body bytes")
                .isLessThan(transcriptBytes + 16 * 1024);
        String sent = stub.requestBodies().get(0).path("messages").get(0).path("content").get(1).path("text").asText();
        assertThat(TokenEstimate.of(sent)).isLessThanOrEqualTo(settings.maxTranscriptTokens());
        assertThat(sent).contains("characters omitted").endsWith(tail);
        assertThat(extractor.estimateTokens(huge)).isEqualTo(extractor.estimateTokens(atTheCap))
                .isEqualTo(2 * (TokenEstimate.of(ExtractionPrompt.SYSTEM_PROMPT) + BedrockExtractor.FRAMING_TOKENS
                        + settings.maxTranscriptTokens()) + 3 * settings.maxOutputTokens() + BedrockExtractor.REPAIR_TOKENS);
        assertThat(e.accepted()).isTrue();
        assertThat(e.contentHash()).isEqualTo(huge.contentHash());
        assertThat(e.signal().intents()).contains(Intent.CANCELLATION);
        Evidence cancel = e.evidence().stream().filter(x -> x.label().equals("intent:cancellation")).findFirst().orElseThrow();
        assertThat(cancel.start()).as("offset in the original text").isGreaterThan(5_000_000);
        assertThat(text.substring(cancel.start(), cancel.end())).startsWith("cancel");
        assertThat(small.accepted()).as("the run goes on").isTrue();
        assertThat(run.stats().extracted()).isEqualTo(2);
    }

    /** Same system prompt, tool, schema, tool choice and inference settings; the text alone in the middle block. */
    private static void assertSameFrame(JsonNode request, JsonNode benign, String text) {
        ExtractionAnswersTest.assertForcedToolAndSystemPrompt(request);
        assertThat(request.path("system")).isEqualTo(benign.path("system"));
        assertThat(request.path("toolConfig")).isEqualTo(benign.path("toolConfig"));
        assertThat(request.path("inferenceConfig")).isEqualTo(benign.path("inferenceConfig"));
        assertThat(request.path("messages")).hasSize(1);
        JsonNode content = request.path("messages").get(0).path("content");
        assertThat(content).hasSize(3);
        assertThat(content.get(1).path("text").asText()).isEqualTo(text);
        String begin = content.get(0).path("text").asText();
        String token = begin.substring(begin.lastIndexOf("BEGIN_TRANSCRIPT ") + "BEGIN_TRANSCRIPT ".length());
        assertThat(content.get(2).path("text").asText()).isEqualTo("END_TRANSCRIPT " + token);
        assertThat(text).doesNotContain(token);
    }
}
