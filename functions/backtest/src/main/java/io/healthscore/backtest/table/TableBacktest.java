package io.healthscore.backtest.table;

import io.healthscore.backtest.EvaluationData;
import io.healthscore.backtest.ModelWeights;
import io.healthscore.backtest.Observation;
import io.healthscore.backtest.metrics.LeadTime;
import io.healthscore.backtest.metrics.RocAuc;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeEvent;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.FactSource;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.Transform;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.PeerDistributions;
import io.healthscore.domain.scoring.Scorer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates a {@link SignalTable} with the same figures as the pipeline backtest. Scores come from a
 * scoring model whose signals read the table's columns ({@code column:} signals), from a score column the
 * team already has, or not at all (then only the per-signal evidence is meaningful). With outcome dates,
 * each outcome is read from the latest row 90/60/30 days before it (within a month), and the rows before
 * churns give lead times; without, every row is one observation ("horizon 0").
 */
public final class TableBacktest {

    /** A row further than this before the horizon date does not stand for it. */
    static final int ROW_TOLERANCE_DAYS = 31;

    private TableBacktest() {
    }

    /**
     * @param model        scoring model over the table's columns, null for none
     * @param scoreColumn  numeric column holding an existing 0-100 health score (higher healthier), null for none
     * @param bandModel    model whose bands classify the score column (ignored when {@code model} is given)
     */
    public static EvaluationData evaluate(SignalTable t, ScoringModel model, String scoreColumn, ScoringModel bandModel,
                                          List<Integer> horizons, int lookbackDays) {
        if (scoreColumn != null && !t.numericColumns().contains(scoreColumn)) {
            throw new IllegalArgumentException("score column '" + scoreColumn + "' is not a numeric column of " + t.file());
        }
        List<SignalTable.Row> rows = t.rows();
        int n = rows.size();
        double[] score = new double[n];
        Band[] band = new Band[n];
        double[][] signalValues = new double[n][];
        List<EvaluationData.SignalInfo> signals = new ArrayList<>();
        String version = null;
        if (model != null) {
            version = model.version();
            double[] w = ModelWeights.effective(model);
            for (int j = 0; j < model.signals().size(); j++) {
                SignalSpec s = model.signals().get(j);
                signals.add(new EvaluationData.SignalInfo(s.id(), s.dimension(), w[j], true));
            }
            scoreWithModel(rows, model, score, band, signalValues);
        } else {
            List<String> cols = t.numericColumns().stream().filter(c -> !c.equals(scoreColumn)).toList();
            for (String c : cols) {
                signals.add(new EvaluationData.SignalInfo(c, null, Double.NaN, false));
            }
            Scorer bands = scoreColumn == null ? null : new Scorer(bandModel);
            for (int i = 0; i < n; i++) {
                SignalTable.Row r = rows.get(i);
                double[] v = new double[cols.size()];
                for (int j = 0; j < v.length; j++) {
                    Double x = r.numeric().get(cols.get(j));
                    v[j] = x == null ? Double.NaN : x;
                }
                signalValues[i] = v;
                Double s = scoreColumn == null ? null : r.numeric().get(scoreColumn);
                score[i] = s == null ? Double.NaN : Math.max(0, Math.min(100, s));
                band[i] = s == null ? Band.INSUFFICIENT_SIGNAL : bands.bandOf((int) Math.round(score[i]));
            }
            version = scoreColumn == null ? null : "column:" + scoreColumn;
        }

        List<Observation> obs = new ArrayList<>();
        List<Integer> rowOfObservation = new ArrayList<>();
        List<LeadTime.Window> churnWindows = new ArrayList<>();
        List<LeadTime.Window> renewalWindows = new ArrayList<>();
        List<Integer> usedHorizons;
        if (t.hasOutcomeDates()) {
            usedHorizons = List.copyOf(horizons);
            Map<String, List<Integer>> byOutcome = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                SignalTable.Row r = rows.get(i);
                if (r.outcomeDate() != null) {
                    byOutcome.computeIfAbsent(r.id() + "|" + r.outcomeDate() + "|" + r.outcome(), k -> new ArrayList<>()).add(i);
                }
            }
            for (List<Integer> idx : byOutcome.values()) {
                idx.sort(Comparator.comparing(i -> rows.get(i).asOf()));
                SignalTable.Row first = rows.get(idx.get(0));
                OutcomeEvent e = new OutcomeEvent(first.id(), first.outcomeDate(), first.outcome(), null, t.file(), true);
                for (int h : horizons) {
                    LocalDate target = first.outcomeDate().minusDays(h);
                    int best = -1;
                    for (int i : idx) {
                        LocalDate d = rows.get(i).asOf();
                        if (!d.isAfter(target) && d.isAfter(target.minusDays(ROW_TOLERANCE_DAYS))) {
                            best = i;
                        }
                    }
                    if (best >= 0) {
                        obs.add(observation(rows.get(best), e, h, score[best], band[best], signalValues[best]));
                        rowOfObservation.add(best);
                    }
                }
                List<LocalDate> dates = new ArrayList<>();
                List<Band> bands = new ArrayList<>();
                for (int i : idx) {
                    LocalDate d = rows.get(i).asOf();
                    if (d.isBefore(first.outcomeDate()) && !d.isBefore(first.outcomeDate().minusDays(lookbackDays))) {
                        dates.add(d);
                        bands.add(band[i]);
                    }
                }
                LeadTime.Window w = new LeadTime.Window(first.id(), first.segment(), first.outcomeDate(), dates, bands);
                switch (first.outcome()) {
                    case CHURNED -> churnWindows.add(w);
                    case RENEWED -> renewalWindows.add(w);
                    default -> { }
                }
            }
        } else {
            usedHorizons = List.of(0);
            for (int i = 0; i < n; i++) {
                SignalTable.Row r = rows.get(i);
                OutcomeEvent e = new OutcomeEvent(r.id(), r.asOf(), r.outcome(), null, t.file(), true);
                obs.add(observation(r, e, 0, score[i], band[i], signalValues[i]));
                rowOfObservation.add(i);
            }
        }
        List<EvaluationData.CategoricalColumn> cats = new ArrayList<>();
        for (String c : t.categoricalColumns()) {
            String[] v = new String[obs.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = rows.get(rowOfObservation.get(k)).categorical().get(c);
            }
            cats.add(new EvaluationData.CategoricalColumn(c, v));
        }
        List<LocalDate> dates = rows.stream().map(SignalTable.Row::asOf).distinct().sorted().toList();
        return new EvaluationData("table", version, null, signals, usedHorizons, obs, churnWindows, renewalWindows, dates, cats);
    }

    private static Observation observation(SignalTable.Row r, OutcomeEvent e, int h, double score, Band band, double[] values) {
        return new Observation(r.id(), r.segment(), e, h, r.asOf(), score, band, values, -1);
    }

    /** Scores every row with the model; percentile peers are the rows of the same as-of date. */
    private static void scoreWithModel(List<SignalTable.Row> rows, ScoringModel model, double[] score, Band[] band,
                                       double[][] signalValues) {
        Scorer scorer = new Scorer(model);
        Map<LocalDate, List<Integer>> byDate = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byDate.computeIfAbsent(rows.get(i).asOf(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<LocalDate, List<Integer>> e : byDate.entrySet()) {
            List<Scorer.Measured> measured = new ArrayList<>();
            for (int i : e.getValue()) {
                measured.add(scorer.measure(facts(rows.get(i)), e.getKey()));
            }
            PeerDistributions peers = scorer.peers(measured);
            for (int k = 0; k < measured.size(); k++) {
                int i = e.getValue().get(k);
                AccountHealth h = scorer.score(measured.get(k), peers);
                score[i] = h.score() == null ? Double.NaN : h.score();
                band[i] = h.band();
                double[] v = new double[h.signals().size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = h.signals().get(j).score();
                }
                signalValues[i] = v;
            }
        }
    }

    /** A row as facts: the profile (segment when it parses, else mid_market) and the numeric columns as roll-ups. */
    static AccountFacts facts(SignalTable.Row r) {
        Segment segment;
        try {
            segment = Segment.parse(r.segment());
        } catch (IllegalArgumentException e) {
            segment = Segment.MID_MARKET;
        }
        AccountProfile p = new AccountProfile(r.id(), null, segment, null, null, null, null, null, null);
        return new AccountFacts(p, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                r.numeric(), PreviousHealth.none(), Set.of(FactSource.CRM));
    }

    /**
     * A model to start calibrating a table from when the team has none: one dimension, every numeric column
     * an equally weighted signal with a linear transform from its 5th to 95th percentile on the rows before
     * the split, pointing the way those rows say it warns. Bands and the rest come from {@code template}.
     */
    public static ScoringModel startingModel(SignalTable t, LocalDate split, ScoringModel template, LabelPolicy labels,
                                             String scoreColumn) {
        List<SignalSpec> signals = new ArrayList<>();
        for (String c : t.numericColumns()) {
            if (c.equals(scoreColumn)) {
                continue;
            }
            List<double[]> pairs = new ArrayList<>();
            for (SignalTable.Row r : t.rows()) {
                LocalDate when = r.outcomeDate() != null ? r.outcomeDate() : r.asOf();
                Double v = r.numeric().get(c);
                int y = labels.label(r.outcome());
                if (v != null && y >= 0 && when.isBefore(split)) {
                    pairs.add(new double[] {v, y});
                }
            }
            if (pairs.size() < 10) {
                continue;
            }
            double[] v = pairs.stream().mapToDouble(p -> p[0]).sorted().toArray();
            double lo = v[(int) Math.floor(0.05 * (v.length - 1))];
            double hi = v[(int) Math.ceil(0.95 * (v.length - 1))];
            if (!(hi > lo)) {
                continue; // no spread: it cannot tell accounts apart
            }
            double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
            int[] y = pairs.stream().mapToInt(p -> (int) p[1]).toArray();
            boolean higherRiskier = !(RocAuc.auc(x, y) < 0.5);
            Transform.Linear tr = higherRiskier ? new Transform.Linear(hi, lo) : new Transform.Linear(lo, hi);
            signals.add(new SignalSpec(signalId(c), "warehouse", 1, SignalSpec.SignalKind.QUANTITATIVE, tr, c, c));
        }
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("no numeric column of " + t.file() + " varies enough before " + split
                    + " to start a model from");
        }
        return new ScoringModel("table-equal-weights", "Every numeric column of " + t.file() + " weighted equally",
                List.of(new DimensionSpec("warehouse", "Warehouse signals", 100)), signals, List.of(), template.bands(),
                template.confidence(), template.priority(), template.trend(), template.expansion(), template.activity(),
                template.playbooks()).validate("starting model for " + t.file());
    }

    /** The median outcome date of the table (or as-of date when it has no outcome dates): the default split. */
    public static LocalDate medianDate(SignalTable t) {
        long[] d = t.rows().stream().mapToLong(r -> (r.outcomeDate() != null ? r.outcomeDate() : r.asOf()).toEpochDay())
                .sorted().toArray();
        if (d.length == 0) {
            throw new IllegalArgumentException(t.file() + " has no usable rows");
        }
        return LocalDate.ofEpochDay(d[d.length / 2]);
    }

    private static String signalId(String column) {
        String s = column.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return s.isEmpty() ? "column" : s;
    }
}
