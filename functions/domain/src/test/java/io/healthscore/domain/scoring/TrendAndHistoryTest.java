package io.healthscore.domain.scoring;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static io.healthscore.domain.AccountFactsBuilder.account;
import static io.healthscore.domain.AccountFactsBuilder.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.AccountFactsBuilder;
import io.healthscore.domain.TestModels;
import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.facts.PreviousHealth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Uses the echo model: the composite is the {@code echo} column; trend thresholds +5 / -5; 26 history points. */
class TrendAndHistoryTest {

    private final Scorer echo = new Scorer(TestModels.echoModel());

    private AccountHealth score(AccountFactsBuilder b) {
        return echo.score(echo.measure(b.build(), AS_OF), PeerDistributions.empty());
    }

    private static HistoryPoint point(int day, int score) {
        return new HistoryPoint(day(day), score);
    }

    @ParameterizedTest(name = "previous 60, now {0}: {1} {2}")
    @CsvSource({
            "65, IMPROVING, 5",
            "64, STABLE, 4",
            "60, STABLE, 0",
            "56, STABLE, -4",
            "55, DECLINING, -5",
            "20, DECLINING, -40"})
    void trendAgainstThePreviousScore(int now, Trend.Direction direction, int change) {
        AccountHealth h = score(account().custom("echo", now)
                .previous(-7, 60, Band.WATCHING, -7, List.of(point(-7, 60))));
        assertThat(h.trend()).isEqualTo(new Trend(direction, change));
    }

    @Test
    void trendIsNewWithoutAPreviousScoreOrWithoutAScore() {
        assertThat(score(account().custom("echo", 60)).trend()).isEqualTo(new Trend(Trend.Direction.NEW, null));
        assertThat(score(account().previous(-7, 60, Band.WATCHING, -7, List.of())).trend())
                .isEqualTo(new Trend(Trend.Direction.NEW, null));
    }

    @Test
    void reRunningOnTheSameDayKeepsTheTrendAgainstTheEarlierRun() {
        AccountHealth first = score(account().custom("echo", 45)
                .previous(-7, 60, Band.WATCHING, -30, List.of(point(-7, 60))));
        assertThat(first.trend()).isEqualTo(new Trend(Trend.Direction.DECLINING, -15));
        PreviousHealth written = new PreviousHealth(first.score(), first.band(), first.scoredOn(), first.bandSince(),
                first.history(), null);
        AccountHealth rerun = score(account().custom("echo", 45).previous(written));
        assertThat(rerun.trend()).isEqualTo(first.trend());
    }

    @Test
    void bandSinceIsCarriedWithinTheSameBand() {
        AccountHealth h = score(account().custom("echo", 60)
                .previous(-7, 62, Band.WATCHING, -21, List.of()));
        assertThat(h.bandSince()).isEqualTo(day(-21));
    }

    @Test
    void bandSinceFallsBackToThePreviousScoreDate() {
        PreviousHealth noSince = new PreviousHealth(62, Band.WATCHING, day(-7), null, List.of(), null);
        assertThat(score(account().custom("echo", 60).previous(noSince)).bandSince()).isEqualTo(day(-7));
    }

    @Test
    void bandSinceResetsWhenTheBandChanges() {
        AccountHealth h = score(account().custom("echo", 50)
                .previous(-7, 62, Band.WATCHING, -21, List.of()));
        assertThat(h.band()).isEqualTo(Band.AT_RISK);
        assertThat(h.bandSince()).isEqualTo(AS_OF);
        assertThat(score(account().custom("echo", 50)).bandSince()).isEqualTo(AS_OF);
    }

    @Test
    void historyAppendsTodaysScoreOldestFirst() {
        AccountHealth h = score(account().custom("echo", 65)
                .previous(-7, 62, Band.WATCHING, -14, List.of(point(-7, 62), point(-14, 60))));
        assertThat(h.history()).containsExactly(point(-14, 60), point(-7, 62), point(0, 65));
    }

    @Test
    void historyReplacesAPointOfTheSameDayAndDropsLaterOnes() {
        AccountHealth h = score(account().custom("echo", 65)
                .previous(0, 50, Band.AT_RISK, -7, List.of(point(-7, 48), point(0, 50), point(7, 99))));
        assertThat(h.history()).containsExactly(point(-7, 48), point(0, 65));
    }

    @Test
    void historyKeepsTheNewestPointsUpToTheCap() {
        List<HistoryPoint> prev = new ArrayList<>();
        for (int i = 30; i >= 1; i--) {
            prev.add(point(-7 * i, 60 + (i % 3)));
        }
        AccountHealth h = score(account().custom("echo", 65).previous(-7, 61, Band.WATCHING, -200, prev));
        assertThat(h.history()).hasSize(26);
        assertThat(h.history().get(0)).isEqualTo(prev.get(5)); // 30 + 1 points, the oldest 5 dropped
        assertThat(h.history().get(25)).isEqualTo(point(0, 65));
    }

    @Test
    void withoutAScoreHistoryIsNotExtended() {
        AccountHealth h = score(account().previous(-7, 62, Band.WATCHING, -14, List.of(point(-7, 62))));
        assertThat(h.score()).isNull();
        assertThat(h.history()).containsExactly(point(-7, 62));
    }

    @Test
    void redSinceIsTheStartOfTheUnbrokenRedRunInHistory() {
        AccountHealth h = score(account().custom("echo", 40)
                .previous(-7, 45, Band.AT_RISK, -14, List.of(point(-21, 60), point(-14, 50), point(-7, 30))));
        assertThat(h.band()).isEqualTo(Band.AT_RISK);
        assertThat(h.redSince()).isEqualTo(day(-14)); // at risk and critical both count as red
    }

    @Test
    void redSinceIsTodayWhenRedJustBegan() {
        AccountHealth h = score(account().custom("echo", 40)
                .previous(-7, 60, Band.WATCHING, -14, List.of(point(-7, 60))));
        assertThat(h.redSince()).isEqualTo(AS_OF);
    }

    @Test
    void redSinceIsNullWhenNotRed() {
        AccountHealth h = score(account().custom("echo", 60)
                .previous(-7, 45, Band.AT_RISK, -14, List.of(point(-14, 45), point(-7, 45))));
        assertThat(h.redSince()).isNull();
    }
}
