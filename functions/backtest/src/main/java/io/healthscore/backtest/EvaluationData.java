package io.healthscore.backtest;

import io.healthscore.backtest.metrics.LeadTime;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the report evaluates, whatever the source (the pipeline's weekly replay or a warehouse
 * table): the signals with their current weights, every outcome seen from each horizon, and the band
 * histories before churns and renewals.
 *
 * @param source          "pipeline" or "table"
 * @param modelVersion    version of the model that produced the scores, null when the table has none
 * @param rulesVersion    conversation extractor prompt/rules version, null when none
 * @param signals         evaluated signals, in the order of {@link Observation#signalScores()}
 * @param horizons        horizons in days (0 for a table without outcome dates)
 * @param observations    every outcome at every horizon it can be seen from
 * @param churnWindows    band history before each churn (lead time)
 * @param renewalWindows  band history before each renewal (false alarms over time)
 * @param snapshotDates   the snapshot dates (weekly replay) or distinct as-of dates (table)
 * @param categorical     categorical table columns, empty for the pipeline
 */
public record EvaluationData(String source, String modelVersion, String rulesVersion, List<SignalInfo> signals,
                             List<Integer> horizons, List<Observation> observations, List<LeadTime.Window> churnWindows,
                             List<LeadTime.Window> renewalWindows, List<LocalDate> snapshotDates,
                             List<CategoricalColumn> categorical) {

    /**
     * A signal as evaluated.
     *
     * @param id             signal id or table column
     * @param dimension      dimension id, null for a table column without a model
     * @param currentWeight  share of the composite in percent in the current model, NaN when none
     * @param healthScore    true when values are 0-100 sub-scores (higher healthier); false for raw numbers
     */
    public record SignalInfo(String id, String dimension, double currentWeight, boolean healthScore) {
    }

    /** A categorical column of a table: its value per observation (same order), null when empty. */
    public record CategoricalColumn(String name, String[] values) {
    }

    public EvaluationData {
        signals = List.copyOf(signals);
        horizons = List.copyOf(horizons);
        observations = List.copyOf(observations);
        churnWindows = List.copyOf(churnWindows);
        renewalWindows = List.copyOf(renewalWindows);
        snapshotDates = List.copyOf(snapshotDates);
        categorical = List.copyOf(categorical);
    }

    public List<Observation> at(int horizon) {
        return observations.stream().filter(o -> o.horizonDays() == horizon).toList();
    }

    /** The same data with other observations and windows (after rescoring with another model). */
    public EvaluationData with(String version, List<Observation> newObservations, List<LeadTime.Window> newChurnWindows,
                               List<LeadTime.Window> newRenewalWindows) {
        return new EvaluationData(source, version, rulesVersion, signals, horizons, newObservations, newChurnWindows,
                newRenewalWindows, snapshotDates, categorical);
    }
}
