package io.healthscore.benchmarks;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.PeerDistributions;
import io.healthscore.domain.scoring.Scorer;
import io.healthscore.formats.CrmTables;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.formats.ExportTables;
import io.healthscore.modelfile.ScoringModelFile;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scoring throughput on one thread (= per core): accounts per second from facts to a full
 * {@link AccountHealth} (measure every signal, transform, weigh, band, drivers, trend, expansion,
 * priority), over a generated book of {@value #ACCOUNTS} accounts with the default model.
 * Target: at least 200,000 accounts per second per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class ScoringBenchmark {

    static final int ACCOUNTS = 10_000;

    private Scorer scorer;
    private List<AccountFacts> facts;
    private PeerDistributions peers;
    private LocalDate asOf;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        GeneratorSettings settings = GeneratorSettings.defaults().withSeed(7).withAccounts(ACCOUNTS);
        Path dir = Files.createTempDirectory("scoring-bench");
        try {
            new SampleGenerator(settings).writeTo(dir);
            asOf = settings.asOf();
            AccountBook book = new AccountBook();
            RejectLog rejects = new RejectLog();
            DirectoryTableFiles files = new DirectoryTableFiles(dir);
            new CrmTables(files).loadAccounts(book, asOf, rejects);
            ExportTables.keeping(files, io.healthscore.domain.signals.FactWindows.of(ScoringModelFile.loadDefault().activity())).loadExports(book, asOf, rejects);
            facts = book.facts();
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        scorer = new Scorer(ScoringModelFile.loadDefault());
        List<Scorer.Measured> measured = new ArrayList<>(facts.size());
        for (AccountFacts f : facts) {
            measured.add(scorer.measure(f, asOf));
        }
        peers = scorer.peers(measured);
    }

    /** One operation = one account measured and scored. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public void scoreAccounts(Blackhole bh) {
        for (int i = 0; i < facts.size(); i++) {
            bh.consume(scorer.score(scorer.measure(facts.get(i), asOf), peers));
        }
    }
}
