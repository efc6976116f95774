package io.healthscore.domain.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every rejected input row: which file, row and column, and why. Valid rows next to a rejected one are
 * never dropped. Keeps every reject up to a cap (the counts keep going past it). Thread-safe.
 */
public final class RejectLog {

    /** One rejected row. Row numbers are 1-based data rows (the header is row 0); 0 means the whole file. */
    public record Reject(String file, long row, String column, String reason) {
        @Override
        public String toString() {
            return file + (row > 0 ? " row " + row : "") + (column != null ? " column " + column : "") + ": " + reason;
        }
    }

    private final int keep;
    private final List<Reject> rejects = new ArrayList<>();
    private final Map<String, Long> byReason = new TreeMap<>();
    private final Map<String, Long> byFile = new TreeMap<>();
    private long total;

    public RejectLog() {
        this(100_000);
    }

    public RejectLog(int keep) {
        this.keep = keep;
    }

    /**
     * Records a reject. {@code reasonCode} is a short stable code for counting ("bad_date",
     * "unknown_account"), {@code detail} the full explanation.
     */
    public synchronized void reject(String file, long row, String column, String reasonCode, String detail) {
        total++;
        byReason.merge(reasonCode, 1L, Long::sum);
        byFile.merge(file, 1L, Long::sum);
        if (rejects.size() < keep) {
            rejects.add(new Reject(file, row, column, reasonCode + ": " + detail));
        }
    }

    public synchronized long total() {
        return total;
    }

    public synchronized Map<String, Long> countsByReason() {
        return Collections.unmodifiableMap(new TreeMap<>(byReason));
    }

    public synchronized Map<String, Long> countsByFile() {
        return Collections.unmodifiableMap(new TreeMap<>(byFile));
    }

    public synchronized List<Reject> rejects() {
        return List.copyOf(rejects);
    }
}
