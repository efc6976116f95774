package io.healthscore.sampledata;

import io.healthscore.domain.facts.Segment;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a deterministic sample book: the export tables in the documented formats and a
 * {@code ground-truth/} directory (account archetypes, events and churn; renewal health; conversation
 * labels) that a scoring run never reads.
 *
 * <p>Accounts are simulated independently from streams seeded by the book seed and their position,
 * rendered in chunks on worker threads and written in book order, so the files are byte-identical for
 * the same settings whatever the thread count, a longer book starts with the shorter one, and memory
 * stays flat with the number of accounts.
 */
public final class SampleGenerator {

    private static final int CHUNK_ACCOUNTS = 200;
    private static final int BUFFER_BYTES = 1 << 17;

    private final GeneratorSettings settings;
    private final int threads;

    public SampleGenerator(GeneratorSettings settings) {
        this(settings, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** With a fixed number of worker threads (the output does not depend on it). */
    public SampleGenerator(GeneratorSettings settings, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.settings = settings;
        this.threads = threads;
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /**
     * Generates the book into {@code dir} (created if needed). Files of the same tables in another format
     * or compression ({@code usage_weekly.jsonl} when writing {@code usage_weekly.csv}) are deleted first,
     * since a reader would take both.
     */
    public GeneratedBook writeTo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("ground-truth"));
        for (BookFile f : BookFile.values()) {
            for (String variant : f.fileNameVariants()) {
                Files.deleteIfExists(dir.resolve(variant));
            }
        }
        Timeline timeline = new Timeline(settings.asOf(), settings.weeks());
        int[] ownerSlots = dealOwners();
        BookFile[] files = BookFile.values();
        OutputStream[] out = new OutputStream[files.length];
        List<Path> paths = new ArrayList<>(files.length);
        long[] rows = new long[files.length];
        int[] archetypes = new int[Archetype.values().length];
        int churned = 0;
        int sparse = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sample-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            for (BookFile f : files) {
                Path p = dir.resolve(f.fileName(settings));
                paths.add(p);
                OutputStream os = new BufferedOutputStream(Files.newOutputStream(p), BUFFER_BYTES);
                if (settings.gzip() && !f.groundTruth()) {
                    os = new BufferedOutputStream(new FastGzipStream(os), BUFFER_BYTES);
                }
                out[f.ordinal()] = os;
                os.write(RowEncoder.header(f.syntax(settings), f.columns()).getBytes(StandardCharsets.UTF_8));
            }
            ArrayDeque<Future<RenderedChunk>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < settings.accounts() || !inFlight.isEmpty()) {
                while (next < settings.accounts() && inFlight.size() < threads * 2) {
                    int from = next;
                    int to = Math.min(settings.accounts(), from + CHUNK_ACCOUNTS);
                    inFlight.add(pool.submit(() -> render(timeline, ownerSlots, from, to)));
                    next = to;
                }
                RenderedChunk chunk = await(inFlight.poll());
                for (BookFile f : files) {
                    out[f.ordinal()].write(chunk.bytes[f.ordinal()]);
                    rows[f.ordinal()] += chunk.rows[f.ordinal()];
                }
                for (int i = 0; i < archetypes.length; i++) {
                    archetypes[i] += chunk.archetypes[i];
                }
                churned += chunk.churned;
                sparse += chunk.sparse;
            }
        } finally {
            pool.shutdownNow();
            closeAll(out);
        }
        Map<String, Long> rowsByTable = new LinkedHashMap<>();
        for (BookFile f : files) {
            rowsByTable.put(f.baseName(), rows[f.ordinal()]);
        }
        Map<Archetype, Integer> mix = new EnumMap<>(Archetype.class);
        for (Archetype a : Archetype.values()) {
            mix.put(a, archetypes[a.ordinal()]);
        }
        return new GeneratedBook(dir, settings.accounts(), churned, sparse, rowsByTable, mix, paths);
    }

    /** Gzip at the fastest level: the files are large and written once; the ratio barely changes. */
    private static final class FastGzipStream extends GZIPOutputStream {
        FastGzipStream(OutputStream out) throws IOException {
            super(out, BUFFER_BYTES);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** A chunk's rows as UTF-8 bytes per file, encoded on the worker thread. */
    private record RenderedChunk(byte[][] bytes, long[] rows, int[] archetypes, int churned, int sparse) {
    }

    private RenderedChunk render(Timeline timeline, int[] ownerSlots, int from, int to) {
        BookChunk chunk = new BookChunk(settings, to - from);
        for (int i = from; i < to; i++) {
            AccountSimulation.run(settings, timeline, i, ownerSlots[i], chunk);
        }
        BookFile[] files = BookFile.values();
        byte[][] bytes = new byte[files.length][];
        long[] rows = new long[files.length];
        for (BookFile f : files) {
            bytes[f.ordinal()] = chunk.text(f).toString().getBytes(StandardCharsets.UTF_8);
            rows[f.ordinal()] = chunk.rowCount(f);
        }
        return new RenderedChunk(bytes, rows, chunk.archetypes.clone(), chunk.churned, chunk.sparse);
    }

    /** Deals CSMs to accounts in book order; only the segment is drawn here (the first draw of each profile). */
    private int[] dealOwners() {
        OwnerRoster roster = new OwnerRoster();
        int[] slots = new int[settings.accounts()];
        for (int i = 0; i < slots.length; i++) {
            Segment segment = AccountPlan.drawSegment(Draws.of(settings.seed(), i, Draws.Stream.PROFILE));
            slots[i] = roster.next(segment);
        }
        return slots;
    }

    private static RenderedChunk await(Future<RenderedChunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("sample generation interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("sample generation failed", cause);
        }
    }

    private static void closeAll(OutputStream[] out) throws IOException {
        IOException first = null;
        for (OutputStream os : out) {
            if (os == null) {
                continue;
            }
            try {
                os.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
