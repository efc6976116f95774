package io.healthscore.testkit.salesforce.soql;

import io.healthscore.testkit.salesforce.org.FieldType;
import io.healthscore.testkit.salesforce.org.OrgStore;
import io.healthscore.testkit.salesforce.org.SObjectType;
import io.healthscore.testkit.salesforce.org.SalesforceIds;
import io.healthscore.testkit.salesforce.org.StoredRecord;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.And;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Comparison;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Condition;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.InList;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Literal;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Not;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.Or;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns a WHERE tree into a predicate, type-checking every literal against its field the way the platform does
 * ("value of filter criterion for field 'CloseDate' must be of type date and should not be enclosed in quotes").
 * SOQL semantics: text compares case-insensitively, {@code !=} and NOT IN match nulls, date literals are day
 * ranges in the org's time zone.
 */
final class FilterCompiler {
    private final PathResolver resolver;
    private final OrgStore store;
    private final String query;
    private final LocalDate today;
    private final ZoneId zone;

    FilterCompiler(PathResolver resolver, OrgStore store, String query, LocalDate today, ZoneId zone) {
        this.resolver = resolver;
        this.store = store;
        this.query = query;
        this.today = today;
        this.zone = zone;
    }

    Predicate<StoredRecord> compile(SObjectType type, Condition condition) {
        if (condition == null) {
            return record -> true;
        }
        if (condition instanceof And and) {
            List<Predicate<StoredRecord>> terms = compileAll(type, and.terms());
            return record -> terms.stream().allMatch(term -> term.test(record));
        }
        if (condition instanceof Or or) {
            List<Predicate<StoredRecord>> terms = compileAll(type, or.terms());
            return record -> terms.stream().anyMatch(term -> term.test(record));
        }
        if (condition instanceof Not not) {
            return compile(type, not.term()).negate();
        }
        if (condition instanceof InList in) {
            ResolvedPath path = resolver.resolve(type, in.field());
            List<Operand> operands = new ArrayList<>();
            for (Literal literal : in.values()) {
                operands.add(operand(path, literal, "IN"));
            }
            return record -> {
                Object value = path.valueOf(record, store);
                boolean found = operands.stream().anyMatch(operand -> operand.matches(path.type(), value, "="));
                return in.negated() != found;
            };
        }
        Comparison comparison = (Comparison) condition;
        ResolvedPath path = resolver.resolve(type, comparison.field());
        Operand operand = operand(path, comparison.value(), comparison.operator());
        String operator = comparison.operator();
        return record -> operand.matches(path.type(), path.valueOf(record, store), operator);
    }

    private List<Predicate<StoredRecord>> compileAll(SObjectType type, List<Condition> conditions) {
        List<Predicate<StoredRecord>> compiled = new ArrayList<>();
        for (Condition term : conditions) {
            compiled.add(compile(type, term));
        }
        return compiled;
    }

    private Operand operand(ResolvedPath path, Literal literal, String operator) {
        FieldType type = path.type();
        String fieldName = path.names().get(path.names().size() - 1);
        if (literal.kind() == Literal.Kind.NULL) {
            return new Exact(null);
        }
        if (operator.equals("LIKE")) {
            if (!type.isText() || literal.kind() != Literal.Kind.STRING) {
                throw SoqlException.invalidField(query, literal.position(),
                        "invalid operator on field '" + fieldName + "': LIKE");
            }
            return new LikePattern(likeRegex(literal.text()));
        }
        return switch (type) {
            case ID, STRING, REFERENCE -> {
                require(literal, fieldName, "string", "should be enclosed in quotes", Literal.Kind.STRING);
                yield new Exact(literal.text());
            }
            case BOOLEAN -> {
                require(literal, fieldName, "boolean", "should not be enclosed in quotes", Literal.Kind.BOOLEAN);
                yield new Exact(Boolean.valueOf(literal.text()));
            }
            case INT, DOUBLE -> {
                require(literal, fieldName, type == FieldType.INT ? "integer" : "double",
                        "should not be enclosed in quotes", Literal.Kind.NUMBER);
                yield new Exact(new BigDecimal(literal.text()).doubleValue());
            }
            case DATE -> {
                require(literal, fieldName, "date", "should not be enclosed in quotes", Literal.Kind.DATE,
                        Literal.Kind.DATE_LITERAL);
                if (literal.kind() == Literal.Kind.DATE) {
                    yield new Exact(LocalDate.parse(literal.text()));
                }
                DateLiteralRange range = DateLiteralRange.of(literal.text(), literal.n(), today);
                yield new Range(range.first(), range.last().plusDays(1));
            }
            case DATETIME -> {
                require(literal, fieldName, "dateTime", "should not be enclosed in quotes", Literal.Kind.DATETIME,
                        Literal.Kind.DATE_LITERAL);
                if (literal.kind() == Literal.Kind.DATETIME) {
                    yield new Exact(parseDateTime(literal.text()));
                }
                DateLiteralRange range = DateLiteralRange.of(literal.text(), literal.n(), today);
                yield new Range(range.first().atStartOfDay(zone).toInstant(),
                        range.last().plusDays(1).atStartOfDay(zone).toInstant());
            }
        };
    }

    private void require(Literal literal, String field, String typeName, String quoting, Literal.Kind... allowed) {
        for (Literal.Kind kind : allowed) {
            if (literal.kind() == kind) {
                return;
            }
        }
        throw SoqlException.invalidField(query, literal.position(), "value of filter criterion for field '" + field
                + "' must be of type " + typeName + " and " + quoting);
    }

    private static Instant parseDateTime(String text) {
        String normalized = text.matches(".*[+-]\\d{4}$")
                ? text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2) : text;
        return OffsetDateTime.parse(normalized).toInstant();
    }

    private static Pattern likeRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** Compares two non-null stored values of one field type the way SOQL orders them. */
    static int compareValues(FieldType type, Object left, Object right) {
        if (type.isIdLike()) {
            String a = left.toString();
            String b = right.toString();
            return a.substring(0, Math.min(15, a.length())).compareTo(b.substring(0, Math.min(15, b.length())));
        }
        if (left instanceof String a && right instanceof String b) {
            return a.toUpperCase(Locale.ROOT).compareTo(b.toUpperCase(Locale.ROOT));
        }
        if (left instanceof Number a && right instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        @SuppressWarnings("unchecked")
        Comparable<Object> comparable = (Comparable<Object>) left;
        return comparable.compareTo(right);
    }

    /** The right-hand side of a comparison. */
    private sealed interface Operand permits Exact, Range, LikePattern {
        boolean matches(FieldType type, Object value, String operator);
    }

    private record Exact(Object literal) implements Operand {
        @Override
        public boolean matches(FieldType type, Object value, String operator) {
            if (literal == null || value == null) {
                boolean bothNull = literal == null && value == null;
                return switch (operator) {
                    case "=", "IN" -> bothNull;
                    case "!=" -> !bothNull;
                    default -> false;
                };
            }
            if (type.isIdLike() && (operator.equals("=") || operator.equals("!="))) {
                boolean same = SalesforceIds.sameId(value.toString(), literal.toString());
                return operator.equals("=") == same;
            }
            int order = compareValues(type, value, literal);
            return switch (operator) {
                case "=" -> order == 0;
                case "!=" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> false;
            };
        }
    }

    /** A date literal: every value in [from, toExclusive). */
    private record Range(Comparable<?> from, Comparable<?> toExclusive) implements Operand {
        @Override
        public boolean matches(FieldType type, Object value, String operator) {
            if (value == null) {
                return operator.equals("!=");
            }
            boolean afterStart = compareValues(type, value, from) >= 0;
            boolean beforeEnd = compareValues(type, value, toExclusive) < 0;
            return switch (operator) {
                case "=" -> afterStart && beforeEnd;
                case "!=" -> !(afterStart && beforeEnd);
                case "<" -> !afterStart;
                case "<=" -> beforeEnd;
                case ">" -> !beforeEnd;
                case ">=" -> afterStart;
                default -> false;
            };
        }
    }

    private record LikePattern(Pattern pattern) implements Operand {
        @Override
        public boolean matches(FieldType type, Object value, String operator) {
            return value != null && pattern.matcher(value.toString()).matches();
        }
    }
}
