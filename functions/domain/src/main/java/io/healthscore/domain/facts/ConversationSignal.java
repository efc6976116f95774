package io.healthscore.domain.facts;

import java.time.LocalDate;
import java.util.Set;

/**
 * What was extracted from one conversation (call, email thread, ticket body). Never the text itself.
 *
 * @param conversationId conversation id
 * @param occurredOn     date of the conversation
 * @param sentiment      overall sentiment
 * @param intents        intents expressed
 * @param riskFlags      risk flags raised
 * @param confidence     extractor confidence 0..1
 */
public record ConversationSignal(
        String conversationId,
        LocalDate occurredOn,
        Sentiment sentiment,
        Set<Intent> intents,
        Set<RiskFlag> riskFlags,
        double confidence) {

    public ConversationSignal {
        intents = Set.copyOf(intents);
        riskFlags = Set.copyOf(riskFlags);
    }

    public enum Sentiment { POSITIVE, NEUTRAL, NEGATIVE, ESCALATING }

    public enum Intent { PLANNING_TO_RENEW, EVALUATING_ALTERNATIVES, EXPANSION_INTEREST, FRUSTRATED_WITH_FEATURE, CANCELLATION }

    public enum RiskFlag { CHAMPION_LEAVING, BUDGET_CUTS, MERGER_OR_CONSOLIDATION, SECURITY_COMPLIANCE_CONCERN, EXECUTIVE_CHANGE }
}
