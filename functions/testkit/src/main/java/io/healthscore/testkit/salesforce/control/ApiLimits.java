package io.healthscore.testkit.salesforce.control;

import io.healthscore.testkit.salesforce.org.ApiFault;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's API request limits: the rolling daily allocation every SOAP and Bulk call counts against (reported in
 * LimitInfoHeader, REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded." once used up) and the concurrent
 * long-running request limit (requests running longer than the threshold; the real one is 25 over 20 seconds).
 */
public final class ApiLimits {
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Long, Long> inFlightSince = new ConcurrentHashMap<>();
    private long dailyAllocation;
    private long used;
    private int maxLongRunning;
    private Duration longRunningThreshold;

    public ApiLimits(long dailyAllocation, int maxLongRunning, Duration longRunningThreshold) {
        this.dailyAllocation = dailyAllocation;
        this.maxLongRunning = maxLongRunning;
        this.longRunningThreshold = longRunningThreshold;
    }

    public synchronized long dailyAllocation() {
        return dailyAllocation;
    }

    /** Changes the allocation; setting it at or below {@link #used()} makes the next call fail. */
    public synchronized void setDailyAllocation(long allocation) {
        this.dailyAllocation = allocation;
    }

    public synchronized long used() {
        return used;
    }

    public synchronized void setUsed(long requests) {
        this.used = requests;
    }

    public synchronized void setConcurrentLongRunningLimit(int max, Duration threshold) {
        this.maxLongRunning = max;
        this.longRunningThreshold = threshold;
    }

    /** Counts one request; returns the new usage. */
    synchronized long consume() {
        if (used >= dailyAllocation) {
            throw ApiFault.unexpected("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }
        return ++used;
    }

    /** Registers a running request; refused while too many others have run past the threshold. */
    long begin() {
        long now = System.nanoTime();
        long thresholdNanos;
        int max;
        synchronized (this) {
            thresholdNanos = longRunningThreshold.toNanos();
            max = maxLongRunning;
        }
        long longRunning = inFlightSince.values().stream().filter(start -> now - start >= thresholdNanos).count();
        if (longRunning >= max) {
            throw ApiFault.unexpected("REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded.");
        }
        long ticket = sequence.incrementAndGet();
        inFlightSince.put(ticket, now);
        return ticket;
    }

    void end(long ticket) {
        inFlightSince.remove(ticket);
    }
}
