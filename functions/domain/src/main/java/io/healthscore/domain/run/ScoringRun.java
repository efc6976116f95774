package io.healthscore.domain.run;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.playbooks.Playbooks;
import io.healthscore.domain.playbooks.TaskPlan;
import io.healthscore.domain.ports.AccountSource;
import io.healthscore.domain.ports.ExportSource;
import io.healthscore.domain.ports.HealthSink;
import io.healthscore.domain.ports.RunProgress;
import io.healthscore.domain.ports.RunRecorder;
import io.healthscore.domain.ports.WriteReport;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.PeerDistributions;
import io.healthscore.domain.scoring.Scorer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly run as one use case: gather facts (CRM, then exports), score every account, plan Tasks
 * from the playbooks, and hand scores and Tasks to the sink. The CLI and the Lambdas wire different
 * adapters into the same steps.
 */
public final class ScoringRun {

    private static final int PROGRESS_EVERY = 10_000;

    private final Scorer scorer;
    private final Playbooks playbooks;
    private final AccountSource accounts;
    private final ExportSource exports;
    private final HealthSink sink;
    private final RunProgress progress;
    private final RunRecorder recorder;

    public ScoringRun(Scorer scorer, AccountSource accounts, ExportSource exports, HealthSink sink, RunProgress progress) {
        this(scorer, accounts, exports, sink, progress, RunRecorder.NONE);
    }

    /** With a recorder that receives every account's measurement and result (the history snapshot). */
    public ScoringRun(Scorer scorer, AccountSource accounts, ExportSource exports, HealthSink sink, RunProgress progress,
                      RunRecorder recorder) {
        this.recorder = recorder;
        this.scorer = scorer;
        this.playbooks = new Playbooks(scorer.model());
        this.accounts = accounts;
        this.exports = exports;
        this.sink = sink;
        this.progress = progress;
    }

    public RunSummary execute(String runId, LocalDate asOf) {
        Map<String, Long> timings = new LinkedHashMap<>();
        RejectLog rejects = new RejectLog();
        AccountBook book = new AccountBook();

        long t0 = System.nanoTime();
        progress.stage("load_accounts", 0, 0);
        accounts.loadAccounts(book, asOf, rejects);
        progress.stage("load_exports", 0, book.size());
        exports.loadExports(book, asOf, rejects);
        List<AccountFacts> facts = book.facts();
        int accountCount = facts.size();
        int outOfScopeAccounts = book.outOfScopeAccounts();
        long outOfScopeRows = book.outOfScopeRows();
        book = null; // the facts list now holds everything; let the book's builders go
        long t1 = System.nanoTime();
        timings.put("load", (t1 - t0) / 1_000_000);

        List<Scorer.Measured> measured = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            measured.add(scorer.measure(facts.get(i), asOf));
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.stage("measure", i + 1, facts.size());
            }
        }
        PeerDistributions peers = scorer.peers(measured);
        List<AccountHealth> healths = new ArrayList<>(facts.size());
        List<TaskPlan> tasks = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            AccountHealth h = scorer.score(measured.get(i), peers);
            recorder.record(measured.get(i), h);
            healths.add(h);
            tasks.addAll(playbooks.plan(facts.get(i), h));
            measured.set(i, null);
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.stage("score", i + 1, facts.size());
            }
        }
        long t2 = System.nanoTime();
        timings.put("score", (t2 - t1) / 1_000_000);
        facts.clear(); // the sink needs only the results: free the facts before writing

        progress.stage("write", 0, healths.size());
        WriteReport writes = sink.write(healths, tasks);
        timings.put("write", (System.nanoTime() - t2) / 1_000_000);
        return new RunSummary(runId, asOf, scorer.model().version(), accountCount, healths, tasks, writes, rejects, timings,
                outOfScopeAccounts, outOfScopeRows);
    }
}
