package io.healthscore.domain.conversations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * One conversation on its way to an extractor. The text lives only in memory for the extraction and
 * is never written anywhere; {@link #toString()} leaves it out on purpose.
 */
public record Conversation(String conversationId, String accountId, LocalDate occurredOn, String channel, String text) {

    /** SHA-256 of the text: with the conversation id, the cache key of an extraction. */
    public String contentHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Conversation[" + conversationId + ", account " + accountId + ", " + occurredOn + ", " + channel + ", "
                + (text == null ? 0 : text.length()) + " chars]";
    }
}
