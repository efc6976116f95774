package io.healthscore.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthscore.domain.facts.ConversationSignal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Conversation text: varied wording, channel formats, lengths, and labels kept out of the export. */
class ConversationTextTest {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private static List<JsonNode> conversations;
    private static Map<String, JsonNode> labels;

    @BeforeAll
    static void load() {
        GeneratedBook book = SampleBooks.standard();
        conversations = SampleBooks.jsonLines(book.directory().resolve("conversations.jsonl"));
        labels = new HashMap<>();
        for (JsonNode l : SampleBooks.jsonLines(book.directory().resolve("ground-truth/conversation_labels.jsonl"))) {
            labels.put(l.get("conversation_id").asText(), l);
        }
    }

    @Test
    void aboutTenConversationsPerAccountAndYear() {
        double perYear = conversations.size() / (double) SampleBooks.STANDARD_ACCOUNTS * 52 / 56;
        assertThat(perYear).isBetween(8.5, 11.5);
        assertThat(labels).hasSize(conversations.size());
    }

    @Test
    void noTwoConversationsAreIdenticalAndSentencesVary() {
        Set<String> texts = new HashSet<>();
        List<String> sentences = new ArrayList<>();
        for (JsonNode c : conversations) {
            String text = c.get("text").asText();
            texts.add(text);
            for (String s : SENTENCE_END.split(text)) {
                if (s.trim().length() > 15) {
                    sentences.add(s.trim());
                }
            }
        }
        assertThat(texts).hasSize(conversations.size());
        Set<String> distinct = new HashSet<>(sentences);
        assertThat(distinct.size()).isGreaterThan(20_000);
        assertThat((double) distinct.size() / sentences.size()).isGreaterThan(0.15);
    }

    @Test
    void lengthsAreBetweenTwoHundredAndTwoThousandCharacters() {
        List<Integer> lengths = conversations.stream().map(c -> c.get("text").asText().length()).sorted().toList();
        assertThat(lengths.get(0)).isGreaterThanOrEqualTo(200);
        assertThat(lengths.get(lengths.size() - 1)).isLessThanOrEqualTo(2_000);
        int median = lengths.get(lengths.size() / 2);
        assertThat(median).isBetween(350, 800);
        assertThat(lengths.get(lengths.size() * 99 / 100)).isGreaterThan(1_000);
    }

    @Test
    void eachChannelHasItsOwnFormat() {
        Map<String, Integer> byChannel = new HashMap<>();
        for (JsonNode c : conversations) {
            String channel = c.get("channel").asText();
            String text = c.get("text").asText();
            byChannel.merge(channel, 1, Integer::sum);
            switch (channel) {
                case "email" -> {
                    assertThat(text).startsWith("Subject: " + c.get("subject").asText() + "\n\n");
                }
                case "call" -> {
                    assertThat(text).contains("\nCSM").contains("\nCustomer");
                    assertThat(c.has("subject")).isFalse();
                }
                case "ticket" -> assertThat(text).startsWith("Case ").contains("Priority: P");
                default -> throw new AssertionError("unexpected channel " + channel);
            }
        }
        assertThat(byChannel.keySet()).containsExactlyInAnyOrder("call", "email", "ticket");
    }

    @Test
    void labelsAreOnlyInTheGroundTruth() {
        Set<String> allowed = Set.of("conversation_id", "account_id", "occurred_at", "channel", "text", "subject");
        for (JsonNode c : conversations) {
            c.fieldNames().forEachRemaining(f -> assertThat(allowed).contains(f));
            assertThat(labels).containsKey(c.get("conversation_id").asText());
        }
    }

    @Test
    void everyLabelOccursAndNeutralChatterToo() {
        Map<String, Integer> counts = new HashMap<>();
        int unlabelledNeutral = 0;
        for (JsonNode l : labels.values()) {
            counts.merge(l.get("sentiment").asText(), 1, Integer::sum);
            SampleBooks.textList(l.get("intents")).forEach(i -> counts.merge(i, 1, Integer::sum));
            SampleBooks.textList(l.get("risk_flags")).forEach(f -> counts.merge(f, 1, Integer::sum));
            if (l.get("intents").isEmpty() && l.get("risk_flags").isEmpty() && l.get("sentiment").asText().equals("neutral")) {
                unlabelledNeutral++;
            }
        }
        for (Enum<?>[] values : new Enum<?>[][] {ConversationSignal.Sentiment.values(), ConversationSignal.Intent.values(),
            ConversationSignal.RiskFlag.values()}) {
            for (Enum<?> v : values) {
                assertThat(counts.getOrDefault(ConversationLabels.wire(v), 0)).as(v.name()).isGreaterThan(40);
            }
        }
        assertThat(unlabelledNeutral).isGreaterThan(labels.size() / 20);
    }

    @Test
    void negationTrapsDenyLabelsTheConversationDoesNotHave() {
        int traps = 0;
        for (JsonNode l : labels.values()) {
            List<String> negated = SampleBooks.textList(l.get("negated"));
            if (negated.isEmpty()) {
                continue;
            }
            traps++;
            assertThat(SampleBooks.textList(l.get("intents"))).doesNotContainAnyElementsOf(negated);
            assertThat(SampleBooks.textList(l.get("risk_flags"))).doesNotContainAnyElementsOf(negated);
        }
        assertThat(traps).isGreaterThan(labels.size() / 20);
    }

    @Test
    void denialsAreWrittenIntoTheText() {
        Map<String, String> texts = new HashMap<>();
        conversations.forEach(c -> texts.put(c.get("conversation_id").asText(), c.get("text").asText()));
        int budgetDenials = 0;
        for (JsonNode l : labels.values()) {
            if (SampleBooks.textList(l.get("negated")).contains("budget_cuts")) {
                budgetDenials++;
                String text = texts.get(l.get("conversation_id").asText()).toLowerCase(java.util.Locale.ROOT);
                assertThat(text).containsAnyOf("no budget issues", "budget isn't a concern", "no cuts planned",
                        "budget hasn't been cut", "did not have any budget reductions");
            }
        }
        assertThat(budgetDenials).isPositive();
    }
}
