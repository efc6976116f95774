package io.healthscore.sampledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        GeneratorSettings s = GeneratorSettings.defaults();
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.accounts()).isEqualTo(1_000);
        assertThat(s.weeks()).isEqualTo(56);
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(s.asOf().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(s.gzip()).isFalse();
        assertThat(s.format()).isEqualTo("csv");
        assertThat(s.conversationsPerAccountPerYear()).isEqualTo(10);
    }

    @Test
    void withMethodsChangeOneField() {
        GeneratorSettings s = GeneratorSettings.defaults().withSeed(1).withAccounts(5).withWeeks(60).withGzip(true)
                .withFormat("jsonl").withAsOf(LocalDate.of(2026, 1, 5)).withConversationsPerAccountPerYear(3);
        assertThat(s).isEqualTo(new GeneratorSettings(1, 5, 60, LocalDate.of(2026, 1, 5), true, "jsonl", 3));
    }

    @Test
    void impossibleSettingsAreRefusedWithTheField() {
        GeneratorSettings d = GeneratorSettings.defaults();
        assertThatThrownBy(() -> d.withWeeks(51)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weeks");
        assertThatThrownBy(() -> d.withAccounts(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accounts");
        assertThatThrownBy(() -> d.withFormat("xml")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("csv or jsonl");
        assertThatThrownBy(() -> d.withConversationsPerAccountPerYear(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
