package io.healthscore.domain.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A ledger in memory: for local runs and tests. */
public final class InMemorySignalLedger implements SignalLedger {

    private final Map<String, Extraction> byConversation = new ConcurrentHashMap<>();

    @Override
    public Optional<Extraction> find(String conversationId, String contentHash, String extractor, String promptVersion) {
        Extraction e = byConversation.get(conversationId);
        if (e != null && e.contentHash().equals(contentHash) && e.extractor().equals(extractor)
                && e.promptVersion().equals(promptVersion)) {
            return Optional.of(e);
        }
        return Optional.empty();
    }

    @Override
    public void put(Extraction extraction) {
        byConversation.put(extraction.conversationId(), extraction);
    }

    @Override
    public List<Extraction> forAccount(String accountId) {
        List<Extraction> out = new ArrayList<>();
        for (Extraction e : byConversation.values()) {
            if (e.accountId().equals(accountId) && e.accepted()) {
                out.add(e);
            }
        }
        out.sort((a, b) -> a.conversationId().compareTo(b.conversationId()));
        return out;
    }

    public int size() {
        return byConversation.size();
    }
}
