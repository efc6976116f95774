package io.healthscore.formats;

import java.time.LocalDate;

/**
 * One conversation as exported, on its way to the extractor. The text lives only in memory for the
 * extraction and is never written anywhere: {@link #toString()} leaves it out on purpose.
 */
public record ConversationRecord(String conversationId, String accountId, LocalDate occurredOn, String channel, String text) {

    @Override
    public String toString() {
        return "ConversationRecord[" + conversationId + ", account " + accountId + ", " + occurredOn + ", " + channel
                + ", " + (text == null ? 0 : text.length()) + " chars]";
    }
}
