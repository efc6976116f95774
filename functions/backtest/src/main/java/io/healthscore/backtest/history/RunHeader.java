package io.healthscore.backtest.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The first line of a run snapshot: which run, as of when, with which model and conversation rules.
 *
 * @param runId         unique id of the run (letters, digits, '.', '_', '-'; at most 120 characters)
 * @param asOf          the run's as-of date
 * @param modelVersion  scoring model version
 * @param rulesVersion  conversation extractor prompt or rules version, null when no conversations were used
 * @param extractor     conversation extractor id, null when none
 * @param kind          "weekly_run", "backtest" or "rescore"
 * @param replayOf      for a rescore: the run it replays, else null
 * @param createdAt     when the snapshot was written
 * @param signals       the model's signal ids, in model order
 */
public record RunHeader(String runId, LocalDate asOf, String modelVersion, String rulesVersion, String extractor, String kind,
                        String replayOf, Instant createdAt, List<String> signals) {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,120}");

    public RunHeader {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (!RUN_ID.matcher(runId).matches() || runId.startsWith(".")) {
            throw new IllegalArgumentException("run id '" + runId + "' must be 1-120 letters, digits, '.', '_' or '-' "
                    + "and not start with '.'");
        }
        signals = List.copyOf(signals);
    }

    /** A run id made safe from free text (a model version, say). */
    public static String safeId(String text) {
        String s = text.replaceAll("[^A-Za-z0-9._-]", "_");
        s = s.startsWith(".") ? "_" + s.substring(1) : s;
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}
