package io.healthscore.bedrock;

import static io.healthscore.bedrock.BedrockStub.error;
import static io.healthscore.bedrock.BedrockStub.ok;
import static io.healthscore.bedrock.BedrockStub.throttled;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.conversations.Extraction;
import io.healthscore.domain.conversations.ExtractionRun;
import io.healthscore.domain.conversations.InMemorySignalLedger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Extract and discard: unique canary strings planted in transcripts (and in model answers and AWS error messages that
 * echo them) never reach a log line, an exception, an extraction, the ledger or the run report, whatever the outcome.
 */
class PrivacyCanaryTest {

    private final List<String> canaries = new ArrayList<>();

    private String canary() {
        String c = "CANARY-" + UUID.randomUUID();
        canaries.add(c);
        return c;
    }

    private String transcript() {
        return Fixtures.transcript("renewal_risk.txt").replace("Dana", "Dana " + canary())
                + "Customer: my personal number is " + canary() + ".\n";
    }

    @Test
    void plantedStringsAppearNowhereButInTheRequestsToTheModel() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(logged, true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> julRecords = new ArrayList<>();
        Handler jul = new Handler() {
            @Override
            public void publish(LogRecord r) {
                julRecords.add(r.getLoggerName() + " " + r.getMessage() + " " + r.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        root.addHandler(jul);
        root.setLevel(Level.ALL);
        System.setOut(capture);
        System.setErr(capture);
        List<String> seen = new ArrayList<>();
        InMemorySignalLedger ledger = new InMemorySignalLedger();
        List<String> requestBodies = new ArrayList<>();
        try (BedrockStub stub = new BedrockStub()) {
            BedrockLog log = BedrockLog.jsonLines(logStream);
            BedrockExtractor extractor = stub.extractor(stub.settings(), log, d -> { });
            ExtractionRun run = new ExtractionRun(extractor, ledger, Long.MAX_VALUE);

            // accepted on the first turn
            runOne(stub, run, seen, requestBodies, "conv-c1", transcript(), stub::answerFromTranscript);
            // repaired on the second
            runOne(stub, run, seen, requestBodies, "conv-c2", transcript(),
                    () -> stub.answerInTurn(ok("renewal_risk_malformed.json"), ok("neutral_no_labels.json")));
            // rejected: a model that copies transcript text into its fields
            String echoed = canary();
            runOne(stub, run, seen, requestBodies, "conv-c3", transcript() + echoed, () -> stub.answerAlways(
                    ok("hostile_unknown_enum.json").withBody(Fixtures.response("hostile_extra_fields.json")
                            .replace("\"negative\"", "\"" + echoed + "\"")
                            .replace("001XX000003DHPh", echoed))));
            // blocked by a guardrail
            runOne(stub, run, seen, requestBodies, "conv-c4", transcript(), () -> stub.answerAlways(ok("guardrail_intervened.json")));
            // enormous, capped
            runOne(stub, run, seen, requestBodies, "conv-c5", (transcript() + "filler line\n").repeat(2_000) + canary(),
                    stub::answerFromTranscript);
            // throttled for good
            runOne(stub, run, seen, requestBodies, "conv-c6", transcript(), () -> stub.answerAlways(throttled()));
            // an AWS error whose message echoes the request
            String inError = canary();
            runOne(stub, run, seen, requestBodies, "conv-c7", transcript() + inError,
                    () -> stub.answerAlways(echoingError(inError)));
            // a connection reset on every attempt
            runOne(stub, run, seen, requestBodies, "conv-c8", transcript(), () -> stub.answerAlways(BedrockStub.connectionReset()));

            seen.add(run.stats().toString());
            seen.add(run.partialAccounts().toString());
            seen.add(extractor.usage().toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(jul);
            root.setLevel(rootLevel);
        }
        ledger.forAccount("acct-c").forEach(e -> seen.add(e.toString()));
        String logs = logged.toString(StandardCharsets.UTF_8);
        seen.add(logs);
        seen.add(captured.toString(StandardCharsets.UTF_8));
        seen.addAll(julRecords);

        assertThat(logs).contains("\"event\":\"bedrock_extraction\"", "\"event\":\"bedrock_call\"",
                "\"event\":\"bedrock_transcript_capped\"", "\"outcome\":\"repaired\"", "\"outcome\":\"rejected\"",
                "\"code\":\"ThrottlingException\"");
        assertThat(logs.lines()).allSatisfy(line -> assertThat(line).startsWith("{\"ts\":").endsWith("}"));
        assertThat(canaries).hasSize(19);
        String everything = String.join("\n", seen);
        for (String c : canaries) {
            assertThat(everything).as("canary in logs, exceptions, extractions or the report").doesNotContain(c);
        }
        // the canaries did travel: only to the model
        String requests = String.join("\n", requestBodies);
        assertThat(canaries).allSatisfy(c -> assertThat(requests).contains(c));
    }

    private static ResponseDefinitionBuilder echoingError(String canary) {
        return error(400, "ValidationException", "validation_400.json")
                .withBody("{\"__type\":\"ValidationException\",\"message\":\"Malformed input near '" + canary + "'\"}");
    }

    private static void runOne(BedrockStub stub, ExtractionRun run, List<String> seen, List<String> bodies, String id,
                               String text, Runnable answers) {
        stub.reset();
        answers.run();
        Conversation c = new Conversation(id, "acct-c", LocalDate.of(2026, 11, 5), "call", text);
        seen.add(c.toString());
        try {
            run.accept(c).ifPresent((Extraction e) -> seen.add(e.toString()));
        } catch (BedrockCallException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            seen.add(e.toString());
            seen.add(trace.toString());
            assertThat(e.getCause()).isNull();
        }
        stub.requests().forEach(r -> bodies.add(r.getBodyAsString()));
    }
}
