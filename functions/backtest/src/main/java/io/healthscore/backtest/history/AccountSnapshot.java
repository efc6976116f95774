package io.healthscore.backtest.history;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.AccountProfile;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.Driver;
import io.healthscore.domain.scoring.Scorer;
import io.healthscore.domain.scoring.SignalScore;
import io.healthscore.domain.scoring.SubScore;
import io.healthscore.domain.scoring.Trend;
import io.healthscore.domain.signals.BuiltInSignal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account in a run snapshot: what was measured (every built-in signal and every roll-up column, so
 * any model can rescore it) and what the run's model made of it. No customer text: drivers are built
 * from numbers, and names are not kept.
 *
 * @param accountId      account id
 * @param segment        segment
 * @param tier           tier, may be null
 * @param employees      employees, may be null
 * @param arr            ARR, may be null
 * @param customerSince  first contract start, may be null
 * @param measured       built-in signal id to raw value, and "custom:COLUMN" to roll-up value (NaN: no data)
 * @param score          composite, null when none
 * @param band           computed band
 * @param effectiveBand  band after a CSM override
 * @param confidence     share of weight with data
 * @param subScores      per dimension
 * @param signals        per model signal: raw, 0-100 score, weight
 * @param drivers        the drivers shown to CSMs
 * @param trend          trend against the previous score
 * @param expansion      expansion readiness, may be null
 * @param priority       attention priority
 */
public record AccountSnapshot(String accountId, Segment segment, String tier, Integer employees, Double arr,
                              LocalDate customerSince, Map<String, Double> measured, Integer score, Band band,
                              Band effectiveBand, double confidence, List<SubScore> subScores, List<SignalScore> signals,
                              List<Driver> drivers, Trend trend, Integer expansion, double priority) {

    public static final String CUSTOM_PREFIX = "custom:";

    public AccountSnapshot {
        measured = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measured));
        subScores = List.copyOf(subScores);
        signals = List.copyOf(signals);
        drivers = List.copyOf(drivers);
    }

    /** What a run measured and scored for one account. */
    public static AccountSnapshot of(Scorer.Measured m, AccountHealth h) {
        AccountProfile p = m.facts().profile();
        Map<String, Double> measured = new LinkedHashMap<>();
        for (BuiltInSignal b : BuiltInSignal.values()) {
            measured.put(b.id(), m.builtIns()[b.ordinal()]);
        }
        m.facts().customSignals().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> measured.put(CUSTOM_PREFIX + e.getKey(), e.getValue()));
        return new AccountSnapshot(p.accountId(), p.segment(), p.tier(), p.employees(), p.arr(), p.customerSince(), measured,
                h.score(), h.band(), h.effectiveBand(), h.confidence(), h.subScores(), h.signals(), h.drivers(), h.trend(),
                h.expansionScore(), h.attentionPriority());
    }

    /** The profile as recorded (name and owners are not kept). */
    public AccountProfile profile() {
        return new AccountProfile(accountId, null, segment, tier, employees, arr, customerSince, null, null);
    }

    /** The measurement as a scorer for {@code model} takes it: built-ins from the record, roll-up columns by name. */
    public Scorer.Measured toMeasured(ScoringModel model, LocalDate asOf) {
        double[] builtIns = new double[BuiltInSignal.values().length];
        Arrays.fill(builtIns, Double.NaN);
        for (BuiltInSignal b : BuiltInSignal.values()) {
            Double v = measured.get(b.id());
            builtIns[b.ordinal()] = v == null ? Double.NaN : v;
        }
        Map<String, Double> custom = new LinkedHashMap<>();
        measured.forEach((k, v) -> {
            if (k.startsWith(CUSTOM_PREFIX) && !Double.isNaN(v)) {
                custom.put(k.substring(CUSTOM_PREFIX.length()), v);
            }
        });
        List<SignalSpec> specs = model.signals();
        double[] raw = new double[specs.size()];
        for (int i = 0; i < raw.length; i++) {
            SignalSpec s = specs.get(i);
            if (s.custom()) {
                Double v = custom.get(s.column());
                raw[i] = v == null ? Double.NaN : v;
            } else {
                BuiltInSignal b = BuiltInSignal.byId(s.id());
                raw[i] = b == null ? Double.NaN : builtIns[b.ordinal()];
            }
        }
        AccountFacts facts = new AccountFacts(profile(), null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), custom, null, java.util.Set.of(io.healthscore.domain.facts.FactSource.CRM));
        return new Scorer.Measured(facts, asOf, raw, builtIns);
    }
}
