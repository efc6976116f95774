package io.healthscore.cli;

import io.healthscore.backtest.BacktestJob;
import io.healthscore.backtest.calibration.WeightCalibration;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Backtest, then fit signal weights to the outcomes before a split date (regularised logistic regression,",
                "non-negative by default), recommend bands for a target precision, and compare the calibrated model with",
                "the current one on the outcomes after the split. Writes the new scoring-model YAML, model-diff.md and",
                "the report."})
final class CalibrateCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BacktestOptions options;

    @Option(names = "--split", paramLabel = "DATE", description = "First outcome date of the later (comparison) window (default: the median outcome date).")
    LocalDate split;

    @Option(names = "--allow-negative", description = {"Let weights go negative (the signal's transform is flipped in the file);",
            "default: non-negative, so every weight stays explainable."})
    boolean allowNegative;

    @Option(names = "--lambda", paramLabel = "X", description = "L2 penalty (default: chosen on the last quarter of the fit window).")
    Double lambda;

    @Option(names = "--target-precision", defaultValue = "0.3", description = "Churn precision wanted of at-risk-or-worse (default: ${DEFAULT-VALUE}).")
    double targetPrecision;

    @Option(names = "--target-precision-critical", defaultValue = "0.5", description = "Churn precision wanted of critical (default: ${DEFAULT-VALUE}).")
    double targetPrecisionCritical;

    @Option(names = "--new-version", paramLabel = "VERSION", description = "Version of the calibrated model (default: current version + -calYYYYMMDD).")
    String newVersion;

    @Override
    public Integer call() {
        if (!(targetPrecision > 0 && targetPrecision < 1) || !(targetPrecisionCritical > 0 && targetPrecisionCritical < 1)) {
            throw new HealthscoreCli.UserInputException("target precisions must be between 0 and 1");
        }
        BacktestJob.Request request = options.request();
        WeightCalibration.Settings settings = new WeightCalibration.Settings(split, !allowNegative, lambda, targetPrecision,
                targetPrecisionCritical, newVersion, null);
        BacktestJob.Outcome o = BacktestJob.calibrate(request, settings, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        BacktestCommand.print(out, o);
        WeightCalibration.Result c = o.calibration();
        out.printf(Locale.ROOT, "Calibrated %s -> %s on %d outcome snapshots before %s (%d churned); later window %d (%d churned):%n",
                c.current().version(), c.calibrated().version(), c.trainRows(), c.split(), c.trainEvents(), c.laterRows(),
                c.laterEvents());
        for (WeightCalibration.Comparison x : c.comparison()) {
            out.printf(Locale.ROOT, "  %3d days before: ROC AUC %.3f current -> %.3f calibrated; Brier %.3f -> %.3f%n",
                    x.horizon(), x.aucCurrent(), x.aucCalibrated(), x.brierCurrent(), x.brierCalibrated());
        }
        out.println("Model: " + o.calibratedModel() + "  diff: " + o.diff());
        return 0;
    }
}
