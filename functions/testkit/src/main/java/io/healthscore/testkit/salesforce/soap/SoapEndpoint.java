package io.healthscore.testkit.salesforce.soap;

import io.healthscore.testkit.salesforce.control.ApiOperation;
import io.healthscore.testkit.salesforce.control.InjectedHttpFailure;
import io.healthscore.testkit.salesforce.control.RequestGate;
import io.healthscore.testkit.salesforce.http.WireExchange;
import io.healthscore.testkit.salesforce.oauth.Session;
import io.healthscore.testkit.salesforce.org.ApiFault;
import io.healthscore.testkit.salesforce.org.DmlEngine;
import io.healthscore.testkit.salesforce.org.IncomingRecord;
import io.healthscore.testkit.salesforce.org.OrgStore;
import io.healthscore.testkit.salesforce.org.SaveOutcome;
import io.healthscore.testkit.salesforce.soap.SoapEnvelopeWriter.LimitInfo;
import io.healthscore.testkit.salesforce.soql.QueryRows;
import io.healthscore.testkit.salesforce.soql.SoqlEvaluator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Partner SOAP API at {@code /services/Soap/u/<version>}: query, queryAll, queryMore, create, update, upsert,
 * delete and getUserInfo. login always fails with INVALID_LOGIN: sessions come from the OAuth token endpoint.
 */
public final class SoapEndpoint {
    static final int MAX_RECORDS_PER_CALL = 200;
    private static final int DEFAULT_BATCH = 500;
    private static final int MIN_BATCH = 200;
    private static final int MAX_BATCH = 2000;
    private static final String XML = "text/xml; charset=utf-8";
    private static final Map<String, ApiOperation> OPERATIONS = Map.of(
            "query", ApiOperation.QUERY, "queryAll", ApiOperation.QUERY, "queryMore", ApiOperation.QUERY_MORE,
            "create", ApiOperation.CREATE, "update", ApiOperation.UPDATE, "upsert", ApiOperation.UPSERT,
            "delete", ApiOperation.DELETE, "getUserInfo", ApiOperation.GET_USER_INFO, "login", ApiOperation.LOGIN);

    private final OrgStore store;
    private final SoqlEvaluator soql;
    private final DmlEngine dml;
    private final RequestGate gate;
    private final QueryCursors cursors;
    private final String organizationId;
    private final String organizationName;
    private final long sessionSecondsValid;

    public SoapEndpoint(OrgStore store, SoqlEvaluator soql, DmlEngine dml, RequestGate gate, QueryCursors cursors,
                        String organizationId, String organizationName, long sessionSecondsValid) {
        this.store = store;
        this.soql = soql;
        this.dml = dml;
        this.gate = gate;
        this.cursors = cursors;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.sessionSecondsValid = sessionSecondsValid;
    }

    public void handle(WireExchange exchange) {
        if (!exchange.method().equals("POST")) {
            exchange.respond(405, "text/plain", "SOAP requests must be POSTed");
            return;
        }
        SoapRequest request;
        try {
            request = SoapRequest.parse(exchange.body());
        } catch (MalformedSoapRequest e) {
            exchange.respond(500, XML, SoapEnvelopeWriter.clientFault(e.getMessage()));
            return;
        }
        ApiOperation operation = OPERATIONS.get(request.operation());
        if (operation == null) {
            exchange.respond(500, XML, SoapEnvelopeWriter.clientFault(
                    "No operation available for request {urn:partner.soap.sforce.com}" + request.operation()));
            return;
        }
        try {
            if (operation == ApiOperation.LOGIN) {
                gate.admitAnonymous(operation);
                throw new ApiFault(ApiFault.Kind.LOGIN, "INVALID_LOGIN",
                        "Invalid username, password, security token; or user locked out.");
            }
            Integer records = isWrite(operation)
                    ? Integer.valueOf(request.countOf(operation == ApiOperation.DELETE ? "ids" : "sObjects")) : null;
            try (RequestGate.Admission admission = gate.admit(operation, records, request.sessionId())) {
                String response = dispatch(request, operation, admission.session(),
                        new LimitInfo(admission.apiRequestsUsed(), admission.apiRequestsLimit()));
                exchange.respond(200, XML, response);
            }
        } catch (ApiFault fault) {
            exchange.respond(500, XML, SoapEnvelopeWriter.fault(fault));
        } catch (MalformedSoapRequest e) {
            exchange.respond(500, XML, SoapEnvelopeWriter.clientFault(e.getMessage()));
        } catch (InjectedHttpFailure failure) {
            exchange.respond(failure.status(), "text/html", "<html><head><title>Error</title></head><body>"
                    + "An unexpected error occurred. Please try again later.</body></html>");
        }
    }

    private String dispatch(SoapRequest request, ApiOperation operation, Session session, LimitInfo limits) {
        return switch (operation) {
            case QUERY -> query(request, limits);
            case QUERY_MORE -> {
                QueryCursors.Page page = cursors.next(request.argument("queryLocator"), batchSize(request));
                yield SoapEnvelopeWriter.queryResponse("queryMoreResponse", page, limits);
            }
            case CREATE -> SoapEnvelopeWriter.saveResponse("createResponse",
                    dml.create(records(request, null), session.userId(), request.allOrNone()), limits);
            case UPDATE -> SoapEnvelopeWriter.saveResponse("updateResponse",
                    dml.update(records(request, null), session.userId(), request.allOrNone()), limits);
            case UPSERT -> {
                String key = Objects.requireNonNullElse(request.argument("externalIDFieldName"), "").trim();
                List<SaveOutcome> outcomes =
                        dml.upsert(key, records(request, key), session.userId(), request.allOrNone());
                yield SoapEnvelopeWriter.upsertResponse(outcomes, limits);
            }
            case DELETE -> {
                List<String> ids = request.arguments("ids");
                requireWithinCallLimit(ids.size());
                yield SoapEnvelopeWriter.saveResponse("deleteResponse", dml.delete(ids, request.allOrNone()),
                        limits);
            }
            case GET_USER_INFO -> SoapEnvelopeWriter.userInfoResponse(userInfo(session), limits);
            default -> throw new IllegalStateException("not a SOAP operation: " + operation);
        };
    }

    private String query(SoapRequest request, LimitInfo limits) {
        QueryRows rows = soql.run(Objects.requireNonNullElse(request.argument("queryString"), ""));
        String element = request.operation() + "Response";
        if (rows.countOnly()) {
            return SoapEnvelopeWriter.countResponse(element, rows.size(), limits);
        }
        return SoapEnvelopeWriter.queryResponse(element, cursors.first(rows.records(), batchSize(request)), limits);
    }

    private List<IncomingRecord> records(SoapRequest request, String upsertKey) {
        List<IncomingRecord> records = request.sObjects();
        requireWithinCallLimit(records.size());
        dml.validateCall(records, upsertKey);
        return records;
    }

    private static void requireWithinCallLimit(int count) {
        if (count > MAX_RECORDS_PER_CALL) {
            throw ApiFault.unexpected("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than 200 records into this call");
        }
    }

    private static int batchSize(SoapRequest request) {
        Integer requested = request.batchSize();
        if (requested == null) {
            return DEFAULT_BATCH;
        }
        return Math.max(MIN_BATCH, Math.min(MAX_BATCH, requested));
    }

    private UserInfo userInfo(Session session) {
        Map<String, Object> user = store.get(session.userId()).orElse(Map.of());
        return new UserInfo(organizationId, organizationName,
                Objects.toString(user.get("ProfileId"), "00e8d000000AbCdAAA"), sessionSecondsValid,
                Objects.toString(user.get("Email"), session.username()),
                Objects.toString(user.get("Name"), session.username()), session.userId(), session.username(),
                Objects.toString(user.get("TimeZoneSidKey"), "America/Los_Angeles"));
    }

    private static boolean isWrite(ApiOperation operation) {
        return operation == ApiOperation.CREATE || operation == ApiOperation.UPDATE
                || operation == ApiOperation.UPSERT || operation == ApiOperation.DELETE;
    }
}
