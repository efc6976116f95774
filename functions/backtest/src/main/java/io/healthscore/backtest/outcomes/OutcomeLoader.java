package io.healthscore.backtest.outcomes;

import io.healthscore.domain.run.RejectLog;
import io.healthscore.formats.ExportTable;
import io.healthscore.formats.OutcomeTable;
import io.healthscore.formats.RenewalOutcome;
import io.healthscore.formats.RowRejected;
import io.healthscore.formats.TableFiles;
import io.healthscore.formats.TableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Outcomes in local mode: closed renewals from {@code renewal_outcomes} (the stand-in for Salesforce's
 * closed renewal opportunities, already filtered to the opportunity types that count), or from another
 * outcomes file of the same columns, plus churn dates from a configurable crm_accounts column. A churn
 * date adds a churn event only when no churned renewal of that account lies within a month of it
 * (mid-term churn), so the same loss is never counted twice.
 */
public final class OutcomeLoader {

    /** Days within which a churn date and a churned renewal are the same loss. */
    static final int SAME_LOSS_DAYS = 31;

    /**
     * @param outcomesFile file with renewal outcomes instead of the input's renewal_outcomes, null for that
     * @param churnField   crm_accounts column holding the churn date, null to read none
     */
    public record Settings(Path outcomesFile, String churnField) {
        public static Settings defaults() {
            return new Settings(null, "churned_on");
        }
    }

    private OutcomeLoader() {
    }

    /**
     * Every outcome of an account the predicate knows, sorted by date then account. Rejected rows go to
     * {@code rejects}.
     */
    public static List<OutcomeEvent> load(TableFiles input, Settings settings, Predicate<String> knownAccount,
                                          RejectLog rejects) {
        TableFiles outcomeFiles = input;
        String source = ExportTable.RENEWAL_OUTCOMES.baseName();
        if (settings.outcomesFile() != null) {
            Path file = settings.outcomesFile();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("outcomes file " + file + " does not exist");
            }
            String name = file.getFileName().toString();
            if (!(name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"))) {
                throw new IllegalArgumentException("outcomes file " + file + " must end in .csv, .csv.gz, .jsonl or .jsonl.gz");
            }
            outcomeFiles = table -> table == ExportTable.RENEWAL_OUTCOMES
                    ? List.of(new TableFiles.TableFile(name, () -> Files.newInputStream(file))) : List.of();
            source = name;
        }
        List<OutcomeEvent> out = new ArrayList<>();
        Map<String, List<LocalDate>> churnedRenewals = new HashMap<>();
        for (RenewalOutcome r : OutcomeTable.read(outcomeFiles, rejects)) {
            if (!knownAccount.test(r.accountId())) {
                rejects.reject(source, 0, "account_id", "unknown_account", "outcome for an account not in crm_accounts");
                continue;
            }
            OutcomeKind kind = OutcomeKind.valueOf(r.outcome().name());
            out.add(new OutcomeEvent(r.accountId(), r.renewalDate(), kind, r.opportunityId(), source, true));
            if (kind == OutcomeKind.CHURNED) {
                churnedRenewals.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r.renewalDate());
            }
        }
        if (settings.churnField() != null) {
            for (Map.Entry<String, LocalDate> e : churnDates(input, settings.churnField()).entrySet()) {
                if (!knownAccount.test(e.getKey())) {
                    continue;
                }
                boolean sameLoss = churnedRenewals.getOrDefault(e.getKey(), List.of()).stream()
                        .anyMatch(d -> Math.abs(d.toEpochDay() - e.getValue().toEpochDay()) <= SAME_LOSS_DAYS);
                if (!sameLoss) {
                    out.add(new OutcomeEvent(e.getKey(), e.getValue(), OutcomeKind.CHURNED, null,
                            ExportTable.CRM_ACCOUNTS.baseName() + "." + settings.churnField(), false));
                }
            }
        }
        out.sort(Comparator.comparing(OutcomeEvent::date).thenComparing(OutcomeEvent::accountId));
        return out;
    }

    /**
     * Churn dates per account from a crm_accounts column. Rows the CRM loader rejects are rejected there;
     * this pass only reads the two columns and ignores rows it cannot use.
     */
    public static Map<String, LocalDate> churnDates(TableFiles input, String column) {
        Map<String, LocalDate> out = new HashMap<>();
        RejectLog ignored = new RejectLog(0);
        for (TableFiles.TableFile f : input.find(ExportTable.CRM_ACCOUNTS)) {
            java.io.InputStream in;
            try {
                in = f.opener().open();
            } catch (java.io.IOException e) {
                continue; // the CRM loader reports the unreadable file
            }
            TableReader.read(ExportTable.CRM_ACCOUNTS, f.name(), in, row -> {
                String id = row.get("account_id");
                String v = row.get(column);
                if (id == null || v == null) {
                    return;
                }
                try {
                    out.put(id, LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v));
                } catch (DateTimeParseException e) {
                    throw new RowRejected(column, "bad_date", "not a date");
                }
            }, ignored);
        }
        return out;
    }
}
