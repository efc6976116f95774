package io.healthscore.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts are written in book order from their own streams: a longer book starts with the shorter one. */
class PrefixStabilityTest {

    @TempDir
    Path tmp;

    @Test
    void theFirstHundredAccountsAreIdenticalInABookOfTwoHundred() throws IOException {
        GeneratorSettings settings = GeneratorSettings.defaults().withSeed(5);
        GeneratedBook small = new SampleGenerator(settings.withAccounts(100)).writeTo(tmp.resolve("100"));
        GeneratedBook large = new SampleGenerator(settings.withAccounts(200)).writeTo(tmp.resolve("200"));

        for (int i = 0; i < small.files().size(); i++) {
            byte[] prefix = Files.readAllBytes(small.files().get(i));
            byte[] longer = Files.readAllBytes(large.files().get(i));
            String name = small.directory().relativize(small.files().get(i)).toString();
            assertThat(longer.length).as(name).isGreaterThanOrEqualTo(prefix.length);
            assertThat(Arrays.equals(Arrays.copyOf(longer, prefix.length), prefix)).as("%s starts with the 100-account file", name)
                    .isTrue();
        }
        assertThat(large.rows("crm_accounts")).isEqualTo(200);
        assertThat(large.rows("usage_weekly")).isGreaterThan(small.rows("usage_weekly"));
    }
}
