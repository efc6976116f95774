package io.healthscore.bedrock;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * Where the extractor's log lines go: one JSON object per event with conversation and account ids, attempts,
 * durations, error codes and token counts. Never conversation text, never model output, never AWS error messages
 * (they can echo the request).
 */
@FunctionalInterface
public interface BedrockLog {

    void event(String name, Map<String, ?> fields);

    BedrockLog SILENT = (name, fields) -> { };

    /** JSON Lines on the given stream (stderr in the CLI, stdout in Lambda). */
    static BedrockLog jsonLines(PrintStream out) {
        return (name, fields) -> {
            StringBuilder line = new StringBuilder(128);
            line.append("{\"ts\":");
            appendJson(line, Instant.now().toString());
            line.append(",\"level\":\"INFO\",\"event\":");
            appendJson(line, name);
            fields.forEach((k, v) -> {
                line.append(',');
                appendJson(line, k);
                line.append(':');
                appendJson(line, v);
            });
            line.append('}');
            synchronized (out) {
                out.println(line);
            }
        };
    }

    /** Numbers and booleans as they are; everything else as a JSON string. */
    private static void appendJson(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
            return;
        }
        if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
            return;
        }
        String s = v.toString();
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
