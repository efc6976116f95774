package io.healthscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.Band;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score every closed renewal as of N days before it (point in time) and report how well the",
                "score separated churn from renewal (ROC AUC)."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Exports including renewal_outcomes.")
    Path input;

    @Option(names = "--model", paramLabel = "FILE", description = "Scoring model YAML (default: embedded).")
    Path modelFile;

    @Option(names = "--horizon-days", defaultValue = "90", description = "Days before the renewal to score (default: ${DEFAULT-VALUE}).")
    int horizonDays;

    @Option(names = "--data-end", required = true, paramLabel = "DATE", description = "Last date of the data (YYYY-MM-DD).")
    LocalDate dataEnd;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the figures as JSON here.")
    Path out;

    @Override
    public Integer call() throws IOException {
        ScoringModel model = HealthscoreCli.model(modelFile);
        RejectLog rejects = new RejectLog();
        SeparationCheck.Result r = SeparationCheck.run(input, model, dataEnd, horizonDays, rejects);
        System.out.printf(Locale.ROOT, "Closed renewals: %d (skipped %d with under 16 weeks of history); scored %d "
                        + "(%d churned, %d downgraded, %d renewed)%n", r.outcomes(), r.skipped(), r.scored(), r.churned(),
                r.downgraded(), r.renewed());
        System.out.printf(Locale.ROOT, "ROC AUC, score %d days before renewal: churn vs renewal %.3f; churn or downgrade vs renewal %.3f%n",
                horizonDays, r.aucChurn(), r.aucChurnOrDowngrade());
        for (Band b : Band.values()) {
            double[] c = r.churnRateByBand().get(b);
            if (c != null) {
                System.out.printf(Locale.ROOT, "  %-20s %5.0f accounts, churn rate %5.1f %%%n", b.wireName(), c[1], 100 * c[2]);
            }
        }
        if (rejects.total() > 0) {
            System.out.println("Rejected rows: " + rejects.total() + " " + rejects.countsByReason());
        }
        if (out != null) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode o = json.createObjectNode();
            o.put("model_version", model.version());
            o.put("horizon_days", horizonDays);
            o.put("outcomes", r.outcomes());
            o.put("skipped", r.skipped());
            o.put("scored", r.scored());
            o.put("churned", r.churned());
            o.put("downgraded", r.downgraded());
            o.put("renewed", r.renewed());
            o.put("auc_churn_vs_renewed", r.aucChurn());
            o.put("auc_churn_or_downgrade_vs_renewed", r.aucChurnOrDowngrade());
            ObjectNode bands = o.putObject("churn_rate_by_band");
            r.churnRateByBand().forEach((b, c) -> bands.putObject(b.wireName()).put("accounts", (int) c[1]).put("churned", (int) c[0]));
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            json.writeValue(out.toFile(), o);
        }
        return 0;
    }
}
