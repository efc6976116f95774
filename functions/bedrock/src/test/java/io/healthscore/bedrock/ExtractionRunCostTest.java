package io.healthscore.bedrock;

import static io.healthscore.bedrock.BedrockStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.conversations.Conversation;
import io.healthscore.domain.conversations.ExtractionRun;
import io.healthscore.domain.conversations.InMemorySignalLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Cost bounds through {@link ExtractionRun}: the ledger cache, the token budget and the cost estimate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionRunCostTest {

    /** Tokens of one call in neutral_no_labels.json. */
    private static final int CALL_TOKENS = 1500 + 200;

    private final BedrockStub stub = new BedrockStub();

    @BeforeEach
    void reset() {
        stub.reset();
        stub.answerAlways(ok("neutral_no_labels.json"));
    }

    @AfterAll
    void stop() {
        stub.close();
    }

    private static List<Conversation> conversations(int n) {
        List<Conversation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Conversation("conv-%04d".formatted(i), "acct-%04d".formatted(i / 2), LocalDate.of(2026, 10, 1).plusDays(i),
                    "call", "Customer: weekly sync number " + i + ", nothing special to report."));
        }
        return out;
    }

    @Test
    void reRunWithNoNewConversationsMakesZeroCalls() {
        BedrockExtractor extractor = stub.extractor();
        InMemorySignalLedger ledger = new InMemorySignalLedger();
        List<Conversation> book = conversations(10);

        ExtractionRun first = new ExtractionRun(extractor, ledger, Long.MAX_VALUE);
        book.forEach(first::accept);
        assertThat(stub.calls()).isEqualTo(10);
        assertThat(first.stats().extracted()).isEqualTo(10);
        assertThat(first.stats().inputTokens()).isEqualTo(10 * 1500);

        ExtractionRun second = new ExtractionRun(extractor, ledger, Long.MAX_VALUE);
        book.forEach(second::accept);
        assertThat(stub.calls()).as("no new request on the re-run").isEqualTo(10);
        assertThat(second.stats().cacheHits()).isEqualTo(10);
        assertThat(second.stats().extracted()).isZero();
        assertThat(second.stats().inputTokens()).isZero();

        List<Conversation> changed = new ArrayList<>(book);
        Conversation c = book.get(3);
        changed.set(3, new Conversation(c.conversationId(), c.accountId(), c.occurredOn(), c.channel(), c.text() + " Edited."));
        ExtractionRun third = new ExtractionRun(extractor, ledger, Long.MAX_VALUE);
        changed.forEach(third::accept);
        assertThat(stub.calls()).as("only the changed conversation").isEqualTo(11);
        assertThat(third.stats().cacheHits()).isEqualTo(9);
    }

    @Test
    void tokenBudgetStopsExtractionCleanly() {
        BedrockExtractor extractor = stub.extractor();
        List<Conversation> book = conversations(10);
        int estimate = extractor.estimateTokens(book.get(0));
        assertThat(book).allSatisfy(c -> assertThat(extractor.estimateTokens(c)).isEqualTo(estimate));
        long budget = 3L * CALL_TOKENS + estimate;

        ExtractionRun run = new ExtractionRun(extractor, new InMemorySignalLedger(), budget);
        long answered = book.stream().map(run::accept).filter(java.util.Optional::isPresent).count();

        assertThat(answered).isEqualTo(4);
        assertThat(stub.calls()).isEqualTo(4);
        ExtractionRun.Stats stats = run.stats();
        assertThat(stats.extracted()).isEqualTo(4);
        assertThat(stats.deferredByBudget()).isEqualTo(6);
        assertThat(stats.inputTokens() + stats.outputTokens()).isLessThanOrEqualTo(budget);
        assertThat(run.partialAccounts()).containsExactlyInAnyOrder("acct-0002", "acct-0003", "acct-0004");
    }

    @Test
    void runReportGivesCallsTokensAndEstimatedCost() {
        BedrockExtractor extractor = stub.extractor();
        ExtractionRun run = new ExtractionRun(extractor, new InMemorySignalLedger(), Long.MAX_VALUE);
        conversations(4).forEach(run::accept);
        BedrockPricing pricing = BedrockPricing.of("0.000035", "0.00014");

        BedrockUsage.Snapshot usage = extractor.usage();
        assertThat(usage.turns()).isEqualTo(4);
        assertThat(usage.attempts()).isEqualTo(4);
        assertThat(usage.inputTokens()).isEqualTo(6_000);
        assertThat(usage.outputTokens()).isEqualTo(800);
        assertThat(pricing.estimate(run.stats())).isEqualByComparingTo(new BigDecimal("0.000322"));
        assertThat(pricing.estimate(usage)).isEqualByComparingTo(pricing.estimate(run.stats()));
    }
}
