package io.healthscore.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.healthscore.backtest.calibration.BandThresholds;
import io.healthscore.backtest.metrics.BandTable;
import io.healthscore.backtest.metrics.LeadTime;
import io.healthscore.backtest.metrics.Lift;
import io.healthscore.backtest.metrics.LogisticRegression;
import io.healthscore.backtest.metrics.ProbabilityMap;
import io.healthscore.backtest.metrics.RocAuc;
import io.healthscore.backtest.metrics.SignalEvidence;
import io.healthscore.domain.scoring.Band;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void aucIsPairCountingWithTiesCountingHalf() {
        SplittableRandom r = new SplittableRandom(3);
        double[] pos = new double[300];
        double[] neg = new double[500];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = r.nextInt(60) + 20; // integers force many ties
        }
        for (int i = 0; i < neg.length; i++) {
            neg[i] = r.nextInt(60);
        }
        double pairs = 0;
        for (double p : pos) {
            for (double n : neg) {
                pairs += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        assertThat(RocAuc.auc(pos, neg)).isCloseTo(pairs / (pos.length * (double) neg.length), within(1e-12));
        assertThat(RocAuc.auc(new double[] {50}, new double[] {50, 10})).isEqualTo(0.75);
        assertThat(RocAuc.auc(new double[0], new double[] {1})).isNaN();
    }

    @Test
    void rocCurveRunsFromCornerToCornerAndItsAreaIsTheAuc() {
        SplittableRandom r = new SplittableRandom(5);
        double[] pos = r.doubles(200).map(x -> Math.round(x * 50 + 20)).toArray();
        double[] neg = r.doubles(400).map(x -> Math.round(x * 50)).toArray();
        List<RocAuc.Point> c = RocAuc.curve(pos, neg, 10_000);
        assertThat(c.get(0).falsePositiveRate()).isZero();
        assertThat(c.get(c.size() - 1).truePositiveRate()).isEqualTo(1.0);
        double area = 0;
        for (int i = 1; i < c.size(); i++) {
            area += (c.get(i).falsePositiveRate() - c.get(i - 1).falsePositiveRate())
                    * (c.get(i).truePositiveRate() + c.get(i - 1).truePositiveRate()) / 2;
        }
        assertThat(area).isCloseTo(RocAuc.auc(pos, neg), within(1e-12));
        assertThat(RocAuc.curve(pos, neg, 25)).hasSize(25);
    }

    @Test
    void liftTakesTiesAtTheCutInProportion() {
        // 10 accounts, top 10 % = 1 slot; the two riskiest tie and one of them churned: expected 0.5 churner
        double[] risk = {9, 9, 1, 1, 1, 1, 1, 1, 1, 1};
        int[] y = {1, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        assertThat(Lift.eventsInTopShare(risk, y, 0.1)).isEqualTo(0.5);
        assertThat(Lift.ofTopShare(risk, y, 0.1)).isCloseTo(0.5 / 1 / 0.2, within(1e-12));
    }

    @Test
    void bandTableReadsBandsAsFlags() {
        Band[] b = {Band.CRITICAL, Band.AT_RISK, Band.AT_RISK, Band.HEALTHY, Band.HEALTHY, Band.WATCHING, Band.INSUFFICIENT_SIGNAL};
        int[] y = {1, 1, 0, 0, 0, 1, -1};
        List<BandTable.Row> rows = BandTable.of(b, y);
        BandTable.Row red = rows.get(5);
        assertThat(red.band()).isEqualTo("at_risk_or_worse");
        assertThat(red.accounts()).isEqualTo(3);
        assertThat(red.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(red.recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(red.falsePositiveRate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(rows.get(4).accounts()).as("left-out outcomes are not counted").isZero();
    }

    @Test
    void leadTimeIsFromTheFirstRedSnapshotInTheWindow() {
        LocalDate churn = LocalDate.of(2026, 6, 1);
        LeadTime.Window flaggedEarly = new LeadTime.Window("a", "smb", churn,
                List.of(churn.minusDays(100), churn.minusDays(93), churn.minusDays(86), churn.minusDays(2)),
                List.of(Band.HEALTHY, Band.AT_RISK, Band.WATCHING, Band.CRITICAL));
        LeadTime.Window never = new LeadTime.Window("b", "smb", churn, List.of(churn.minusDays(70)), List.of(Band.WATCHING));
        LeadTime.Window late = new LeadTime.Window("c", "smb", churn, List.of(churn.minusDays(20)), List.of(Band.AT_RISK));
        LeadTime.Window none = new LeadTime.Window("d", "smb", churn, List.of(), List.of());
        assertThat(flaggedEarly.leadDays()).isEqualTo(93);
        LeadTime.Result r = LeadTime.of(List.of(flaggedEarly, never, late, none), 180, 60);
        assertThat(r.churners()).isEqualTo(4);
        assertThat(r.withSnapshots()).isEqualTo(3);
        assertThat(r.flagged()).isEqualTo(2);
        assertThat(r.medianDays()).isEqualTo((93 + 20) / 2.0);
        assertThat(r.reachingAhead()).as("c's only snapshot is 20 days before").isEqualTo(2);
        assertThat(r.flaggedAhead()).isEqualTo(1);
        assertThat(r.shareFlaggedAhead()).isEqualTo(0.5);
        assertThat(r.histogram().get(0).churners()).isEqualTo(1);
        assertThat(r.histogram().get(3).churners()).isEqualTo(1);
        assertThat(LeadTime.shareEverRed(List.of(flaggedEarly, never, none))).isEqualTo(0.5);
    }

    @Test
    void signalEvidenceFlagsLowVarianceAndOrientsRawSignals() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 2000;
        double[] informative = new double[n];
        double[] constant = new double[n];
        double[] rawRisk = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.2 ? 1 : 0;
            informative[i] = 60 - 25 * y[i] + r.nextGaussian() * 15;
            constant[i] = i % 100 == 0 ? 0 : 100;
            rawRisk[i] = 3 * y[i] + r.nextGaussian() * 2;
        }
        SignalEvidence.Result good = SignalEvidence.numeric("good", "usage", 10, informative, y, SignalEvidence.Orientation.HEALTH_SCORE);
        assertThat(good.auc()).isGreaterThan(0.8);
        assertThat(good.verdict()).isEqualTo("predictive");
        assertThat(good.liftWorstFifth()).isGreaterThan(2);
        SignalEvidence.Result flat = SignalEvidence.numeric("flat", "usage", 10, constant, y, SignalEvidence.Orientation.HEALTH_SCORE);
        assertThat(flat.lowVariance()).isTrue();
        assertThat(flat.verdict()).isEqualTo("low_variance");
        SignalEvidence.Result raw = SignalEvidence.numeric("raw", null, Double.NaN, rawRisk, y, SignalEvidence.Orientation.UNKNOWN);
        assertThat(raw.direction()).isEqualTo("higher_is_riskier");
        assertThat(raw.auc()).isGreaterThan(0.8);
        SignalEvidence.Result flipped = SignalEvidence.numeric("raw", null, Double.NaN,
                java.util.Arrays.stream(rawRisk).map(v -> -v).toArray(), y, SignalEvidence.Orientation.UNKNOWN);
        assertThat(flipped.direction()).isEqualTo("lower_is_riskier");
        assertThat(flipped.auc()).isCloseTo(raw.auc(), within(1e-12));
    }

    @Test
    void logisticRegressionReachesTheMaximumLikelihoodOptimumWithAndWithoutSignBounds() {
        SplittableRandom r = new SplittableRandom(17);
        int n = 3000;
        int p = 4;
        double[][] x = new double[p][n];
        int[] y = new int[n];
        double[] truth = {-1.2, 0.8, 0.0, 0.4};
        for (int i = 0; i < n; i++) {
            double z = -1.0;
            for (int j = 0; j < p; j++) {
                x[j][i] = r.nextGaussian() + (j == 2 ? 0.5 * x[0][i] : 0);
                z += truth[j] * x[j][i];
            }
            y[i] = r.nextDouble() < LogisticRegression.sigmoid(z) ? 1 : 0;
        }
        double lambda = 0.01;
        LogisticRegression.Fit free = LogisticRegression.fit(x, y, lambda);
        assertThat(free.converged()).isTrue();
        assertThat(free.coefficients()[0]).isCloseTo(-1.2, within(0.2));
        // an independent optimiser (BOBYQA, derivative-free) on the same objective finds the same optimum
        double[] ref = optimum(x, y, lambda, false);
        for (int j = 0; j <= p; j++) {
            double mine = j == 0 ? free.intercept() : free.coefficients()[j - 1];
            assertThat(mine).as("coefficient %d", j).isCloseTo(ref[j], within(2e-3));
        }
        // all coefficients kept at or below zero: the bounded optimum
        LogisticRegression.Bound[] nonPositive = new LogisticRegression.Bound[p];
        java.util.Arrays.fill(nonPositive, LogisticRegression.Bound.NON_POSITIVE);
        LogisticRegression.Fit bounded = LogisticRegression.fit(x, y, lambda, nonPositive, null);
        double[] refBounded = optimum(x, y, lambda, true);
        assertThat(java.util.Arrays.stream(bounded.coefficients()).max().orElseThrow()).isLessThanOrEqualTo(0);
        for (int j = 0; j <= p; j++) {
            double mine = j == 0 ? bounded.intercept() : bounded.coefficients()[j - 1];
            assertThat(mine).as("bounded coefficient %d", j).isCloseTo(refBounded[j], within(2e-3));
        }
        assertThat(bounded.coefficients()[1]).isZero();
        assertThat(bounded.coefficients()[3]).isZero();
    }

    private static double[] optimum(double[][] x, int[] y, double lambda, boolean nonPositive) {
        int p = x.length;
        int n = y.length;
        MultivariateFunction f = b -> {
            double loss = 0;
            for (int i = 0; i < n; i++) {
                double z = b[0];
                for (int j = 0; j < p; j++) {
                    z += b[j + 1] * x[j][i];
                }
                loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z;
            }
            double pen = 0;
            for (int j = 1; j <= p; j++) {
                pen += b[j] * b[j];
            }
            return loss / n + lambda / 2 * pen;
        };
        double[] lo = new double[p + 1];
        double[] hi = new double[p + 1];
        java.util.Arrays.fill(lo, -10);
        java.util.Arrays.fill(hi, nonPositive ? 0 : 10);
        hi[0] = 10;
        double[] start = new double[p + 1];
        for (int j = 1; j <= p; j++) {
            start[j] = nonPositive ? -0.1 : 0;
        }
        PointValuePair best = new BOBYQAOptimizer(2 * (p + 1) + 1, 0.5, 1e-8).optimize(new MaxEval(100_000),
                new ObjectiveFunction(f), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lo, hi));
        return best.getPoint();
    }

    @Test
    void probabilityMapAndBrier() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 4000;
        double[] score = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            score[i] = r.nextDouble() * 100;
            y[i] = r.nextDouble() < LogisticRegression.sigmoid(-1 - 0.8 * (score[i] - 50) / 10) ? 1 : 0;
        }
        ProbabilityMap m = ProbabilityMap.fit(score, y);
        assertThat(m.a()).isCloseTo(-1, within(0.15));
        assertThat(m.b()).isCloseTo(-0.8, within(0.1));
        ProbabilityMap.Calibration c = m.evaluate(score, y, 10);
        assertThat(c.brier()).isLessThan(c.brierOfBaseRate());
        assertThat(c.reliability()).hasSize(10).allSatisfy(b ->
                assertThat(Math.abs(b.meanPredicted() - b.observedRate())).isLessThan(0.08));
    }

    @Test
    void bandThresholdsMeetTheTargetPrecisionWithTheMostRecall() {
        // churn probability falls with the score: below 30 half churn, 30-49 a fifth, above 50 one in twenty
        SplittableRandom r = new SplittableRandom(4);
        int n = 5000;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextInt(101);
            double p = s[i] < 30 ? 0.5 : s[i] < 50 ? 0.2 : 0.05;
            y[i] = r.nextDouble() < p ? 1 : 0;
        }
        BandThresholds t = BandThresholds.recommend(s, y, 0.3, 0.45, 15);
        assertThat(t.atRiskTargetMet()).isTrue();
        assertThat(t.atRiskPrecision()).isGreaterThanOrEqualTo(0.3);
        // cumulative precision of "score <= T" stays at 0.3 up to about T = 65, and at 0.45 up to about 35
        assertThat(t.atRiskMax()).isBetween(58, 72);
        assertThat(t.criticalMax()).isBetween(28, 40);
        assertThat(t.criticalPrecision()).isGreaterThanOrEqualTo(0.45);
        assertThat(t.watchingMax()).isEqualTo(t.atRiskMax() + 15);
        assertThat(t.bands()).extracting(b -> b.band()).containsExactly(Band.HEALTHY, Band.WATCHING, Band.AT_RISK, Band.CRITICAL);
        BandThresholds impossible = BandThresholds.recommend(s, y, 0.95, 0.99, 15);
        assertThat(impossible.atRiskTargetMet()).isFalse();
        assertThat(impossible.criticalMax()).isLessThan(impossible.atRiskMax());
    }
}
