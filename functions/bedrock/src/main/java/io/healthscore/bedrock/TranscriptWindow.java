package io.healthscore.bedrock;

/**
 * The part of a transcript that is sent to the model. A transcript of at most {@code maxTokens} estimated tokens
 * ({@link TokenEstimate}) is sent whole. A longer one is cut to its head (two thirds of the bound) and its tail (the
 * rest), joined by a marker line saying how many characters were left out, so the request never carries more than
 * {@code maxTokens} estimated tokens of transcript however large the input. Cuts never split a surrogate pair.
 *
 * <p>The model's evidence offsets count in the sent text; {@link #toOriginal(int, int)} maps them back to the
 * original text, and a span that touches the marker maps to nothing.
 */
public final class TranscriptWindow {

    private static final int MARKER_RESERVE_BYTES = 64;

    private final String sent;
    private final int originalLength;
    private final int headEnd;
    private final int markerEnd;
    private final int tailStart;

    private TranscriptWindow(String sent, int originalLength, int headEnd, int markerEnd, int tailStart) {
        this.sent = sent;
        this.originalLength = originalLength;
        this.headEnd = headEnd;
        this.markerEnd = markerEnd;
        this.tailStart = tailStart;
    }

    public static TranscriptWindow of(String text, int maxTokens) {
        long maxBytes = (long) maxTokens * TokenEstimate.BYTES_PER_TOKEN;
        if (TokenEstimate.utf8Bytes(text, 0, text.length()) <= maxBytes) {
            return new TranscriptWindow(text, text.length(), text.length(), text.length(), text.length());
        }
        long room = Math.max(0, maxBytes - MARKER_RESERVE_BYTES);
        long headRoom = room * 2 / 3;
        long tailRoom = room - headRoom;
        int headEnd = 0;
        long used = 0;
        while (headEnd < text.length()) {
            int width = Character.isHighSurrogate(text.charAt(headEnd)) && headEnd + 1 < text.length() ? 2 : 1;
            long bytes = TokenEstimate.utf8Bytes(text, headEnd, headEnd + width);
            if (used + bytes > headRoom) {
                break;
            }
            used += bytes;
            headEnd += width;
        }
        int tailStart = text.length();
        used = 0;
        while (tailStart > headEnd) {
            int width = Character.isLowSurrogate(text.charAt(tailStart - 1)) && tailStart - 2 >= headEnd ? 2 : 1;
            long bytes = TokenEstimate.utf8Bytes(text, tailStart - width, tailStart);
            if (used + bytes > tailRoom) {
                break;
            }
            used += bytes;
            tailStart -= width;
        }
        String marker = "\n[... " + (tailStart - headEnd) + " characters omitted ...]\n";
        String sent = text.substring(0, headEnd) + marker + text.substring(tailStart);
        return new TranscriptWindow(sent, text.length(), headEnd, headEnd + marker.length(), tailStart);
    }

    /** The text the model sees. */
    public String sent() {
        return sent;
    }

    public boolean capped() {
        return tailStart != headEnd || markerEnd != headEnd;
    }

    public int originalLength() {
        return originalLength;
    }

    /** Characters of the original left out. */
    public int omitted() {
        return tailStart - headEnd;
    }

    /** Whether [start, end) of the sent text overlaps the omission marker. */
    public boolean touchesMarker(int start, int end) {
        return capped() && start < markerEnd && end > headEnd;
    }

    /**
     * The span [start, end) of the sent text as a span of the original, or null when it touches the marker. The span
     * must lie inside the sent text.
     */
    public int[] toOriginal(int start, int end) {
        if (touchesMarker(start, end)) {
            return null;
        }
        if (end <= headEnd) {
            return new int[] {start, end};
        }
        int shift = tailStart - markerEnd;
        return new int[] {start + shift, end + shift};
    }
}
