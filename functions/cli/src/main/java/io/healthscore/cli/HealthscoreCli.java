package io.healthscore.cli;

import io.healthscore.domain.model.InvalidScoringModelException;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.modelfile.ScoringModelFile;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The local runner: {@code healthscore run|generate|evaluate|validate-model|backtest|calibrate|rescore}. */
@Command(name = "healthscore", mixinStandardHelpOptions = true, version = "healthscore 0.1.0",
        description = "Customer health scoring on your own exports, with no cloud account.",
        subcommands = {RunCommand.class, GenerateCommand.class, EvaluateCommand.class, ValidateModelCommand.class,
                BacktestCommand.class, CalibrateCommand.class, RescoreCommand.class})
public final class HealthscoreCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code (0 ok, 1 bad input, 2 usage). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new HealthscoreCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InvalidScoringModelException || ex instanceof UserInputException
                    || ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ScoringModel model(java.nio.file.Path file) {
        return file == null ? ScoringModelFile.loadDefault() : ScoringModelFile.load(file);
    }

    /** A problem with what the user asked for, reported as one line without a stack trace. */
    static final class UserInputException extends RuntimeException {
        UserInputException(String message) {
            super(message);
        }
    }
}
