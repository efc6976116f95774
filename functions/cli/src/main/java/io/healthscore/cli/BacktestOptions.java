package io.healthscore.cli;

import io.healthscore.backtest.BacktestJob;
import io.healthscore.backtest.BacktestSettings;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeLoader;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.modelfile.ScoringModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code backtest} and {@code calibrate}. */
final class BacktestOptions {

    @Option(names = "--input", paramLabel = "DIR", description = "Export directory with renewal_outcomes (the pipeline's input).")
    Path input;

    @Option(names = "--table", paramLabel = "FILE", description = {"Instead of --input: a customer-level CSV (id, as_of, outcome,",
            "optional outcome_date and segment, any signal columns)."})
    Path table;

    @Option(names = "--signals", paramLabel = "COL[:TYPE]", split = ",", description = {"With --table: the signal columns,",
            "optionally typed numeric or categorical (default: every other column, typed by its values)."})
    List<String> signals = new ArrayList<>();

    @Option(names = "--score-column", paramLabel = "COL", description = "With --table: a column holding an existing 0-100 health score to evaluate.")
    String scoreColumn;

    @Option(names = "--data-end", paramLabel = "DATE", description = "Last date of the data (YYYY-MM-DD); required with --input.")
    LocalDate dataEnd;

    @Option(names = "--model", paramLabel = "FILE", description = {"Scoring model YAML (default: the embedded one). With --table,",
            "its column signals read the table."})
    Path modelFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory for backtest.html and backtest.json.")
    Path out;

    @Option(names = "--history", paramLabel = "DIR", description = "Record every weekly snapshot as a run in this history store.")
    Path history;

    @Option(names = "--warmup-weeks", defaultValue = "13", description = "Weeks of data before the first snapshot (default: ${DEFAULT-VALUE}).")
    int warmupWeeks;

    @Option(names = "--snapshots", defaultValue = "0", description = "At most this many weekly snapshots, the latest (default: all).")
    int snapshots;

    @Option(names = "--horizons", split = ",", defaultValue = "90,60,30", description = "Days before each outcome to read its score (default: ${DEFAULT-VALUE}).")
    List<Integer> horizons;

    @Option(names = "--threads", defaultValue = "0", description = "Cores to use (default: all).")
    int threads;

    @Option(names = "--no-conversations", description = "Do not extract conversation signals (faster; their signals get no data).")
    boolean noConversations;

    @Option(names = "--outcomes", paramLabel = "FILE", description = "Renewal outcomes file instead of the input's renewal_outcomes.")
    Path outcomes;

    @Option(names = "--churn-field", defaultValue = "churned_on", paramLabel = "COLUMN",
            description = "crm_accounts column with churn dates, or 'none' (default: ${DEFAULT-VALUE}).")
    String churnField;

    @Option(names = "--count-downgrades", description = "Count downgrades as churn (default: leave them out).")
    boolean countDowngrades;

    BacktestJob.Request request() {
        if ((input == null) == (table == null)) {
            throw new HealthscoreCli.UserInputException("give exactly one of --input DIR and --table FILE");
        }
        if (input != null && !Files.isDirectory(input)) {
            throw new HealthscoreCli.UserInputException("--input " + input + " is not a directory");
        }
        if (input != null && dataEnd == null) {
            throw new HealthscoreCli.UserInputException("--data-end is required with --input (the last date of the data)");
        }
        ScoringModel template = HealthscoreCli.model(modelFile);
        ScoringModel model = table != null && modelFile == null ? null : template;
        BacktestSettings s = BacktestSettings.defaults(dataEnd)
                .withSnapshots(warmupWeeks, snapshots)
                .withHorizons(horizons)
                .withConversations(!noConversations)
                .withLabels(countDowngrades ? LabelPolicy.CHURN_OR_DOWNGRADE_VS_RENEWAL : LabelPolicy.CHURN_VS_RENEWAL)
                .withOutcomes(new OutcomeLoader.Settings(outcomes, "none".equalsIgnoreCase(churnField) ? null : churnField));
        if (threads > 0) {
            s = s.withThreads(threads);
        }
        return new BacktestJob.Request(input, table, signals, scoreColumn, model,
                table != null ? ScoringModelFile.loadDefault() : template, s, history, out);
    }
}
