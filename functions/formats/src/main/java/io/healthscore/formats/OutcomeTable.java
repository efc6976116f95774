package io.healthscore.formats;

import io.healthscore.domain.run.RejectLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads renewal_outcomes (local mode stand-in for closed renewal opportunities in Salesforce). */
public final class OutcomeTable {

    private OutcomeTable() {
    }

    public static List<RenewalOutcome> read(TableFiles files, RejectLog rejects) {
        List<RenewalOutcome> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TableLoading.readAll(files, ExportTable.RENEWAL_OUTCOMES, row -> {
            String account = Cells.text(row, "account_id");
            RenewalOutcome.Outcome outcome;
            try {
                outcome = RenewalOutcome.Outcome.valueOf(Cells.text(row, "outcome").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RowRejected("outcome", "bad_outcome", "'outcome' value '" + Cells.shown(row.get("outcome"))
                        + "' is not renewed, churned or downgraded");
            }
            RenewalOutcome r = new RenewalOutcome(account, row.get("opportunity_id"), Cells.date(row, "renewal_date"), outcome);
            if (!seen.add(account + "|" + r.renewalDate())) {
                throw TableLoading.duplicate("renewal_date", account + " " + r.renewalDate());
            }
            out.add(r);
        }, rejects);
        return out;
    }
}
