package io.healthscore.bedrock;

import java.time.Duration;

/** Waits between attempts; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
