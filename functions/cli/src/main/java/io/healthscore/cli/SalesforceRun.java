package io.healthscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.ports.HealthSink;
import io.healthscore.domain.ports.RunProgress;
import io.healthscore.domain.ports.WriteReport;
import io.healthscore.domain.run.RunSummary;
import io.healthscore.domain.run.ScoringRun;
import io.healthscore.domain.scoring.Scorer;
import io.healthscore.domain.signals.FactWindows;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.formats.RenewalOutcome;
import io.healthscore.formats.TableReader;
import io.healthscore.salesforce.SalesforceAdapter;
import io.healthscore.salesforce.SalesforceSettings;
import io.healthscore.salesforce.auth.LocalSalesforceCredentials;
import io.healthscore.salesforce.auth.SalesforceCredentials;
import io.healthscore.salesforce.call.ApiUsage;
import io.healthscore.salesforce.call.CallLog;
import io.healthscore.salesforce.call.SalesforceException;
import io.healthscore.salesforce.pull.SalesforceAccountSource;
import io.healthscore.testkit.salesforce.seed.SampleOrgSeeder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code healthscore run --salesforce emulator|org [--dry-run]}: the CRM facts come from Salesforce through the real
 * adapter (an org emulator seeded with the input's CRM files, or a real org with JWT settings), the exports and
 * conversations from the input directory, and the health fields and Tasks are written back (or only planned). The
 * outputs are those of the local run plus the write report.
 */
final class SalesforceRun {

    /** Everything the run needs besides the Salesforce options. */
    record Options(Path input, Path out, ScoringModel model, java.time.LocalDate asOf, String runId, boolean quiet) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SalesforceRun() {
    }

    static RunSummary execute(Options o, SalesforceOptions sf, Map<String, String> environment, PrintWriter console,
                              PrintStream logStream) {
        Map<String, String> settings = new HashMap<>(environment);
        if (sf.config != null) {
            if (!Files.isReadable(sf.config)) {
                throw new HealthscoreCli.UserInputException("--salesforce-config " + sf.config + " is not a readable file");
            }
            settings.putAll(LocalSalesforceCredentials.readProperties(sf.config));
        }
        SalesforceSettings adapterSettings = SalesforceSettings.fromEnvironment(settings);
        // read as far back as the model's signals look, so a Salesforce run scores like a run on the same files
        FactWindows windows = FactWindows.of(o.model().activity());
        adapterSettings = adapterSettings.withLookbacks(
                settings.containsKey("SF_ACTIVITY_LOOKBACK_DAYS") ? adapterSettings.activityLookbackDays() : windows.touchDays(),
                settings.containsKey("SF_CASE_LOOKBACK_DAYS") ? adapterSettings.caseLookbackDays() : windows.ticketDays());
        EmulatedOrg emulated = null;
        try {
            SalesforceCredentials credentials;
            String target;
            if (sf.target == SalesforceOptions.Target.emulator) {
                emulated = EmulatedOrg.start(o.input());
                credentials = emulated.credentials();
                target = "emulator " + emulated.instanceUrl();
                if (adapterSettings.renewalPreviousAmountField() == null) {
                    adapterSettings = adapterSettings.withRenewalPreviousAmountField(SampleOrgSeeder.PREVIOUS_AMOUNT_FIELD);
                }
                console.printf(Locale.ROOT, "Started a Salesforce org emulator at %s with %,d accounts from %s%n",
                        emulated.instanceUrl(), emulated.seeded().accounts(), o.input());
            } else {
                credentials = LocalSalesforceCredentials.from(settings);
                target = "org " + settings.getOrDefault(LocalSalesforceCredentials.LOGIN_URL, "https://login.salesforce.com");
            }
            SalesforceAdapter adapter = SalesforceAdapter.builder(credentials).settings(adapterSettings)
                    .log(o.quiet() ? CallLog.SILENT : CallLog.jsonLines(logStream)).connect();
            return run(o, sf, adapter, emulated, target, console, logStream);
        } catch (SalesforceException e) {
            throw new HealthscoreCli.UserInputException("Salesforce " + e.getClass().getSimpleName()
                    .replace("Salesforce", "").replace("Exception", "").toLowerCase(Locale.ROOT) + " failure: " + e.getMessage());
        } finally {
            if (emulated != null) {
                emulated.close();
            }
        }
    }

    private static RunSummary run(Options o, SalesforceOptions sf, SalesforceAdapter adapter, EmulatedOrg emulated,
                                  String target, PrintWriter console, PrintStream logStream) {
        JsonLog log = new JsonLog(logStream, o.quiet());
        DirectoryTableFiles files = new DirectoryTableFiles(o.input());
        FactWindows windows = FactWindows.of(o.model().activity());
        SalesforceAccountSource crm = adapter.accountSource();
        ExportsAndConversations exports = new ExportsAndConversations(files, windows, crm::outOfScopeIds);
        DryRunPlanSink dryRun = sf.dryRun ? new DryRunPlanSink(adapter.healthSink(), new DryRunSink(o.out().resolve("salesforce")))
                : null;
        HealthSink sink = dryRun != null ? dryRun : adapter.healthSink();
        RunProgress progress = (stage, done, total) ->
                log.info("progress", Map.of("run_id", o.runId(), "stage", stage, "done", done, "total", total));
        log.info("run_started", Map.of("run_id", o.runId(), "as_of", o.asOf().toString(), "model_version",
                o.model().version(), "crm", "salesforce", "dry_run", sf.dryRun));
        RunSummary summary = new ScoringRun(new Scorer(o.model()), crm, exports, sink, progress)
                .execute(o.runId(), o.asOf());

        List<TableReader.FileStats> stats = exports.fileStats();
        ObjectNode conversations = exports.conversationReport();
        try {
            Files.createDirectories(o.out().resolve("salesforce"));
            RunOutputs.scoresCsv(o.out().resolve("scores.csv"), summary.healths());
            RunOutputs.accountsJsonl(o.out().resolve("accounts.jsonl"), summary.healths());
            RunOutputs.rejectsCsv(o.out().resolve("rejects.csv"), summary.rejects());
            outcomesCsv(o.out().resolve("salesforce").resolve("renewal-outcomes.csv"), crm.outcomes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write outputs to " + o.out(), e);
        }
        ObjectNode report = RunOutputs.report(summary, target, stats, conversations);
        report.remove("salesforce_dry_run");
        report.set("salesforce", salesforceReport(summary.writes(), crm.stats(), adapter.session().usage(), emulated,
                target, dryRun));
        RunOutputs.writeJson(o.out().resolve("run-report.json"), report);
        log.info("run_finished", Map.of("run_id", o.runId(), "accounts", summary.accounts(),
                "accounts_written", summary.writes().accountsChanged(), "tasks_upserted", summary.writes().tasksUpserted()));
        print(console, summary, crm.stats(), adapter.session().usage(), emulated, target, dryRun, o.out());
        return summary;
    }

    private static ObjectNode salesforceReport(WriteReport w, SalesforceAccountSource.PullStats pull, ApiUsage usage,
                                               EmulatedOrg emulated, String target, DryRunPlanSink dryRun) {
        ObjectNode r = JSON.createObjectNode();
        r.put("target", target);
        r.put("dry_run", dryRun != null);
        r.set("pull", JSON.valueToTree(pull));
        ObjectNode write = r.putObject(dryRun != null ? "planned_writes" : "write_report");
        write.put("accounts_changed", w.accountsChanged());
        write.put("accounts_unchanged", w.accountsUnchanged());
        write.set("accounts_failed", JSON.valueToTree(w.accountsFailed()));
        write.put("tasks_upserted", w.tasksUpserted());
        write.set("tasks_failed", JSON.valueToTree(w.tasksFailed()));
        write.put("write_calls", w.writeCalls());
        write.set("not_written", JSON.valueToTree(w.notWritten()));
        write.put("stop_reason", w.stopReason());
        if (dryRun != null) {
            write.put("tasks_existing", dryRun.plan().tasksExisting());
            write.put("files", "salesforce/account-updates.jsonl, salesforce/tasks.jsonl");
        }
        if (usage.known()) {
            r.put("api_requests_used", usage.used());
            r.put("api_requests_limit", usage.limit());
        }
        if (emulated != null) {
            r.set("emulator_calls", JSON.valueToTree(emulated.calls()));
        }
        return r;
    }

    private static void print(PrintWriter out, RunSummary s, SalesforceAccountSource.PullStats pull, ApiUsage usage,
                              EmulatedOrg emulated, String target, DryRunPlanSink dryRun, Path outDir) {
        WriteReport w = s.writes();
        out.printf(Locale.ROOT, "Scored %,d accounts as of %s with model %s; CRM from Salesforce (%s, %s)%n", s.accounts(),
                s.asOf(), s.modelVersion(), target, pull.bulk() ? "Bulk API" : "relationship queries");
        out.printf(Locale.ROOT, "Pulled: %,d accounts, %,d out of scope, %,d contacts, %,d activities, %,d cases, "
                + "%,d open renewals, %,d closed renewals%n", pull.accounts(), pull.outOfScope(), pull.contacts(),
                pull.touches(), pull.cases(), pull.renewalsOpen(), pull.outcomes());
        StringBuilder bands = new StringBuilder();
        s.bandCounts().forEach((b, n) -> bands.append(bands.length() == 0 ? "" : ", ").append(b.wireName()).append(' ').append(n));
        out.println("Bands: " + bands);
        out.printf(Locale.ROOT, "Rejected rows: %,d%s%n", s.rejects().total(),
                s.rejects().total() == 0 ? "" : " " + s.rejects().countsByReason());
        if (dryRun != null) {
            out.printf(Locale.ROOT, "Salesforce dry run (nothing sent): %,d account updates planned, %,d unchanged; "
                    + "%,d Tasks to create, %,d already exist%n", w.accountsChanged(), w.accountsUnchanged(),
                    w.tasksUpserted(), dryRun.plan().tasksExisting());
        } else {
            out.println("Salesforce write report:");
            out.printf(Locale.ROOT, "  accounts written    %,8d   unchanged %,d, failed %,d, not written %,d%n",
                    w.accountsChanged(), w.accountsUnchanged(), w.accountsFailed().size(), w.notWritten().size());
            out.printf(Locale.ROOT, "  Tasks created       %,8d   failed %,d%n", w.tasksUpserted(), w.tasksFailed().size());
            out.printf(Locale.ROOT, "  write calls         %,8d%n", w.writeCalls());
            if (w.stopReason() != null) {
                out.println("  stopped: " + w.stopReason());
            }
            w.accountsFailed().entrySet().stream().limit(10)
                    .forEach(e -> out.println("  failed " + e.getKey() + ": " + e.getValue()));
            w.tasksFailed().entrySet().stream().limit(10)
                    .forEach(e -> out.println("  Task failed " + e.getKey() + ": " + e.getValue()));
        }
        if (usage.known()) {
            out.printf(Locale.ROOT, "API requests: %,d of %,d used today%n", usage.used(), usage.limit());
        }
        if (emulated != null) {
            out.println("Emulator calls: " + emulated.calls());
        }
        out.println("Outputs in " + outDir + ": scores.csv, accounts.jsonl, rejects.csv, run-report.json, salesforce/");
        out.flush();
    }

    private static void outcomesCsv(Path file, List<RenewalOutcome> outcomes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("account_id,renewal_date,outcome,opportunity_id\n");
            for (RenewalOutcome r : outcomes) {
                w.write(r.accountId() + "," + r.renewalDate() + "," + r.outcome().name().toLowerCase(Locale.ROOT) + ","
                        + (r.opportunityId() == null ? "" : r.opportunityId()) + "\n");
            }
        }
    }

}
