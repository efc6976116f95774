package io.healthscore.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthscore.domain.conversations.Evidence;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.core.document.Document;

/** Every check of {@link AnswerValidator}, one case per line of validator-cases.jsonl, plus the capped-window cases. */
class AnswerValidatorTest {

    private static final String TEXT = Fixtures.transcript("renewal_risk.txt");

    @TestFactory
    Stream<DynamicTest> casesFromTheFixtureFile() {
        TranscriptWindow window = TranscriptWindow.of(TEXT, 6_000);
        return Fixtures.read("bedrock/validator-cases.jsonl").lines().map(BedrockStub::parse).map(c ->
                DynamicTest.dynamicTest(c.path("name").asText(), () -> {
                    AnswerValidator.Result r = AnswerValidator.validate(Documents.of(c.path("input")), window);
                    List<String> expected = texts(c.path("problems"));
                    assertThat(r.problems()).extracting(p -> p.code().wireName() + "@" + p.path())
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(r.valid()).isEqualTo(expected.isEmpty());
                }));
    }

    @Test
    void problemsNeverQuoteTheAnswersValues() {
        String json = "{\"sentiment\":\"SECRET-1\",\"intents\":[\"SECRET-2\"],\"risk_flags\":[],\"confidence\":\"SECRET-3\","
                + "\"evidence\":[{\"label\":\"SECRET-4\",\"start\":0,\"end\":4}],\"SECRET-5\":1}";
        AnswerValidator.Result r = AnswerValidator.validate(Documents.of(BedrockStub.parse(json)),
                TranscriptWindow.of(TEXT, 6_000));

        assertThat(r.problems()).hasSize(5);
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.describe()).doesNotContain("SECRET"));
        assertThat(ExtractionPrompt.repairRequest(r.problems())).doesNotContain("SECRET");
    }

    @Test
    void spanLongerThanTheLimitIsRefused() {
        String text = "budget cuts ".repeat(100);
        Document input = Documents.of(BedrockStub.parse("{\"sentiment\":\"negative\",\"intents\":[],\"risk_flags\":"
                + "[\"budget_cuts\"],\"confidence\":0.5,\"evidence\":[{\"label\":\"risk_flag:budget_cuts\",\"start\":0,"
                + "\"end\":601},{\"label\":\"risk_flag:budget_cuts\",\"start\":0,\"end\":11}]}"));

        AnswerValidator.Result r = AnswerValidator.validate(input, TranscriptWindow.of(text, 6_000));

        assertThat(r.problems()).extracting(p -> p.code().wireName() + "@" + p.path())
                .containsExactly("span_too_long@evidence[0]");
    }

    @Test
    void spansOfACappedTranscriptMapBackToTheOriginalAndMayNotTouchTheMarker() {
        String text = "budget cuts here. " + "filler words go on and on. ".repeat(2_000) + "we will cancel the contract.";
        TranscriptWindow window = TranscriptWindow.of(text, 300);
        String sent = window.sent();
        int marker = sent.indexOf("[...");
        int tail = sent.indexOf("cancel the contract");
        Document input = Documents.of(BedrockStub.parse(("{\"sentiment\":\"negative\",\"intents\":[\"cancellation\"],"
                + "\"risk_flags\":[\"budget_cuts\"],\"confidence\":0.5,\"evidence\":["
                + "{\"label\":\"risk_flag:budget_cuts\",\"start\":0,\"end\":11},"
                + "{\"label\":\"intent:cancellation\",\"start\":%d,\"end\":%d}]}").formatted(tail, tail + 6)));

        AnswerValidator.Result ok = AnswerValidator.validate(input, window);

        assertThat(ok.valid()).isTrue();
        Evidence cancel = ok.answer().evidence().get(1);
        assertThat(text.substring(cancel.start(), cancel.end())).isEqualTo("cancel");
        assertThat(ok.answer().evidence().get(0)).isEqualTo(new Evidence("risk_flag:budget_cuts", 0, 11));

        Document onMarker = Documents.of(BedrockStub.parse(("{\"sentiment\":\"negative\",\"intents\":[],"
                + "\"risk_flags\":[\"budget_cuts\"],\"confidence\":0.5,\"evidence\":["
                + "{\"label\":\"risk_flag:budget_cuts\",\"start\":%d,\"end\":%d}]}").formatted(marker - 3, marker + 10)));
        assertThat(AnswerValidator.validate(onMarker, window).problems()).extracting(p -> p.code().wireName())
                .containsExactly("span_on_marker", "missing_evidence");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
