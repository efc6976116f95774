package io.healthscore.testkit.salesforce.control;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Calls received per operation (every attempt, including ones answered with a fault or an injected HTTP error) and,
 * for writes, how many records each call carried.
 */
public final class CallCounters {
    private final Map<ApiOperation, Integer> calls = new EnumMap<>(ApiOperation.class);
    private final Map<ApiOperation, List<Integer>> records = new EnumMap<>(ApiOperation.class);

    public synchronized int count(ApiOperation operation) {
        return calls.getOrDefault(operation, 0);
    }

    /** Records submitted by each call of a write operation, in call order. */
    public synchronized List<Integer> recordsPerCall(ApiOperation operation) {
        return List.copyOf(records.getOrDefault(operation, List.of()));
    }

    public synchronized int total() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized void reset() {
        calls.clear();
        records.clear();
    }

    synchronized void record(ApiOperation operation, Integer recordCount) {
        calls.merge(operation, 1, Integer::sum);
        if (recordCount != null) {
            records.computeIfAbsent(operation, k -> new ArrayList<>()).add(recordCount);
        }
    }

    @Override
    public synchronized String toString() {
        return "CallCounters" + calls;
    }
}
