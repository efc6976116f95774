package io.healthscore.domain.conversations;

/**
 * Reads a conversation and returns its labels. The offline extractor needs no cloud account; the
 * Bedrock one calls a model. Implementations validate every answer (enums, ranges, spans inside the
 * text) and return a rejected {@link Extraction} rather than invalid labels.
 */
public interface SignalExtractor {

    /** Stable id of extractor and model, stored with every result. */
    String id();

    /** Version of the prompt or rule set, stored with every result; a change re-extracts. */
    String promptVersion();

    /** Tokens this conversation would cost at most (for the run's budget); 0 when free. */
    int estimateTokens(Conversation conversation);

    Extraction extract(Conversation conversation);
}
