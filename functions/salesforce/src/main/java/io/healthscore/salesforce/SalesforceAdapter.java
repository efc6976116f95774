package io.healthscore.salesforce;

import io.healthscore.salesforce.auth.JwtBearerTokenClient;
import io.healthscore.salesforce.auth.SalesforceCredentials;
import io.healthscore.salesforce.call.ApiUsage;
import io.healthscore.salesforce.call.CallLog;
import io.healthscore.salesforce.call.CallPolicy;
import io.healthscore.salesforce.call.CallSettings;
import io.healthscore.salesforce.call.Sleeper;
import io.healthscore.salesforce.pull.SalesforceAccountSource;
import io.healthscore.salesforce.write.SalesforceHealthSink;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The Salesforce adapter wired for one run: one authenticated session, the {@link SalesforceAccountSource} (domain
 * port AccountSource) and the {@link SalesforceHealthSink} (HealthSink), sharing what the pull read so that only
 * changed accounts are written.
 *
 * <pre>{@code
 * SalesforceAdapter sf = SalesforceAdapter.builder(credentials).settings(SalesforceSettings.defaults()).connect();
 * new ScoringRun(scorer, sf.accountSource(), exports, sf.healthSink(), progress).execute(runId, asOf);
 * }</pre>
 */
public final class SalesforceAdapter {

    private final SalesforceSession session;
    private final SalesforceAccountSource source;
    private final SalesforceHealthSink sink;

    private SalesforceAdapter(SalesforceSession session, SalesforceSettings settings) {
        PulledAccounts pulled = new PulledAccounts();
        this.session = session;
        this.source = new SalesforceAccountSource(session, settings, pulled);
        this.sink = new SalesforceHealthSink(session, settings, pulled);
    }

    public static Builder builder(SalesforceCredentials credentials) {
        return new Builder(credentials);
    }

    public SalesforceAccountSource accountSource() {
        return source;
    }

    public SalesforceHealthSink healthSink() {
        return sink;
    }

    public SalesforceSession session() {
        return session;
    }

    /** Configuration; everything but the credentials has a production default. */
    public static final class Builder {
        private final SalesforceCredentials credentials;
        private SalesforceSettings settings = SalesforceSettings.defaults();
        private CallSettings calls = CallSettings.defaults();
        private CallLog log = CallLog.jsonLines(System.err);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RandomGenerator random = new SecureRandom();

        private Builder(SalesforceCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
        }

        public Builder settings(SalesforceSettings value) {
            this.settings = value;
            return this;
        }

        public Builder calls(CallSettings value) {
            this.calls = value;
            return this;
        }

        public Builder log(CallLog value) {
            this.log = value;
            return this;
        }

        /** Source of the JWT {@code exp}. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Waits between attempts and Bulk polls (tests record instead of sleeping). */
        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /** Jitter source. */
        public Builder random(RandomGenerator value) {
            this.random = value;
            return this;
        }

        /** Authenticates (one token request); throws a typed SalesforceException when that fails for good. */
        public SalesforceAdapter connect() {
            CallPolicy policy = new CallPolicy(calls, sleeper, random, log, new ApiUsage());
            JwtBearerTokenClient tokens = JwtBearerTokenClient.create(calls.connectTimeout(), calls.tokenTimeout(), clock);
            return new SalesforceAdapter(SalesforceSession.open(credentials, tokens, policy, settings.queryBatchSize()),
                    settings);
        }
    }
}
