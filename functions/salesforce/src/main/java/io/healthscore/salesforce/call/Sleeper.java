package io.healthscore.salesforce.call;

import java.time.Duration;

/** Waits between attempts and Bulk polls; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
