package io.healthscore.domain.model;

import io.healthscore.domain.scoring.Band;
import java.util.Set;

/**
 * A rule that raises a Salesforce Task. Each Task carries a key made of the account, the rule and the
 * period it belongs to (the band episode, the week, the renewal), so re-runs never raise it twice.
 *
 * @param id         rule id, part of the Task key (stable: renaming it raises new Tasks)
 * @param trigger    when it fires
 * @param assignTo   who gets the Task
 * @param dueInDays  due date offset from the run date (0 = today)
 * @param priority   Task priority
 * @param subject    Task subject; {account} is replaced by the account name
 * @param enabled    disabled rules never fire
 */
public record PlaybookRule(String id, Trigger trigger, Assignee assignTo, int dueInDays, TaskPriority priority,
                           String subject, boolean enabled) {

    public enum Assignee { OWNER, OWNER_MANAGER }

    public enum TaskPriority {
        HIGH("High"), NORMAL("Normal"), LOW("Low");

        private final String salesforceValue;

        TaskPriority(String salesforceValue) {
            this.salesforceValue = salesforceValue;
        }

        public String salesforceValue() {
            return salesforceValue;
        }
    }

    /** When a rule fires. */
    public sealed interface Trigger permits BandIs, ScoreDrop, RedFor, Recovered, ExpansionMoment {
    }

    /** The effective band is one of these; once per band episode. */
    public record BandIs(Set<Band> bands) implements Trigger {
        public BandIs {
            bands = Set.copyOf(bands);
        }
    }

    /** The score fell by more than this many points since the previous run; once per ISO week. */
    public record ScoreDrop(int points) implements Trigger {
    }

    /** At risk or critical for at least this many days without a break; once per red episode. */
    public record RedFor(int days) implements Trigger {
    }

    /** Was at risk or critical, now watching or healthy; once per recovery. */
    public record Recovered() implements Trigger {
    }

    /** Healthy, renewal within the window and expansion readiness at least the threshold; once per renewal. */
    public record ExpansionMoment(int renewalWithinDays, int minExpansionScore) implements Trigger {
    }
}
