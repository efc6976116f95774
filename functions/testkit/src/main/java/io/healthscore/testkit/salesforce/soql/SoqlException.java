package io.healthscore.testkit.salesforce.soql;

import io.healthscore.testkit.salesforce.org.ApiFault;

/**
 * Builds query faults in the real message format: the offending line, a caret under the column, the
 * "ERROR at Row:r:Column:c" line and the reason, e.g. {@code No such column 'adfId' on entity 'Contact'...}.
 */
final class SoqlException {
    private SoqlException() {
    }

    static ApiFault malformed(String query, Position at, String reason) {
        return fault(ApiFault.Kind.MALFORMED_QUERY, "MALFORMED_QUERY", query, at, reason);
    }

    static ApiFault invalidField(String query, Position at, String reason) {
        return fault(ApiFault.Kind.INVALID_FIELD, "INVALID_FIELD", query, at, reason);
    }

    static ApiFault invalidType(String query, Position at, String reason) {
        return fault(ApiFault.Kind.INVALID_SOBJECT, "INVALID_TYPE", query, at, reason);
    }

    static ApiFault fault(ApiFault.Kind kind, String code, String query, Position at, String reason) {
        String[] lines = query.split("\n", -1);
        String line = lines[Math.min(at.row(), lines.length) - 1];
        String message = "\n" + line + "\n" + " ".repeat(Math.max(0, at.column() - 1)) + "^\nERROR at Row:"
                + at.row() + ":Column:" + at.column() + "\n" + reason;
        return new ApiFault(kind, code, message, at.row(), at.column());
    }
}
