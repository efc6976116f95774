package io.healthscore.domain.model;

import java.util.List;

/** The scoring model cannot be used; every problem found is listed, each naming its field. */
public final class InvalidScoringModelException extends RuntimeException {

    private final String source;
    private final List<ModelProblem> problems;

    public InvalidScoringModelException(String source, List<ModelProblem> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<ModelProblem> problems() {
        return problems;
    }

    private static String format(String source, List<ModelProblem> problems) {
        StringBuilder sb = new StringBuilder("scoring model ").append(source).append(" is invalid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
        for (ModelProblem p : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(p);
        }
        return sb.toString();
    }
}
