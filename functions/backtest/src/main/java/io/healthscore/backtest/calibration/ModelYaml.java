package io.healthscore.backtest.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.model.BandRange;
import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.ExpansionSpec;
import io.healthscore.domain.model.PlaybookRule;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.Transform;
import io.healthscore.domain.scoring.Band;
import io.healthscore.modelfile.ScoringModelFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a scoring model as YAML in the shape {@link ScoringModelFile} reads (docs/scoring-model.md), and
 * proves it by reading it back: a written model that would not load is an error here, never in the
 * next weekly run.
 */
public final class ModelYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build())
            .build();

    private ModelYaml() {
    }

    /** The YAML text, preceded by the given comment lines; throws when it does not load back as the same model. */
    public static String write(ScoringModel model, List<String> headerComments) {
        String body;
        try {
            body = YAML.writeValueAsString(tree(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scoring model as YAML", e);
        }
        StringBuilder sb = new StringBuilder();
        for (String c : headerComments) {
            sb.append("# ").append(c).append('\n');
        }
        sb.append(body);
        String text = sb.toString();
        ScoringModel back = ScoringModelFile.parse("calibrated model", text.getBytes(StandardCharsets.UTF_8));
        if (!back.equals(model)) {
            throw new IllegalStateException("the written scoring model does not read back as the same model");
        }
        return text;
    }

    static Map<String, Object> tree(ScoringModel m) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", m.version());
        if (m.description() != null) {
            root.put("description", m.description());
        }
        List<Object> dims = new ArrayList<>();
        for (DimensionSpec d : m.dimensions()) {
            dims.add(map("id", d.id(), "label", d.label(), "weight", num(d.weight())));
        }
        root.put("dimensions", dims);
        List<Object> sigs = new ArrayList<>();
        for (SignalSpec s : m.signals()) {
            Map<String, Object> x = map("id", s.id(), "dimension", s.dimension(), "weight", num(s.weight()),
                    "kind", s.kind().name().toLowerCase(Locale.ROOT), "transform", transform(s.transform()));
            if (s.column() != null) {
                x.put("column", s.column());
            }
            if (s.label() != null) {
                x.put("label", s.label());
            }
            sigs.add(x);
        }
        root.put("signals", sigs);
        List<Object> overrides = new ArrayList<>();
        for (SegmentOverride o : m.segmentOverrides()) {
            Map<String, Object> when = new LinkedHashMap<>();
            SegmentOverride.Match w = o.when();
            if (!w.segments().isEmpty()) {
                when.put("segment", w.segments().stream().sorted().map(Segment::wireName).toList());
            }
            if (!w.tiers().isEmpty()) {
                when.put("tier", w.tiers().stream().sorted().toList());
            }
            putIfSet(when, "minEmployees", w.minEmployees());
            putIfSet(when, "maxEmployees", w.maxEmployees());
            putIfSet(when, "minTenureMonths", w.minTenureMonths());
            putIfSet(when, "maxTenureMonths", w.maxTenureMonths());
            Map<String, Object> changes = new LinkedHashMap<>();
            for (SignalSpec s : m.signals()) { // model order keeps the file stable
                SegmentOverride.SignalChange c = o.signals().get(s.id());
                if (c == null) {
                    continue;
                }
                Map<String, Object> ch = new LinkedHashMap<>();
                if (c.transform() != null) {
                    ch.put("transform", transform(c.transform()));
                }
                if (c.weight() != null) {
                    ch.put("weight", num(c.weight()));
                }
                changes.put(s.id(), ch);
            }
            Map<String, Object> x = new LinkedHashMap<>();
            if (o.name() != null) {
                x.put("name", o.name());
            }
            x.put("when", when);
            x.put("signals", changes);
            overrides.add(x);
        }
        root.put("segmentOverrides", overrides);
        List<Object> bands = new ArrayList<>();
        for (BandRange b : m.bands()) {
            bands.add(map("band", b.band().wireName(), "min", b.min(), "max", b.max()));
        }
        root.put("bands", bands);
        root.put("confidence", map("floor", num(m.confidence().floor())));
        root.put("priority", map("renewalHorizonDays", m.priority().renewalHorizonDays(),
                "minUrgency", num(m.priority().minUrgency()), "arrReference", num(m.priority().arrReference()),
                "insufficientSignalRisk", num(m.priority().insufficientSignalRisk())));
        root.put("trend", map("improvingAt", m.trend().improvingAt(), "decliningAt", m.trend().decliningAt(),
                "historyPoints", m.trend().historyPoints()));
        List<Object> comps = new ArrayList<>();
        for (ExpansionSpec.Component c : m.expansion().components()) {
            comps.add(map("signal", c.signal(), "weight", num(c.weight()), "transform", transform(c.transform())));
        }
        root.put("expansion", map("readyAt", m.expansion().readyAt(), "signals", comps));
        root.put("activity", map("meaningfulTouchTypes", m.activity().meaningfulTouchTypes().stream().sorted().toList(),
                "conversationHalfLifeDays", num(m.activity().conversationHalfLifeDays()),
                "lookbackDays", m.activity().lookbackDays()));
        List<Object> playbooks = new ArrayList<>();
        for (PlaybookRule r : m.playbooks()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", r.id());
            x.put("when", trigger(r.trigger()));
            x.put("assignTo", r.assignTo().name().toLowerCase(Locale.ROOT));
            x.put("dueInDays", r.dueInDays());
            x.put("priority", r.priority().name().toLowerCase(Locale.ROOT));
            x.put("subject", r.subject());
            if (!r.enabled()) {
                x.put("enabled", false);
            }
            playbooks.add(x);
        }
        root.put("playbooks", playbooks);
        return root;
    }

    private static Map<String, Object> trigger(PlaybookRule.Trigger t) {
        if (t instanceof PlaybookRule.BandIs b) {
            return map("band", b.bands().stream().sorted().map(Band::wireName).toList());
        }
        if (t instanceof PlaybookRule.ScoreDrop d) {
            return map("dropOfMoreThan", d.points());
        }
        if (t instanceof PlaybookRule.RedFor r) {
            return map("redForDays", r.days());
        }
        if (t instanceof PlaybookRule.Recovered) {
            return map("recovered", true);
        }
        PlaybookRule.ExpansionMoment e = (PlaybookRule.ExpansionMoment) t;
        return map("expansion", map("renewalWithinDays", e.renewalWithinDays(), "minExpansionScore", e.minExpansionScore()));
    }

    static Map<String, Object> transform(Transform t) {
        if (t instanceof Transform.Linear l) {
            return map("kind", "linear", "worst", num(l.worst()), "best", num(l.best()));
        }
        if (t instanceof Transform.Steps s) {
            List<Object> steps = new ArrayList<>();
            for (Transform.Step st : s.steps()) {
                steps.add(map("upTo", num(st.upTo()), "score", num(st.score())));
            }
            return map("kind", "thresholds", "steps", steps, "otherwise", num(s.otherwise()));
        }
        Transform.Percentile p = (Transform.Percentile) t;
        Map<String, Object> x = map("kind", "percentile", "higherIsBetter", p.higherIsBetter(), "minPeers", p.minPeers());
        if (p.fallback() != null) {
            x.put("fallback", map("worst", num(p.fallback().worst()), "best", num(p.fallback().best())));
        }
        return x;
    }

    /** Whole numbers as integers (the file reads them as numbers either way; they read better). */
    static Object num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }

    private static void putIfSet(Map<String, Object> m, String key, Integer v) {
        if (v != null) {
            m.put(key, v);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
