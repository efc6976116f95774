package io.healthscore.testkit.salesforce;

import com.sun.net.httpserver.HttpServer;
import io.healthscore.testkit.salesforce.bulk.BulkApi;
import io.healthscore.testkit.salesforce.control.ApiLimits;
import io.healthscore.testkit.salesforce.control.CallCounters;
import io.healthscore.testkit.salesforce.control.FaultPlan;
import io.healthscore.testkit.salesforce.control.RequestGate;
import io.healthscore.testkit.salesforce.http.WireExchange;
import io.healthscore.testkit.salesforce.oauth.ConnectedAppCredentials;
import io.healthscore.testkit.salesforce.oauth.JwtBearerVerifier;
import io.healthscore.testkit.salesforce.oauth.OAuthTokenEndpoint;
import io.healthscore.testkit.salesforce.oauth.SessionRegistry;
import io.healthscore.testkit.salesforce.org.DmlEngine;
import io.healthscore.testkit.salesforce.org.FieldDefinition;
import io.healthscore.testkit.salesforce.org.FieldType;
import io.healthscore.testkit.salesforce.org.OrgSchema;
import io.healthscore.testkit.salesforce.org.OrgStore;
import io.healthscore.testkit.salesforce.org.SalesforceIds;
import io.healthscore.testkit.salesforce.soap.QueryCursors;
import io.healthscore.testkit.salesforce.soap.SoapEndpoint;
import io.healthscore.testkit.salesforce.soql.SoqlEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process Salesforce org for tests, on 127.0.0.1 and a random port: OAuth 2.0 JWT bearer token endpoint,
 * Partner SOAP API ({@code /services/Soap/u/<any version>}) and Bulk API 1.0 ({@code /services/async/<version>}),
 * over a stateful record store with SOQL, API limits, call counters and fault injection.
 *
 * <pre>{@code
 * ConnectedAppCredentials app = ConnectedAppCredentials.generate("3MVG9healthscore");
 * try (SalesforceOrgEmulator org = SalesforceOrgEmulator.builder()
 *         .connectedApp(app).user("integration@healthscore.test").start()) {
 *     String accountId = org.insert("Account", Map.of("Name", "Acme", "AnnualRevenue", 12_000_000));
 *     String token = org.issueSession("integration@healthscore.test");  // or POST a JWT to org.tokenUrl()
 *     // ConnectorConfig: setManualLogin(true), setServiceEndpoint(org.soapEndpoint()), setSessionId(token),
 *     //                  setRestEndpoint(org.bulkEndpoint())
 * }
 * }</pre>
 */
public final class SalesforceOrgEmulator implements AutoCloseable {
    public static final String API_VERSION = "65.0";
    private static final System.Logger LOG = System.getLogger(SalesforceOrgEmulator.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final String instanceUrl;
    private final String organizationId;
    private final OrgStore store;
    private final SessionRegistry sessions;
    private final ApiLimits limits;
    private final CallCounters calls;
    private final FaultPlan faults;
    private final SoapEndpoint soap;
    private final BulkApi bulk;
    private final OAuthTokenEndpoint oauth;

    private SalesforceOrgEmulator(Builder builder) {
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the Salesforce org emulator", e);
        }
        this.instanceUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        SalesforceIds ids = new SalesforceIds();
        this.organizationId = ids.next("00D");
        this.store = new OrgStore(OrgSchema.standard(), builder.clock, ids);
        builder.users.forEach((username, fields) -> store.insert("User", userFields(username, fields)));
        this.sessions = new SessionRegistry(organizationId, builder.clock, builder.sessionTimeout);
        this.limits = new ApiLimits(builder.dailyApiRequests, builder.maxLongRunning, builder.longRunningThreshold);
        this.calls = new CallCounters();
        QueryCursors cursors = new QueryCursors(ids, builder.clock);
        this.faults = new FaultPlan(sessions::expireAll, cursors::expireAll);
        RequestGate gate = new RequestGate(sessions, limits, faults, calls);
        SoqlEvaluator soql = new SoqlEvaluator(store, builder.orgTimeZone);
        DmlEngine dml = new DmlEngine(store, faults);
        this.soap = new SoapEndpoint(store, soql, dml, gate, cursors, organizationId, builder.organizationName,
                builder.sessionTimeout.toSeconds());
        this.bulk = new BulkApi(gate, dml, soql, store.schema(), ids, builder.clock, builder.bulkPollsBeforeCompletion,
                builder.bulkQueryRowsPerResult);
        JwtBearerVerifier verifier = new JwtBearerVerifier(builder.clientId, builder.publicKey,
                builder.audience == null ? instanceUrl : builder.audience, builder.clock, builder.jwtClockSkew,
                this::activeUserId);
        this.oauth = new OAuthTokenEndpoint(verifier, sessions, gate, instanceUrl, organizationId);
        this.executor = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "salesforce-org-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> route(new WireExchange(exchange)));
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}: the instance_url handed out with tokens. */
    public String instanceUrl() {
        return instanceUrl;
    }

    /** The login URL clients post tokens requests to (same host here); JWTs must name it in {@code aud}. */
    public String loginUrl() {
        return instanceUrl;
    }

    public String tokenUrl() {
        return instanceUrl + "/services/oauth2/token";
    }

    /** Partner API endpoint for {@code ConnectorConfig.setServiceEndpoint}. */
    public String soapEndpoint() {
        return instanceUrl + "/services/Soap/u/" + API_VERSION;
    }

    /** Bulk API 1.0 endpoint for {@code ConnectorConfig.setRestEndpoint}. */
    public String bulkEndpoint() {
        return instanceUrl + "/services/async/" + API_VERSION;
    }

    public String organizationId() {
        return organizationId;
    }

    /** Id of an active user by username. */
    public Optional<String> userId(String username) {
        return activeUserId(username);
    }

    /** A session for a known user without the OAuth round trip. */
    public String issueSession(String username) {
        String userId = activeUserId(username)
                .orElseThrow(() -> new IllegalArgumentException("no active user " + username));
        return sessions.issue(userId, username).token();
    }

    /** Seeds a record (no field-level security, unknown fields declared with an inferred type); returns its id. */
    public String insert(String sobject, Map<String, ?> fields) {
        return store.insert(sobject, fields);
    }

    public Optional<Map<String, Object>> get(String id) {
        return store.get(id);
    }

    public List<Map<String, Object>> records(String sobject) {
        return store.records(sobject);
    }

    public void update(String id, Map<String, ?> fields) {
        store.update(id, fields);
    }

    /** Deletes a record; API writes to it then fail with ENTITY_IS_DELETED. */
    public boolean delete(String id) {
        return store.delete(id);
    }

    public OrgSchema schema() {
        return store.schema();
    }

    /** Declares a field, as deploying it to a real org would (API writes to undeclared fields fault INVALID_FIELD). */
    public void declareField(String sobject, String field, FieldType type) {
        store.schema().declareField(sobject, FieldDefinition.of(field, type));
    }

    /** Declares an External ID field usable as upsert key; unique ones enforce DUPLICATE_VALUE. */
    public void declareExternalId(String sobject, String field, FieldType type, boolean unique) {
        store.schema().declareField(sobject, FieldDefinition.of(field, type).asExternalId(unique));
    }

    public FaultPlan faults() {
        return faults;
    }

    public ApiLimits limits() {
        return limits;
    }

    public CallCounters calls() {
        return calls;
    }

    /** How many Bulk status polls report a new batch as not finished (0: it completes on submission). */
    public void setBulkPollsBeforeCompletion(int polls) {
        bulk.setPollsBeforeCompletion(polls);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void route(WireExchange exchange) {
        String path = exchange.path();
        try {
            if (path.equals("/services/oauth2/token")) {
                oauth.handle(exchange);
            } else if (path.startsWith("/services/Soap/u/")) {
                soap.handle(exchange);
            } else if (path.startsWith("/services/async/")) {
                bulk.handle(exchange);
            } else {
                exchange.respond(404, "text/plain", "Not found: " + path);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "emulator failure on " + path, e);
            exchange.respond(500, "text/plain", "Salesforce org emulator failure: " + e);
        }
    }

    private Optional<String> activeUserId(String username) {
        return store.records("User").stream()
                .filter(user -> username != null && username.equalsIgnoreCase((String) user.get("Username")))
                .filter(user -> !Boolean.FALSE.equals(user.get("IsActive")))
                .map(user -> (String) user.get("Id"))
                .findFirst();
    }

    private static Map<String, Object> userFields(String username, Map<String, ?> overrides) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Username", username);
        fields.put("FirstName", "Integration");
        fields.put("LastName", "User");
        fields.put("Email", username);
        fields.put("IsActive", Boolean.TRUE);
        fields.put("ProfileId", "00e8d000000IntgAAA");
        fields.put("TimeZoneSidKey", "America/Los_Angeles");
        fields.putAll(overrides);
        return fields;
    }

    /** Configuration of an emulated org. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private ZoneId orgTimeZone = ZoneOffset.UTC;
        private String organizationName = "Health Score Test Org";
        private String clientId = "";
        private PublicKey publicKey;
        private String audience;
        private final Map<String, Map<String, ?>> users = new LinkedHashMap<>();
        private long dailyApiRequests = 100_000;
        private int maxLongRunning = 25;
        private Duration longRunningThreshold = Duration.ofSeconds(20);
        private Duration sessionTimeout = Duration.ofHours(2);
        private Duration jwtClockSkew = Duration.ofSeconds(30);
        private int bulkPollsBeforeCompletion;
        private int bulkQueryRowsPerResult = Integer.MAX_VALUE;

        private Builder() {
        }

        /** Source of "now": CreatedDate, TODAY/LAST_N_DAYS, JWT expiry, session and cursor timeouts. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Time zone date literals are evaluated in (default UTC). */
        public Builder orgTimeZone(ZoneId value) {
            this.orgTimeZone = value;
            return this;
        }

        public Builder organizationName(String value) {
            this.organizationName = value;
            return this;
        }

        public Builder connectedApp(ConnectedAppCredentials app) {
            return connectedApp(app.clientId(), app.certificate());
        }

        /** Consumer key and the certificate uploaded for "Use digital signatures". */
        public Builder connectedApp(String consumerKey, X509Certificate certificate) {
            return connectedApp(consumerKey, certificate.getPublicKey());
        }

        public Builder connectedApp(String consumerKey, PublicKey key) {
            this.clientId = consumerKey;
            this.publicKey = key;
            return this;
        }

        /** The {@code aud} JWTs must carry (default: the emulator's own URL, {@link #loginUrl()}). */
        public Builder audience(String loginUrl) {
            this.audience = loginUrl;
            return this;
        }

        /** An active user pre-authorised for the connected app. The first call replaces the default user. */
        public Builder user(String username) {
            return user(username, Map.of());
        }

        public Builder user(String username, Map<String, ?> fields) {
            users.put(username, Map.copyOf(fields));
            return this;
        }

        public Builder dailyApiRequests(long allocation) {
            this.dailyApiRequests = allocation;
            return this;
        }

        public Builder concurrentLongRunningRequests(int max, Duration threshold) {
            this.maxLongRunning = max;
            this.longRunningThreshold = threshold;
            return this;
        }

        public Builder sessionTimeout(Duration value) {
            this.sessionTimeout = value;
            return this;
        }

        public Builder jwtClockSkew(Duration value) {
            this.jwtClockSkew = value;
            return this;
        }

        public Builder bulkPollsBeforeCompletion(int polls) {
            this.bulkPollsBeforeCompletion = polls;
            return this;
        }

        /** Splits Bulk query results into several result files of at most this many rows. */
        public Builder bulkQueryRowsPerResult(int rows) {
            this.bulkQueryRowsPerResult = rows;
            return this;
        }

        public SalesforceOrgEmulator start() {
            if (users.isEmpty()) {
                users.put("integration@healthscore.test", Map.of());
            }
            return new SalesforceOrgEmulator(this);
        }
    }
}
