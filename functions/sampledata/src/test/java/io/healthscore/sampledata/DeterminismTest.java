package io.healthscore.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    private static final GeneratorSettings SMALL = GeneratorSettings.defaults().withSeed(11).withAccounts(150);

    @TempDir
    Path tmp;

    @Test
    void sameSettingsGiveIdenticalBytesInEveryFile() throws IOException {
        GeneratedBook first = new SampleGenerator(SMALL).writeTo(tmp.resolve("a"));
        GeneratedBook second = new SampleGenerator(SMALL).writeTo(tmp.resolve("b"));

        assertThat(first.files()).hasSize(12);
        assertSameBytes(first, second);
        assertThat(second.rowsByTable()).isEqualTo(first.rowsByTable());
        assertThat(second.archetypes()).isEqualTo(first.archetypes());
    }

    @Test
    void gzippedJsonLinesAreDeterministicToo() throws IOException {
        GeneratorSettings s = SMALL.withFormat("jsonl").withGzip(true);
        GeneratedBook first = new SampleGenerator(s).writeTo(tmp.resolve("a"));
        GeneratedBook second = new SampleGenerator(s).writeTo(tmp.resolve("b"));

        assertThat(first.files()).extracting(p -> p.getFileName().toString())
                .contains("usage_weekly.jsonl.gz", "conversations.jsonl.gz", "renewal_outcomes.jsonl.gz",
                        "accounts.csv", "conversation_labels.jsonl");
        assertSameBytes(first, second);
    }

    @Test
    void threadCountDoesNotChangeTheOutput() throws IOException {
        GeneratedBook one = new SampleGenerator(SMALL.withAccounts(450), 1).writeTo(tmp.resolve("one"));
        GeneratedBook three = new SampleGenerator(SMALL.withAccounts(450), 3).writeTo(tmp.resolve("three"));

        assertSameBytes(one, three);
    }

    @Test
    void anotherSeedGivesAnotherBook() throws IOException {
        GeneratedBook first = new SampleGenerator(SMALL).writeTo(tmp.resolve("a"));
        GeneratedBook other = new SampleGenerator(SMALL.withSeed(12)).writeTo(tmp.resolve("b"));

        for (String name : new String[] {"crm_accounts.csv", "usage_weekly.csv", "conversations.jsonl",
            "ground-truth/accounts.csv"}) {
            assertThat(Files.readAllBytes(other.directory().resolve(name)))
                    .as(name).isNotEqualTo(Files.readAllBytes(first.directory().resolve(name)));
        }
    }

    private static void assertSameBytes(GeneratedBook a, GeneratedBook b) throws IOException {
        assertThat(b.files()).hasSameSizeAs(a.files());
        for (int i = 0; i < a.files().size(); i++) {
            Path pa = a.files().get(i);
            Path pb = b.files().get(i);
            assertThat(a.directory().relativize(pa)).isEqualTo(b.directory().relativize(pb));
            assertThat(Arrays.equals(Files.readAllBytes(pa), Files.readAllBytes(pb)))
                    .as("bytes of %s", a.directory().relativize(pa)).isTrue();
        }
    }
}
