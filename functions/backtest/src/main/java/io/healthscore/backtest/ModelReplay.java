package io.healthscore.backtest;

import io.healthscore.backtest.metrics.LeadTime;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.Transform;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Rescores the snapshots a backtest kept with another model of the same signals (the calibrated one:
 * other weights, bands or transform directions), from the measured values and each week's peers, so
 * nothing is measured twice. Rescoring with the backtest's own model gives back its scores exactly.
 */
public final class ModelReplay {

    private final Backtest.Run run;
    private final AccountFacts[] profileOnly;

    ModelReplay(Backtest.Run run) {
        this.run = run;
        List<AccountFacts> facts = run.book().facts();
        this.profileOnly = new AccountFacts[facts.size()];
        for (int i = 0; i < profileOnly.length; i++) {
            profileOnly[i] = AccountFacts.of(facts.get(i).profile());
        }
    }

    /** Whether a model can be replayed from the kept snapshots: same signals in the same order, same percentile use. */
    public boolean compatible(ScoringModel other) {
        List<SignalSpec> a = run.model().signals();
        List<SignalSpec> b = other.signals();
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).id().equals(b.get(i).id()) || !java.util.Objects.equals(a.get(i).column(), b.get(i).column())
                    || percentile(run.model(), a.get(i).id()) != percentile(other, b.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    /** A snapshot rescored with another scorer (whose model must be {@link #compatible}). */
    public AccountHealth rescore(MeasuredRow row, Scorer scorer) {
        return scorer.score(row.toMeasured(profileOnly[row.account()]), run.replay().peers()[row.week()]);
    }

    /** The evaluation data as the other model would have scored it (renewal windows are not kept, so they are empty). */
    public EvaluationData rescore(ScoringModel other) {
        if (!compatible(other)) {
            throw new IllegalArgumentException("model " + other.version() + " has other signals than " + run.model().version()
                    + "; rescore from the history store instead");
        }
        Scorer scorer = new Scorer(other);
        List<Observation> in = run.data().observations();
        Observation[] out = new Observation[in.size()];
        List<LeadTime.Window> windows = run.data().churnWindows();
        LeadTime.Window[] newWindows = new LeadTime.Window[windows.size()];
        java.util.Map<String, Integer> index = run.book().indexById();
        ForkJoinPool pool = new ForkJoinPool(run.settings().threads());
        try {
            pool.submit(() -> IntStream.range(0, in.size()).parallel().forEach(k -> {
                Observation o = in.get(k);
                AccountHealth h = rescore(run.replay().rows().get(o.rowKey()), scorer);
                out[k] = o.withScore(h.score() == null ? Double.NaN : h.score(), h.band());
            })).get();
            pool.submit(() -> IntStream.range(0, windows.size()).parallel().forEach(k -> {
                LeadTime.Window w = windows.get(k);
                int account = index.get(w.accountId());
                List<Band> bands = new ArrayList<>(w.dates().size());
                for (java.time.LocalDate d : w.dates()) {
                    int week = run.replay().matrix().weekOnOrBefore(d);
                    bands.add(rescore(run.replay().row(week, account), scorer).band());
                }
                newWindows[k] = new LeadTime.Window(w.accountId(), w.segment(), w.eventDate(), w.dates(), bands);
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rescoring interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return run.data().with(other.version(), List.of(out), List.of(newWindows), List.of());
    }

    private static boolean percentile(ScoringModel m, String signal) {
        for (SignalSpec s : m.signals()) {
            if (s.id().equals(signal) && s.transform() instanceof Transform.Percentile) {
                return true;
            }
        }
        for (SegmentOverride o : m.segmentOverrides()) {
            SegmentOverride.SignalChange c = o.signals().get(signal);
            if (c != null && c.transform() instanceof Transform.Percentile) {
                return true;
            }
        }
        return false;
    }
}
