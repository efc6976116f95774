package io.healthscore.testkit.salesforce.soql;

import io.healthscore.testkit.salesforce.soql.SoqlQuery.And;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Comparison;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Condition;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.CountAll;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.FieldPath;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.InList;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Literal;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Not;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Or;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.OrderItem;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.SelectItem;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.SubQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the supported SOQL subset. Syntax outside it fails with MALFORMED_QUERY naming the
 * construct, so a query that would work on a real org never silently returns wrong rows here.
 */
public final class SoqlParser {
    private static final Set<String> UNSUPPORTED_CLAUSES =
            Set.of("GROUP", "HAVING", "WITH", "FOR", "USING", "TYPEOF", "UPDATE", "VIEW", "REFERENCE");
    private static final Set<String> FUNCTIONS = Set.of("COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX",
            "TOLABEL", "FORMAT", "CONVERTCURRENCY", "CALENDAR_YEAR", "CALENDAR_MONTH", "DAY_ONLY", "FIELDS");
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE",
            "ORDER", "BY", "LIMIT", "OFFSET", "NULL", "TRUE", "FALSE", "GROUP", "HAVING", "WITH", "NULLS",
            "INCLUDES", "EXCLUDES");
    private static final Set<String> OPERATORS = Set.of("=", "!=", "<>", "<", "<=", ">", ">=");
    private static final Set<String> DATE_LITERALS = Set.of("TODAY", "YESTERDAY", "TOMORROW", "THIS_WEEK",
            "LAST_WEEK", "NEXT_WEEK", "THIS_MONTH", "LAST_MONTH", "NEXT_MONTH", "THIS_YEAR", "LAST_YEAR", "NEXT_YEAR");
    private static final Set<String> DATE_LITERALS_N = Set.of("LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO");

    private final String query;
    private final List<Token> tokens;
    private int index;

    private SoqlParser(String query) {
        this.query = query;
        this.tokens = SoqlLexer.tokenize(query);
    }

    /** Parses a complete query; throws {@link io.healthscore.testkit.salesforce.org.ApiFault} when malformed. */
    public static SoqlQuery parse(String query) {
        SoqlParser parser = new SoqlParser(query);
        SoqlQuery parsed = parser.query(false);
        parser.expectEnd();
        return parsed;
    }

    private SoqlQuery query(boolean nested) {
        expectWord("SELECT");
        List<SelectItem> select = selectList(nested);
        expectWord("FROM");
        Token from = expect(Token.Kind.WORD, "an object name");
        Condition where = null;
        if (peek().isWord("WHERE")) {
            next();
            where = condition();
        }
        rejectUnsupportedClause();
        List<OrderItem> orderBy = List.of();
        if (peek().isWord("ORDER")) {
            next();
            expectWord("BY");
            orderBy = orderList();
        }
        Integer limit = null;
        if (peek().isWord("LIMIT")) {
            next();
            limit = nonNegativeInt();
        }
        Integer offset = null;
        if (peek().isWord("OFFSET")) {
            next();
            offset = nonNegativeInt();
        }
        rejectUnsupportedClause();
        return new SoqlQuery(select, from.text(), from.position(), where, orderBy, limit, offset);
    }

    private List<SelectItem> selectList(boolean nested) {
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem(nested));
        } while (acceptSymbol(","));
        boolean hasCount = items.stream().anyMatch(CountAll.class::isInstance);
        if (hasCount && items.size() > 1) {
            CountAll count = (CountAll) items.stream().filter(CountAll.class::isInstance).findFirst().orElseThrow();
            throw SoqlException.malformed(query, count.position(),
                    "COUNT() and other fields cannot be selected together");
        }
        return items;
    }

    private SelectItem selectItem(boolean nested) {
        Token token = peek();
        if (token.isSymbol("(")) {
            if (nested) {
                throw SoqlException.malformed(query, token.position(), "unexpected token: (");
            }
            next();
            SoqlQuery sub = query(true);
            expectSymbol(")");
            return new SubQuery(sub);
        }
        if (token.kind() == Token.Kind.WORD && tokens.get(index + 1).isSymbol("(")) {
            if (token.isWord("COUNT") && tokens.get(index + 2).isSymbol(")")) {
                index += 3;
                return new CountAll(token.position());
            }
            if (FUNCTIONS.contains(token.upper())) {
                throw unsupported(token, token.upper() + "() in the SELECT list");
            }
        }
        FieldPath path = fieldPath();
        Token after = peek();
        if (after.kind() == Token.Kind.WORD && !after.isWord("FROM")) {
            throw SoqlException.malformed(query, after.position(), "unexpected token: " + after.display());
        }
        return path;
    }

    private FieldPath fieldPath() {
        Token first = expect(Token.Kind.WORD, "a field name");
        if (RESERVED.contains(first.upper())) {
            throw SoqlException.malformed(query, first.position(), "unexpected token: " + first.display());
        }
        List<String> parts = new ArrayList<>(List.of(first.text()));
        while (acceptSymbol(".")) {
            parts.add(expect(Token.Kind.WORD, "a field name").text());
        }
        return new FieldPath(parts, first.position());
    }

    private Condition condition() {
        Condition first = unary();
        Token connective = peek();
        if (!connective.isWord("AND") && !connective.isWord("OR")) {
            return first;
        }
        String kind = connective.upper();
        List<Condition> terms = new ArrayList<>(List.of(first));
        while (peek().isWord("AND") || peek().isWord("OR")) {
            Token next = next();
            if (!next.upper().equals(kind)) {
                // SOQL requires parentheses when AND and OR are mixed at one level.
                throw SoqlException.malformed(query, next.position(), "unexpected token: " + next.display());
            }
            terms.add(unary());
        }
        return kind.equals("AND") ? new And(terms) : new Or(terms);
    }

    private Condition unary() {
        if (peek().isWord("NOT")) {
            next();
            return new Not(unary());
        }
        if (acceptSymbol("(")) {
            Condition inner = condition();
            expectSymbol(")");
            return inner;
        }
        return predicate();
    }

    private Condition predicate() {
        FieldPath field = fieldPath();
        Token op = next();
        if (op.isWord("IN") || (op.isWord("NOT") && peek().isWord("IN"))) {
            boolean negated = op.isWord("NOT");
            if (negated) {
                next();
            }
            expectSymbol("(");
            if (peek().isWord("SELECT")) {
                throw unsupported(peek(), "semi-join and anti-join subqueries (IN (SELECT ...))");
            }
            List<Literal> values = new ArrayList<>();
            do {
                values.add(literal());
            } while (acceptSymbol(","));
            expectSymbol(")");
            return new InList(field, negated, values);
        }
        if (op.isWord("LIKE")) {
            return new Comparison(field, "LIKE", literal());
        }
        if (op.isWord("INCLUDES") || op.isWord("EXCLUDES")) {
            throw unsupported(op, op.upper() + " on multi-select picklists");
        }
        if (op.kind() == Token.Kind.SYMBOL && OPERATORS.contains(op.text())) {
            return new Comparison(field, op.text().equals("<>") ? "!=" : op.text(), literal());
        }
        throw SoqlException.malformed(query, op.position(), "unexpected token: " + op.display());
    }

    private Literal literal() {
        Token token = next();
        return switch (token.kind()) {
            case STRING -> new Literal(Literal.Kind.STRING, token.text(), null, token.position());
            case NUMBER -> new Literal(Literal.Kind.NUMBER, token.text(), null, token.position());
            case DATE -> new Literal(Literal.Kind.DATE, token.text(), null, token.position());
            case DATETIME -> new Literal(Literal.Kind.DATETIME, token.text(), null, token.position());
            case WORD -> wordLiteral(token);
            default -> throw SoqlException.malformed(query, token.position(), "unexpected token: " + token.display());
        };
    }

    private Literal wordLiteral(Token token) {
        String upper = token.upper();
        if (upper.equals("NULL")) {
            return new Literal(Literal.Kind.NULL, null, null, token.position());
        }
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return new Literal(Literal.Kind.BOOLEAN, upper.toLowerCase(java.util.Locale.ROOT), null,
                    token.position());
        }
        if (DATE_LITERALS.contains(upper)) {
            return new Literal(Literal.Kind.DATE_LITERAL, upper, null, token.position());
        }
        if (DATE_LITERALS_N.contains(upper)) {
            expectSymbol(":");
            Token n = expect(Token.Kind.NUMBER, "a number");
            if (!n.text().matches("\\d+")) {
                throw SoqlException.malformed(query, n.position(), "unexpected token: " + n.display());
            }
            return new Literal(Literal.Kind.DATE_LITERAL, upper, Integer.valueOf(n.text()), token.position());
        }
        if (upper.startsWith("LAST_N_") || upper.startsWith("NEXT_N_") || upper.startsWith("THIS_")
                || upper.startsWith("LAST_") || upper.startsWith("NEXT_") || upper.endsWith("_AGO")) {
            throw unsupported(token, "the date literal " + upper);
        }
        throw SoqlException.malformed(query, token.position(), "unexpected token: " + token.display());
    }

    private List<OrderItem> orderList() {
        List<OrderItem> items = new ArrayList<>();
        do {
            FieldPath field = fieldPath();
            boolean descending = false;
            if (peek().isWord("ASC") || peek().isWord("DESC")) {
                descending = next().isWord("DESC");
            }
            boolean nullsLast = false;
            if (peek().isWord("NULLS")) {
                next();
                Token which = next();
                if (!which.isWord("FIRST") && !which.isWord("LAST")) {
                    throw SoqlException.malformed(query, which.position(), "unexpected token: " + which.display());
                }
                nullsLast = which.isWord("LAST");
            }
            items.add(new OrderItem(field, descending, nullsLast));
        } while (acceptSymbol(","));
        return items;
    }

    private int nonNegativeInt() {
        Token token = expect(Token.Kind.NUMBER, "a number");
        if (!token.text().matches("\\d+")) {
            throw SoqlException.malformed(query, token.position(), "unexpected token: " + token.display());
        }
        return Integer.parseInt(token.text());
    }

    private void rejectUnsupportedClause() {
        Token token = peek();
        if (token.kind() == Token.Kind.WORD && UNSUPPORTED_CLAUSES.contains(token.upper())) {
            throw unsupported(token, "the " + token.upper() + " clause");
        }
    }

    private void expectEnd() {
        Token token = peek();
        if (token.kind() != Token.Kind.END) {
            throw SoqlException.malformed(query, token.position(), "unexpected token: " + token.display());
        }
    }

    private RuntimeException unsupported(Token at, String what) {
        return SoqlException.malformed(query, at.position(),
                what + " is not supported by the Salesforce org emulator");
    }

    private Token expect(Token.Kind kind, String what) {
        Token token = next();
        if (token.kind() != kind) {
            throw SoqlException.malformed(query, token.position(), "unexpected token: " + token.display());
        }
        return token;
    }

    private void expectWord(String keyword) {
        Token token = next();
        if (!token.isWord(keyword)) {
            throw SoqlException.malformed(query, token.position(), "unexpected token: " + token.display());
        }
    }

    private void expectSymbol(String symbol) {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw SoqlException.malformed(query, token.position(), "unexpected token: " + token.display());
        }
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }
}
