package io.healthscore.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.Segment;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentOverrideMatchTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 17);

    private static AccountProfile profile(Segment segment, String tier, Integer employees, LocalDate since) {
        return new AccountProfile("001A", "Acme", segment, tier, employees, null, since, null, null);
    }

    @Test
    void segmentsAreAnyOf() {
        SegmentOverride.Match m = new SegmentOverride.Match(Set.of(Segment.SMB, Segment.MID_MARKET), null, null, null, null, null);
        assertThat(m.matches(profile(Segment.SMB, null, null, null), AS_OF)).isTrue();
        assertThat(m.matches(profile(Segment.MID_MARKET, null, null, null), AS_OF)).isTrue();
        assertThat(m.matches(profile(Segment.ENTERPRISE, null, null, null), AS_OF)).isFalse();
    }

    @Test
    void tiersIgnoreTheCaseOfTheAccountsTier() {
        SegmentOverride.Match m = new SegmentOverride.Match(null, Set.of("premium"), null, null, null, null);
        assertThat(m.matches(profile(Segment.SMB, "Premium", null, null), AS_OF)).isTrue();
        assertThat(m.matches(profile(Segment.SMB, "standard", null, null), AS_OF)).isFalse();
        assertThat(m.matches(profile(Segment.SMB, null, null, null), AS_OF)).isFalse();
    }

    @Test
    void allConditionsMustHold() {
        SegmentOverride.Match m = new SegmentOverride.Match(Set.of(Segment.ENTERPRISE), null, 1000, null, null, null);
        assertThat(m.matches(profile(Segment.ENTERPRISE, null, 1000, null), AS_OF)).isTrue();
        assertThat(m.matches(profile(Segment.ENTERPRISE, null, 999, null), AS_OF)).isFalse();
        assertThat(m.matches(profile(Segment.SMB, null, 5000, null), AS_OF)).isFalse();
    }

    @Test
    void tenureInWholeMonthsInclusive() {
        SegmentOverride.Match m = new SegmentOverride.Match(null, null, null, null, 3, 6);
        assertThat(m.matches(profile(Segment.SMB, null, null, AS_OF.minusMonths(3)), AS_OF)).isTrue();
        assertThat(m.matches(profile(Segment.SMB, null, null, AS_OF.minusMonths(6)), AS_OF)).isTrue();
        // 6 months and 30 days is still 6 whole months
        assertThat(m.matches(profile(Segment.SMB, null, null, AS_OF.minusMonths(7).plusDays(1)), AS_OF)).isTrue();
        assertThat(m.matches(profile(Segment.SMB, null, null, AS_OF.minusMonths(7)), AS_OF)).isFalse();
        // 2 months and 30 days is 2 whole months
        assertThat(m.matches(profile(Segment.SMB, null, null, AS_OF.minusMonths(3).plusDays(1)), AS_OF)).isFalse();
        assertThat(m.matches(profile(Segment.SMB, null, null, null), AS_OF)).isFalse();
    }
}
