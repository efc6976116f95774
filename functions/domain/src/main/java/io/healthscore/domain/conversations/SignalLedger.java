package io.healthscore.domain.conversations;

import java.util.List;
import java.util.Optional;

/**
 * Extractions by conversation id and content hash, so an unchanged conversation is never sent to a
 * model twice. DynamoDB in AWS, a file or memory locally.
 */
public interface SignalLedger {

    /** The stored extraction of this conversation when its content hash, extractor and prompt version match. */
    Optional<Extraction> find(String conversationId, String contentHash, String extractor, String promptVersion);

    void put(Extraction extraction);

    /** Every accepted extraction of an account (latest per conversation). */
    List<Extraction> forAccount(String accountId);

    /** Keeps nothing: for a one-off run in which no conversation is seen twice. */
    SignalLedger NONE = new SignalLedger() {
        @Override
        public Optional<Extraction> find(String conversationId, String contentHash, String extractor, String promptVersion) {
            return Optional.empty();
        }

        @Override
        public void put(Extraction extraction) {
        }

        @Override
        public List<Extraction> forAccount(String accountId) {
            return List.of();
        }
    };
}
