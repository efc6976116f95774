package io.healthscore.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TranscriptWindowTest {

    @Test
    void shortTranscriptIsSentWhole() {
        String text = Fixtures.transcript("renewal_risk.txt");
        TranscriptWindow w = TranscriptWindow.of(text, 6_000);

        assertThat(w.capped()).isFalse();
        assertThat(w.sent()).isSameAs(text);
        assertThat(w.omitted()).isZero();
        assertThat(w.toOriginal(10, 20)).containsExactly(10, 20);
    }

    @Test
    void longTranscriptKeepsHeadAndTailWithinTheBound() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 200_000; i++) {
            b.append("line ").append(i).append(" of the call notes\n");
        }
        String text = b.toString();
        TranscriptWindow w = TranscriptWindow.of(text, 1_000);

        assertThat(w.capped()).isTrue();
        assertThat(w.sent().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(3_000);
        assertThat(TokenEstimate.of(w.sent())).isLessThanOrEqualTo(1_000);
        int head = w.sent().indexOf("\n[... ");
        assertThat(text).startsWith(w.sent().substring(0, head));
        String tail = w.sent().substring(w.sent().indexOf(" characters omitted ...]\n") + " characters omitted ...]\n".length());
        assertThat(text).endsWith(tail);
        assertThat(head + w.omitted() + tail.length()).isEqualTo(text.length());
        assertThat(w.sent()).contains("[... " + w.omitted() + " characters omitted ...]");
        assertThat((double) head / (head + tail.length())).isBetween(0.6, 0.7);
    }

    @Test
    void spansMapBackToTheSameCharactersOfTheOriginal() {
        String text = "abcdefghij".repeat(5_000);
        TranscriptWindow w = TranscriptWindow.of(text, 500);
        Random random = new Random(3);
        int mapped = 0;
        for (int i = 0; i < 2_000; i++) {
            int start = random.nextInt(w.sent().length() - 1);
            int end = start + 1 + random.nextInt(Math.min(30, w.sent().length() - start));
            int[] o = w.toOriginal(start, end);
            if (w.touchesMarker(start, end)) {
                assertThat(o).isNull();
            } else {
                assertThat(text.substring(o[0], o[1])).isEqualTo(w.sent().substring(start, end));
                mapped++;
            }
        }
        assertThat(mapped).isGreaterThan(1_500);
    }

    @Test
    void multiByteTextIsCutOnCodePointsWithinTheByteBound() {
        String text = "Grüße 😀 数据 ".repeat(20_000);
        TranscriptWindow w = TranscriptWindow.of(text, 400);

        assertThat(w.sent().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_200);
        for (int i = 0; i < w.sent().length(); i++) {
            char c = w.sent().charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(Character.isLowSurrogate(w.sent().charAt(i + 1))).isTrue();
            } else if (Character.isLowSurrogate(c)) {
                assertThat(Character.isHighSurrogate(w.sent().charAt(i - 1))).isTrue();
            }
        }
    }

    @Test
    void tokenEstimateOverCountsEnglishAndCountsCjkAsOneTokenPerCharacter() {
        assertThat(TokenEstimate.of("")).isZero();
        assertThat(TokenEstimate.of("abc")).isEqualTo(1);
        assertThat(TokenEstimate.of("abcd")).isEqualTo(2);
        assertThat(TokenEstimate.of("数据数据")).isEqualTo(4);
        assertThat(TokenEstimate.of("😀")).isEqualTo(2);
    }
}
