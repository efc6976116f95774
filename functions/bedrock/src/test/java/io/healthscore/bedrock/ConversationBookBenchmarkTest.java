package io.healthscore.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.conversations.ExtractionRun;
import io.healthscore.domain.conversations.InMemorySignalLedger;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bedrock calls and tokens for a generated book, first run and re-run with the same ledger, through the real SDK client
 * against the stand-in (which answers every call from the transcript it receives). Runs on
 * {@code -Dbedrock.benchmark.accounts} accounts (100 by default, to keep the build short; the figure is
 * 10,000). Prints one JSON line with the figures. Tokens are the stub's estimates (a quarter of the bytes), not a
 * real tokenizer's.
 */
class ConversationBookBenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void callsAndTokensOnFirstRunAndReRun() throws IOException {
        int accounts = Integer.getInteger("bedrock.benchmark.accounts", 100);
        long generateStart = System.nanoTime();
        new SampleGenerator(GeneratorSettings.defaults().withSeed(42).withAccounts(accounts)).writeTo(dir);
        long generateMs = (System.nanoTime() - generateStart) / 1_000_000;
        Path conversations = dir.resolve("conversations.jsonl");

        try (BedrockStub stub = new BedrockStub(false)) {
            stub.answerFromTranscript();
            BedrockExtractor extractor = stub.extractor();
            InMemorySignalLedger ledger = new InMemorySignalLedger();

            long t0 = System.nanoTime();
            ExtractionRun first = new ExtractionRun(extractor, ledger, Long.MAX_VALUE);
            long seen = read(conversations, first::accept);
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            BedrockUsage.Snapshot afterFirst = extractor.usage();
            long servedFirst = stub.transcriptAnswersServed();

            long t1 = System.nanoTime();
            ExtractionRun second = new ExtractionRun(extractor, ledger, Long.MAX_VALUE);
            read(conversations, second::accept);
            long secondMs = (System.nanoTime() - t1) / 1_000_000;
            BedrockUsage.Snapshot afterSecond = extractor.usage();

            ExtractionRun.Stats s1 = first.stats();
            ExtractionRun.Stats s2 = second.stats();
            // Amazon Nova Micro on-demand list prices per 1,000 tokens, for illustration only: configuration in production
            BedrockPricing pricing = BedrockPricing.of("0.000035", "0.00014");
            System.out.println(JSON.writeValueAsString(java.util.Map.ofEntries(
                    java.util.Map.entry("event", "bedrock_book_benchmark"),
                    java.util.Map.entry("accounts", accounts),
                    java.util.Map.entry("conversations", seen),
                    java.util.Map.entry("generate_ms", generateMs),
                    java.util.Map.entry("first_run_calls", afterFirst.attempts()),
                    java.util.Map.entry("first_run_turns", afterFirst.turns()),
                    java.util.Map.entry("first_run_extracted", s1.extracted()),
                    java.util.Map.entry("first_run_rejected", s1.rejected()),
                    java.util.Map.entry("first_run_input_tokens", s1.inputTokens()),
                    java.util.Map.entry("first_run_output_tokens", s1.outputTokens()),
                    java.util.Map.entry("first_run_estimated_usd", pricing.estimate(s1).toPlainString()),
                    java.util.Map.entry("first_run_ms", firstMs),
                    java.util.Map.entry("rerun_calls", afterSecond.attempts() - afterFirst.attempts()),
                    java.util.Map.entry("rerun_cache_hits", s2.cacheHits()),
                    java.util.Map.entry("rerun_input_tokens", s2.inputTokens()),
                    java.util.Map.entry("rerun_ms", secondMs))));

            assertThat(seen).isGreaterThan(accounts * 5L);
            assertThat(afterFirst.attempts()).isEqualTo(seen).isEqualTo(servedFirst);
            assertThat(s1.extracted() + s1.rejected()).isEqualTo(seen);
            assertThat(s1.extracted()).as("the stand-in's offline answers pass validation").isEqualTo(seen);
            assertThat(afterSecond.attempts()).as("re-run: zero calls").isEqualTo(afterFirst.attempts());
            assertThat(stub.transcriptAnswersServed()).isEqualTo(servedFirst);
            assertThat(s2.cacheHits()).isEqualTo(seen);
            assertThat(s2.inputTokens() + s2.outputTokens()).isZero();
        }
    }

    /** Streams conversations.jsonl one line at a time. */
    private static long read(Path file, Consumer<Conversation> sink) {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = JSON.readTree(line);
                sink.accept(new Conversation(o.path("conversation_id").asText(), o.path("account_id").asText(),
                        LocalDate.parse(o.path("occurred_at").asText().substring(0, 10)), o.path("channel").asText(),
                        o.path("text").asText()));
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}
