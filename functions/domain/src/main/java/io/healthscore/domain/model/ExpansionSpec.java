package io.healthscore.domain.model;

import java.util.List;

/**
 * Expansion readiness: a separate 0-100 score from adoption growth, stakeholder breadth and expansion
 * interest. {@code readyAt} and above means "ready for an expansion conversation".
 */
public record ExpansionSpec(List<Component> components, int readyAt) {

    public ExpansionSpec {
        components = List.copyOf(components);
    }

    /** A signal (built-in or declared in the model) with its weight and transform for expansion. */
    public record Component(String signal, double weight, Transform transform) {
    }
}
