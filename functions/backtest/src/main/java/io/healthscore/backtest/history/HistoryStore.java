package io.healthscore.backtest.history;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where every run's snapshot is kept: append-only (a run id is written once, never replaced) and
 * replayable. A directory in local mode; S3 in AWS, with the same object layout and format
 * ({@code runs/RUN_ID.jsonl.gz}: gzipped JSON Lines, a header line then one line per account).
 */
public interface HistoryStore {

    /** Writes one run; nothing is visible until {@link #commit}. */
    interface RunWriter extends AutoCloseable {
        void write(AccountSnapshot account);

        /** Publishes the run atomically. */
        void commit();

        /** Discards the run if it was not committed. */
        @Override
        void close();
    }

    /** Starts a run; fails with {@link HistoryConflictException} when the run id exists. */
    RunWriter begin(RunHeader header);

    /** Every run's header, oldest as-of first. */
    List<RunHeader> runs();

    /** A run's header; {@link IllegalArgumentException} naming the known runs when it does not exist. */
    RunHeader header(String runId);

    /** Streams a run's accounts in the order written. */
    void read(String runId, Consumer<AccountSnapshot> sink);
}
