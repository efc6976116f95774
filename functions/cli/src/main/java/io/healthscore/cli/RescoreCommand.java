package io.healthscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.healthscore.backtest.history.LocalHistoryStore;
import io.healthscore.backtest.history.RunHeader;
import io.healthscore.backtest.history.SnapshotRescore;
import io.healthscore.domain.model.ScoringModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = {"Replay a past run from the history store with another scoring model: the recorded measurements are",
                "scored again and appended to the history as a new run; prints how bands moved."})
final class RescoreCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--history", required = true, paramLabel = "DIR", description = "History store directory.")
    Path history;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "Run id to replay.")
    String run;

    @Option(names = "--model", paramLabel = "FILE", description = "Scoring model YAML (default: the embedded one).")
    Path modelFile;

    @Option(names = "--new-run", paramLabel = "RUN", description = "Id of the run written (default: RUN.MODEL_VERSION).")
    String newRun;

    @Option(names = "--no-record", description = "Only compare; do not append the rescored run to the history.")
    boolean noRecord;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the summary as JSON here.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(history)) {
            throw new HealthscoreCli.UserInputException("--history " + history + " is not a directory");
        }
        ScoringModel model = HealthscoreCli.model(modelFile);
        String target = noRecord ? null : newRun != null ? newRun : RunHeader.safeId(run + "." + model.version());
        SnapshotRescore.Summary s = SnapshotRescore.rescore(new LocalHistoryStore(history), run, model, target,
                Clock.systemUTC());
        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "Rescored run %s (%s) with %s: %d accounts, %d changed band, mean score change %.1f points%n",
                s.fromRun(), s.fromVersion(), s.toVersion(), s.accounts(), s.bandChanged(), s.meanAbsScoreChange());
        s.transitions().forEach((from, to) -> console.printf(Locale.ROOT, "  %-20s -> %s%n", from, to));
        if (s.newRun() != null) {
            console.println("Recorded as run " + s.newRun());
        }
        if (out != null) {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), s);
        }
        return 0;
    }
}
