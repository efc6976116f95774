package io.healthscore.bedrock;

import io.healthscore.domain.conversations.Evidence;
import io.healthscore.domain.facts.ConversationSignal.Intent;
import io.healthscore.domain.facts.ConversationSignal.RiskFlag;
import io.healthscore.domain.facts.ConversationSignal.Sentiment;
import java.util.List;
import java.util.Set;

/**
 * An answer that passed every check, with its evidence mapped to offsets of the original text.
 */
public record ValidatedAnswer(Sentiment sentiment, Set<Intent> intents, Set<RiskFlag> riskFlags, double confidence,
                              List<Evidence> evidence) {

    public ValidatedAnswer {
        intents = Set.copyOf(intents);
        riskFlags = Set.copyOf(riskFlags);
        evidence = List.copyOf(evidence);
    }
}
