package io.healthscore.domain.scoring;

import io.healthscore.domain.facts.ConversationSignal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Labels from the recent conversations, never their text: the latest sentiment, and the intents and
 * risk flags raised in the conversation window.
 */
public record ConversationSummary(ConversationSignal.Sentiment latestSentiment,
                                  Set<ConversationSignal.Intent> intents,
                                  Set<ConversationSignal.RiskFlag> riskFlags,
                                  int conversations,
                                  LocalDate latestOn) {

    public ConversationSummary {
        intents = Set.copyOf(intents);
        riskFlags = Set.copyOf(riskFlags);
    }
}
