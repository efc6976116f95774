package io.healthscore.bedrock;

/**
 * A conservative token count of text without the model's tokenizer: one token per {@value #BYTES_PER_TOKEN} bytes of
 * UTF-8, rounded up. English runs at about four characters (bytes) per token in the tokenizers Bedrock models use, and
 * CJK text at about one character (three bytes) per token, so this over-counts both: budgets built on it are not
 * exceeded by the text they admit.
 */
public final class TokenEstimate {

    public static final int BYTES_PER_TOKEN = 3;

    private TokenEstimate() {
    }

    public static int of(CharSequence text) {
        long bytes = utf8Bytes(text, 0, text.length());
        return (int) Math.min(Integer.MAX_VALUE, (bytes + BYTES_PER_TOKEN - 1) / BYTES_PER_TOKEN);
    }

    /** UTF-8 length of {@code text[from, to)} without encoding it. */
    static long utf8Bytes(CharSequence text, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n += utf8Bytes(text.charAt(i));
        }
        return n;
    }

    /** UTF-8 bytes of one UTF-16 unit; a surrogate counts 2, so a pair counts 4. */
    static int utf8Bytes(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }
}
