package io.healthscore.salesforce;

import com.sforce.async.AsyncApiException;
import com.sforce.async.BulkConnection;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.healthscore.salesforce.auth.AccessToken;
import io.healthscore.salesforce.auth.JwtBearerCredentials;
import io.healthscore.salesforce.auth.JwtBearerTokenClient;
import io.healthscore.salesforce.auth.SalesforceCredentials;
import io.healthscore.salesforce.call.ApiUsage;
import io.healthscore.salesforce.call.CallPolicy;
import io.healthscore.salesforce.call.Operation;
import java.util.Map;

/**
 * An authenticated connection to one org: the JWT bearer token and instance URL feed force-wsc's
 * {@link ConnectorConfig} (manual login, SOAP service endpoint, Bulk REST endpoint, session id). Every call goes
 * through the {@link CallPolicy}; after each SOAP response the LimitInfoHeader updates the {@link ApiUsage}.
 * On INVALID_SESSION_ID the policy asks for a new token once and replays the call. Not thread-safe.
 */
public final class SalesforceSession {

    public static final String API_VERSION = "65.0";

    /** One SOAP call. */
    @FunctionalInterface
    public interface SoapCall<T> {
        T call(PartnerConnection partner) throws ConnectionException;
    }

    /** One Bulk API call. */
    @FunctionalInterface
    public interface BulkCall<T> {
        T call(BulkConnection bulk) throws AsyncApiException, java.io.IOException;
    }

    private final SalesforceCredentials credentials;
    private final JwtBearerTokenClient tokens;
    private final CallPolicy policy;
    private final int queryBatchSize;
    private ConnectorConfig config;
    private PartnerConnection partner;
    private BulkConnection bulk;
    private int authentications;

    private SalesforceSession(SalesforceCredentials credentials, JwtBearerTokenClient tokens, CallPolicy policy,
                              int queryBatchSize) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.policy = policy;
        this.queryBatchSize = queryBatchSize;
    }

    /** Authenticates (one token request) and prepares the SOAP and Bulk clients. */
    public static SalesforceSession open(SalesforceCredentials credentials, JwtBearerTokenClient tokens, CallPolicy policy,
                                         int queryBatchSize) {
        SalesforceSession session = new SalesforceSession(credentials, tokens, policy, queryBatchSize);
        session.authenticate();
        return session;
    }

    public CallPolicy policy() {
        return policy;
    }

    public ApiUsage usage() {
        return policy.usage();
    }

    /** Token requests made so far (1 after open, +1 per renewal). */
    public int authentications() {
        return authentications;
    }

    public <T> T soap(Operation operation, int records, SoapCall<T> call) {
        return policy.run(operation, records, () -> {
            config.setReadTimeout(millis(operation));
            T result = call.call(partner);
            readLimits(partner.getLimitInfoHeader());
            return result;
        }, this::authenticate);
    }

    public <T> T bulk(Operation operation, int records, BulkCall<T> call) {
        return policy.run(operation, records, () -> {
            config.setReadTimeout(millis(operation));
            try {
                return call.call(bulk);
            } finally {
                policy.usage().counted();
            }
        }, this::authenticate);
    }

    private void authenticate() {
        JwtBearerCredentials c = credentials.load();
        AccessToken token = policy.run(Operation.TOKEN, 0, () -> tokens.requestToken(c));
        authentications++;
        ConnectorConfig next = new ConnectorConfig();
        next.setManualLogin(true);
        next.setServiceEndpoint(token.instanceUrl() + "/services/Soap/u/" + API_VERSION);
        next.setRestEndpoint(token.instanceUrl() + "/services/async/" + API_VERSION);
        next.setSessionId(token.token());
        next.setConnectionTimeout((int) policy.settings().connectTimeout().toMillis());
        next.setReadTimeout(millis(Operation.ACCOUNT_QUERY));
        next.setCompression(true);
        try {
            PartnerConnection p = Connector.newConnection(next);
            p.setQueryOptions(queryBatchSize);
            BulkConnection b = new BulkConnection(next);
            this.config = next;
            this.partner = p;
            this.bulk = b;
        } catch (ConnectionException | AsyncApiException e) {
            throw new IllegalStateException("cannot configure the Salesforce clients for " + token.instanceUrl(), e);
        }
        policy.log().event("salesforce_session", Map.of("authentications", authentications));
    }

    private int millis(Operation operation) {
        return (int) policy.settings().readTimeout(operation.timeoutClass()).toMillis();
    }

    private void readLimits(LimitInfoHeader_element header) {
        if (header == null || header.getLimitInfo() == null) {
            return;
        }
        for (LimitInfo info : header.getLimitInfo()) {
            if ("API REQUESTS".equals(info.getType())) {
                policy.usage().reported(info.getCurrent(), info.getLimit());
            }
        }
    }
}
