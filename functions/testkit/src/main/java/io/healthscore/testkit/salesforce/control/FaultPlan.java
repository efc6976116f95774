package io.healthscore.testkit.salesforce.control;

import io.healthscore.testkit.salesforce.org.RecordFaults;
import io.healthscore.testkit.salesforce.org.SaveError;
import io.healthscore.testkit.salesforce.org.SalesforceIds;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failures a test turns on: expired sessions and query locators, row locks and validation rules on chosen records,
 * bare HTTP errors and slow responses. Deleted records (ENTITY_IS_DELETED) come from the store, exhausted limits
 * from {@link ApiLimits}.
 */
public final class FaultPlan implements RecordFaults {
    private final Runnable sessionExpiry;
    private final Runnable cursorExpiry;
    private final Map<String, Integer> lockedRows = new HashMap<>();
    private final Map<String, String> validationRules = new HashMap<>();
    private int httpFailuresLeft;
    private int httpFailureStatus;
    private Duration responseDelay = Duration.ZERO;

    public FaultPlan(Runnable sessionExpiry, Runnable cursorExpiry) {
        this.sessionExpiry = sessionExpiry;
        this.cursorExpiry = cursorExpiry;
    }

    /** Every session dies: the next SOAP call gets INVALID_SESSION_ID, the next Bulk call InvalidSessionId. */
    public FaultPlan expireAllSessions() {
        sessionExpiry.run();
        return this;
    }

    /** Open query cursors die: queryMore gets INVALID_QUERY_LOCATOR. */
    public FaultPlan expireQueryLocators() {
        cursorExpiry.run();
        return this;
    }

    /** The next {@code attempts} writes of each record fail with UNABLE_TO_LOCK_ROW. */
    public synchronized FaultPlan lockRows(int attempts, String... recordIds) {
        for (String id : recordIds) {
            lockedRows.put(SalesforceIds.to18(id), attempts);
        }
        return this;
    }

    /** Writes of these records fail with FIELD_CUSTOM_VALIDATION_EXCEPTION until {@link #clear()}. */
    public synchronized FaultPlan rejectWithValidationRule(String message, String... recordIds) {
        for (String id : recordIds) {
            validationRules.put(SalesforceIds.to18(id), message);
        }
        return this;
    }

    /** The next {@code calls} SOAP/Bulk/OAuth requests get a bare HTTP 500 page. */
    public FaultPlan failNextHttpCalls(int calls) {
        return failNextHttpCalls(calls, 500);
    }

    public synchronized FaultPlan failNextHttpCalls(int calls, int status) {
        this.httpFailuresLeft = calls;
        this.httpFailureStatus = status;
        return this;
    }

    /** Every request waits this long before it is processed (it counts as running meanwhile). */
    public synchronized FaultPlan delayResponses(Duration delay) {
        this.responseDelay = delay;
        return this;
    }

    public synchronized void clear() {
        lockedRows.clear();
        validationRules.clear();
        httpFailuresLeft = 0;
        responseDelay = Duration.ZERO;
    }

    @Override
    public synchronized Optional<SaveError> beforeWrite(String recordId) {
        String id = SalesforceIds.to18(recordId);
        Integer locksLeft = lockedRows.get(id);
        if (locksLeft != null && locksLeft > 0) {
            lockedRows.put(id, locksLeft - 1);
            return Optional.of(SaveError.of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record"));
        }
        String rule = validationRules.get(id);
        if (rule != null) {
            return Optional.of(SaveError.of("FIELD_CUSTOM_VALIDATION_EXCEPTION", rule));
        }
        return Optional.empty();
    }

    synchronized int takeHttpFailure() {
        if (httpFailuresLeft <= 0) {
            return 0;
        }
        httpFailuresLeft--;
        return httpFailureStatus;
    }

    synchronized Duration responseDelay() {
        return responseDelay;
    }
}
