package io.healthscore.domain.playbooks;

import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.model.PlaybookRule;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.Driver;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a score and what came before it into the Tasks the model's playbooks ask for. Each Task's key
 * names the account, the rule and the period the reason belongs to, so a reason raises one Task:
 * <ul>
 *   <li>band rules: the ISO week in which the band episode began (one Task per episode);</li>
 *   <li>score drop: the ISO week of the run;</li>
 *   <li>red for N days: the first day of the red streak;</li>
 *   <li>recovery: the ISO week of the recovery;</li>
 *   <li>expansion moment: the renewal date.</li>
 * </ul>
 */
public final class Playbooks {

    private final ScoringModel model;

    public Playbooks(ScoringModel model) {
        this.model = model;
    }

    public List<TaskPlan> plan(AccountFacts facts, AccountHealth health) {
        List<TaskPlan> out = new ArrayList<>(2);
        PreviousHealth prev = facts.previous();
        for (PlaybookRule rule : model.playbooks()) {
            if (!rule.enabled()) {
                continue;
            }
            String period = period(rule.trigger(), health, prev);
            if (period == null) {
                continue;
            }
            String assignee = rule.assignTo() == PlaybookRule.Assignee.OWNER_MANAGER
                    ? facts.profile().ownerManagerId() : facts.profile().ownerId();
            String key = health.accountId() + ":" + rule.id() + ":" + period;
            String name = health.accountName() != null ? health.accountName() : health.accountId();
            out.add(new TaskPlan(key, health.accountId(), rule.id(), assignee,
                    rule.subject().replace("{account}", name),
                    description(health, prev), health.scoredOn().plusDays(rule.dueInDays()), rule.priority()));
        }
        return out;
    }

    /** The period the rule fires for, or null when it does not fire. */
    String period(PlaybookRule.Trigger trigger, AccountHealth h, PreviousHealth prev) {
        if (trigger instanceof PlaybookRule.BandIs b) {
            if (!b.bands().contains(h.effectiveBand())) {
                return null;
            }
            if (h.override() != null) {
                return "override-" + h.override().expiresOn();
            }
            return isoWeek(h.bandSince());
        }
        if (trigger instanceof PlaybookRule.ScoreDrop d) {
            if (h.score() == null || prev.score() == null || prev.score() - h.score() <= d.points()) {
                return null;
            }
            return isoWeek(h.scoredOn());
        }
        if (trigger instanceof PlaybookRule.RedFor r) {
            if (h.redSince() == null || !h.effectiveBand().red()
                    || h.redSince().plusDays(r.days()).isAfter(h.scoredOn())) {
                return null;
            }
            return h.redSince().toString();
        }
        if (trigger instanceof PlaybookRule.Recovered) {
            boolean wasRed = prev.band() != null && prev.band().red();
            boolean nowBetter = h.band() == Band.WATCHING || h.band() == Band.HEALTHY;
            return wasRed && nowBetter ? isoWeek(h.scoredOn()) : null;
        }
        if (trigger instanceof PlaybookRule.ExpansionMoment e) {
            if (h.band() != Band.HEALTHY || h.expansionScore() == null || h.expansionScore() < e.minExpansionScore()
                    || h.daysToRenewal() == null || h.daysToRenewal() < 0 || h.daysToRenewal() > e.renewalWithinDays()) {
                return null;
            }
            return "renewal-" + h.scoredOn().plusDays(h.daysToRenewal());
        }
        throw new IllegalStateException("unhandled trigger " + trigger);
    }

    private static String isoWeek(LocalDate d) {
        int week = d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + (week < 10 ? "0" : "") + week;
    }

    private static String description(AccountHealth h, PreviousHealth prev) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("Health score ").append(h.score() == null ? "n/a" : h.score().toString())
                .append(" (").append(h.band().wireName().replace('_', ' ')).append(")");
        if (h.trend().change() != null && h.trend().change() != 0) {
            sb.append(h.trend().change() < 0 ? ", down " : ", up ").append(Math.abs(h.trend().change()))
                    .append(" points since ").append(prev.scoredOn());
        }
        sb.append(". Confidence ").append(Math.round(h.confidence() * 100)).append(" %.");
        if (h.override() != null) {
            sb.append(" CSM override: ").append(h.override().band().wireName().replace('_', ' '))
                    .append(" until ").append(h.override().expiresOn()).append('.');
        }
        if (!h.drivers().isEmpty()) {
            sb.append("\nDrivers:");
            for (Driver d : h.drivers()) {
                sb.append("\n- ").append(d.text());
            }
        }
        if (h.expansionScore() != null) {
            sb.append("\nExpansion readiness ").append(h.expansionScore()).append('.');
        }
        sb.append("\nModel ").append(h.modelVersion()).append(", scored ").append(h.scoredOn()).append('.');
        return sb.toString();
    }
}
