package io.healthscore.domain.scoring;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static io.healthscore.domain.AccountFactsBuilder.account;
import static io.healthscore.domain.TestModels.change;
import static io.healthscore.domain.TestModels.changes;
import static io.healthscore.domain.TestModels.linear;
import static io.healthscore.domain.TestModels.override;
import static io.healthscore.domain.TestModels.segments;
import static io.healthscore.domain.facts.SupportTicket.Priority.P1;
import static io.healthscore.domain.facts.SupportTicket.Priority.P2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.healthscore.domain.AccountFactsBuilder;
import io.healthscore.domain.TestModels;
import io.healthscore.domain.facts.Contact.StakeholderRole;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.SignalSpec.SignalKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentOverridesTest {

    private final Scorer defaultScorer = new Scorer(TestModels.defaultModel());

    private static AccountHealth score(Scorer s, AccountFactsBuilder b) {
        return s.score(s.measure(b.build(), AS_OF), PeerDistributions.empty());
    }

    private static SubScore sub(AccountHealth h, String dimension) {
        return h.subScores().stream().filter(d -> d.dimension().equals(dimension)).findFirst().orElseThrow();
    }

    private static SignalScore signal(AccountHealth h, String id) {
        return h.signals().stream().filter(s -> s.signal().equals(id)).findFirst().orElseThrow();
    }

    /** One open P1 and nine closed cases in 90 days on 100 seats: case volume 10 per 100 seats. */
    private static AccountFactsBuilder manyCases(Segment segment) {
        AccountFactsBuilder b = account().segment(segment).usage(0, 50, 100).openTicket(P1, -5);
        for (int i = 1; i <= 9; i++) {
            b.ticket(P2, -8 * i, -8 * i + 2, null, false);
        }
        return b;
    }

    @Test
    void enterpriseWithManyCasesScoresBetterOnSupportThanSmbWithTheSameFacts() {
        AccountHealth smb = score(defaultScorer, manyCases(Segment.SMB));
        AccountHealth enterprise = score(defaultScorer, manyCases(Segment.ENTERPRISE));

        // case volume 10 with too few peers -> fallback linear(20 -> 0, 2 -> 100): 55.6; no CSAT; no reopened (100)
        // SMB:        open P1 1 -> 45;  (30 x 45 + 25 x 55.6 + 20 x 100) / 75 = 63.2
        // enterprise: open P1 1 -> 70, case volume weight 15: (30 x 70 + 15 x 55.6 + 20 x 100) / 65 = 75.9
        assertThat(sub(smb, "support").score()).isEqualTo(63);
        assertThat(sub(enterprise, "support").score()).isEqualTo(76);
        assertThat(signal(smb, "open_critical_cases").score()).isEqualTo(45);
        assertThat(signal(enterprise, "open_critical_cases").score()).isEqualTo(70);
        // effective weight in percent of the composite: support 20 x 15 / 90 (csat 25 counts in the total)
        assertThat(signal(enterprise, "case_volume_per_seat").weight()).isCloseTo(20.0 * 15 / 90, within(1e-9));
        assertThat(signal(smb, "case_volume_per_seat").weight()).isCloseTo(20.0 * 25 / 100, within(1e-9));
        // mid-market has no override: same as SMB on support
        assertThat(sub(score(defaultScorer, manyCases(Segment.MID_MARKET)), "support").score()).isEqualTo(63);
    }

    /** Active users down 10 %: four weeks at 50 then four at 45. */
    private static AccountFactsBuilder usageDownTenPercent() {
        AccountFactsBuilder b = account();
        for (int w = 7; w >= 0; w--) {
            b.usage(w, w >= 4 ? 50 : 45, 100);
        }
        return b;
    }

    @Test
    void tenureMatchesNewCustomersUpToSixMonths() {
        // base usage_trend linear(-40, 10): -10 -> 60; onboarding override linear(-20, 30): -10 -> 20
        assertThat(signal(score(defaultScorer, usageDownTenPercent().customerSince(AS_OF.minusMonths(5))), "usage_trend")
                .score()).isCloseTo(20, within(1e-9));
        assertThat(signal(score(defaultScorer, usageDownTenPercent().customerSince(AS_OF.minusMonths(6))), "usage_trend")
                .score()).isCloseTo(20, within(1e-9));
        assertThat(signal(score(defaultScorer, usageDownTenPercent().customerSince(AS_OF.minusMonths(7))), "usage_trend")
                .score()).isCloseTo(60, within(1e-9));
        // tenure unknown: a tenure condition cannot match
        assertThat(signal(score(defaultScorer, usageDownTenPercent()), "usage_trend").score()).isCloseTo(60, within(1e-9));
    }

    @Test
    void employeeBoundsAreInclusiveAndNeedAKnownCount() {
        TestModels.Builder b = TestModels.defaultBuilder();
        b.segmentOverrides.clear();
        b.segmentOverrides.add(override("mid-size", new SegmentOverride.Match(null, null, 200, 1000, null, null),
                changes("usage_trend", change(linear(-20, 30), null))));
        Scorer s = new Scorer(b.build());
        for (int employees : new int[] {200, 600, 1000}) {
            assertThat(signal(score(s, usageDownTenPercent().employees(employees)), "usage_trend").score())
                    .as("%d employees", employees).isCloseTo(20, within(1e-9));
        }
        for (Integer employees : new Integer[] {199, 1001, null}) {
            assertThat(signal(score(s, usageDownTenPercent().employees(employees)), "usage_trend").score())
                    .as("%s employees", employees).isCloseTo(60, within(1e-9));
        }
    }

    @Test
    void aLaterOverrideWinsForTheSameSignalAndEarlierChangesToOtherFieldsStay() {
        TestModels.Builder b = TestModels.defaultBuilder();
        b.segmentOverrides.clear();
        b.segmentOverrides.add(override("first", segments(Segment.ENTERPRISE),
                changes("nps", change(linear(0, 10), 10.0))));
        b.segmentOverrides.add(override("second", segments(Segment.ENTERPRISE, Segment.SMB),
                changes("nps", change(linear(0, 5), null))));
        Scorer s = new Scorer(b.build());
        AccountFactsBuilder nps5 = account().survey(io.healthscore.domain.facts.SurveyResponse.SurveyType.NPS, -3, 5);

        AccountHealth enterprise = score(s, nps5.segment(Segment.ENTERPRISE));
        // transform from "second" (5 of 5 -> 100), weight from "first" (10 of 10 + 35 + 25 = 70 in sentiment 15)
        assertThat(signal(enterprise, "nps").score()).isCloseTo(100, within(1e-9));
        assertThat(signal(enterprise, "nps").weight()).isCloseTo(15.0 * 10 / 70, within(1e-9));
        AccountHealth smb = score(s, nps5.segment(Segment.SMB));
        assertThat(signal(smb, "nps").score()).isCloseTo(100, within(1e-9));
        assertThat(signal(smb, "nps").weight()).isCloseTo(15.0 * 40 / 100, within(1e-9));
        // mid-market: base linear(0, 9): 5 -> 55.6
        assertThat(signal(score(s, nps5.segment(Segment.MID_MARKET)), "nps").score()).isCloseTo(500.0 / 9, within(1e-9));

        // reversed order: "first" wins for enterprise
        TestModels.Builder r = TestModels.defaultBuilder();
        r.segmentOverrides.clear();
        r.segmentOverrides.add(b.segmentOverrides.get(1));
        r.segmentOverrides.add(b.segmentOverrides.get(0));
        assertThat(signal(score(new Scorer(r.build()), nps5.segment(Segment.ENTERPRISE)), "nps").score())
                .isCloseTo(50, within(1e-9));
    }

    @Test
    void weightZeroRemovesTheSignalAndRenormalisesItsDimension() {
        // call 20 days ago; champion engaged 10 days ago; no sponsor (365 days -> 20); 1 stakeholder engaged -> 25
        AccountFactsBuilder facts = account().touch(-20, "call").contact(StakeholderRole.CHAMPION, null, -10);

        AccountHealth smb = score(defaultScorer, facts.segment(Segment.SMB));
        // SMB: sponsor weight 0; touch (60-day steps) 100, champion 100, stakeholders 25 over weights 30 + 30 + 20
        assertThat(sub(smb, "relationship").score()).isEqualTo(81); // 6500 / 80 = 81.25
        assertThat(signal(smb, "executive_sponsor_engaged").weight()).isZero();
        assertThat(signal(smb, "executive_sponsor_engaged").score()).isCloseTo(20, within(1e-9)); // still reported
        assertThat(signal(smb, "days_since_meaningful_touch").weight()).isCloseTo(20.0 * 30 / 80, within(1e-9));
        assertThat(sub(smb, "relationship").coverage()).isCloseTo(1.0, within(1e-9));

        AccountHealth mid = score(defaultScorer, facts.segment(Segment.MID_MARKET));
        // (30 x 100 + 30 x 100 + 20 x 20 + 20 x 25) / 100 = 69
        assertThat(sub(mid, "relationship").score()).isEqualTo(69);
    }

    @Test
    void aDimensionWhoseSignalsAreAllWeightedZeroLeavesTheComposite() {
        TestModels.Builder b = TestModels.defaultBuilder();
        b.dimensions = List.of(new DimensionSpec("a", "A", 50), new DimensionSpec("b", "B", 50));
        b.signals = List.of(
                new SignalSpec("x", "a", 1, SignalKind.QUANTITATIVE, linear(0, 100), "x", null),
                new SignalSpec("y", "b", 1, SignalKind.QUANTITATIVE, linear(0, 100), "y", null));
        b.segmentOverrides = List.of(override("smb ignores y", segments(Segment.SMB), changes("y", change(null, 0.0))));
        b.expansion = new io.healthscore.domain.model.ExpansionSpec(
                List.of(new io.healthscore.domain.model.ExpansionSpec.Component("x", 1, linear(0, 100))), 65);
        Scorer s = new Scorer(b.build());

        AccountHealth smb = score(s, account().segment(Segment.SMB).custom("x", 80).custom("y", 20));
        assertThat(smb.score()).isEqualTo(80);
        assertThat(smb.confidence()).isCloseTo(1.0, within(1e-9));
        assertThat(sub(smb, "b").weight()).isZero();
        assertThat(sub(smb, "a").weight()).isEqualTo(50);

        AccountHealth mid = score(s, account().segment(Segment.MID_MARKET).custom("x", 80).custom("y", 20));
        assertThat(mid.score()).isEqualTo(50);
        // without y's data the SMB account is fully covered, the mid-market one half
        assertThat(score(s, account().segment(Segment.SMB).custom("x", 80)).confidence()).isCloseTo(1.0, within(1e-9));
        assertThat(score(s, account().segment(Segment.MID_MARKET).custom("x", 80)).confidence()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void moreOverridesThanTheScorerCanKeyAreRejectedNotIgnored() {
        TestModels.Builder b = TestModels.defaultBuilder();
        b.segmentOverrides.clear();
        for (int i = 0; i < 64; i++) {
            b.segmentOverrides.add(override("tier " + i, new SegmentOverride.Match(null, java.util.Set.of("tier" + i),
                    null, null, null, null), changes("nps", change(null, 10.0))));
        }
        assertThat(b.build().problems()).isEmpty();
        b.segmentOverrides.add(override("enterprise nps", segments(Segment.ENTERPRISE),
                changes("nps", change(linear(0, 5), null))));
        assertThat(b.build().problems()).extracting(Object::toString)
                .containsExactly("segmentOverrides: has 65 entries; at most 64 are supported");
    }
}
