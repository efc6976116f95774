package io.healthscore.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.healthscore.backtest.history.AccountSnapshot;
import io.healthscore.backtest.history.HistoryConflictException;
import io.healthscore.backtest.history.HistoryRecorder;
import io.healthscore.backtest.history.HistoryStore;
import io.healthscore.backtest.history.LocalHistoryStore;
import io.healthscore.backtest.history.RunHeader;
import io.healthscore.backtest.history.SnapshotRescore;
import io.healthscore.backtest.outcomes.LabelPolicy;
import io.healthscore.backtest.outcomes.OutcomeEvent;
import io.healthscore.backtest.outcomes.OutcomeKind;
import io.healthscore.backtest.outcomes.OutcomeLoader;
import io.healthscore.backtest.report.BacktestReport;
import io.healthscore.domain.conversations.OfflineExtractor;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.sampledata.GeneratorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history store: one append-only snapshot per run, enough to rescore it with any model, and the
 * backtest's lead time recomputed from those snapshots alone.
 */
class HistoryAndRescoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path work;

    private static Path book;
    private static HistoryStore store;
    private static Backtest.Run run;
    private static List<OutcomeEvent> outcomes;

    @BeforeAll
    static void backtestWithHistory() {
        book = GeneratedBooks.generate(GeneratorSettings.defaults().withSeed(5).withAccounts(600)
                .withConversationsPerAccountPerYear(0));
        store = new LocalHistoryStore(work.resolve("history"));
        RejectLog rejects = new RejectLog();
        HistoricalBook hb = HistoricalBook.load(book, GeneratedBooks.DATA_END, false, rejects);
        outcomes = OutcomeLoader.load(new DirectoryTableFiles(book), OutcomeLoader.Settings.defaults(),
                hb.indexById()::containsKey, rejects);
        ScoringModel model = io.healthscore.modelfile.ScoringModelFile.loadDefault();
        HistoryRecorder recorder = new HistoryRecorder(store, "bt", model.version(), null, null,
                model.signals().stream().map(s -> s.id()).toList(), "backtest", CLOCK);
        run = Backtest.run(hb, outcomes, model, GeneratedBooks.settings(), recorder);
    }

    private static List<RunHeader> backtestRuns() {
        return store.runs().stream().filter(r -> "backtest".equals(r.kind())).toList();
    }

    private static RunHeader lastBacktestRun() {
        List<RunHeader> runs = backtestRuns();
        return runs.get(runs.size() - 1);
    }

    @Test
    void everyWeeklySnapshotIsARunInTheStore() {
        List<RunHeader> runs = backtestRuns();
        assertThat(runs).hasSize(run.data().snapshotDates().size());
        assertThat(runs.stream().map(RunHeader::asOf).toList()).isEqualTo(run.data().snapshotDates());
        RunHeader last = runs.get(runs.size() - 1);
        assertThat(last.runId()).isEqualTo("bt-" + last.asOf());
        assertThat(last.modelVersion()).isEqualTo("2026.11-default");
        assertThat(last.signals()).hasSize(19);
        List<AccountSnapshot> accounts = new ArrayList<>();
        store.read(last.runId(), accounts::add);
        int w = run.data().snapshotDates().size() - 1;
        Map<String, Integer> index = run.book().indexById();
        assertThat(accounts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.score()).isEqualTo(run.replay().matrix().score(w, index.get(a.accountId())));
            assertThat(a.band()).isEqualTo(run.replay().matrix().band(w, index.get(a.accountId())));
            assertThat(a.measured()).containsKeys("seat_utilisation", "expansion_interest", "days_to_renewal");
        });
    }

    @Test
    void snapshotsAreAppendOnly() {
        RunHeader existing = backtestRuns().get(0);
        assertThatThrownBy(() -> store.begin(existing)).isInstanceOf(HistoryConflictException.class)
                .hasMessageContaining("append-only");
        RunHeader fresh = new RunHeader("never-committed", LocalDate.of(2026, 1, 5), "v", null, null, "weekly_run", null,
                CLOCK.instant(), List.of());
        try (HistoryStore.RunWriter w = store.begin(fresh)) {
            store.read(existing.runId(), w::write);
            // closed without commit: nothing is published
        }
        assertThat(store.runs()).extracting(RunHeader::runId).doesNotContain("never-committed");
        assertThatThrownBy(() -> store.read("never-committed", a -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the history store");
    }

    @Test
    void rescoringARunWithItsOwnModelReproducesItExactly() {
        String runId = lastBacktestRun().runId();
        SnapshotRescore.Summary s = SnapshotRescore.rescore(store, runId, run.model(), null, CLOCK);
        assertThat(s.bandChanged()).isZero();
        assertThat(s.meanAbsScoreChange()).isZero();
        assertThat(s.accounts()).isGreaterThan(400);
    }

    @Test
    void rescoringARunWithAnotherModelEqualsScoringTheFactsWithIt() {
        ScoringModel other = GeneratedBooks.model("usage-heavy.yaml");
        RunHeader last = lastBacktestRun();
        SnapshotRescore.Summary s = SnapshotRescore.rescore(store, last.runId(), other, last.runId() + ".usage-heavy", CLOCK);
        assertThat(s.bandChanged()).isPositive();
        assertThat(store.header(s.newRun()).replayOf()).isEqualTo(last.runId());
        assertThat(store.header(s.newRun()).modelVersion()).isEqualTo("2026.11-usage-heavy");
        // the same snapshot scored from the facts with the other model
        Backtest.Run direct = Backtest.run(run.book(), outcomes, other,
                GeneratedBooks.settings().withSnapshots(0, 1), null);
        Map<String, Integer> index = run.book().indexById();
        List<AccountSnapshot> rescored = new ArrayList<>();
        store.read(s.newRun(), rescored::add);
        assertThat(rescored).hasSize(s.accounts()).allSatisfy(a -> {
            assertThat(a.score()).isEqualTo(direct.replay().matrix().score(0, index.get(a.accountId())));
            assertThat(a.band()).isEqualTo(direct.replay().matrix().band(0, index.get(a.accountId())));
        });
        // and the replay API gives the same healths from recorded accounts
        List<AccountSnapshot> original = new ArrayList<>();
        store.read(last.runId(), original::add);
        List<AccountHealth> again = SnapshotRescore.rescore(original, last, other);
        for (int i = 0; i < original.size(); i++) {
            assertThat(again.get(i).score()).isEqualTo(rescored.get(i).score());
        }
    }

    @Test
    void leadTimeInTheReportMatchesTheRecordedSnapshots() {
        JsonNode figures = BacktestReport.build(new BacktestReport.Input(run.data(), LabelPolicy.CHURN_VS_RENEWAL, 90, 180, 60,
                Map.of(), null)).json().get("lead_time");
        // bands per account and day, read back from the history store only
        Map<String, Map<LocalDate, Band>> bands = new HashMap<>();
        for (RunHeader h : store.runs()) {
            if (!"backtest".equals(h.kind())) {
                continue;
            }
            store.read(h.runId(), a -> bands.computeIfAbsent(a.accountId(), k -> new HashMap<>()).put(h.asOf(), a.band()));
        }
        List<Integer> leads = new ArrayList<>();
        int reaching = 0;
        int ahead = 0;
        int churners = 0;
        for (OutcomeEvent o : outcomes) {
            if (o.kind() != OutcomeKind.CHURNED || o.date().isAfter(GeneratedBooks.DATA_END)) {
                continue;
            }
            churners++;
            Map<LocalDate, Band> b = bands.getOrDefault(o.accountId(), Map.of());
            LocalDate first = null;
            LocalDate firstRed = null;
            for (LocalDate d = o.date().minusDays(180); d.isBefore(o.date()); d = d.plusDays(1)) {
                if (b.containsKey(d)) {
                    first = first == null ? d : first;
                    if (firstRed == null && b.get(d).red()) {
                        firstRed = d;
                    }
                }
            }
            int lead = firstRed == null ? -1 : (int) (o.date().toEpochDay() - firstRed.toEpochDay());
            if (lead >= 0) {
                leads.add(lead);
            }
            if (first != null && o.date().toEpochDay() - first.toEpochDay() >= 60) {
                reaching++;
                if (lead >= 60) {
                    ahead++;
                }
            }
        }
        int[] sorted = leads.stream().mapToInt(Integer::intValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        assertThat(figures.get("churners").asInt()).isEqualTo(churners);
        assertThat(figures.get("flagged").asInt()).isEqualTo(sorted.length).isGreaterThan(10);
        assertThat(figures.get("median_days").asDouble()).isCloseTo(median, within(1e-9));
        assertThat(figures.get("reaching_back_60_days").asInt()).isEqualTo(reaching);
        assertThat(figures.get("share_flagged_at_least_60_days_ahead").asDouble()).isCloseTo(ahead / (double) reaching, within(1e-12));
        int histogramTotal = 0;
        for (JsonNode bin : figures.get("histogram")) {
            histogramTotal += bin.get("churners").asInt();
        }
        assertThat(histogramTotal).isEqualTo(sorted.length);
        assertThat(Arrays.stream(sorted).filter(d -> d >= 150).count())
                .isEqualTo(figures.get("histogram").get(5).get("churners").asLong());
    }

    @Test
    void aWeeklyRunRecordsItselfAndReadsBackAsScored() {
        ScoringModel model = run.model();
        io.healthscore.domain.scoring.Scorer scorer = new io.healthscore.domain.scoring.Scorer(model);
        LocalDate asOf = GeneratedBooks.DATA_END.plusDays(1);
        List<io.healthscore.domain.scoring.Scorer.Measured> measured = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            measured.add(scorer.measure(run.book().facts().get(i).asOf(asOf), asOf));
        }
        io.healthscore.domain.scoring.PeerDistributions peers = scorer.peers(measured);
        RunHeader header = new RunHeader("weekly-" + asOf, asOf, model.version(), OfflineExtractor.RULES_VERSION,
                OfflineExtractor.ID, "weekly_run", null, CLOCK.instant(), model.signals().stream().map(x -> x.id()).toList());
        List<AccountHealth> healths = new ArrayList<>();
        try (io.healthscore.backtest.history.RunSnapshotWriter w = new io.healthscore.backtest.history.RunSnapshotWriter(store, header)) {
            for (io.healthscore.domain.scoring.Scorer.Measured m : measured) {
                AccountHealth h = scorer.score(m, peers);
                healths.add(h);
                w.record(m, h);
            }
            w.commit();
        }
        List<AccountSnapshot> back = new ArrayList<>();
        store.read(header.runId(), back::add);
        assertThat(back).hasSize(50);
        for (int i = 0; i < 50; i++) {
            AccountSnapshot a = back.get(i);
            AccountHealth h = healths.get(i);
            assertThat(a).isEqualTo(AccountSnapshot.of(measured.get(i), h));
            assertThat(a.drivers()).isEqualTo(h.drivers());
            assertThat(a.subScores()).isEqualTo(h.subScores());
        }
    }

    @Test
    void conversationRulesVersionIsRecordedWithEachSnapshot(@TempDir Path dir) {
        Path small = GeneratedBooks.generate(GeneratorSettings.defaults().withSeed(8).withAccounts(60)
                .withConversationsPerAccountPerYear(4));
        BacktestJob.Outcome o = BacktestJob.backtest(new BacktestJob.Request(small, null, List.of(), null,
                io.healthscore.modelfile.ScoringModelFile.loadDefault(), null,
                GeneratedBooks.settings().withConversations(true).withSnapshots(13, 2), dir.resolve("history"),
                dir.resolve("out")), CLOCK);
        assertThat(o.report().get("rules_version").asText()).isEqualTo(OfflineExtractor.RULES_VERSION);
        LocalHistoryStore h = new LocalHistoryStore(dir.resolve("history"));
        assertThat(h.runs()).hasSize(2).allSatisfy(r -> {
            assertThat(r.rulesVersion()).isEqualTo(OfflineExtractor.RULES_VERSION);
            assertThat(r.extractor()).isEqualTo(OfflineExtractor.ID);
        });
        List<AccountSnapshot> accounts = new ArrayList<>();
        h.read(h.runs().get(1).runId(), accounts::add);
        assertThat(accounts).anySatisfy(a -> assertThat(a.measured().get("conversation_sentiment")).isNotNaN());
        assertThat(Files.exists(dir.resolve("out/backtest.html"))).isTrue();
    }
}
