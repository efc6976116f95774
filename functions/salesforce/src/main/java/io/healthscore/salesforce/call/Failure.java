package io.healthscore.salesforce.call;

import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import io.healthscore.salesforce.auth.TokenEndpointException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Set;

/**
 * What a failed attempt means, decided in one place from what force-wsc, the Bulk client or the token endpoint threw.
 *
 * @param kind    what the call policy does with it
 * @param code    Salesforce exception code, OAuth error, or a transport kind (http_error, io_error, timeout)
 * @param message the detail for the typed exception (never logged)
 */
record Failure(Kind kind, String code, String message) {

    enum Kind {
        /** INVALID_SESSION_ID: re-authenticate once and replay. */
        SESSION_EXPIRED,
        /** HTTP 5xx, I/O, timeout, concurrent-request limit, SERVER_UNAVAILABLE: back off and retry. */
        RETRYABLE,
        DAILY_LIMIT,
        AUTHENTICATION,
        QUERY,
        REJECTED
    }

    private static final Set<String> QUERY_CODES = Set.of("MALFORMED_QUERY", "INVALID_FIELD", "INVALID_TYPE",
            "INVALID_QUERY_LOCATOR", "INVALID_QUERY_FILTER_OPERATOR", "QUERY_TOO_COMPLICATED", "INVALID_QUERY_SCOPE");
    private static final Set<String> AUTH_CODES = Set.of("INVALID_LOGIN", "LOGIN_MUST_USE_SECURITY_TOKEN",
            "INVALID_OPERATION_WITH_EXPIRED_PASSWORD", "API_DISABLED_FOR_ORG", "ORG_LOCKED",
            "ORG_SUSPENDED", "USER_NOT_ACTIVE");
    private static final Set<String> RETRYABLE_CODES = Set.of("SERVER_UNAVAILABLE");

    /** Classifies a failure; null when the throwable is not a remote failure (a bug: let it propagate). */
    static Failure of(Throwable e) {
        if (e instanceof ApiFault fault) {
            String code = fault.getExceptionCode() == null ? "UNKNOWN" : fault.getExceptionCode().name();
            return soapFault(code, fault.getExceptionMessage());
        }
        if (e instanceof AsyncApiException bulk) {
            return bulkFault(bulk);
        }
        if (e instanceof TokenEndpointException token) {
            return token.status() >= 500
                    ? new Failure(Kind.RETRYABLE, "http_" + token.status(), token.getMessage())
                    : new Failure(Kind.AUTHENTICATION, token.error(), token.getMessage());
        }
        if (e instanceof ConnectionException || e instanceof IOException) {
            return transport(e);
        }
        return null;
    }

    private static Failure soapFault(String code, String message) {
        if (code.equals("INVALID_SESSION_ID")) {
            return new Failure(Kind.SESSION_EXPIRED, code, message);
        }
        if (code.equals("REQUEST_LIMIT_EXCEEDED")) {
            // "ConcurrentPerOrgLongTxn Limit exceeded." passes; "TotalRequests Limit exceeded." is the daily allocation
            boolean concurrent = message != null && message.toLowerCase(java.util.Locale.ROOT).contains("concurrent");
            return new Failure(concurrent ? Kind.RETRYABLE : Kind.DAILY_LIMIT,
                    concurrent ? "REQUEST_LIMIT_EXCEEDED_CONCURRENT" : code, message);
        }
        if (QUERY_CODES.contains(code)) {
            return new Failure(Kind.QUERY, code, message);
        }
        if (AUTH_CODES.contains(code)) {
            return new Failure(Kind.AUTHENTICATION, code, message);
        }
        if (RETRYABLE_CODES.contains(code)) {
            return new Failure(Kind.RETRYABLE, code, message);
        }
        return new Failure(Kind.REJECTED, code, message);
    }

    private static Failure bulkFault(AsyncApiException e) {
        AsyncExceptionCode code = e.getExceptionCode();
        String name = code == null ? "Unknown" : code.name();
        String message = e.getExceptionMessage() != null ? e.getExceptionMessage() : e.getMessage();
        if (code == AsyncExceptionCode.InvalidSessionId) {
            return new Failure(Kind.SESSION_EXPIRED, name, message);
        }
        if (code == AsyncExceptionCode.ExceededQuota) {
            return new Failure(Kind.DAILY_LIMIT, name, message);
        }
        if (code == AsyncExceptionCode.InternalServerError || code == AsyncExceptionCode.Timeout
                || code == AsyncExceptionCode.TooManyLockFailure) {
            return new Failure(Kind.RETRYABLE, name, message);
        }
        if (code == AsyncExceptionCode.InvalidUser) {
            return new Failure(Kind.AUTHENTICATION, name, message);
        }
        Failure transport = causedByTransport(e);
        if (transport != null) {
            return transport;
        }
        if (code == null || code == AsyncExceptionCode.Unknown || code == AsyncExceptionCode.ClientInputError) {
            // the client could not read an answer: an HTTP error page instead of a Bulk error document
            return new Failure(Kind.RETRYABLE, "http_error", message);
        }
        return new Failure(Kind.REJECTED, name, message);
    }

    private static Failure causedByTransport(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return transport(t);
            }
        }
        return null;
    }

    private static Failure transport(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return new Failure(Kind.RETRYABLE, "timeout", t.getClass().getSimpleName());
            }
            if (t instanceof InterruptedIOException) {
                return new Failure(Kind.RETRYABLE, "timeout", t.getClass().getSimpleName());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && t != e) {
                return new Failure(Kind.RETRYABLE, "io_error", t.getClass().getSimpleName());
            }
        }
        // force-wsc answers an HTTP error page without a SOAP fault with a plain ConnectionException
        return new Failure(Kind.RETRYABLE, e instanceof IOException ? "io_error" : "http_error", e.getMessage());
    }
}
