package io.healthscore.modelfile;

import java.util.List;
import java.util.Map;

/** The YAML shape of a scoring model file, before it becomes the domain's ScoringModel. */
record ModelFileDto(
        String version,
        String description,
        List<Dimension> dimensions,
        List<Signal> signals,
        List<Override> segmentOverrides,
        List<BandDto> bands,
        Confidence confidence,
        Priority priority,
        TrendDto trend,
        Expansion expansion,
        Activity activity,
        List<Playbook> playbooks) {

    record Dimension(String id, String label, Double weight) {
    }

    record Signal(String id, String dimension, Double weight, String kind, TransformDto transform, String column, String label) {
    }

    record TransformDto(String kind, Double worst, Double best, List<Step> steps, Double otherwise,
                        Boolean higherIsBetter, Integer minPeers, Bounds fallback) {
    }

    record Step(Double upTo, Double score) {
    }

    record Bounds(Double worst, Double best) {
    }

    record Override(String name, When when, Map<String, Change> signals) {
    }

    record When(List<String> segment, List<String> tier, Integer minEmployees, Integer maxEmployees,
                Integer minTenureMonths, Integer maxTenureMonths) {
    }

    record Change(TransformDto transform, Double weight) {
    }

    record BandDto(String band, Integer min, Integer max) {
    }

    record Confidence(Double floor) {
    }

    record Priority(Integer renewalHorizonDays, Double minUrgency, Double arrReference, Double insufficientSignalRisk) {
    }

    record TrendDto(Integer improvingAt, Integer decliningAt, Integer historyPoints) {
    }

    record Expansion(Integer readyAt, List<Component> signals) {
    }

    record Component(String signal, Double weight, TransformDto transform) {
    }

    record Activity(List<String> meaningfulTouchTypes, Double conversationHalfLifeDays, Integer lookbackDays) {
    }

    record Playbook(String id, PlaybookWhen when, String assignTo, Integer dueInDays, String priority, String subject,
                    Boolean enabled) {
    }

    record PlaybookWhen(List<String> band, Integer dropOfMoreThan, Integer redForDays, Boolean recovered,
                        ExpansionWhen expansion) {
    }

    record ExpansionWhen(Integer renewalWithinDays, Integer minExpansionScore) {
    }
}
