package io.healthscore.bedrock;

import java.util.Locale;

/**
 * One thing wrong with a model's answer. Built only from our field paths, codes and numbers: a value the model sent
 * is never copied into it, as the model may have copied transcript text into a field.
 *
 * @param code   what is wrong
 * @param path   where, e.g. {@code evidence[2].end} or {@code intents[0]}
 * @param detail numbers that help the model repair it (limits, lengths), or null
 */
public record AnswerProblem(Code code, String path, String detail) {

    public enum Code {
        NO_TOOL_USE("the answer did not call " + SignalTool.NAME),
        WRONG_TOOL("the answer called a tool other than " + SignalTool.NAME),
        MULTIPLE_TOOL_USES("the answer called the tool more than once"),
        TRUNCATED("the answer was cut off at the output limit"),
        WRONG_TYPE("wrong JSON type"),
        MISSING_FIELD("required field missing"),
        UNEXPECTED_FIELD("field not in the schema"),
        UNKNOWN_VALUE("value not in the allowed list"),
        OUT_OF_RANGE("number out of range"),
        TOO_MANY("too many items"),
        DUPLICATE("duplicate item"),
        SPAN_OUTSIDE_TEXT("span not inside the transcript"),
        SPAN_EMPTY("span holds no word of the transcript"),
        SPAN_TOO_LONG("span longer than " + SignalTool.MAX_SPAN_CHARS + " characters"),
        SPAN_ON_MARKER("span touches the marker of the left-out middle"),
        UNSUPPORTED_EVIDENCE("evidence for a label the answer does not give"),
        MISSING_EVIDENCE("label without an evidence span");

        private final String description;

        Code(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** Lower-case code for reject reasons and logs, e.g. {@code span_outside_text}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String describe() {
        return path + ": " + code.description() + (detail == null ? "" : " (" + detail + ")");
    }
}
