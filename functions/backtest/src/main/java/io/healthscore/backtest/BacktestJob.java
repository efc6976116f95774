package io.healthscore.backtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.backtest.calibration.WeightCalibration;
import io.healthscore.backtest.history.HistoryRecorder;
import io.healthscore.backtest.history.LocalHistoryStore;
import io.healthscore.backtest.history.RunHeader;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeEvent;
import io.healthscore.backtest.outcomes.OutcomeLoader;
import io.healthscore.backtest.report.BacktestReport;
import io.healthscore.backtest.table.SignalTable;
import io.healthscore.backtest.table.TableBacktest;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.formats.DirectoryTableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backtest and calibrate use cases as the CLI (and later a scheduled handler) runs them: read the input
 * (the pipeline's exports or a warehouse signal table), evaluate, optionally calibrate, and write
 * backtest.json and backtest.html (plus the calibrated model and its diff) to the output directory.
 */
public final class BacktestJob {

    /**
     * What to run.
     *
     * @param input         export directory (pipeline), or null with {@code table}
     * @param table         signal table CSV, or null with {@code input}
     * @param tableSignals  declared table signal columns (empty: all)
     * @param scoreColumn   table column holding an existing score, null for none
     * @param model         the scoring model to evaluate (for a table: null unless its signals read the table)
     * @param template      the model whose bands and settings a table's starting model borrows
     * @param settings      backtest settings
     * @param history       history directory to record the weekly snapshots in, null for none
     * @param out           output directory
     */
    public record Request(Path input, Path table, List<String> tableSignals, String scoreColumn, ScoringModel model,
                          ScoringModel template, BacktestSettings settings, Path history, Path out) {
    }

    /** What was written. */
    public record Outcome(ObjectNode report, Path reportJson, Path reportHtml, Path calibratedModel, Path diff,
                          WeightCalibration.Result calibration, RejectLog rejects, long millis) {
    }

    private BacktestJob() {
    }

    public static Outcome backtest(Request r, Clock clock) {
        return run(r, null, clock);
    }

    /** Backtest, then calibrate with the given settings (their split and version may be null: defaults are derived). */
    public static Outcome calibrate(Request r, WeightCalibration.Settings calibration, Clock clock) {
        return run(r, calibration, clock);
    }

    private static Outcome run(Request r, WeightCalibration.Settings cal, Clock clock) {
        long t0 = System.nanoTime();
        RejectLog rejects = new RejectLog();
        Map<String, Object> meta = new LinkedHashMap<>();
        EvaluationData data;
        WeightCalibration.Result calibration = null;
        BacktestSettings s = r.settings();
        if (r.table() != null) {
            SignalTable t = SignalTable.read(r.table(), SignalTable.declarations(r.tableSignals()), rejects);
            meta.put("input", r.table().getFileName().toString());
            meta.put("rows", t.rows().size());
            meta.put("rejected_rows", rejects.total());
            ScoringModel model = r.model();
            LocalDate split = cal == null ? null : cal.split() != null ? cal.split() : TableBacktest.medianDate(t);
            if (cal != null && model == null) {
                model = TableBacktest.startingModel(t, split, r.template(), s.labels(), r.scoreColumn());
            }
            ScoringModel evaluated = model;
            data = TableBacktest.evaluate(t, evaluated, evaluated == null ? r.scoreColumn() : null, r.template(),
                    s.horizons(), s.lookbackDays());
            if (cal != null) {
                ScoringModel current = evaluated;
                calibration = WeightCalibration.calibrate(data, current,
                        m -> TableBacktest.evaluate(t, m, null, r.template(), s.horizons(), s.lookbackDays()),
                        withDefaults(cal, split, current, s));
            }
        } else {
            HistoricalBook book = HistoricalBook.load(r.input(), s.dataEnd(), s.conversations(), rejects);
            WeeklyReplay.WeekListener listener = r.history() == null ? null
                    : new HistoryRecorder(new LocalHistoryStore(r.history()), "backtest-" + r.model().version(),
                    r.model().version(), book.rulesVersion(), book.extractorId(),
                    r.model().signals().stream().map(x -> x.id()).toList(), "backtest", clock);
            Map<String, Integer> index = book.indexById();
            List<OutcomeEvent> outcomes = OutcomeLoader.load(new DirectoryTableFiles(r.input()), s.outcomes(),
                    index::containsKey, rejects);
            Backtest.Run run = Backtest.run(book, outcomes, r.model(), s, listener);
            data = run.data();
            meta.put("accounts", book.facts().size());
            meta.put("account_snapshots", run.replay().accountWeeks());
            meta.put("replay_millis", run.replay().millis());
            meta.put("rejected_rows", rejects.total());
            if (cal != null) {
                ModelReplay replay = run.modelReplay();
                calibration = WeightCalibration.calibrate(data, r.model(), replay::rescore,
                        withDefaults(cal, cal.split(), r.model(), s));
            }
        }
        BacktestReport report = BacktestReport.build(new BacktestReport.Input(data, s.labels(),
                data.horizons().stream().mapToInt(Integer::intValue).max().orElse(0), s.lookbackDays(), s.aheadDays(), meta,
                calibration));
        Path modelFile = null;
        Path diff = null;
        try {
            report.write(r.out());
            if (calibration != null) {
                modelFile = r.out().resolve("scoring-model." + RunHeader.safeId(calibration.calibrated().version()) + ".yaml");
                Files.writeString(modelFile, calibration.yaml(), StandardCharsets.UTF_8);
                diff = r.out().resolve("model-diff.md");
                Files.writeString(diff, calibration.diff(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + r.out(), e);
        }
        return new Outcome(report.json(), r.out().resolve("backtest.json"), r.out().resolve("backtest.html"), modelFile, diff,
                calibration, rejects, (System.nanoTime() - t0) / 1_000_000);
    }

    private static WeightCalibration.Settings withDefaults(WeightCalibration.Settings c, LocalDate split, ScoringModel current,
                                                           BacktestSettings s) {
        String version = c.newVersion() != null ? c.newVersion() : defaultVersion(current.version(), s.dataEnd());
        LabelPolicy labels = c.labels() != null ? c.labels() : s.labels();
        return new WeightCalibration.Settings(split, c.nonNegative(), c.lambda(), c.targetPrecisionAtRisk(),
                c.targetPrecisionCritical(), version, labels);
    }

    /** "2026.11-default" calibrated on data to 2026-11-15 becomes "2026.11-default-cal20261115" (at most 40 characters). */
    public static String defaultVersion(String current, LocalDate dataEnd) {
        String suffix = "-cal" + (dataEnd == null ? "" : dataEnd.format(DateTimeFormatter.BASIC_ISO_DATE));
        String base = current.replaceAll("-cal\\d*$", "");
        if (base.length() + suffix.length() > 40) {
            base = base.substring(0, 40 - suffix.length());
        }
        return base + suffix;
    }
}
