package io.healthscore.domain.scoring;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.ConversationSignal;
import io.healthscore.domain.facts.CsmOverride;
import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.model.BandRange;
import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.ExpansionSpec;
import io.healthscore.domain.model.PriorityRule;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.Transform;
import io.healthscore.domain.model.TrendRule;
import io.healthscore.domain.signals.BuiltInSignal;
import io.healthscore.domain.signals.SignalMeasurer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores accounts with a scoring model: measures signals, transforms them to 0-100, weighs them into
 * dimension sub-scores and a composite, and derives band, confidence, drivers, trend, expansion
 * readiness and attention priority. Thread-safe once built; one instance per model.
 *
 * <p>Scoring a book is two passes: {@link #measure} every account, build {@link #peers} for the
 * percentile transforms, then {@link #score} each account. {@link #scoreBook} does both.
 */
public final class Scorer {

    private static final int MAX_DRIVERS = 5;
    private static final BuiltInSignal[] BUILT_INS = BuiltInSignal.values();
    private static final int RENEWAL_DRIVER_DAYS = 90;
    private static final int CONVERSATION_SUMMARY_DAYS = 90;

    private final ScoringModel model;
    private final SignalMeasurer measurer;
    private final int signalCount;
    private final SignalSpec[] specs;
    private final int[] builtIn;
    private final int[] dimensionOf;
    private final boolean[] percentileAnywhere;
    private final DimensionSpec[] dimensions;
    private final Band[] bandByScore = new Band[101];
    private final int[] expansionSource;
    private final boolean[] expansionFromBuiltIn;
    private final Map<Long, Effective> effectiveByOverrides = new ConcurrentHashMap<>();
    /** The usual case, few overrides: a plain array indexed by the match mask (no boxing, no hashing). */
    private final java.util.concurrent.atomic.AtomicReferenceArray<Effective> effectiveBySmallMask =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(256);

    /** A measured account: raw values per model signal and per built-in signal. */
    public record Measured(AccountFacts facts, LocalDate asOf, double[] raw, double[] builtIns) {
    }

    /** Effective transforms and weights (percent of composite) for one combination of segment overrides. */
    private record Effective(Transform[] transforms, double[] weights, double[] dimensionWeights) {
    }

    public Scorer(ScoringModel model) {
        this.model = model;
        this.measurer = new SignalMeasurer(model.activity());
        this.signalCount = model.signals().size();
        this.specs = model.signals().toArray(new SignalSpec[0]);
        this.dimensions = model.dimensions().toArray(new DimensionSpec[0]);
        this.builtIn = new int[signalCount];
        this.dimensionOf = new int[signalCount];
        this.percentileAnywhere = new boolean[signalCount];
        for (int i = 0; i < signalCount; i++) {
            SignalSpec s = specs[i];
            BuiltInSignal b = s.custom() ? null : BuiltInSignal.byId(s.id());
            builtIn[i] = b == null ? -1 : b.ordinal();
            dimensionOf[i] = indexOfDimension(s.dimension());
            percentileAnywhere[i] = s.transform() instanceof Transform.Percentile;
            for (SegmentOverride o : model.segmentOverrides()) {
                SegmentOverride.SignalChange c = o.signals().get(s.id());
                if (c != null && c.transform() instanceof Transform.Percentile) {
                    percentileAnywhere[i] = true;
                }
            }
        }
        for (BandRange r : model.bands()) {
            for (int v = Math.max(0, r.min()); v <= Math.min(100, r.max()); v++) {
                bandByScore[v] = r.band();
            }
        }
        List<ExpansionSpec.Component> comps = model.expansion().components();
        expansionSource = new int[comps.size()];
        expansionFromBuiltIn = new boolean[comps.size()];
        for (int c = 0; c < comps.size(); c++) {
            String id = comps.get(c).signal();
            int modelIndex = indexOfSignal(id);
            if (modelIndex >= 0) {
                expansionSource[c] = modelIndex;
            } else {
                expansionSource[c] = BuiltInSignal.byId(id).ordinal();
                expansionFromBuiltIn[c] = true;
            }
        }
    }

    public ScoringModel model() {
        return model;
    }

    /** Scores a whole book as of a date (both passes). */
    public List<AccountHealth> scoreBook(List<AccountFacts> book, LocalDate asOf) {
        List<Measured> measured = new ArrayList<>(book.size());
        for (AccountFacts f : book) {
            measured.add(measure(f, asOf));
        }
        PeerDistributions peers = peers(measured);
        List<AccountHealth> out = new ArrayList<>(book.size());
        for (Measured m : measured) {
            out.add(score(m, peers));
        }
        return out;
    }

    /** Pass one: raw signal values of one account as of the date. */
    public Measured measure(AccountFacts facts, LocalDate asOf) {
        double[] builtIns = measurer.measure(facts, asOf);
        double[] raw = new double[signalCount];
        for (int i = 0; i < signalCount; i++) {
            if (builtIn[i] >= 0) {
                raw[i] = builtIns[builtIn[i]];
            } else {
                Double v = facts.customSignals().get(specs[i].column());
                raw[i] = v == null || v.isNaN() || v.isInfinite() ? Double.NaN : v;
            }
        }
        return new Measured(facts, asOf, raw, builtIns);
    }

    /** Peer distributions for percentile transforms, from measured accounts. */
    public PeerDistributions peers(Iterable<Measured> measured) {
        PeerDistributions.Builder b = new PeerDistributions.Builder(signalCount, percentileAnywhere);
        for (Measured m : measured) {
            b.add(m.facts().profile().segment(), m.raw());
        }
        return b.build();
    }

    /** Pass two: the full result for one measured account. */
    public AccountHealth score(Measured m, PeerDistributions peers) {
        AccountFacts facts = m.facts();
        LocalDate asOf = m.asOf();
        Effective eff = effectiveFor(facts, asOf);
        int dims = dimensions.length;
        double[] dimSum = new double[dims];
        double[] dimCovered = new double[dims];
        double[] dimTotal = new double[dims];
        double[] scores = new double[signalCount];
        double sum = 0;
        double covered = 0;
        double total = 0;
        List<SignalScore> signalScores = new ArrayList<>(signalCount);
        for (int i = 0; i < signalCount; i++) {
            double raw = m.raw()[i];
            double s = Double.isNaN(raw) ? Double.NaN : transform(eff.transforms()[i], raw, i, facts, peers);
            scores[i] = s;
            double w = eff.weights()[i];
            int d = dimensionOf[i];
            total += w;
            dimTotal[d] += w;
            if (!Double.isNaN(s)) {
                covered += w;
                sum += w * s;
                dimCovered[d] += w;
                dimSum[d] += w * s;
            }
            signalScores.add(new SignalScore(specs[i].id(), specs[i].dimension(), raw, s, w));
        }
        Integer score = covered > 0 ? clamp((int) Math.round(sum / covered)) : null;
        double confidence = total > 0 ? covered / total : 0;
        Band band = score == null || confidence < model.confidence().floor() - 1e-9 ? Band.INSUFFICIENT_SIGNAL : bandByScore[score];

        List<SubScore> subScores = new ArrayList<>(dims);
        for (int d = 0; d < dims; d++) {
            Integer ds = dimCovered[d] > 0 ? clamp((int) Math.round(dimSum[d] / dimCovered[d])) : null;
            subScores.add(new SubScore(dimensions[d].id(), dimensions[d].label(), ds, eff.dimensionWeights()[d],
                    dimTotal[d] > 0 ? dimCovered[d] / dimTotal[d] : 0));
        }

        PreviousHealth prev = facts.previous();
        CsmOverride override = prev.override() != null && prev.override().activeOn(asOf) ? prev.override() : null;
        Band effective = override != null ? override.band() : band;
        Trend trend = trend(score, prev, asOf);
        LocalDate bandSince = prev.band() == band
                ? (prev.bandSince() != null ? prev.bandSince() : prev.scoredOn() != null ? prev.scoredOn() : asOf)
                : asOf;
        List<HistoryPoint> history = history(prev, asOf, score);
        LocalDate redSince = band.red() ? redSince(prev, history, asOf) : null;
        Integer daysToRenewal = Double.isNaN(m.builtIns()[BuiltInSignal.DAYS_TO_RENEWAL.ordinal()]) ? null
                : (int) m.builtIns()[BuiltInSignal.DAYS_TO_RENEWAL.ordinal()];
        List<Driver> drivers = drivers(m, eff, scores, band, subScores, daysToRenewal);
        Integer expansion = expansion(m);
        double priority = priority(score, band, daysToRenewal, facts.profile().arr());
        return new AccountHealth(facts.accountId(), facts.profile().name(), asOf, model.version(), score, band, effective,
                override, confidence, subScores, signalScores, drivers, trend, bandSince, redSince, history, expansion,
                priority, daysToRenewal, facts.profile().arr(), conversationSummary(facts, asOf));
    }

    /** The band a composite score falls in (ignoring confidence). */
    public Band bandOf(int score) {
        return bandByScore[clamp(score)];
    }

    private double transform(Transform t, double raw, int signal, AccountFacts facts, PeerDistributions peers) {
        if (t instanceof Transform.Linear l) {
            return l.score(raw);
        }
        if (t instanceof Transform.Steps s) {
            return s.score(raw);
        }
        Transform.Percentile p = (Transform.Percentile) t;
        double pct = peers.percentile(signal, facts.profile().segment(), raw, p.minPeers());
        if (Double.isNaN(pct)) {
            return p.fallback() == null ? Double.NaN : p.fallback().score(raw);
        }
        return p.higherIsBetter() ? pct : 100 - pct;
    }

    private Effective effectiveFor(AccountFacts facts, LocalDate asOf) {
        long mask = 0;
        List<SegmentOverride> overrides = model.segmentOverrides();
        for (int o = 0; o < overrides.size() && o < 64; o++) {
            if (overrides.get(o).when().matches(facts.profile(), asOf)) {
                mask |= 1L << o;
            }
        }
        if (mask < 256) {
            Effective e = effectiveBySmallMask.get((int) mask);
            if (e == null) {
                e = buildEffective(mask);
                effectiveBySmallMask.set((int) mask, e);
            }
            return e;
        }
        return effectiveByOverrides.computeIfAbsent(mask, this::buildEffective);
    }

    private Effective buildEffective(long mask) {
        Transform[] t = new Transform[signalCount];
        double[] rel = new double[signalCount];
        for (int i = 0; i < signalCount; i++) {
            t[i] = specs[i].transform();
            rel[i] = specs[i].weight();
        }
        List<SegmentOverride> overrides = model.segmentOverrides();
        for (int o = 0; o < overrides.size() && o < 64; o++) {
            if ((mask & (1L << o)) == 0) {
                continue;
            }
            for (int i = 0; i < signalCount; i++) {
                SegmentOverride.SignalChange c = overrides.get(o).signals().get(specs[i].id());
                if (c != null) {
                    if (c.transform() != null) {
                        t[i] = c.transform();
                    }
                    if (c.weight() != null) {
                        rel[i] = c.weight();
                    }
                }
            }
        }
        double[] relPerDim = new double[dimensions.length];
        for (int i = 0; i < signalCount; i++) {
            relPerDim[dimensionOf[i]] += rel[i];
        }
        double[] w = new double[signalCount];
        for (int i = 0; i < signalCount; i++) {
            double dimRel = relPerDim[dimensionOf[i]];
            w[i] = dimRel > 0 ? dimensions[dimensionOf[i]].weight() * rel[i] / dimRel : 0;
        }
        double[] dw = new double[dimensions.length];
        for (int d = 0; d < dimensions.length; d++) {
            dw[d] = relPerDim[d] > 0 ? dimensions[d].weight() : 0;
        }
        return new Effective(t, w, dw);
    }

    private Trend trend(Integer score, PreviousHealth prev, LocalDate asOf) {
        Integer before = previousScore(prev, asOf);
        if (score == null || before == null) {
            return new Trend(Trend.Direction.NEW, null);
        }
        int change = score - before;
        TrendRule r = model.trend();
        Trend.Direction d = change >= r.improvingAt() ? Trend.Direction.IMPROVING
                : change <= r.decliningAt() ? Trend.Direction.DECLINING : Trend.Direction.STABLE;
        return new Trend(d, change);
    }

    /**
     * The score to compare with: the previous run's, or, when the previous run was on this same day (a
     * re-run), the last score before this day, so a re-run writes the same trend as the first run.
     */
    static Integer previousScore(PreviousHealth prev, LocalDate asOf) {
        if (prev.scoredOn() == null || prev.scoredOn().isBefore(asOf)) {
            return prev.score();
        }
        Integer before = null;
        for (HistoryPoint p : prev.history()) {
            if (p.scoredOn().isBefore(asOf)) {
                before = p.score();
            }
        }
        return before;
    }

    private List<HistoryPoint> history(PreviousHealth prev, LocalDate asOf, Integer score) {
        if (prev.history().isEmpty()) {
            return score == null ? List.of() : List.of(new HistoryPoint(asOf, score));
        }
        List<HistoryPoint> h = new ArrayList<>(prev.history().size() + 1);
        boolean sorted = true;
        for (HistoryPoint p : prev.history()) {
            if (p.scoredOn().isBefore(asOf)) {
                sorted &= h.isEmpty() || !p.scoredOn().isBefore(h.get(h.size() - 1).scoredOn());
                h.add(p);
            }
        }
        if (!sorted) {
            h.sort((a, b) -> a.scoredOn().compareTo(b.scoredOn()));
        }
        if (score != null) {
            h.add(new HistoryPoint(asOf, score));
        }
        int keep = model.trend().historyPoints();
        return h.size() > keep ? List.copyOf(h.subList(h.size() - keep, h.size())) : List.copyOf(h);
    }

    /**
     * Start of the red streak: carried from the previous run while it stays red (the history is capped,
     * so it cannot tell a long streak's start), else walked back through the history.
     */
    private LocalDate redSince(PreviousHealth prev, List<HistoryPoint> history, LocalDate asOf) {
        if (prev.redSince() != null && prev.band() != null && prev.band().red() && !prev.redSince().isAfter(asOf)) {
            return prev.redSince();
        }
        LocalDate since = asOf;
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!bandOf(history.get(i).score()).red()) {
                break;
            }
            since = history.get(i).scoredOn();
        }
        return since;
    }

    private List<Driver> drivers(Measured m, Effective eff, double[] scores, Band band, List<SubScore> subScores,
                                 Integer daysToRenewal) {
        int n = signalCount;
        double[] negImpact = new double[n];
        double[] posImpact = new double[n];
        int negCount = 0;
        int posCount = 0;
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            double w = eff.weights()[i];
            if (Double.isNaN(s) || w <= 0 || builtIn[i] == BuiltInSignal.DAYS_TO_RENEWAL.ordinal()) {
                continue;
            }
            if (s < 50) {
                negImpact[i] = w * (50 - s) / 100;
                negCount++;
            } else if (s >= 75) {
                posImpact[i] = w * (s - 75) / 100 + 1e-6;
                posCount++;
            }
        }
        List<Driver> out = new ArrayList<>(MAX_DRIVERS);
        boolean renewalSoon = daysToRenewal != null && daysToRenewal <= RENEWAL_DRIVER_DAYS;
        int room = MAX_DRIVERS - (renewalSoon ? 1 : 0);
        if (band == Band.INSUFFICIENT_SIGNAL) {
            for (SubScore s : subScores) {
                if (s.coverage() == 0 && s.weight() > 0 && out.size() < room) {
                    String label = s.label().isEmpty() ? s.dimension()
                            : Character.toLowerCase(s.label().charAt(0)) + s.label().substring(1);
                    out.add(new Driver("No data for " + label, Driver.Effect.NEGATIVE,
                            s.dimension(), null, s.weight()));
                }
            }
        }
        int negWanted = posCount > 0 ? Math.min(negCount, Math.max(room - out.size() - 2, 1)) : negCount;
        pick(m, negImpact, Driver.Effect.NEGATIVE, Math.min(negWanted, room - out.size()), out);
        pick(m, posImpact, Driver.Effect.POSITIVE, room - out.size(), out);
        pick(m, negImpact, Driver.Effect.NEGATIVE, room - out.size(), out);
        if (renewalSoon) {
            String text = BuiltInSignal.DAYS_TO_RENEWAL.describe(daysToRenewal);
            Driver.Effect effect = band == Band.HEALTHY ? Driver.Effect.POSITIVE : Driver.Effect.NEGATIVE;
            out.add(new Driver(text, effect, dimensionOfBuiltIn(BuiltInSignal.DAYS_TO_RENEWAL),
                    BuiltInSignal.DAYS_TO_RENEWAL.id(), 0));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private void pick(Measured m, double[] impact, Driver.Effect effect, int max, List<Driver> out) {
        for (int k = 0; k < max; k++) {
            int best = -1;
            for (int i = 0; i < impact.length; i++) {
                if (impact[i] > 0 && (best < 0 || impact[i] > impact[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            out.add(new Driver(describe(best, m.raw()[best]), effect, specs[best].dimension(), specs[best].id(), impact[best]));
            impact[best] = 0;
        }
    }

    private String describe(int signal, double raw) {
        if (builtIn[signal] >= 0) {
            return BUILT_INS[builtIn[signal]].describe(raw);
        }
        String label = specs[signal].label() != null ? specs[signal].label() : specs[signal].id();
        double r = Math.round(raw * 10) / 10.0;
        return label + ": " + (r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r));
    }

    private String dimensionOfBuiltIn(BuiltInSignal b) {
        for (int i = 0; i < signalCount; i++) {
            if (builtIn[i] == b.ordinal()) {
                return specs[i].dimension();
            }
        }
        return "commercial";
    }

    private Integer expansion(Measured m) {
        List<ExpansionSpec.Component> comps = model.expansion().components();
        double sum = 0;
        double w = 0;
        for (int c = 0; c < comps.size(); c++) {
            double raw = expansionFromBuiltIn[c] ? m.builtIns()[expansionSource[c]] : m.raw()[expansionSource[c]];
            if (Double.isNaN(raw)) {
                continue;
            }
            Transform t = comps.get(c).transform();
            double s = t instanceof Transform.Linear l ? l.score(raw) : ((Transform.Steps) t).score(raw);
            sum += comps.get(c).weight() * s;
            w += comps.get(c).weight();
        }
        return w > 0 ? clamp((int) Math.round(sum / w)) : null;
    }

    private double priority(Integer score, Band band, Integer daysToRenewal, Double arr) {
        PriorityRule r = model.priority();
        double risk = band == Band.INSUFFICIENT_SIGNAL || score == null ? r.insufficientSignalRisk() : 1 - score / 100.0;
        double urgency;
        if (daysToRenewal == null) {
            urgency = r.minUrgency();
        } else if (daysToRenewal <= 0) {
            urgency = 1;
        } else {
            double t = Math.min(daysToRenewal, r.renewalHorizonDays()) / (double) r.renewalHorizonDays();
            urgency = 1 - (1 - r.minUrgency()) * t;
        }
        double value = arr == null ? 1 : arr <= 0 ? 0.25
                : Math.max(0.25, Math.min(2, Math.log1p(arr) / Math.log1p(r.arrReference())));
        return Math.round(1000 * risk * urgency * value) / 10.0;
    }

    private static ConversationSummary conversationSummary(AccountFacts facts, LocalDate asOf) {
        if (facts.conversations().isEmpty()) {
            return null;
        }
        ConversationSignal latest = null;
        EnumSet<ConversationSignal.Intent> intents = EnumSet.noneOf(ConversationSignal.Intent.class);
        EnumSet<ConversationSignal.RiskFlag> flags = EnumSet.noneOf(ConversationSignal.RiskFlag.class);
        int count = 0;
        long today = asOf.toEpochDay();
        for (ConversationSignal c : facts.conversations()) {
            long age = today - c.occurredOn().toEpochDay();
            if (age < 0 || age > CONVERSATION_SUMMARY_DAYS) {
                continue;
            }
            count++;
            intents.addAll(c.intents());
            flags.addAll(c.riskFlags());
            if (latest == null || c.occurredOn().isAfter(latest.occurredOn())) {
                latest = c;
            }
        }
        if (count == 0) {
            return null;
        }
        return new ConversationSummary(latest.sentiment(), intents, flags, count, latest.occurredOn());
    }

    private int indexOfDimension(String id) {
        for (int d = 0; d < dimensions.length; d++) {
            if (dimensions[d].id().equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dimension " + id + " (validate the model first)");
    }

    private int indexOfSignal(String id) {
        for (int i = 0; i < signalCount; i++) {
            if (specs[i].id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(100, v));
    }

    /** Model signal ids in index order (for reports and benchmarks). */
    public List<String> signalIds() {
        return Arrays.stream(specs).map(SignalSpec::id).toList();
    }
}
