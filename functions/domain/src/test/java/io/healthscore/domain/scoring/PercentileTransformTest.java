package io.healthscore.domain.scoring;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static io.healthscore.domain.AccountFactsBuilder.account;
import static io.healthscore.domain.TestModels.linear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.healthscore.domain.TestModels;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.model.Transform;
import io.healthscore.domain.signals.BuiltInSignal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Percentile transforms rank a raw value among the same segment's peers in the run (mid-rank for ties),
 * fall back to the whole book below minPeers, and to the linear fallback when the book is too small.
 */
class PercentileTransformTest {

    private static final int MIN_PEERS = 4;

    private Scorer scorer(Transform.Percentile t) {
        TestModels.Builder b = TestModels.defaultBuilder();
        b.segmentOverrides.clear();
        b.transform("case_volume_per_seat", t);
        return new Scorer(b.build());
    }

    private int signal(Scorer s) {
        return s.signalIds().indexOf("case_volume_per_seat");
    }

    private Scorer.Measured measured(Scorer s, Segment segment, double caseVolume) {
        double[] raw = new double[s.signalIds().size()];
        Arrays.fill(raw, Double.NaN);
        raw[signal(s)] = caseVolume;
        double[] builtIns = new double[BuiltInSignal.values().length];
        Arrays.fill(builtIns, Double.NaN);
        return new Scorer.Measured(account().segment(segment).build(), AS_OF, raw, builtIns);
    }

    private PeerDistributions peers(Scorer s, Segment segment, double... values) {
        return peers(s, List.of(), segment, values);
    }

    private PeerDistributions peers(Scorer s, List<Scorer.Measured> others, Segment segment, double... values) {
        List<Scorer.Measured> all = new ArrayList<>(others);
        for (double v : values) {
            all.add(measured(s, segment, v));
        }
        return s.peers(all);
    }

    private double score(Scorer s, Segment segment, double raw, PeerDistributions peers) {
        return s.score(measured(s, segment, raw), peers).signals().get(signal(s)).score();
    }

    @Test
    void ranksAmongTheSegmentsPeersLowerIsBetter() {
        Scorer s = scorer(new Transform.Percentile(false, MIN_PEERS, linear(20, 2)));
        List<Scorer.Measured> enterprise = new ArrayList<>();
        for (double v : new double[] {10, 20, 30, 40, 50}) {
            enterprise.add(measured(s, Segment.ENTERPRISE, v));
        }
        PeerDistributions peers = peers(s, enterprise, Segment.SMB, 1, 2, 3, 4, 5);

        // SMB 3 among SMB [1..5]: 2 below, 1 equal -> (2 + 0.5) / 5 = 50th percentile -> 100 - 50
        assertThat(score(s, Segment.SMB, 3, peers)).isCloseTo(50, within(1e-9));
        // SMB 5: 4 below, 1 equal -> 90th percentile -> 10 (more cases is worse)
        assertThat(score(s, Segment.SMB, 5, peers)).isCloseTo(10, within(1e-9));
        // SMB 10 would be the median of the enterprise book, but among SMB peers it is the worst
        assertThat(score(s, Segment.SMB, 10, peers)).isCloseTo(0, within(1e-9));
        // enterprise 30 among enterprise [10..50]: median
        assertThat(score(s, Segment.ENTERPRISE, 30, peers)).isCloseTo(50, within(1e-9));
        // enterprise 1: below every enterprise peer -> 0th percentile -> 100
        assertThat(score(s, Segment.ENTERPRISE, 1, peers)).isCloseTo(100, within(1e-9));
    }

    @Test
    void higherIsBetterUsesThePercentileAsIs() {
        Scorer s = scorer(new Transform.Percentile(true, MIN_PEERS, linear(2, 20)));
        PeerDistributions peers = peers(s, Segment.SMB, 1, 2, 3, 4, 5);
        assertThat(score(s, Segment.SMB, 5, peers)).isCloseTo(90, within(1e-9));
        assertThat(score(s, Segment.SMB, 1, peers)).isCloseTo(10, within(1e-9));
    }

    @Test
    void tiesGetTheMidRank() {
        Scorer s = scorer(new Transform.Percentile(true, MIN_PEERS, null));
        PeerDistributions peers = peers(s, Segment.SMB, 5, 5, 5, 5);
        assertThat(score(s, Segment.SMB, 5, peers)).isCloseTo(50, within(1e-9));

        // [1, 5, 5, 5, 9]: 1 below, 3 equal -> (1 + 1.5) / 5 = 50
        PeerDistributions mixed = peers(s, Segment.SMB, 1, 5, 5, 5, 9);
        assertThat(score(s, Segment.SMB, 5, mixed)).isCloseTo(50, within(1e-9));
        // [1, 1, 5, 9]: value 1 has 0 below, 2 equal -> 1 / 4 = 25
        PeerDistributions low = peers(s, Segment.SMB, 1, 1, 5, 9);
        assertThat(score(s, Segment.SMB, 1, low)).isCloseTo(25, within(1e-9));
    }

    @Test
    void segmentBelowMinPeersUsesTheWholeBook() {
        Scorer s = scorer(new Transform.Percentile(false, MIN_PEERS, linear(20, 2)));
        List<Scorer.Measured> others = new ArrayList<>();
        for (double v : new double[] {1, 2, 3, 4, 5}) {
            others.add(measured(s, Segment.SMB, v));
        }
        for (double v : new double[] {10, 20, 30, 40, 50}) {
            others.add(measured(s, Segment.ENTERPRISE, v));
        }
        PeerDistributions peers = peers(s, others, Segment.MID_MARKET, 100, 200);

        // mid-market has 2 peers (< 4): ranked in the book of 12 sorted
        // [1,2,3,4,5,10,20,30,40,50,100,200]; 100 has 10 below, 1 equal -> 10.5 / 12 = 87.5 -> 12.5
        assertThat(score(s, Segment.MID_MARKET, 100, peers)).isCloseTo(12.5, within(1e-9));
        // 30 in the book: 7 below, 1 equal -> 7.5 / 12 = 62.5 -> 37.5 (in the segment it would be the best)
        assertThat(score(s, Segment.MID_MARKET, 30, peers)).isCloseTo(37.5, within(1e-9));
    }

    @Test
    void bookBelowMinPeersUsesTheLinearFallback() {
        Scorer s = scorer(new Transform.Percentile(false, MIN_PEERS, linear(20, 2)));
        PeerDistributions three = peers(s, Segment.SMB, 1, 2, 3);
        // fallback linear 20 -> 0, 2 -> 100: 11 is halfway
        assertThat(score(s, Segment.SMB, 11, three)).isCloseTo(50, within(1e-9));
        assertThat(score(s, Segment.SMB, 11, PeerDistributions.empty())).isCloseTo(50, within(1e-9));
        assertThat(score(s, Segment.SMB, 25, PeerDistributions.empty())).isCloseTo(0, within(1e-9));
    }

    @Test
    void noPeersAndNoFallbackIsNoData() {
        Scorer s = scorer(new Transform.Percentile(false, MIN_PEERS, null));
        AccountHealth h = s.score(measured(s, Segment.SMB, 11), PeerDistributions.empty());
        SignalScore sig = h.signals().get(signal(s));
        assertThat(sig.score()).isNaN();
        assertThat(sig.hasData()).isFalse();
        // the only measured signal had no data: no composite
        assertThat(h.score()).isNull();
        assertThat(h.band()).isEqualTo(Band.INSUFFICIENT_SIGNAL);
    }

    @Test
    void accountsWithoutDataAreNotPeers() {
        Scorer s = scorer(new Transform.Percentile(false, MIN_PEERS, null));
        PeerDistributions peers = peers(s, Segment.SMB, 1, 2, 3, Double.NaN, Double.NaN);
        assertThat(peers.peers(signal(s), Segment.SMB)).isEqualTo(3);
        // 3 real peers < 4, and no fallback: no data
        assertThat(score(s, Segment.SMB, 2, peers)).isNaN();
    }

    @Test
    void peersAreCollectedOnlyForPercentileSignals() {
        Scorer s = scorer(new Transform.Percentile(false, MIN_PEERS, null));
        PeerDistributions peers = peers(s, Segment.SMB, 1, 2, 3, 4);
        int linearSignal = s.signalIds().indexOf("seat_utilisation");
        assertThat(peers.peers(linearSignal, Segment.SMB)).isZero();
        assertThat(peers.peers(signal(s), Segment.SMB)).isEqualTo(4);
    }

    @Test
    void percentileSetOnlyByASegmentOverrideStillCollectsPeers() {
        // the base transform is linear; enterprise accounts switch to percentile
        TestModels.Builder b = TestModels.defaultBuilder();
        b.transform("case_volume_per_seat", linear(20, 2));
        b.segmentOverrides.clear();
        b.segmentOverrides.add(TestModels.override("enterprise ranks", TestModels.segments(Segment.ENTERPRISE),
                TestModels.changes("case_volume_per_seat",
                        TestModels.change(new Transform.Percentile(false, MIN_PEERS, null), null))));
        Scorer s = new Scorer(b.build());
        PeerDistributions peers = peers(s, Segment.ENTERPRISE, 10, 20, 30, 40, 50);
        assertThat(score(s, Segment.ENTERPRISE, 30, peers)).isCloseTo(50, within(1e-9));
        // mid-market keeps the linear base: 11 -> 50
        assertThat(score(s, Segment.MID_MARKET, 11, peers)).isCloseTo(50, within(1e-9));
    }
}
