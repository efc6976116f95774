package io.healthscore.salesforce;

import io.healthscore.salesforce.call.CallLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every log event, rendered as the JSON line the real log would print. */
final class RecordingLog implements CallLog {

    record Event(String name, Map<String, Object> fields) {
    }

    final List<Event> events = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    private final CallLog json;

    RecordingLog() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        CallLog real = CallLog.jsonLines(out);
        this.json = (name, fields) -> {
            real.event(name, fields);
            lines.add(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).trim());
            bytes.reset();
        };
    }

    @Override
    public synchronized void event(String name, Map<String, ?> fields) {
        events.add(new Event(name, new LinkedHashMap<>(fields)));
        json.event(name, fields);
    }

    synchronized List<Event> calls(String operation) {
        return events.stream().filter(e -> e.name().equals("salesforce_call"))
                .filter(e -> operation.equals(e.fields().get("operation"))).toList();
    }
}
