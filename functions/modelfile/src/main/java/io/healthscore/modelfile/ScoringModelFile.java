package io.healthscore.modelfile;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.model.ActivitySettings;
import io.healthscore.domain.model.BandRange;
import io.healthscore.domain.model.ConfidenceRule;
import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.ExpansionSpec;
import io.healthscore.domain.model.InvalidScoringModelException;
import io.healthscore.domain.model.ModelProblem;
import io.healthscore.domain.model.PlaybookRule;
import io.healthscore.domain.model.PriorityRule;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.Transform;
import io.healthscore.domain.model.TrendRule;
import io.healthscore.domain.scoring.Band;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a scoring model from YAML. Every problem, whether of shape (unknown field, wrong type) or of
 * meaning (weights not summing, overlapping bands), comes back in one {@link InvalidScoringModelException}
 * naming the file, the field path and the problem; never a stack trace for the user.
 */
public final class ScoringModelFile {

    /** Name of the embedded default model (a copy of config/scoring-model.yaml). */
    public static final String DEFAULT_RESOURCE = "scoring-model.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ScoringModelFile() {
    }

    /** The model shipped with the product. */
    public static ScoringModel loadDefault() {
        try (InputStream in = ScoringModelFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the embedded default scoring model is missing from the build");
            }
            return parse("embedded default (config/scoring-model.yaml)", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model file chosen by the user. */
    public static ScoringModel load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidScoringModelException(file.toString(), List.of(new ModelProblem("file", "does not exist")));
        } catch (IOException e) {
            throw new InvalidScoringModelException(file.toString(), List.of(new ModelProblem("file", "cannot be read: " + e.getMessage())));
        }
        return parse(file.toString(), bytes);
    }

    /** Parses and validates; {@code source} names the file in errors. */
    public static ScoringModel parse(String source, byte[] yaml) {
        ModelFileDto dto;
        try {
            if (emptyDocument(yaml)) {
                throw new InvalidScoringModelException(source, List.of(new ModelProblem("file", "is empty")));
            }
            dto = YAML.readValue(yaml, ModelFileDto.class);
        } catch (JsonProcessingException e) {
            throw new InvalidScoringModelException(source, List.of(shapeProblem(e, yaml)));
        } catch (IOException e) {
            throw new InvalidScoringModelException(source, List.of(new ModelProblem("file", "cannot be read: " + e.getMessage())));
        }
        if (dto == null) {
            throw new InvalidScoringModelException(source, List.of(new ModelProblem("file", "is empty")));
        }
        List<ModelProblem> problems = new ArrayList<>();
        ScoringModel model = new Mapper(problems).map(dto);
        if (problems.isEmpty()) {
            problems.addAll(model.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidScoringModelException(source, problems);
        }
        return model;
    }

    private static boolean emptyDocument(byte[] yaml) throws IOException {
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            return p.nextToken() == null;
        } catch (JsonParseException e) {
            return false; // a syntax error: readValue reports it with its line
        }
    }

    private static ModelProblem shapeProblem(JsonProcessingException error, byte[] yaml) {
        JsonProcessingException e = error;
        if (e.getCause() instanceof JsonParseException parse) {
            e = parse; // YAML syntax errors arrive wrapped in a mapping exception
        }
        String line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? " (line " + e.getLocation().getLineNr() + ")" : "";
        if (e instanceof JsonParseException) {
            return new ModelProblem("file", "is not valid YAML" + line + ": " + e.getOriginalMessage());
        }
        if (e instanceof JsonMappingException m) {
            String path = path(m);
            if (m instanceof UnrecognizedPropertyException u) {
                // the parser reports where the enclosing mapping ends; name the key's own line when it is unique
                line = keyLine(yaml, u.getPropertyName());
                String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                        .map(Object::toString).sorted().collect(Collectors.joining(", "));
                return new ModelProblem(path, "unknown field '" + u.getPropertyName() + "'" + line
                        + (known.isEmpty() ? "" : "; known fields: " + known));
            }
            if (m instanceof InvalidFormatException f) {
                return new ModelProblem(path, "'" + f.getValue() + "' is not a valid " + simpleType(f.getTargetType()) + line);
            }
            if (m instanceof MismatchedInputException mi) {
                return new ModelProblem(path, "has the wrong shape: expected " + simpleType(mi.getTargetType()) + line);
            }
            return new ModelProblem(path, e.getOriginalMessage() + line);
        }
        return new ModelProblem("file", e.getOriginalMessage() + line);
    }

    private static String keyLine(byte[] yaml, String key) {
        String[] lines = new String(yaml, java.nio.charset.StandardCharsets.UTF_8).split("\\R", -1);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(^|[\\s{,-])" + java.util.regex.Pattern.quote(key) + "\\s*:");
        int found = -1;
        for (int i = 0; i < lines.length; i++) {
            String content = lines[i].replaceFirst("\\s#.*$", "");
            if (p.matcher(content).find()) {
                if (found >= 0) {
                    return "";
                }
                found = i + 1;
            }
        }
        return found < 0 ? "" : " (line " + found + ")";
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.length() == 0 ? "file" : sb.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Double.class || type == double.class) {
            return "number";
        }
        if (type == Integer.class || type == int.class) {
            return "whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true/false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "mapping";
        }
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** DTO to domain, recording missing and malformed values as problems with their path. */
    private static final class Mapper {
        private final List<ModelProblem> problems;

        Mapper(List<ModelProblem> problems) {
            this.problems = problems;
        }

        ScoringModel map(ModelFileDto d) {
            List<DimensionSpec> dims = new ArrayList<>();
            for (int i = 0; i < list(d.dimensions()).size(); i++) {
                ModelFileDto.Dimension x = d.dimensions().get(i);
                String p = "dimensions[" + i + "]";
                if (x == null) {
                    problems.add(new ModelProblem(p, "is empty"));
                    continue;
                }
                dims.add(new DimensionSpec(x.id(), x.label() != null ? x.label() : x.id(),
                        req(x.weight(), p + ".weight")));
            }
            List<SignalSpec> sigs = new ArrayList<>();
            for (int i = 0; i < list(d.signals()).size(); i++) {
                ModelFileDto.Signal x = d.signals().get(i);
                if (x == null) {
                    problems.add(new ModelProblem("signals[" + i + "]", "is empty"));
                    continue;
                }
                String p = "signals[" + i + "]" + (x.id() == null ? "" : " (" + x.id() + ")");
                sigs.add(new SignalSpec(x.id(), x.dimension(), req(x.weight(), p + ".weight"),
                        kind(x.kind(), p + ".kind"), transform(x.transform(), p + ".transform"), x.column(), x.label()));
            }
            List<SegmentOverride> overrides = new ArrayList<>();
            for (int i = 0; i < list(d.segmentOverrides()).size(); i++) {
                ModelFileDto.Override x = d.segmentOverrides().get(i);
                if (x == null) {
                    problems.add(new ModelProblem("segmentOverrides[" + i + "]", "is empty"));
                    continue;
                }
                String p = "segmentOverrides[" + i + "]" + (x.name() == null ? "" : " (" + x.name() + ")");
                Map<String, SegmentOverride.SignalChange> changes = new LinkedHashMap<>();
                if (x.signals() != null) {
                    x.signals().forEach((id, c) -> changes.put(id, new SegmentOverride.SignalChange(
                            c == null || c.transform() == null ? null : transform(c.transform(), p + ".signals." + id + ".transform"),
                            c == null ? null : c.weight())));
                }
                overrides.add(new SegmentOverride(x.name(), match(x.when(), p + ".when"), changes));
            }
            List<BandRange> bands = new ArrayList<>();
            for (int i = 0; i < list(d.bands()).size(); i++) {
                ModelFileDto.BandDto x = d.bands().get(i);
                String p = "bands[" + i + "]";
                if (x == null) {
                    problems.add(new ModelProblem(p, "is empty"));
                    continue;
                }
                bands.add(new BandRange(band(x.band(), p + ".band"), reqInt(x.min(), p + ".min"), reqInt(x.max(), p + ".max")));
            }
            ConfidenceRule confidence = d.confidence() == null ? null
                    : new ConfidenceRule(req(d.confidence().floor(), "confidence.floor"));
            PriorityRule priority = d.priority() == null ? null : new PriorityRule(
                    reqInt(d.priority().renewalHorizonDays(), "priority.renewalHorizonDays"),
                    req(d.priority().minUrgency(), "priority.minUrgency"),
                    req(d.priority().arrReference(), "priority.arrReference"),
                    req(d.priority().insufficientSignalRisk(), "priority.insufficientSignalRisk"));
            TrendRule trend = d.trend() == null ? null : new TrendRule(
                    reqInt(d.trend().improvingAt(), "trend.improvingAt"),
                    reqInt(d.trend().decliningAt(), "trend.decliningAt"),
                    reqInt(d.trend().historyPoints(), "trend.historyPoints"));
            ExpansionSpec expansion = null;
            if (d.expansion() != null) {
                List<ExpansionSpec.Component> comps = new ArrayList<>();
                for (int i = 0; i < list(d.expansion().signals()).size(); i++) {
                    ModelFileDto.Component c = d.expansion().signals().get(i);
                    String p = "expansion.signals[" + i + "]";
                    if (c == null) {
                        problems.add(new ModelProblem(p, "is empty"));
                        continue;
                    }
                    comps.add(new ExpansionSpec.Component(c.signal(), req(c.weight(), p + ".weight"),
                            transform(c.transform(), p + ".transform")));
                }
                expansion = new ExpansionSpec(comps, reqInt(d.expansion().readyAt(), "expansion.readyAt"));
            }
            List<String> touchTypes = new ArrayList<>();
            if (d.activity() != null) {
                for (String t : list(d.activity().meaningfulTouchTypes())) {
                    if (t == null) {
                        problems.add(new ModelProblem("activity.meaningfulTouchTypes", "holds an empty item"));
                    } else {
                        touchTypes.add(t);
                    }
                }
            }
            ActivitySettings activity = d.activity() == null ? null : new ActivitySettings(
                    Set.copyOf(touchTypes),
                    req(d.activity().conversationHalfLifeDays(), "activity.conversationHalfLifeDays"),
                    reqInt(d.activity().lookbackDays(), "activity.lookbackDays"));
            List<PlaybookRule> playbooks = new ArrayList<>();
            for (int i = 0; i < list(d.playbooks()).size(); i++) {
                ModelFileDto.Playbook x = d.playbooks().get(i);
                if (x == null) {
                    problems.add(new ModelProblem("playbooks[" + i + "]", "is empty"));
                    continue;
                }
                String p = "playbooks[" + i + "]" + (x.id() == null ? "" : " (" + x.id() + ")");
                playbooks.add(new PlaybookRule(x.id(), trigger(x.when(), p + ".when"),
                        enumValue(PlaybookRule.Assignee.class, x.assignTo(), p + ".assignTo"),
                        reqInt(x.dueInDays(), p + ".dueInDays"),
                        enumValue(PlaybookRule.TaskPriority.class, x.priority(), p + ".priority"),
                        x.subject(), x.enabled() == null || x.enabled()));
            }
            if (d.dimensions() == null) {
                problems.add(new ModelProblem("dimensions", "is required"));
            }
            if (d.signals() == null) {
                problems.add(new ModelProblem("signals", "is required"));
            }
            return new ScoringModel(d.version(), d.description(), dims, sigs, overrides, bands, confidence, priority,
                    trend, expansion, activity, playbooks);
        }

        private Transform transform(ModelFileDto.TransformDto t, String p) {
            if (t == null) {
                problems.add(new ModelProblem(p, "is required"));
                return null;
            }
            if (t.kind() == null) {
                problems.add(new ModelProblem(p + ".kind", "is required (linear, thresholds or percentile)"));
                return null;
            }
            switch (t.kind().trim().toLowerCase(Locale.ROOT)) {
                case "linear":
                    onlyFields(t, p, "worst", "best");
                    return new Transform.Linear(req(t.worst(), p + ".worst"), req(t.best(), p + ".best"));
                case "thresholds":
                    onlyFields(t, p, "steps", "otherwise");
                    List<Transform.Step> steps = new ArrayList<>();
                    if (t.steps() == null) {
                        problems.add(new ModelProblem(p + ".steps", "is required"));
                    } else {
                        for (int i = 0; i < t.steps().size(); i++) {
                            ModelFileDto.Step s = t.steps().get(i);
                            if (s == null) {
                                problems.add(new ModelProblem(p + ".steps[" + i + "]", "is empty"));
                                continue;
                            }
                            steps.add(new Transform.Step(req(s.upTo(), p + ".steps[" + i + "].upTo"),
                                    req(s.score(), p + ".steps[" + i + "].score")));
                        }
                    }
                    return new Transform.Steps(steps, req(t.otherwise(), p + ".otherwise"));
                case "percentile":
                    onlyFields(t, p, "higherIsBetter", "minPeers", "fallback");
                    Transform.Linear fallback = t.fallback() == null ? null
                            : new Transform.Linear(req(t.fallback().worst(), p + ".fallback.worst"),
                                    req(t.fallback().best(), p + ".fallback.best"));
                    if (t.higherIsBetter() == null) {
                        problems.add(new ModelProblem(p + ".higherIsBetter", "is required (true or false)"));
                    }
                    return new Transform.Percentile(t.higherIsBetter() == null || t.higherIsBetter(),
                            t.minPeers() == null ? 20 : t.minPeers(), fallback);
                default:
                    problems.add(new ModelProblem(p + ".kind", "unknown transform '" + t.kind()
                            + "' (expected linear, thresholds or percentile)"));
                    return null;
            }
        }

        private void onlyFields(ModelFileDto.TransformDto t, String p, String... allowed) {
            Set<String> ok = Set.of(allowed);
            Map<String, Object> present = new LinkedHashMap<>();
            present.put("worst", t.worst());
            present.put("best", t.best());
            present.put("steps", t.steps());
            present.put("otherwise", t.otherwise());
            present.put("higherIsBetter", t.higherIsBetter());
            present.put("minPeers", t.minPeers());
            present.put("fallback", t.fallback());
            present.forEach((k, v) -> {
                if (v != null && !ok.contains(k)) {
                    problems.add(new ModelProblem(p + "." + k, "does not apply to a " + t.kind() + " transform (it takes "
                            + String.join(", ", allowed) + ")"));
                }
            });
        }

        private SegmentOverride.Match match(ModelFileDto.When w, String p) {
            if (w == null) {
                return null;
            }
            Set<Segment> segments = EnumSet.noneOf(Segment.class);
            for (String s : list(w.segment())) {
                if (s == null) {
                    problems.add(new ModelProblem(p + ".segment", "holds an empty item"));
                    continue;
                }
                try {
                    segments.add(Segment.parse(s));
                } catch (IllegalArgumentException e) {
                    problems.add(new ModelProblem(p + ".segment", e.getMessage()));
                }
            }
            Set<String> tiers = new HashSet<>();
            for (String t : list(w.tier())) {
                if (t == null) {
                    problems.add(new ModelProblem(p + ".tier", "holds an empty item"));
                    continue;
                }
                tiers.add(t.trim().toLowerCase(Locale.ROOT));
            }
            return new SegmentOverride.Match(segments, tiers, w.minEmployees(), w.maxEmployees(), w.minTenureMonths(),
                    w.maxTenureMonths());
        }

        private PlaybookRule.Trigger trigger(ModelFileDto.PlaybookWhen w, String p) {
            if (w == null) {
                problems.add(new ModelProblem(p, "is required"));
                return null;
            }
            List<PlaybookRule.Trigger> found = new ArrayList<>();
            if (w.band() != null) {
                Set<Band> bands = EnumSet.noneOf(Band.class);
                for (String b : w.band()) {
                    if (b == null) {
                        problems.add(new ModelProblem(p + ".band", "holds an empty item"));
                        continue;
                    }
                    Band band = band(b, p + ".band");
                    if (band != null) {
                        bands.add(band);
                    }
                }
                found.add(new PlaybookRule.BandIs(bands));
            }
            if (w.dropOfMoreThan() != null) {
                found.add(new PlaybookRule.ScoreDrop(w.dropOfMoreThan()));
            }
            if (w.redForDays() != null) {
                found.add(new PlaybookRule.RedFor(w.redForDays()));
            }
            if (Boolean.TRUE.equals(w.recovered())) {
                found.add(new PlaybookRule.Recovered());
            }
            if (w.expansion() != null) {
                found.add(new PlaybookRule.ExpansionMoment(reqInt(w.expansion().renewalWithinDays(), p + ".expansion.renewalWithinDays"),
                        reqInt(w.expansion().minExpansionScore(), p + ".expansion.minExpansionScore")));
            }
            if (found.size() != 1) {
                problems.add(new ModelProblem(p, "needs exactly one of band, dropOfMoreThan, redForDays, recovered, expansion; found "
                        + found.size()));
                return null;
            }
            return found.get(0);
        }

        private SignalSpec.SignalKind kind(String k, String p) {
            return enumValue(SignalSpec.SignalKind.class, k, p);
        }

        private Band band(String b, String p) {
            if (b == null) {
                problems.add(new ModelProblem(p, "is required"));
                return null;
            }
            try {
                return Band.parse(b);
            } catch (IllegalArgumentException e) {
                problems.add(new ModelProblem(p, e.getMessage()));
                return null;
            }
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String v, String p) {
            String expected = EnumSet.allOf(type).stream().map(e -> e.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            if (v == null) {
                problems.add(new ModelProblem(p, "is required (" + expected + ")"));
                return null;
            }
            try {
                return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new ModelProblem(p, "unknown value '" + v + "' (expected " + expected + ")"));
                return null;
            }
        }

        private double req(Double v, String p) {
            if (v == null) {
                problems.add(new ModelProblem(p, "is required"));
                return Double.NaN;
            }
            return v;
        }

        private int reqInt(Integer v, String p) {
            if (v == null) {
                problems.add(new ModelProblem(p, "is required"));
                return 0;
            }
            return v;
        }

        private static <T> List<T> list(List<T> l) {
            return l == null ? List.of() : l;
        }
    }
}
