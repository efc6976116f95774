package io.healthscore.salesforce.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * Where the adapter's log lines go: one JSON object per event with operation names, attempts, durations, ids and
 * counts. Never field values of customer records, never fault messages (they can echo data).
 */
@FunctionalInterface
public interface CallLog {

    void event(String name, Map<String, ?> fields);

    CallLog SILENT = (name, fields) -> { };

    /** JSON Lines on the given stream (stderr in the CLI, stdout in Lambda). */
    static CallLog jsonLines(PrintStream out) {
        ObjectMapper json = new ObjectMapper();
        return (name, fields) -> {
            ObjectNode o = json.createObjectNode();
            o.put("ts", Instant.now().toString());
            o.put("level", "INFO");
            o.put("event", name);
            fields.forEach((k, v) -> o.set(k, json.valueToTree(v)));
            try {
                String line = json.writeValueAsString(o);
                synchronized (out) {
                    out.println(line);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render a log line", e);
            }
        };
    }
}
