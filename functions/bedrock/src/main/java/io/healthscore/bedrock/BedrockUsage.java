package io.healthscore.bedrock;

import java.util.concurrent.atomic.LongAdder;

/**
 * What an extractor spent, for the run report: model turns (a repair is a second turn), HTTP attempts (retries
 * included), retries, throttling answers, and the tokens of the responses' usage. Thread-safe.
 */
public final class BedrockUsage {

    /** A copy of the counters. */
    public record Snapshot(long turns, long attempts, long retries, long throttled, long repairs, long inputTokens,
                           long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens) {

        /** Every input token the model processed, cached or not. */
        public long allInputTokens() {
            return inputTokens + cacheReadInputTokens + cacheWriteInputTokens;
        }
    }

    private final LongAdder turns = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder repairs = new LongAdder();
    private final LongAdder input = new LongAdder();
    private final LongAdder output = new LongAdder();
    private final LongAdder cacheRead = new LongAdder();
    private final LongAdder cacheWrite = new LongAdder();

    void attempt() {
        attempts.increment();
    }

    void retry() {
        retries.increment();
    }

    void throttle() {
        throttled.increment();
    }

    void repair() {
        repairs.increment();
    }

    void turn(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens) {
        turns.increment();
        input.add(inputTokens);
        output.add(outputTokens);
        cacheRead.add(cacheReadTokens);
        cacheWrite.add(cacheWriteTokens);
    }

    public Snapshot snapshot() {
        return new Snapshot(turns.sum(), attempts.sum(), retries.sum(), throttled.sum(), repairs.sum(), input.sum(),
                output.sum(), cacheRead.sum(), cacheWrite.sum());
    }
}
