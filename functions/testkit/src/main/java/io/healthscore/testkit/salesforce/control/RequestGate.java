package io.healthscore.testkit.salesforce.control;

import io.healthscore.testkit.salesforce.oauth.Session;
import io.healthscore.testkit.salesforce.oauth.SessionRegistry;
import io.healthscore.testkit.salesforce.org.ApiFault;
import java.time.Duration;

/**
 * What every SOAP and Bulk request passes before its operation runs, in the platform's order: counted, injected
 * HTTP failure, session check, daily limit, concurrent long-running limit, then any injected delay.
 */
public final class RequestGate {
    private final SessionRegistry sessions;
    private final ApiLimits limits;
    private final FaultPlan faults;
    private final CallCounters counters;

    public RequestGate(SessionRegistry sessions, ApiLimits limits, FaultPlan faults, CallCounters counters) {
        this.sessions = sessions;
        this.limits = limits;
        this.faults = faults;
        this.counters = counters;
    }

    /** An admitted request; close it when the response is written. */
    public final class Admission implements AutoCloseable {
        private final Session session;
        private final long ticket;

        private Admission(Session session, long ticket) {
            this.session = session;
            this.ticket = ticket;
        }

        public Session session() {
            return session;
        }

        /** API requests used, this one included (LimitInfoHeader current). */
        public long apiRequestsUsed() {
            return limits.used();
        }

        public long apiRequestsLimit() {
            return limits.dailyAllocation();
        }

        @Override
        public void close() {
            limits.end(ticket);
        }
    }

    /**
     * Admits a request or throws: {@link InjectedHttpFailure}, or {@link ApiFault} INVALID_SESSION_ID /
     * REQUEST_LIMIT_EXCEEDED.
     *
     * @param records records carried by a write call, null for other calls
     */
    public Admission admit(ApiOperation operation, Integer records, String sessionId) {
        counters.record(operation, records);
        failIfInjected();
        Session session = sessions.validate(sessionId).orElseThrow(ApiFault::invalidSession);
        limits.consume();
        long ticket = limits.begin();
        Admission admission = new Admission(session, ticket);
        pause();
        return admission;
    }

    /** For endpoints without a session (the token endpoint): counting and injected HTTP failures only. */
    public void admitAnonymous(ApiOperation operation) {
        counters.record(operation, null);
        failIfInjected();
        pause();
    }

    private void failIfInjected() {
        int status = faults.takeHttpFailure();
        if (status != 0) {
            throw new InjectedHttpFailure(status);
        }
    }

    private void pause() {
        Duration delay = faults.responseDelay();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
