package io.healthscore.testkit.salesforce.soql;

import java.util.Locale;

/** A lexical token of SOQL. Keywords arrive as {@link Kind#WORD} and are matched case-insensitively. */
record Token(Kind kind, String text, Position position) {

    enum Kind { WORD, STRING, NUMBER, DATE, DATETIME, SYMBOL, END }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How the token is named in "unexpected token: ..." messages. */
    String display() {
        return kind == Kind.END ? "<EOF>" : kind == Kind.STRING ? "'" + text + "'" : text;
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
