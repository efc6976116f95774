package io.healthscore.cli;

import io.healthscore.backtest.metrics.RocAuc;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.RenewalOpportunity;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.run.AccountBook;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.PeerDistributions;
import io.healthscore.domain.scoring.Scorer;
import io.healthscore.formats.CrmTables;
import io.healthscore.formats.DirectoryTableFiles;
import io.healthscore.formats.ExportTables;
import io.healthscore.formats.OutcomeTable;
import io.healthscore.formats.RenewalOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Does the score separate the accounts that later churned from those that renewed? For every closed
 * renewal, the account is scored as of {@code horizonDays} before the renewal date from the facts known
 * on that day only ({@link AccountFacts#asOf}), with that renewal as its open renewal; then the ROC AUC
 * of risk (100 - score) against the outcome is computed by the rank-sum (Mann-Whitney) identity:
 * AUC = (sum of positive ranks - n1 (n1 + 1) / 2) / (n1 n0), with average ranks for ties.
 */
public final class SeparationCheck {

    /**
     * @param outcomes          closed renewals evaluated
     * @param scored            of which had a score (not insufficient signal)
     * @param churned           churned among scored
     * @param renewed           renewed among scored
     * @param downgraded        downgraded among scored
     * @param aucChurn          churned vs renewed
     * @param aucChurnOrDowngrade churned or downgraded vs renewed
     * @param churnRateByBand   churn share per band at the snapshot
     * @param skipped           outcomes skipped: too little history before the snapshot
     */
    public record Result(int outcomes, int scored, int churned, int renewed, int downgraded, double aucChurn,
                         double aucChurnOrDowngrade, Map<Band, double[]> churnRateByBand, int skipped, int horizonDays) {
    }

    private SeparationCheck() {
    }

    public static Result run(java.nio.file.Path input, ScoringModel model, LocalDate dataEnd, int horizonDays, RejectLog rejects) {
        DirectoryTableFiles files = new DirectoryTableFiles(input);
        AccountBook book = new AccountBook();
        new CrmTables(files, true).loadAccounts(book, dataEnd, rejects);
        new ExportTables(files, null).loadExports(book, dataEnd, rejects);
        Map<String, AccountFacts> byId = new HashMap<>();
        for (AccountFacts f : book.facts()) {
            byId.put(f.accountId(), f);
        }
        List<RenewalOutcome> outcomes = OutcomeTable.read(files, rejects);
        Scorer scorer = new Scorer(model);
        List<Scorer.Measured> measured = new ArrayList<>();
        List<RenewalOutcome> kept = new ArrayList<>();
        int skipped = 0;
        for (RenewalOutcome o : outcomes) {
            AccountFacts f = byId.get(o.accountId());
            LocalDate snapshot = o.renewalDate().minusDays(horizonDays);
            if (f == null || earliestData(f) == null || earliestData(f).plusWeeks(16).isAfter(snapshot)) {
                skipped++;
                continue;
            }
            AccountFacts then = f.asOf(snapshot).withRenewal(
                    new RenewalOpportunity(o.opportunityId(), o.renewalDate(), null, null));
            measured.add(scorer.measure(then, snapshot));
            kept.add(o);
        }
        PeerDistributions peers = scorer.peers(measured);
        List<Double> riskPos = new ArrayList<>();
        List<Double> riskBad = new ArrayList<>();
        List<Double> riskNeg = new ArrayList<>();
        Map<Band, int[]> perBand = new EnumMap<>(Band.class);
        int scored = 0;
        int churned = 0;
        int renewed = 0;
        int downgraded = 0;
        for (int i = 0; i < measured.size(); i++) {
            AccountHealth h = scorer.score(measured.get(i), peers);
            RenewalOutcome o = kept.get(i);
            int[] cell = perBand.computeIfAbsent(h.band(), b -> new int[2]);
            cell[1]++;
            if (o.outcome() == RenewalOutcome.Outcome.CHURNED) {
                cell[0]++;
            }
            if (h.band() == Band.INSUFFICIENT_SIGNAL) {
                continue;
            }
            scored++;
            double risk = 100 - h.score();
            switch (o.outcome()) {
                case CHURNED -> {
                    churned++;
                    riskPos.add(risk);
                    riskBad.add(risk);
                }
                case DOWNGRADED -> {
                    downgraded++;
                    riskBad.add(risk);
                }
                default -> {
                    renewed++;
                    riskNeg.add(risk);
                }
            }
        }
        Map<Band, double[]> rates = new EnumMap<>(Band.class);
        perBand.forEach((b, c) -> rates.put(b, new double[] {c[0], c[1], c[1] == 0 ? 0 : (double) c[0] / c[1]}));
        return new Result(outcomes.size(), scored, churned, renewed, downgraded, auc(riskPos, riskNeg), auc(riskBad, riskNeg),
                rates, skipped, horizonDays);
    }

    /** ROC AUC of positives against negatives by the rank-sum identity; NaN when either side is empty. */
    public static double auc(List<Double> positives, List<Double> negatives) {
        return RocAuc.auc(positives.stream().mapToDouble(Double::doubleValue).toArray(),
                negatives.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static LocalDate earliestData(AccountFacts f) {
        LocalDate min = null;
        for (var u : f.usage()) {
            if (min == null || u.weekStart().isBefore(min)) {
                min = u.weekStart();
            }
        }
        return min;
    }
}
