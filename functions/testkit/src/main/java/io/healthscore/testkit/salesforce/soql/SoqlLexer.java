package io.healthscore.testkit.salesforce.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL into tokens, tracking row and column for fault messages. */
final class SoqlLexer {
    private static final Pattern DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![\\w:])");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private int offset;
    private int row = 1;
    private int lineStart;

    private SoqlLexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String query) {
        return new SoqlLexer(query).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            Position position = new Position(row, offset - lineStart + 1);
            if (offset >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", position));
                return tokens;
            }
            char c = text.charAt(offset);
            if (c == '\'') {
                tokens.add(new Token(Token.Kind.STRING, readString(position), position));
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && nextIsDigit())) {
                tokens.add(readNumberOrDate(position));
            } else if (Character.isLetter(c) || c == '_') {
                tokens.add(new Token(Token.Kind.WORD, match(WORD), position));
            } else {
                tokens.add(new Token(Token.Kind.SYMBOL, readSymbol(position), position));
            }
        }
    }

    private Token readNumberOrDate(Position position) {
        String datetime = lookingAt(DATETIME);
        if (datetime != null) {
            offset += datetime.length();
            return new Token(Token.Kind.DATETIME, datetime, position);
        }
        String date = lookingAt(DATE);
        if (date != null) {
            offset += date.length();
            return new Token(Token.Kind.DATE, date, position);
        }
        return new Token(Token.Kind.NUMBER, match(NUMBER), position);
    }

    private String readString(Position position) {
        StringBuilder value = new StringBuilder();
        offset++;
        while (offset < text.length()) {
            char c = text.charAt(offset++);
            if (c == '\'') {
                return value.toString();
            }
            if (c == '\\' && offset < text.length()) {
                char escaped = text.charAt(offset++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case '%', '_' -> value.append('\\').append(escaped);
                    default -> value.append(escaped);
                }
            } else {
                if (c == '\n') {
                    row++;
                    lineStart = offset;
                }
                value.append(c);
            }
        }
        throw SoqlException.malformed(text, position, "unexpected token: <EOF>");
    }

    private String readSymbol(Position position) {
        for (String symbol : List.of("!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ",", ".", ":")) {
            if (text.startsWith(symbol, offset)) {
                offset += symbol.length();
                return symbol;
            }
        }
        throw SoqlException.malformed(text, position, "unexpected token: " + text.charAt(offset));
    }

    private boolean nextIsDigit() {
        return offset + 1 < text.length() && Character.isDigit(text.charAt(offset + 1));
    }

    private void skipWhitespace() {
        while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
            if (text.charAt(offset) == '\n') {
                row++;
                lineStart = offset + 1;
            }
            offset++;
        }
    }

    private String lookingAt(Pattern pattern) {
        Matcher matcher = pattern.matcher(text).region(offset, text.length());
        return matcher.lookingAt() ? matcher.group() : null;
    }

    private String match(Pattern pattern) {
        String matched = lookingAt(pattern);
        offset += matched.length();
        return matched;
    }
}
