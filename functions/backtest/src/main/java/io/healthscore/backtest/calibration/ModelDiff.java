package io.healthscore.backtest.calibration;

import io.healthscore.domain.model.BandRange;
import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.scoring.Band;
import java.util.Locale;

/** The human-readable difference between the current and the calibrated model, with the evidence for it (Markdown). */
public final class ModelDiff {

    private ModelDiff() {
    }

    public static String markdown(WeightCalibration.Result r) {
        ScoringModel a = r.current();
        ScoringModel b = r.calibrated();
        StringBuilder sb = new StringBuilder();
        sb.append("# Scoring model change: `").append(a.version()).append("` → `").append(b.version()).append("`\n\n");
        sb.append(String.format(Locale.ROOT, "Weights fitted on %d outcome snapshots (%d churned) with outcome dates %s to %s; "
                        + "both models compared on %d later snapshots (%d churned), %s to %s, which the fit never saw.%n%n",
                r.trainRows(), r.trainEvents(), r.trainFrom(), r.trainTo(), r.laterRows(), r.laterEvents(), r.laterFrom(),
                r.laterTo()));
        sb.append("## Later window\n\n| horizon | outcomes | churned | AUC current | AUC calibrated | Brier current | Brier calibrated "
                + "| red precision current | red precision calibrated | red recall current | red recall calibrated |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (WeightCalibration.Comparison c : r.comparison()) {
            sb.append(String.format(Locale.ROOT, "| %d days | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", c.horizon(),
                    c.outcomes(), c.events(), f3(c.aucCurrent()), f3(c.aucCalibrated()), f3(c.brierCurrent()),
                    f3(c.brierCalibrated()), pct(c.redPrecisionCurrent()), pct(c.redPrecisionCalibrated()),
                    pct(c.redRecallCurrent()), pct(c.redRecallCalibrated())));
        }
        sb.append(String.format(Locale.ROOT, "%nLead time of later churners: median %s days flagged ahead now, %s calibrated; "
                        + "flagged at least 60 days ahead: %s now, %s calibrated.%n%n",
                f0(r.leadCurrent().medianDays()), f0(r.leadCalibrated().medianDays()),
                pct(r.leadCurrent().shareFlaggedAhead()), pct(r.leadCalibrated().shareFlaggedAhead())));
        sb.append("## Dimension weights (% of the composite)\n\n| dimension | current | calibrated | change |\n|---|---|---|---|\n");
        for (int i = 0; i < a.dimensions().size(); i++) {
            DimensionSpec x = a.dimensions().get(i);
            DimensionSpec y = b.dimensions().get(i);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", x.id(), f1(x.weight()), f1(y.weight()),
                    signed(y.weight() - x.weight())));
        }
        sb.append("\n## Signal weights (% of the composite) and the evidence\n\n"
                + "| signal | dimension | current | calibrated | change | univariate AUC (fit window) | coverage | note |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (WeightCalibration.SignalFit s : r.signals()) {
            String note = s.flipped() ? "transform flipped: the evidence says higher is worse"
                    : s.weightPerPoint() == 0 ? "no weight: adds nothing once the other signals are known"
                    : "";
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", s.signal(), s.dimension(),
                    f1(s.currentWeight()), f1(s.calibratedWeight()), signed(s.calibratedWeight() - s.currentWeight()),
                    f3(s.trainAuc()), pct(s.coverage()), note));
        }
        StringBuilder ov = new StringBuilder();
        for (int i = 0; i < a.segmentOverrides().size(); i++) {
            SegmentOverride x = a.segmentOverrides().get(i);
            SegmentOverride y = b.segmentOverrides().get(i);
            for (String id : x.signals().keySet()) {
                Double wx = x.signals().get(id).weight();
                Double wy = y.signals().get(id).weight();
                if (wx != null && !wx.equals(wy)) {
                    ov.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", x.name(), id, f1(wx), f1(wy)));
                }
            }
        }
        if (ov.length() > 0) {
            sb.append("\n## Segment override weights (relative, kept in proportion to the base weight)\n\n"
                    + "| override | signal | current | calibrated |\n|---|---|---|---|\n").append(ov);
        }
        sb.append("\n## Bands\n\n| band | current | calibrated |\n|---|---|---|\n");
        for (Band band : new Band[] {Band.HEALTHY, Band.WATCHING, Band.AT_RISK, Band.CRITICAL}) {
            BandRange x = a.bandFor(band);
            BandRange y = b.bandFor(band);
            sb.append(String.format(Locale.ROOT, "| %s | %d-%d | %d-%d |%n", band.wireName(), x.min(), x.max(), y.min(), y.max()));
        }
        BandThresholds t = r.thresholds();
        sb.append(String.format(Locale.ROOT, "%nOn the fit window, at risk or worse (score ≤ %d) catches %s of churners at a "
                        + "precision of %s%s; critical (score ≤ %d) catches %s at %s%s.%n", t.atRiskMax(), pct(t.atRiskRecall()),
                pct(t.atRiskPrecision()), t.atRiskTargetMet() ? "" : " (target not reachable: best precision taken)",
                t.criticalMax(), pct(t.criticalRecall()), pct(t.criticalPrecision()),
                t.criticalTargetMet() ? "" : " (target not reachable: best precision taken)"));
        sb.append(String.format(Locale.ROOT, "%n## Fit%n%n%s L2-regularised logistic regression, lambda %s%s, %d sweeps%s. "
                        + "Signed fit (weights may be negative) for reference: later-window AUC %s at %d days.%n",
                r.nonNegative() ? "Non-negative" : "Signed", r.lambda(),
                r.lambdaValidationAuc().isEmpty() ? " (given)" : " (chosen on the last quarter of the fit window)",
                r.sweeps(), r.converged() ? "" : " (not fully converged)",
                r.comparison().isEmpty() ? "n/a" : f3(r.comparison().get(0).aucSignedLinear()),
                r.comparison().isEmpty() ? 0 : r.comparison().get(0).horizon()));
        return sb.toString();
    }

    static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String f1(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String f0(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
    }

    static String signed(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
