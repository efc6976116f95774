package io.healthscore.domain.model;

/** One problem in a scoring model: where (a path such as {@code signals[3].transform.worst}) and what. */
public record ModelProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
