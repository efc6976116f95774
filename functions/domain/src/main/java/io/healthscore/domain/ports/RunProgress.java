package io.healthscore.domain.ports;

/** Progress of a long run: stage names and counts, never customer data. */
public interface RunProgress {

    void stage(String name, long done, long total);

    RunProgress SILENT = (name, done, total) -> { };
}
