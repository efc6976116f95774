package io.healthscore.testkit.salesforce.org;

/**
 * A call-level failure: a SOAP fault ({@code detail/sf:<kind>/sf:exceptionCode}) on the Partner API.
 * Row and column are set for query faults, whose message carries the real caret diagram.
 */
public final class ApiFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The fault element under {@code detail}, as named in the Partner WSDL. */
    public enum Kind {
        UNEXPECTED_ERROR("UnexpectedErrorFault"),
        INVALID_FIELD("InvalidFieldFault"),
        MALFORMED_QUERY("MalformedQueryFault"),
        INVALID_SOBJECT("InvalidSObjectFault"),
        INVALID_QUERY_LOCATOR("InvalidQueryLocatorFault"),
        INVALID_ID("InvalidIdFault"),
        LOGIN("LoginFault");

        private final String element;

        Kind(String element) {
            this.element = element;
        }

        public String element() {
            return element;
        }

        public boolean isQueryFault() {
            return this == INVALID_FIELD || this == MALFORMED_QUERY || this == INVALID_SOBJECT;
        }
    }

    private final Kind kind;
    private final String exceptionCode;
    private final Integer row;
    private final Integer column;

    public ApiFault(Kind kind, String exceptionCode, String exceptionMessage) {
        this(kind, exceptionCode, exceptionMessage, null, null);
    }

    public ApiFault(Kind kind, String exceptionCode, String exceptionMessage, Integer row, Integer column) {
        super(exceptionMessage, null, false, false);
        this.kind = kind;
        this.exceptionCode = exceptionCode;
        this.row = row;
        this.column = column;
    }

    public static ApiFault unexpected(String exceptionCode, String message) {
        return new ApiFault(Kind.UNEXPECTED_ERROR, exceptionCode, message);
    }

    public static ApiFault invalidSession() {
        return unexpected("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");
    }

    public static ApiFault noSuchColumn(String field, String sobject) {
        return new ApiFault(Kind.INVALID_FIELD, "INVALID_FIELD", noSuchColumnMessage(field, sobject));
    }

    public static ApiFault unsupportedType(String sobject) {
        return new ApiFault(Kind.INVALID_SOBJECT, "INVALID_TYPE", unsupportedTypeMessage(sobject));
    }

    public static String noSuchColumnMessage(String field, String sobject) {
        return "No such column '" + field + "' on entity '" + sobject + "'. If you are attempting to use a custom "
                + "field, be sure to append the '__c' after the custom field name. Please reference your WSDL or "
                + "the describe call for the appropriate names.";
    }

    public static String unsupportedTypeMessage(String sobject) {
        return "sObject type '" + sobject + "' is not supported. If you are attempting to use a custom object, be "
                + "sure to append the '__c' after the entity name. Please reference your WSDL or the describe call "
                + "for the appropriate names.";
    }

    public Kind kind() {
        return kind;
    }

    public String exceptionCode() {
        return exceptionCode;
    }

    public String exceptionMessage() {
        return getMessage();
    }

    public Integer row() {
        return row;
    }

    public Integer column() {
        return column;
    }
}
