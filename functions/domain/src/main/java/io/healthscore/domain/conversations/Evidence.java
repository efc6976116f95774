package io.healthscore.domain.conversations;

/**
 * Where in the conversation a label is supported: a character span [start, end) of the input text.
 * Only the offsets are kept, never the quoted text.
 *
 * @param label the label it supports, e.g. "risk_flag:budget_cuts" or "intent:cancellation"
 */
public record Evidence(String label, int start, int end) {
}
