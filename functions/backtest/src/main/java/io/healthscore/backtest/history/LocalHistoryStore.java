package io.healthscore.backtest.history;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The history store in a local directory: {@code DIR/runs/RUN_ID.jsonl.gz}. A run is written to a
 * hidden temporary file and published with an atomic move that refuses to replace an existing run, so a
 * crashed run leaves nothing behind and a committed one is never overwritten.
 */
public final class LocalHistoryStore implements HistoryStore {

    private static final String SUFFIX = ".jsonl.gz";

    private final Path runs;

    public LocalHistoryStore(Path dir) {
        this.runs = dir.resolve("runs");
        try {
            Files.createDirectories(runs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the history directory " + runs, e);
        }
    }

    @Override
    public RunWriter begin(RunHeader header) {
        Path target = runs.resolve(header.runId() + SUFFIX);
        if (Files.exists(target)) {
            throw new HistoryConflictException(header.runId());
        }
        try {
            Path tmp = Files.createTempFile(runs, "." + header.runId() + "-", ".tmp");
            Writer w = new BufferedWriter(new OutputStreamWriter(new FastGzip(Files.newOutputStream(tmp)),
                    StandardCharsets.UTF_8), 1 << 16);
            w.write(SnapshotLines.header(header));
            w.write('\n');
            return new LocalRunWriter(header.runId(), tmp, target, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start run " + header.runId() + " in " + runs, e);
        }
    }

    /** Gzip at the fastest level: snapshots are written every week and read rarely. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    private static final class LocalRunWriter implements RunWriter {
        private final String runId;
        private final Path tmp;
        private final Path target;
        private final Writer out;
        private boolean done;

        LocalRunWriter(String runId, Path tmp, Path target, Writer out) {
            this.runId = runId;
            this.tmp = tmp;
            this.target = target;
            this.out = out;
        }

        @Override
        public void write(AccountSnapshot account) {
            try {
                out.write(SnapshotLines.account(account));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write run " + runId, e);
            }
        }

        @Override
        public void commit() {
            try {
                out.close();
                Files.move(tmp, target); // no REPLACE_EXISTING: an existing run stays as it is
                done = true;
            } catch (FileAlreadyExistsException e) {
                throw new HistoryConflictException(runId);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot publish run " + runId, e);
            }
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            try {
                out.close();
            } catch (IOException ignored) {
                // the temporary file is deleted below either way
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the unfinished run file " + tmp, e);
            }
        }
    }

    @Override
    public List<RunHeader> runs() {
        List<RunHeader> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(runs)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                    && !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                try (BufferedReader r = reader(p)) {
                    out.add(SnapshotLines.header(r.readLine()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the history in " + runs, e);
        }
        out.sort(Comparator.comparing(RunHeader::asOf).thenComparing(RunHeader::runId));
        return out;
    }

    @Override
    public RunHeader header(String runId) {
        try (BufferedReader r = reader(file(runId))) {
            return SnapshotLines.header(r.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run " + runId, e);
        }
    }

    @Override
    public void read(String runId, Consumer<AccountSnapshot> sink) {
        try (BufferedReader r = reader(file(runId))) {
            SnapshotLines.header(r.readLine());
            String line;
            long n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    sink.accept(SnapshotLines.account(line));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new IllegalArgumentException("run " + runId + " line " + n + " is not a valid account record: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run " + runId, e);
        }
    }

    private Path file(String runId) {
        Path p = runs.resolve(RunHeader.safeId(runId) + SUFFIX);
        if (!RunHeader.safeId(runId).equals(runId) || !Files.isRegularFile(p)) {
            List<String> known = runs().stream().map(RunHeader::runId).toList();
            throw new IllegalArgumentException("run '" + runId + "' is not in the history store " + runs.getParent()
                    + (known.isEmpty() ? " (it holds no runs)" : " (runs: " + String.join(", ", known.size() > 20
                    ? known.subList(known.size() - 20, known.size()) : known) + ")"));
        }
        return p;
    }

    private static BufferedReader reader(Path p) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }
}
