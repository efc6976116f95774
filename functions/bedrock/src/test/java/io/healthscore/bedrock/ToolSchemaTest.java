package io.healthscore.bedrock;

import static io.healthscore.bedrock.BedrockStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.healthscore.domain.conversations.Conversation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The input schema as it goes over the wire, checked with an independent JSON Schema validator: it accepts the valid
 * answers, and the code is at least as strict (no answer the schema refuses passes {@link AnswerValidator}); the code
 * also refuses what a schema cannot express (spans outside the text, labels without evidence).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolSchemaTest {

    private final BedrockStub stub = new BedrockStub();
    private final String text = Fixtures.transcript("renewal_risk.txt");
    private JsonSchema schema;

    @BeforeAll
    void captureTheSchemaFromARequest() {
        stub.answerAlways(ok("renewal_risk_valid.json"));
        stub.extractor().extract(new Conversation("conv-0300", "acct-0300", LocalDate.of(2026, 11, 6), "call", text));
        JsonNode wire = stub.requestBodies().get(0).path("toolConfig").path("tools").get(0).path("toolSpec")
                .path("inputSchema").path("json");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(wire);
    }

    @AfterAll
    void stop() {
        stub.close();
    }

    @Test
    void fixtureAnswersAgainstTheWireSchema() {
        assertThat(schema.validate(toolInput("renewal_risk_valid.json"))).isEmpty();
        assertThat(schema.validate(toolInput("fake_json_resisted.json"))).isEmpty();
        assertThat(schema.validate(toolInput("hostile_unknown_enum.json"))).isNotEmpty();
        assertThat(schema.validate(toolInput("hostile_extra_fields.json"))).isNotEmpty();
        assertThat(schema.validate(toolInput("renewal_risk_malformed.json"))).isNotEmpty();
        // valid for a schema, refused by the code: a span beyond the text, evidence for a label not given
        assertThat(schema.validate(toolInput("hostile_span_outside_text.json"))).isEmpty();
        assertThat(schema.validate(toolInput("hostile_fabricated_evidence.json"))).isEmpty();
    }

    @Test
    void codeIsAtLeastAsStrictAsTheSchema() {
        TranscriptWindow window = TranscriptWindow.of(text, 6_000);
        List<JsonNode> cases = Fixtures.read("bedrock/validator-cases.jsonl").lines().map(BedrockStub::parse).toList();
        int refusedBySchema = 0;
        for (JsonNode c : cases) {
            boolean schemaOk = schema.validate(c.path("input")).isEmpty();
            boolean codeOk = AnswerValidator.validate(Documents.of(c.path("input")), window).valid();
            if (!schemaOk) {
                refusedBySchema++;
                assertThat(codeOk).as(c.path("name").asText()).isFalse();
            }
        }
        assertThat(refusedBySchema).isGreaterThan(10);
    }

    private static JsonNode toolInput(String fixture) {
        for (JsonNode block : BedrockStub.parse(Fixtures.response(fixture)).path("output").path("message").path("content")) {
            if (block.has("toolUse")) {
                return block.path("toolUse").path("input");
            }
        }
        throw new IllegalArgumentException(fixture + " has no tool use");
    }
}
