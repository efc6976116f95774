package io.healthscore.domain.conversations;

import io.healthscore.domain.facts.ConversationSignal;
import java.util.List;

/**
 * The structured result of one conversation, as kept in the signal ledger: labels, evidence offsets,
 * which extractor and prompt produced it, and what it cost. Never the text.
 *
 * @param conversationId conversation id
 * @param accountId      account id
 * @param contentHash    SHA-256 of the text that was extracted
 * @param signal         the labels (null when rejected)
 * @param evidence       spans supporting each flag and intent
 * @param extractor      extractor id and model, e.g. "bedrock:amazon.nova-micro-v1:0" or "offline"
 * @param promptVersion  prompt or rule-set version
 * @param inputTokens    tokens sent (0 offline)
 * @param outputTokens   tokens received (0 offline)
 * @param rejectReason   why the answer was rejected, null when accepted
 */
public record Extraction(String conversationId, String accountId, String contentHash, ConversationSignal signal,
                         List<Evidence> evidence, String extractor, String promptVersion, int inputTokens,
                         int outputTokens, String rejectReason) {

    public Extraction {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public boolean accepted() {
        return rejectReason == null && signal != null;
    }
}
