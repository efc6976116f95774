package io.healthscore.sampledata;

import io.healthscore.domain.facts.ConversationSignal.Intent;
import io.healthscore.domain.facts.ConversationSignal.RiskFlag;
import io.healthscore.domain.facts.ConversationSignal.Sentiment;
import io.healthscore.domain.facts.Segment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * What one conversation truly says: its sentiment, intents and risk flags, decided from the account's
 * state before any text is written, plus the labels its text mentions only to deny ("no budget issues
 * this year"). The text is then composed to express exactly these.
 *
 * @param sentiment overall sentiment
 * @param intents   intents expressed
 * @param flags     risk flags raised
 * @param negated   labels (wire names) the text denies; never among the intents or flags
 */
record ConversationLabels(Sentiment sentiment, EnumSet<Intent> intents, EnumSet<RiskFlag> flags, List<String> negated) {

    enum Channel {
        CALL, EMAIL, TICKET;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The account's state when the conversation happens.
     *
     * @param health             latent health that week
     * @param channel            call, email or ticket thread
     * @param segment            account segment
     * @param archetype          account archetype
     * @param daysToRenewal      days until the next renewal (closed or open), or a large number
     * @param churnsAtRenewal    whether the next renewal ends in churn
     * @param event              the account's event, or null
     * @param daysFromEvent      conversation day minus event day (negative before it)
     * @param utilisation        active users over seats that week
     * @param championPresent    whether a champion is in place that day
     */
    record Context(double health, Channel channel, Segment segment, Archetype archetype, long daysToRenewal,
                   boolean churnsAtRenewal, LifeEvent event, long daysFromEvent, double utilisation,
                   boolean championPresent) {

        boolean around(LifeEvent.Type type, int fromDays, int toDays) {
            return event != null && event.type() == type && daysFromEvent >= fromDays && daysFromEvent <= toDays;
        }
    }

    private static final java.util.Map<Enum<?>, String> WIRE_NAMES = new java.util.HashMap<>();

    static {
        for (Enum<?>[] labels : new Enum<?>[][] {Sentiment.values(), Intent.values(), RiskFlag.values()}) {
            for (Enum<?> label : labels) {
                WIRE_NAMES.put(label, label.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The label as written in the ground truth: lower snake case. */
    static String wire(Enum<?> label) {
        return WIRE_NAMES.get(label);
    }

    static ConversationLabels plan(Context c, Draws d) {
        double h = c.health();
        boolean ticket = c.channel() == Channel.TICKET;
        boolean renewalSoon = c.daysToRenewal() >= 0 && c.daysToRenewal() <= 120;
        EnumSet<Intent> intents = EnumSet.noneOf(Intent.class);
        EnumSet<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);

        if (!ticket) {
            if (c.churnsAtRenewal() && c.daysToRenewal() <= 100 && d.chance(0.45)) {
                intents.add(Intent.CANCELLATION);
            } else if (h < 0.25 && d.chance(0.08)) {
                intents.add(Intent.CANCELLATION);
            }
        }
        boolean troubled = c.archetype() == Archetype.GRADUAL_DECLINE || c.churnsAtRenewal()
                || (c.event() != null && c.event().type() != LifeEvent.Type.SERVICE_INCIDENT && c.daysFromEvent() >= 0);
        if (!intents.contains(Intent.CANCELLATION)) {
            double p = troubled && h < 0.5 ? 0.3 : h < 0.4 ? 0.12 : 0;
            if (d.chance(ticket ? p * 0.3 : p)) {
                intents.add(Intent.EVALUATING_ALTERNATIVES);
            }
        }
        if (intents.isEmpty() && renewalSoon && h > 0.55 && !c.churnsAtRenewal() && d.chance(ticket ? 0.05 : 0.45)) {
            intents.add(Intent.PLANNING_TO_RENEW);
        }
        if (!intents.contains(Intent.CANCELLATION) && h > 0.68 && c.utilisation() > 0.65 && d.chance(ticket ? 0.05 : 0.22)) {
            intents.add(Intent.EXPANSION_INTEREST);
        }
        double frustration = 0.04 + 0.5 * Math.max(0, 0.6 - h);
        if (ticket) {
            frustration *= 1.8;
        }
        if (c.around(LifeEvent.Type.SERVICE_INCIDENT, 0, 56)) {
            frustration += 0.35;
        }
        if (!intents.contains(Intent.EXPANSION_INTEREST) && d.chance(frustration)) {
            intents.add(Intent.FRUSTRATED_WITH_FEATURE);
        }

        double flagScale = ticket ? 0.15 : 1;
        if (c.around(LifeEvent.Type.CHAMPION_LEFT, -30, 56) && d.chance(0.7 * flagScale)) {
            flags.add(RiskFlag.CHAMPION_LEAVING);
        }
        if ((c.around(LifeEvent.Type.BUDGET_CUT, -14, 70) && d.chance(0.65 * flagScale))
                || (h < 0.45 && d.chance(0.02 * flagScale))) {
            flags.add(RiskFlag.BUDGET_CUTS);
        }
        if (c.around(LifeEvent.Type.ACQUISITION, -28, 84) && d.chance(0.6 * flagScale)) {
            flags.add(RiskFlag.MERGER_OR_CONSOLIDATION);
        }
        if (c.around(LifeEvent.Type.EXECUTIVE_CHANGE, -14, 56) && d.chance(0.6 * flagScale)) {
            flags.add(RiskFlag.EXECUTIVE_CHANGE);
        }
        double security = c.segment() == Segment.ENTERPRISE ? 0.03 : 0.01;
        if (c.around(LifeEvent.Type.SERVICE_INCIDENT, 0, 42)) {
            security += 0.3;
        }
        if (d.chance(security)) {
            flags.add(RiskFlag.SECURITY_COMPLIANCE_CONCERN);
        }

        double s = h + d.normal(0, 0.1);
        if (ticket) {
            s -= 0.12;
        }
        if (c.event() != null && c.daysFromEvent() >= 0 && c.daysFromEvent() <= 42) {
            s -= 0.12;
        }
        if (intents.contains(Intent.FRUSTRATED_WITH_FEATURE)) {
            s -= 0.1;
        }
        if (intents.contains(Intent.CANCELLATION)) {
            s -= 0.1;
        }
        Sentiment sentiment;
        if (s >= 0.6) {
            sentiment = Sentiment.POSITIVE;
        } else if (s >= 0.42) {
            sentiment = Sentiment.NEUTRAL;
        } else if (s >= 0.25) {
            sentiment = Sentiment.NEGATIVE;
        } else {
            sentiment = d.chance(0.55) ? Sentiment.ESCALATING : Sentiment.NEGATIVE;
        }
        boolean unhappyIntent = intents.contains(Intent.FRUSTRATED_WITH_FEATURE) || intents.contains(Intent.CANCELLATION)
                || intents.contains(Intent.EVALUATING_ALTERNATIVES);
        if (unhappyIntent && sentiment == Sentiment.POSITIVE) {
            sentiment = Sentiment.NEUTRAL;
        }
        if (intents.contains(Intent.EXPANSION_INTEREST) && (sentiment == Sentiment.NEGATIVE || sentiment == Sentiment.ESCALATING)) {
            sentiment = Sentiment.NEUTRAL;
        }
        if (intents.contains(Intent.PLANNING_TO_RENEW) && sentiment == Sentiment.ESCALATING) {
            sentiment = Sentiment.NEGATIVE;
        }

        List<String> negated = new ArrayList<>(1);
        if (d.chance(ticket ? 0.03 : 0.15)) {
            List<String> candidates = new ArrayList<>();
            boolean leaving = intents.contains(Intent.CANCELLATION) || intents.contains(Intent.EVALUATING_ALTERNATIVES)
                    || (c.churnsAtRenewal() && renewalSoon);
            if (!flags.contains(RiskFlag.BUDGET_CUTS) && !c.around(LifeEvent.Type.BUDGET_CUT, -30, 120)) {
                candidates.add(wire(RiskFlag.BUDGET_CUTS));
            }
            if (!leaving) {
                candidates.add(wire(Intent.EVALUATING_ALTERNATIVES));
                candidates.add(wire(Intent.CANCELLATION));
            }
            if (!flags.contains(RiskFlag.CHAMPION_LEAVING) && c.championPresent()
                    && !c.around(LifeEvent.Type.CHAMPION_LEFT, -60, 120)) {
                candidates.add(wire(RiskFlag.CHAMPION_LEAVING));
            }
            if (!flags.contains(RiskFlag.MERGER_OR_CONSOLIDATION) && !c.around(LifeEvent.Type.ACQUISITION, -60, 150)) {
                candidates.add(wire(RiskFlag.MERGER_OR_CONSOLIDATION));
            }
            if (!flags.contains(RiskFlag.EXECUTIVE_CHANGE) && !c.around(LifeEvent.Type.EXECUTIVE_CHANGE, -30, 120)) {
                candidates.add(wire(RiskFlag.EXECUTIVE_CHANGE));
            }
            if (!flags.contains(RiskFlag.SECURITY_COMPLIANCE_CONCERN)) {
                candidates.add(wire(RiskFlag.SECURITY_COMPLIANCE_CONCERN));
            }
            if (!intents.contains(Intent.EXPANSION_INTEREST)) {
                candidates.add(wire(Intent.EXPANSION_INTEREST));
            }
            if (!intents.contains(Intent.FRUSTRATED_WITH_FEATURE) && !ticket) {
                candidates.add(wire(Intent.FRUSTRATED_WITH_FEATURE));
            }
            if (!candidates.isEmpty()) {
                negated.add(d.pick(candidates));
            }
        }
        return new ConversationLabels(sentiment, intents, flags, negated);
    }
}
