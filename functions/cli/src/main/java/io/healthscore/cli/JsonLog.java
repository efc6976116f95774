package io.healthscore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * Log lines as JSON on stderr: an event name with ids and counts, never customer text.
 */
final class JsonLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final boolean quiet;

    JsonLog(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    void info(String event, Map<String, ?> fields) {
        if (quiet) {
            return;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("ts", Instant.now().toString());
        o.put("level", "INFO");
        o.put("event", event);
        fields.forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
        try {
            out.println(JSON.writeValueAsString(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
