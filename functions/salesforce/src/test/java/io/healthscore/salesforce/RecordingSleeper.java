package io.healthscore.salesforce;

import io.healthscore.salesforce.call.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that records the waits instead of sleeping, and can act between attempts (e.g. heal a fault). */
final class RecordingSleeper implements Sleeper {

    final List<Duration> waits = new ArrayList<>();
    private Runnable onSleep = () -> { };

    RecordingSleeper onSleep(Runnable action) {
        this.onSleep = action;
        return this;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        onSleep.run();
    }
}
