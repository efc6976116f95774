package io.healthscore.backtest.history;

import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.PeerDistributions;
import io.healthscore.domain.scoring.Scorer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a past run with another model version: every account's recorded measurements are scored
 * again (percentile peers rebuilt from the same run's accounts), and the result is appended to the history
 * as a new run that names the one it replays. Rescoring with the run's own model reproduces its scores.
 */
public final class SnapshotRescore {

    /**
     * @param fromRun            the replayed run
     * @param newRun             the run written (null when not written)
     * @param fromVersion        model version of the replayed run
     * @param toVersion          model version used now
     * @param accounts           accounts rescored
     * @param bandChanged        accounts whose computed band changed
     * @param meanAbsScoreChange mean absolute change of the composite (accounts scored both times)
     * @param transitions        old band to new band to count
     */
    public record Summary(String fromRun, String newRun, String fromVersion, String toVersion, int accounts, int bandChanged,
                          double meanAbsScoreChange, Map<String, Map<String, Integer>> transitions) {
    }

    private SnapshotRescore() {
    }

    /** Rescores and, when {@code newRunId} is not null, appends the result to the store. */
    public static Summary rescore(HistoryStore store, String runId, ScoringModel model, String newRunId, Clock clock) {
        RunHeader from = store.header(runId);
        List<AccountSnapshot> accounts = new ArrayList<>();
        store.read(runId, accounts::add);
        List<AccountHealth> healths = rescore(accounts, from, model);
        Map<Band, Map<Band, Integer>> t = new EnumMap<>(Band.class);
        int changed = 0;
        double abs = 0;
        int both = 0;
        for (int i = 0; i < accounts.size(); i++) {
            AccountSnapshot a = accounts.get(i);
            AccountHealth h = healths.get(i);
            t.computeIfAbsent(a.band(), k -> new EnumMap<>(Band.class)).merge(h.band(), 1, Integer::sum);
            if (a.band() != h.band()) {
                changed++;
            }
            if (a.score() != null && h.score() != null) {
                abs += Math.abs(h.score() - a.score());
                both++;
            }
        }
        if (newRunId != null) {
            RunHeader header = new RunHeader(newRunId, from.asOf(), model.version(), from.rulesVersion(), from.extractor(),
                    "rescore", runId, clock.instant(), model.signals().stream().map(s -> s.id()).toList());
            try (HistoryStore.RunWriter w = store.begin(header)) {
                for (int i = 0; i < accounts.size(); i++) {
                    w.write(AccountSnapshot.of(accounts.get(i).toMeasured(model, from.asOf()), healths.get(i)));
                }
                w.commit();
            }
        }
        Map<String, Map<String, Integer>> transitions = new LinkedHashMap<>();
        t.forEach((a, m) -> {
            Map<String, Integer> row = new LinkedHashMap<>();
            m.forEach((b, n) -> row.put(b.wireName(), n));
            transitions.put(a.wireName(), row);
        });
        return new Summary(runId, newRunId, from.modelVersion(), model.version(), accounts.size(), changed,
                both == 0 ? Double.NaN : abs / both, transitions);
    }

    /** Scores recorded accounts with a model, peers taken from the same accounts. */
    public static List<AccountHealth> rescore(List<AccountSnapshot> accounts, RunHeader run, ScoringModel model) {
        Scorer scorer = new Scorer(model);
        List<Scorer.Measured> measured = new ArrayList<>(accounts.size());
        for (AccountSnapshot a : accounts) {
            measured.add(a.toMeasured(model, run.asOf()));
        }
        PeerDistributions peers = scorer.peers(measured);
        List<AccountHealth> out = new ArrayList<>(accounts.size());
        for (Scorer.Measured m : measured) {
            out.add(scorer.score(m, peers));
        }
        return out;
    }
}
