package io.healthscore.domain.conversations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extracts the signals of a stream of conversations. An extractor that is unavailable for one
 * conversation ({@link ExtractorUnavailableException}) defers it to the next run and the run goes on.
 * Extracts the signals of a stream of conversations: conversations whose id and content hash are in
 * the ledger cost nothing; new or changed ones go to the extractor while the run's token budget lasts;
 * once it is spent, extraction stops cleanly and the rest are counted as deferred (their accounts'
 * conversation signal is partial). Not thread-safe: one run, one instance.
 */
public final class ExtractionRun {

    /** Figures for the run report. */
    public record Stats(long seen, long cacheHits, long extracted, long rejected, long deferredByBudget,
                        long inputTokens, long outputTokens, Map<String, Long> rejectReasons, long failed,
                        Map<String, Long> failures) {
    }

    private final SignalExtractor extractor;
    private final SignalLedger ledger;
    private final long tokenBudget;
    private long tokensUsed;
    private long seen;
    private long hits;
    private long extracted;
    private long rejected;
    private long deferred;
    private long in;
    private long out;
    private final Map<String, Long> reasons = new LinkedHashMap<>();
    private long failed;
    private final Map<String, Long> failures = new LinkedHashMap<>();
    private final java.util.Set<String> partialAccounts = new java.util.HashSet<>();

    /** @param tokenBudget most tokens (input + output) the run may spend; Long.MAX_VALUE for no limit */
    public ExtractionRun(SignalExtractor extractor, SignalLedger ledger, long tokenBudget) {
        this.extractor = extractor;
        this.ledger = ledger;
        this.tokenBudget = tokenBudget;
    }

    /**
     * Handles one conversation: its extraction from the ledger or from the extractor (accepted or
     * rejected), or empty when the budget deferred it.
     */
    public java.util.Optional<Extraction> accept(Conversation c) {
        seen++;
        String hash = c.contentHash();
        java.util.Optional<Extraction> cached = ledger.find(c.conversationId(), hash, extractor.id(), extractor.promptVersion());
        if (cached.isPresent()) {
            hits++;
            return cached;
        }
        int estimate = extractor.estimateTokens(c);
        if (tokensUsed + estimate > tokenBudget) {
            deferred++;
            partialAccounts.add(c.accountId());
            return java.util.Optional.empty();
        }
        Extraction e;
        try {
            e = extractor.extract(c);
        } catch (ExtractorUnavailableException unavailable) {
            failed++;
            failures.merge(unavailable.code(), 1L, Long::sum);
            partialAccounts.add(c.accountId());
            return java.util.Optional.empty();
        }
        tokensUsed += e.inputTokens() + e.outputTokens();
        in += e.inputTokens();
        out += e.outputTokens();
        if (e.accepted()) {
            extracted++;
        } else {
            rejected++;
            reasons.merge(e.rejectReason(), 1L, Long::sum);
        }
        ledger.put(e);
        return java.util.Optional.of(e);
    }

    /** Accounts whose conversation signal is partial because the budget ran out. */
    public java.util.Set<String> partialAccounts() {
        return java.util.Set.copyOf(partialAccounts);
    }

    public Stats stats() {
        return new Stats(seen, hits, extracted, rejected, deferred, in, out, Map.copyOf(reasons), failed, Map.copyOf(failures));
    }
}
