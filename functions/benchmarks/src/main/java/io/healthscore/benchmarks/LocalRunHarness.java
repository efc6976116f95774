package io.healthscore.benchmarks;

import io.healthscore.cli.LocalRun;
import io.healthscore.modelfile.ScoringModelFile;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the local run on a generated book and prints wall time and peak heap. Run it in a JVM capped at
 * the target heap so that "fits in 1 GiB" is proven, not estimated:
 * {@code java -Xmx1g -cp functions/benchmarks/target/benchmarks.jar io.healthscore.benchmarks.LocalRunHarness 100000}
 * Generation is timed separately and is not part of the run's figure.
 */
public final class LocalRunHarness {

    private LocalRunHarness() {
    }

    public static void main(String[] args) throws IOException {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("localrun-bench");
        Path input = work.resolve("input");
        Path out = work.resolve("out");
        GeneratorSettings settings = GeneratorSettings.defaults().withSeed(42).withAccounts(accounts);
        long g0 = System.nanoTime();
        if (!Files.exists(input.resolve("crm_accounts.csv"))) {
            Files.createDirectories(input);
            new SampleGenerator(settings).writeTo(input);
        }
        double genSeconds = (System.nanoTime() - g0) / 1e9;
        System.gc();
        AfterGcHeap afterGc = AfterGcHeap.watch();
        long t0 = System.nanoTime();
        LocalRun.Result r = LocalRun.execute(new LocalRun.Options(input, out, ScoringModelFile.loadDefault(), settings.asOf(),
                "bench", true), null, new PrintStream(PrintStream.nullOutputStream()));
        double runSeconds = (System.nanoTime() - t0) / 1e9;
        long maxAfterGc = afterGc.maxBytes();
        System.out.printf(Locale.ROOT, "local run: %,d accounts (%,d scored, %,d insufficient signal), %,d rejects%n",
                r.summary().accounts(), r.summary().scored(), r.summary().insufficientSignal(), r.summary().rejects().total());
        System.out.printf(Locale.ROOT, "generation: %.1f s (not counted)%n", genSeconds);
        System.out.printf(Locale.ROOT, "wall time: %.1f s   (timings ms: %s)%n", runSeconds, r.summary().timingsMillis());
        System.out.printf(Locale.ROOT, "heap in use after GC, at most: %,d MiB (over %d collections)   max heap (-Xmx): %,d MiB   cores: %d%n",
                maxAfterGc >> 20, afterGc.collections(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
    }

    /** The largest heap occupancy right after a collection: what the run really keeps alive. */
    static final class AfterGcHeap {
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger collections = new java.util.concurrent.atomic.AtomicInteger();

        static AfterGcHeap watch() {
            AfterGcHeap w = new AfterGcHeap();
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                    if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        return;
                    }
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) n.getUserData());
                    long used = 0;
                    for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                            if (p.getName().equals(e.getKey()) && p.getType() == MemoryType.HEAP) {
                                used += e.getValue().getUsed();
                            }
                        }
                    }
                    w.collections.incrementAndGet();
                    w.max.accumulateAndGet(used, Math::max);
                }, null, null);
            }
            return w;
        }

        long maxBytes() {
            return max.get();
        }

        int collections() {
            return collections.get();
        }
    }
}
