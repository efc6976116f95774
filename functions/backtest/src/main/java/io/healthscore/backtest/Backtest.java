package io.healthscore.backtest;

import io.healthscore.backtest.metrics.LeadTime;
import io.healthscore.backtest.outcomes.OutcomeEvent;
import io.healthscore.backtest.outcomes.OutcomeKind;
import io.healthscore.backtest.outcomes.OutcomeLoader;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.Scorer;
import io.healthscore.formats.DirectoryTableFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * The backtest of the pipeline: replay the book week by week with a scoring model (strictly point in
 * time), then line every outcome up with the snapshots 90, 60 and 30 days before it, and every churn and
 * renewal with the bands in the 180 days before it.
 */
public final class Backtest {

    /**
     * A finished replay and what it yields for evaluation.
     *
     * @param book      the historical book
     * @param outcomes  outcomes within the data window
     * @param calendar  renewals and churn dates
     * @param model     the model replayed
     * @param replay    scores of every week, and the snapshots kept in full
     * @param data      the evaluation input
     * @param settings  the settings used
     */
    public record Run(HistoricalBook book, List<OutcomeEvent> outcomes, AccountCalendar calendar, ScoringModel model,
                      WeeklyReplay.Result replay, EvaluationData data, BacktestSettings settings) {

        /** Rescoring of the kept snapshots with a model of the same signals (calibration). */
        public ModelReplay modelReplay() {
            return new ModelReplay(this);
        }
    }

    private Backtest() {
    }

    /** Loads the local input and runs. */
    public static Run run(Path input, ScoringModel model, BacktestSettings settings, WeeklyReplay.WeekListener listener,
                          RejectLog rejects) {
        HistoricalBook book = HistoricalBook.load(input, settings.dataEnd(), settings.conversations(), rejects);
        Map<String, Integer> index = book.indexById();
        List<OutcomeEvent> outcomes = OutcomeLoader.load(new DirectoryTableFiles(input), settings.outcomes(),
                index::containsKey, rejects);
        return run(book, outcomes, model, settings, listener);
    }

    public static Run run(HistoricalBook book, List<OutcomeEvent> allOutcomes, ScoringModel model, BacktestSettings s,
                          WeeklyReplay.WeekListener listener) {
        List<LocalDate> dates = SnapshotDates.weekly(book.dataStart(), s.dataEnd(), s.warmupWeeks(), s.maxSnapshots());
        Map<String, Integer> index = book.indexById();
        List<OutcomeEvent> outcomes = allOutcomes.stream()
                .filter(o -> !o.date().isAfter(s.dataEnd()) && index.containsKey(o.accountId())).toList();
        AccountCalendar calendar = AccountCalendar.of(book, outcomes);
        int n = book.facts().size();
        BitSet[] keep = new BitSet[dates.size()];
        for (int w = 0; w < keep.length; w++) {
            keep[w] = new BitSet(n);
        }
        for (OutcomeEvent o : outcomes) {
            int i = index.get(o.accountId());
            for (int h : s.horizons()) {
                int w = snapshotBefore(dates, o.date().minusDays(h));
                if (w >= 0 && calendar.inScope(i, dates.get(w))) {
                    keep[w].set(i);
                }
            }
            if (o.kind() == OutcomeKind.CHURNED) {
                for (int w = 0; w < dates.size(); w++) {
                    if (inWindow(dates.get(w), o.date(), s.lookbackDays()) && calendar.inScope(i, dates.get(w))) {
                        keep[w].set(i);
                    }
                }
            }
        }
        Scorer scorer = new Scorer(model);
        WeeklyReplay.Result replay = new WeeklyReplay(book, calendar, scorer, s.threads()).run(dates, keep, listener);

        List<Observation> observations = new ArrayList<>();
        List<LeadTime.Window> churnWindows = new ArrayList<>();
        List<LeadTime.Window> renewalWindows = new ArrayList<>();
        for (OutcomeEvent o : outcomes) {
            int i = index.get(o.accountId());
            AccountFacts f = book.facts().get(i);
            String segment = f.profile().segment().wireName();
            for (int h : s.horizons()) {
                int w = snapshotBefore(dates, o.date().minusDays(h));
                MeasuredRow row = w < 0 ? null : replay.row(w, i);
                if (row != null) {
                    observations.add(new Observation(o.accountId(), segment, o, h, row.asOf(),
                            row.score() == null ? Double.NaN : row.score(), row.band(), row.signalScores(),
                            WeeklyReplay.key(w, i)));
                }
            }
            if (o.kind() == OutcomeKind.CHURNED || o.kind() == OutcomeKind.RENEWED) {
                List<LocalDate> wd = new ArrayList<>();
                List<Band> wb = new ArrayList<>();
                for (int w = 0; w < dates.size(); w++) {
                    if (inWindow(dates.get(w), o.date(), s.lookbackDays()) && replay.matrix().inScope(w, i)) {
                        wd.add(dates.get(w));
                        wb.add(replay.matrix().band(w, i));
                    }
                }
                LeadTime.Window window = new LeadTime.Window(o.accountId(), segment, o.date(), wd, wb);
                (o.kind() == OutcomeKind.CHURNED ? churnWindows : renewalWindows).add(window);
            }
        }
        double[] weights = ModelWeights.effective(model);
        List<EvaluationData.SignalInfo> signals = new ArrayList<>();
        for (int j = 0; j < model.signals().size(); j++) {
            signals.add(new EvaluationData.SignalInfo(model.signals().get(j).id(), model.signals().get(j).dimension(),
                    weights[j], true));
        }
        EvaluationData data = new EvaluationData("pipeline", model.version(), book.rulesVersion(), signals, s.horizons(),
                observations, churnWindows, renewalWindows, dates, List.of());
        return new Run(book, outcomes, calendar, model, replay, data, s);
    }

    /** The latest snapshot on or before the day and at most six days before it, else -1. */
    static int snapshotBefore(List<LocalDate> dates, LocalDate day) {
        int found = ScoreMatrix.latestOnOrBefore(dates, day);
        return found >= 0 && dates.get(found).isAfter(day.minusDays(7)) ? found : -1;
    }

    /** A snapshot inside the look-back window before an event: on or after event - lookback, strictly before the event. */
    static boolean inWindow(LocalDate snapshot, LocalDate event, int lookbackDays) {
        return snapshot.isBefore(event) && !snapshot.isBefore(event.minusDays(lookbackDays));
    }
}
