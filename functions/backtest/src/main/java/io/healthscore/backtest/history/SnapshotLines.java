package io.healthscore.backtest.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.facts.Segment;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.Driver;
import io.healthscore.domain.scoring.SignalScore;
import io.healthscore.domain.scoring.SubScore;
import io.healthscore.domain.scoring.Trend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The snapshot format: one JSON object per line, the first a {@code "record": "run"} header, then one
 * {@code "record": "account"} per account. Missing numbers (no data) are JSON null. Unknown fields are
 * ignored on reading, so later versions may add some; {@code format} changes when a field changes meaning.
 */
final class SnapshotLines {

    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotLines() {
    }

    static String header(RunHeader h) {
        ObjectNode o = JSON.createObjectNode();
        o.put("record", "run");
        o.put("format", FORMAT);
        o.put("run_id", h.runId());
        o.put("as_of", h.asOf().toString());
        o.put("model_version", h.modelVersion());
        o.put("rules_version", h.rulesVersion());
        o.put("extractor", h.extractor());
        o.put("kind", h.kind());
        o.put("replay_of", h.replayOf());
        o.put("created_at", h.createdAt().toString());
        ArrayNode s = o.putArray("signals");
        h.signals().forEach(s::add);
        return o.toString();
    }

    static RunHeader header(String line) {
        JsonNode o = parse(line);
        if (!"run".equals(o.path("record").asText())) {
            throw new IllegalArgumentException("the first line is not a run header");
        }
        if (o.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("snapshot format " + o.path("format").asInt() + " is not supported (expected "
                    + FORMAT + ")");
        }
        List<String> signals = new ArrayList<>();
        o.path("signals").forEach(s -> signals.add(s.asText()));
        return new RunHeader(o.get("run_id").asText(), LocalDate.parse(o.get("as_of").asText()), o.get("model_version").asText(),
                text(o, "rules_version"), text(o, "extractor"), text(o, "kind"), text(o, "replay_of"),
                Instant.parse(o.get("created_at").asText()), signals);
    }

    /** One account as a JSON line (streamed: runs are written for every account every week). */
    static String account(AccountSnapshot a) {
        java.io.StringWriter sw = new java.io.StringWriter(2048);
        try (JsonGenerator g = JSON.getFactory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("record", "account");
            g.writeStringField("account_id", a.accountId());
            g.writeStringField("segment", a.segment().wireName());
            g.writeStringField("tier", a.tier());
            integer(g, "employees", a.employees());
            num(g, "arr", a.arr() == null ? Double.NaN : a.arr());
            g.writeStringField("customer_since", a.customerSince() == null ? null : a.customerSince().toString());
            g.writeObjectFieldStart("measured");
            for (Map.Entry<String, Double> e : a.measured().entrySet()) {
                num(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            integer(g, "score", a.score());
            g.writeStringField("band", a.band().wireName());
            g.writeStringField("effective_band", a.effectiveBand().wireName());
            g.writeNumberField("confidence", a.confidence());
            g.writeArrayFieldStart("sub_scores");
            for (SubScore x : a.subScores()) {
                g.writeStartObject();
                g.writeStringField("dimension", x.dimension());
                g.writeStringField("label", x.label());
                integer(g, "score", x.score());
                g.writeNumberField("weight", x.weight());
                g.writeNumberField("coverage", x.coverage());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("signals");
            for (SignalScore x : a.signals()) {
                g.writeStartObject();
                g.writeStringField("signal", x.signal());
                g.writeStringField("dimension", x.dimension());
                num(g, "raw", x.raw());
                num(g, "score", x.score());
                g.writeNumberField("weight", x.weight());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("drivers");
            for (Driver d : a.drivers()) {
                g.writeStartObject();
                g.writeStringField("text", d.text());
                g.writeStringField("effect", d.effect().wireName());
                g.writeStringField("dimension", d.dimension());
                g.writeStringField("signal", d.signal());
                g.writeNumberField("impact", d.impact());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("trend");
            g.writeStringField("direction", a.trend().direction().wireName());
            integer(g, "change", a.trend().change());
            g.writeEndObject();
            integer(g, "expansion", a.expansion());
            g.writeNumberField("priority", a.priority());
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static void num(JsonGenerator g, String f, double v) throws java.io.IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(f);
        } else {
            g.writeNumberField(f, v);
        }
    }

    private static void integer(JsonGenerator g, String f, Integer v) throws java.io.IOException {
        if (v == null) {
            g.writeNullField(f);
        } else {
            g.writeNumberField(f, v);
        }
    }

    static AccountSnapshot account(String line) {
        JsonNode o = parse(line);
        if (!"account".equals(o.path("record").asText())) {
            throw new IllegalArgumentException("not an account record");
        }
        Map<String, Double> measured = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("measured").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            measured.put(e.getKey(), dbl(e.getValue()));
        }
        List<SubScore> subs = new ArrayList<>();
        for (JsonNode x : o.path("sub_scores")) {
            subs.add(new SubScore(x.get("dimension").asText(), x.get("label").asText(), integer(x.get("score")),
                    x.get("weight").asDouble(), x.get("coverage").asDouble()));
        }
        List<SignalScore> sig = new ArrayList<>();
        for (JsonNode x : o.path("signals")) {
            sig.add(new SignalScore(x.get("signal").asText(), x.get("dimension").asText(), dbl(x.get("raw")), dbl(x.get("score")),
                    x.get("weight").asDouble()));
        }
        List<Driver> drv = new ArrayList<>();
        for (JsonNode x : o.path("drivers")) {
            drv.add(new Driver(x.get("text").asText(), Driver.Effect.valueOf(x.get("effect").asText().toUpperCase(Locale.ROOT)),
                    text(x, "dimension"), text(x, "signal"), x.get("impact").asDouble()));
        }
        JsonNode t = o.path("trend");
        Trend trend = new Trend(Trend.Direction.valueOf(t.get("direction").asText().toUpperCase(Locale.ROOT)),
                integer(t.get("change")));
        return new AccountSnapshot(o.get("account_id").asText(), Segment.parse(o.get("segment").asText()), text(o, "tier"),
                integer(o.get("employees")), o.get("arr").isNull() ? null : o.get("arr").asDouble(),
                o.get("customer_since").isNull() ? null : LocalDate.parse(o.get("customer_since").asText()), measured,
                integer(o.get("score")), Band.parse(o.get("band").asText()), Band.parse(o.get("effective_band").asText()),
                o.get("confidence").asDouble(), subs, sig, drv, trend, integer(o.get("expansion")), o.get("priority").asDouble());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("a snapshot line is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void num(ObjectNode o, String f, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(f);
        } else {
            o.put(f, v);
        }
    }

    private static double dbl(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static Integer integer(JsonNode n) {
        return n == null || n.isNull() ? null : n.asInt();
    }

    private static String text(JsonNode o, String f) {
        JsonNode n = o.get(f);
        return n == null || n.isNull() ? null : n.asText();
    }
}
