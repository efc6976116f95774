package io.healthscore.backtest;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.healthscore.backtest.calibration.WeightCalibration;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeEvent;
import io.healthscore.backtest.outcomes.OutcomeLoader;
import io.healthscore.backtest.report.BacktestReport;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.modelfile.ScoringModelFile;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Backtest and calibration at scale: wall time per phase and peak heap. Generates the sample book
 * (without conversations, whose offline extraction is not what is measured) unless {@code --input} is
 * given.
 *
 * <pre>
 * mvn -B -q install -pl functions/cli -am -DskipTests
 * java -Xmx8g -cp functions/cli/target/healthscore-cli.jar io.healthscore.backtest.BacktestBenchmark \
 *      --accounts 100000 --snapshots 52 --work /tmp/backtest-bench [--threads 2] [--input DIR --data-end DATE]
 * </pre>
 */
public final class BacktestBenchmark {

    private BacktestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int accounts = Integer.parseInt(a.getOrDefault("accounts", "100000"));
        int snapshots = Integer.parseInt(a.getOrDefault("snapshots", "52"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup-weeks", "13"));
        int threads = Integer.parseInt(a.getOrDefault("threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        Path work = Path.of(a.getOrDefault("work", "target/backtest-bench"));
        Path input = a.containsKey("input") ? Path.of(a.get("input")) : work.resolve("book");
        GeneratorSettings gs = GeneratorSettings.defaults().withSeed(11).withAccounts(accounts).withWeeks(snapshots + warmup)
                .withConversationsPerAccountPerYear(0);
        java.time.LocalDate dataEnd = a.containsKey("data-end") ? java.time.LocalDate.parse(a.get("data-end"))
                : gs.asOf().minusDays(1);
        double genSeconds = 0;
        if (!a.containsKey("input")) {
            long g = System.nanoTime();
            if (!Files.isRegularFile(input.resolve("crm_accounts.csv"))) {
                new SampleGenerator(gs).writeTo(input);
            }
            genSeconds = (System.nanoTime() - g) / 1e9;
        }
        PeakHeap peak = PeakHeap.start();
        ScoringModel model = ScoringModelFile.loadDefault();
        BacktestSettings s = BacktestSettings.defaults(dataEnd).withSnapshots(warmup, snapshots).withConversations(false)
                .withThreads(threads);
        long t0 = System.nanoTime();
        long cpu0 = cpuTime();
        RejectLog rejects = new RejectLog();
        HistoricalBook book = HistoricalBook.load(input, dataEnd, false, rejects);
        Map<String, Integer> index = book.indexById();
        List<OutcomeEvent> outcomes = OutcomeLoader.load(new DirectoryTableFiles(input), s.outcomes(), index::containsKey, rejects);
        long t1 = System.nanoTime();
        long cpu1 = cpuTime();
        Backtest.Run run = Backtest.run(book, outcomes, model, s, null);
        long t2 = System.nanoTime();
        long cpu2 = cpuTime();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("accounts", book.facts().size());
        meta.put("account_snapshots", run.replay().accountWeeks());
        BacktestReport report = BacktestReport.build(new BacktestReport.Input(run.data(), LabelPolicy.CHURN_VS_RENEWAL,
                s.primaryHorizon(), s.lookbackDays(), s.aheadDays(), meta, null));
        report.write(work.resolve("report"));
        long t3 = System.nanoTime();
        long cpu3 = cpuTime();
        WeightCalibration.Result cal = WeightCalibration.calibrate(run.data(), model, run.modelReplay()::rescore,
                new WeightCalibration.Settings(null, true, null, 0.3, 0.5, BacktestJob.defaultVersion(model.version(), dataEnd),
                        LabelPolicy.CHURN_VS_RENEWAL));
        long t4 = System.nanoTime();
        long cpu4 = cpuTime();
        peak.stop();
        System.out.printf(Locale.ROOT, "backtest benchmark: %,d accounts x %d weekly snapshots = %,d account snapshots, "
                        + "%,d outcomes, %d threads, %d cores%n", book.facts().size(), run.data().snapshotDates().size(),
                run.replay().accountWeeks(), run.outcomes().size(), threads, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "generation (not counted): %.1f s%n", genSeconds);
        System.out.printf(Locale.ROOT, "load exports:   %7.1f s wall %7.1f s CPU%n", (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9);
        System.out.printf(Locale.ROOT, "weekly replay:  %7.1f s wall %7.1f s CPU  (%,.0f account snapshots/s wall)%n",
                (t2 - t1) / 1e9, (cpu2 - cpu1) / 1e9, run.replay().accountWeeks() / ((t2 - t1) / 1e9));
        System.out.printf(Locale.ROOT, "report:         %7.1f s wall %7.1f s CPU%n", (t3 - t2) / 1e9, (cpu3 - cpu2) / 1e9);
        System.out.printf(Locale.ROOT, "calibration:    %7.1f s wall %7.1f s CPU  (%,d fit rows, lambda %s, %d sweeps)%n",
                (t4 - t3) / 1e9, (cpu4 - cpu3) / 1e9, cal.trainRows(), cal.lambda(), cal.sweeps());
        System.out.printf(Locale.ROOT, "total:          %7.1f s wall %7.1f s CPU (CPU time does not depend on other processes "
                + "sharing the cores; load average now %.1f)%n", (t4 - t0) / 1e9, (cpu4 - cpu0) / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "peak heap: %,d MiB live after GC (old generation), %,d MiB upper bound (sum of pool peaks); "
                + "max heap %,d MiB%n", peak.liveAfterGc() >> 20, peak.poolPeaks() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        for (WeightCalibration.Comparison c : cal.comparison()) {
            System.out.printf(Locale.ROOT, "  %d days: AUC %.3f -> %.3f calibrated (later window, %d outcomes)%n", c.horizon(),
                    c.aucCurrent(), c.aucCalibrated(), c.outcomes());
        }
    }

    private static long cpuTime() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** Peak heap: the largest old-generation occupancy right after a collection (live data), and the pool peaks. */
    private static final class PeakHeap {
        private final AtomicLong live = new AtomicLong();
        private long pools;

        static PeakHeap start() {
            PeakHeap p = new PeakHeap();
            for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
                if (m.getType() == MemoryType.HEAP) {
                    m.resetPeakUsage();
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (e.getKey().contains("Old") || e.getKey().contains("Tenured")) {
                            used += e.getValue().getUsed();
                        }
                    }
                    long u = used;
                    p.live.accumulateAndGet(u, Math::max);
                }, null, null);
            }
            return p;
        }

        void stop() {
            System.gc();
            long sum = 0;
            for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
                if (m.getType() == MemoryType.HEAP) {
                    sum += m.getPeakUsage().getUsed();
                }
            }
            pools = sum;
        }

        long liveAfterGc() {
            return live.get();
        }

        long poolPeaks() {
            return pools;
        }
    }
}
