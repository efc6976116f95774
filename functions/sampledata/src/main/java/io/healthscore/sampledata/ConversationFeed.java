package io.healthscore.sampledata;

import java.util.ArrayList;
import java.util.List;

/**
 * conversations.jsonl and its ground-truth labels: calls, emails and ticket threads, more of them when
 * health is low, before renewals and around events. Each conversation's labels are decided from the
 * account's state that day, then its text is composed to say exactly that. Labels go to the ground
 * truth only.
 */
final class ConversationFeed {

    private ConversationFeed() {
    }

    static void write(AccountLife life, Stakeholders people, double[] utilisation, Draws d, RowEncoder conversations,
                      RowEncoder labels) {
        AccountPlan plan = life.plan();
        if (plan.conversationsPerYear() <= 0) {
            return;
        }
        Timeline t = life.timeline();
        LifeEvent event = life.event();
        String acquirer = d.pick(NameBank.ACQUIRERS);
        double[] channelWeights = plan.archetype() == Archetype.NOISY_ENTERPRISE ? new double[] {25, 35, 40}
                : new double[] {35, 45, 20};
        ConversationLabels.Channel[] channels = ConversationLabels.Channel.values();
        int seq = 0;
        for (int w = 0; w < t.weeks(); w++) {
            long weekStart = t.weekStart(w);
            if (weekStart + 7 <= life.liveFrom() || weekStart >= life.liveUntil()) {
                continue;
            }
            double h = life.health().at(w);
            double rate = plan.conversationsPerYear() / 52.0 * (0.8 + 0.6 * (1 - h));
            if (life.nextRenewalAfter(weekStart) - weekStart <= 84) {
                rate *= 1.6;
            }
            if (event != null && w >= event.week() - 4 && w <= event.week() + 8) {
                rate *= 1.8;
            }
            int n = d.poisson(rate);
            for (int i = 0; i < n; i++) {
                Draws c = d.child(seq + 1L);
                long day = life.workday(w, c);
                if (!life.live(day)) {
                    continue;
                }
                seq++;
                int minute = AccountLife.businessMinute(c);
                ConversationLabels.Channel channel = channels[c.weighted(channelWeights)];
                long renewal = life.nextRenewalAfter(day);
                double u = Double.isNaN(utilisation[w]) ? 0.5 : utilisation[w];
                Stakeholders.Person champion = people.champion(day);
                ConversationLabels.Context context = new ConversationLabels.Context(h, channel, plan.segment(),
                        plan.archetype(), renewal - day, life.churnsOn(renewal), event,
                        event == null ? 0 : day - event.day(), u, champion != null);
                ConversationLabels truth = ConversationLabels.plan(context, c);

                Stakeholders.Person speaker = channel == ConversationLabels.Channel.TICKET
                        ? people.pick(day, c, Stakeholders.USER, Stakeholders.CHAMPION)
                        : people.pick(day, c, c.chance(0.55) ? Stakeholders.CHAMPION : Stakeholders.USER,
                                Stakeholders.SPONSOR);
                String speakerName = speaker == null ? NameBank.person(c) : speaker.name;
                String speakerTitle = speaker == null ? c.pick(NameBank.CUSTOMER_TITLES) : speaker.title;
                boolean championGone = event != null && event.is(LifeEvent.Type.CHAMPION_LEFT) && day >= event.day();
                String championName = people.formerChampion() != null && event != null
                        && event.is(LifeEvent.Type.CHAMPION_LEFT) && day < event.day() + 120
                        ? people.formerChampion().name : champion == null ? null : champion.name;
                if (championName != null && championName.equals(speakerName)
                        && truth.flags().contains(io.healthscore.domain.facts.ConversationSignal.RiskFlag.CHAMPION_LEAVING)) {
                    // the champion does not announce their own departure in the third person: someone else speaks
                    Stakeholders.Person other = people.pick(day, c, Stakeholders.USER, Stakeholders.SPONSOR);
                    speakerName = other == null || other.name.equals(championName) ? NameBank.person(c) : other.name;
                    speaker = other;
                }
                String otherName = otherName(people, day, speakerName, championName, c);
                int seatsHint = Math.max(2, (int) Math.round(life.contract().seats(w) * c.uniform(0.1, 0.3)));
                SceneSlots.Scene scene = new SceneSlots.Scene(plan.name(), plan.owner().name(), speakerName, speakerTitle,
                        championName, otherName, acquirer, day, renewal, seatsHint);
                ConversationComposer.Composed text = ConversationComposer.compose(truth, channel, new SceneSlots(scene, c),
                        championGone, c);
                if (channel != ConversationLabels.Channel.TICKET && speaker != null) {
                    Stakeholders.engage(speaker, day);
                }
                String id = RecordIds.conversation(plan.index(), seq);
                conversations.text(id).text(plan.accountId()).timestamp(day, minute).text(channel.wireName())
                        .text(text.text()).text(text.subject()).end();
                labels.text(id).text(plan.accountId()).timestamp(day, minute).text(channel.wireName())
                        .text(ConversationLabels.wire(truth.sentiment())).list(wireNames(truth.intents()))
                        .list(wireNames(truth.flags())).list(truth.negated()).end();
            }
        }
    }

    private static String otherName(Stakeholders people, long day, String speaker, String champion, Draws d) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Stakeholders.Person p = people.pick(day, d, Stakeholders.USER, Stakeholders.BUYER);
            if (p != null && !p.name.equals(speaker) && !p.name.equals(champion)) {
                return p.name;
            }
        }
        return NameBank.person(d);
    }

    private static List<String> wireNames(java.util.Set<? extends Enum<?>> labels) {
        List<String> out = new ArrayList<>(labels.size());
        for (Enum<?> e : labels) {
            out.add(ConversationLabels.wire(e));
        }
        return out;
    }
}
