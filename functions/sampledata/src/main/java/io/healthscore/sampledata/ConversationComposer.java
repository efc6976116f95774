package io.healthscore.sampledata;

import io.healthscore.domain.facts.ConversationSignal.Intent;
import io.healthscore.domain.facts.ConversationSignal.RiskFlag;
import io.healthscore.domain.facts.ConversationSignal.Sentiment;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the text of one conversation so that it expresses exactly its {@link ConversationLabels}:
 * a statement per intent and risk flag (drawn from many paraphrases, sometimes with a follow-up
 * sentence and a hedge), tone sentences for the sentiment, a denial for each negated label, and
 * neutral chatter up to a drawn length of 200 to 2,000 characters. Emails open with a subject line,
 * calls are transcripts with "CSM:" and "Customer:" turns, ticket threads have a case header.
 */
final class ConversationComposer {

    static final int MIN_CHARS = 200;
    static final int MAX_CHARS = 2_000;

    /** A conversation's subject (emails and tickets) and text. */
    record Composed(String subject, String text) {
    }

    private enum Mood { GOOD, PLAIN, BAD }

    /**
     * A customer sentence; {@code leads} puts it first (an escalation opens the conversation), {@code spare}
     * marks an extra tone sentence that may go when the text runs long.
     */
    private record Statement(String text, Mood mood, boolean leads, boolean spare) {
        Statement(String text, Mood mood) {
            this(text, mood, false, false);
        }
    }

    private static final String[] HEDGES = {
        "To be honest,", "Just so you know,", "As I mentioned,", "For what it's worth,", "Between us,",
        "Also,", "On another note,", "One more thing:", "Frankly,", "I should say that", "Anyway,",
    };

    private ConversationComposer() {
    }

    static Composed compose(ConversationLabels labels, ConversationLabels.Channel channel, SceneSlots slots,
                            boolean championGone, Draws d) {
        List<Statement> core = new ArrayList<>(8);
        for (Intent intent : labels.intents()) {
            core.add(statement(slots, d, intentBank(intent), intentDetail(intent), intentMood(intent)));
        }
        for (RiskFlag flag : labels.flags()) {
            String[] bank = flag == RiskFlag.CHAMPION_LEAVING
                    ? (championGone ? PhraseBank.CHAMPION_GONE : PhraseBank.CHAMPION_LEAVING_SOON) : flagBank(flag);
            core.add(statement(slots, d, bank, flagDetail(flag), Mood.BAD));
        }
        switch (labels.sentiment()) {
            case POSITIVE -> {
                int n = d.chance(0.5) ? 2 : 1;
                String[] bank = channel == ConversationLabels.Channel.TICKET ? PhraseBank.TICKET_POSITIVE : PhraseBank.POSITIVE;
                boolean spare = false;
                for (String s : distinct(bank, n, d)) {
                    core.add(new Statement(hedged(slots, s, d), Mood.GOOD, false, spare));
                    spare = true;
                }
            }
            case NEUTRAL -> {
                if (d.chance(0.5)) {
                    core.add(new Statement(slots.fill(d.pick(PhraseBank.NEUTRAL_TONE)), Mood.PLAIN, false, true));
                }
            }
            case NEGATIVE -> {
                int n = d.chance(0.4) ? 2 : 1;
                boolean spare = false;
                for (String s : distinct(PhraseBank.NEGATIVE, n, d)) {
                    core.add(new Statement(hedged(slots, s, d), Mood.BAD, false, spare));
                    spare = true;
                }
            }
            case ESCALATING -> {
                int n = d.chance(0.5) ? 2 : 1;
                boolean spare = false;
                for (String s : distinct(PhraseBank.ESCALATING, n, d)) {
                    core.add(new Statement(slots.fill(s), Mood.BAD, !spare, spare));
                    spare = true;
                }
                if (d.chance(0.4)) {
                    core.add(new Statement(slots.fill(d.pick(PhraseBank.NEGATIVE)), Mood.BAD, false, true));
                }
            }
            default -> throw new IllegalStateException("unhandled sentiment " + labels.sentiment());
        }
        for (String denied : labels.negated()) {
            core.add(new Statement(hedged(slots, d.pick(denialBank(denied)), d), Mood.PLAIN));
        }
        shuffle(core, d);
        for (int i = 0; i < core.size(); i++) {
            if (core.get(i).leads()) {
                core.add(0, core.remove(i));
                break;
            }
        }
        List<String> chatterTemplates = distinct(channel == ConversationLabels.Channel.TICKET
                ? PhraseBank.TICKET_CHATTER : PhraseBank.CHATTER, 14, d);
        List<String> chatter = new ArrayList<>(chatterTemplates.size());
        int target = (int) Math.max(MIN_CHARS + 40, Math.min(MAX_CHARS - 150, d.logNormal(430, 0.5)));
        long layoutSeed = d.nextLong();
        int coreChars = 0;
        for (Statement s : core) {
            coreChars += s.text().length() + 1;
        }
        // fixed parts of each layout, and what each customer sentence adds besides itself (a CSM turn in calls)
        int overhead = channel == ConversationLabels.Channel.CALL ? 330 : channel == ConversationLabels.Channel.EMAIL ? 210 : 250;
        int perLine = channel == ConversationLabels.Channel.CALL ? 32 : 3;
        int room = target - coreChars - overhead - perLine * core.size();
        while (chatter.size() < chatterTemplates.size() && room > 0) {
            String c = slots.fill(chatterTemplates.get(chatter.size()));
            chatter.add(c);
            room -= c.length() + 1 + perLine;
        }
        int extra = chatter.size();
        Composed out = render(labels, channel, slots, core, chatter.subList(0, extra), layoutSeed);
        while (out.text().length() < MIN_CHARS && extra < chatterTemplates.size()) {
            chatter.add(slots.fill(chatterTemplates.get(extra)));
            extra++;
            out = render(labels, channel, slots, core, chatter.subList(0, extra), layoutSeed);
        }
        while (out.text().length() > MAX_CHARS && extra > 0) {
            extra--;
            out = render(labels, channel, slots, core, chatter.subList(0, extra), layoutSeed);
        }
        for (int i = core.size() - 1; i >= 0 && out.text().length() > MAX_CHARS; i--) {
            if (core.get(i).spare()) {
                core.remove(i);
                out = render(labels, channel, slots, core, List.of(), layoutSeed);
            }
        }
        return out;
    }

    private static Composed render(ConversationLabels labels, ConversationLabels.Channel channel, SceneSlots slots,
                                   List<Statement> core, List<String> chatter, long layoutSeed) {
        Draws d = Draws.of(layoutSeed, chatter.size(), Draws.Stream.TEXT);
        List<Statement> lines = new ArrayList<>(core);
        for (String c : chatter) {
            // chatter goes anywhere but before a leading escalation
            int from = !core.isEmpty() && core.get(0).leads() ? 1 : 0;
            lines.add(d.between(from, lines.size()), new Statement(c, Mood.PLAIN));
        }
        return switch (channel) {
            case EMAIL -> email(labels, slots, lines, d);
            case CALL -> call(slots, lines, d);
            case TICKET -> ticket(labels, slots, lines, d);
        };
    }

    private static Composed email(ConversationLabels labels, SceneSlots slots, List<Statement> lines, Draws d) {
        SceneSlots.Scene scene = slots.scene();
        String subject = subject(labels, slots, d);
        StringBuilder b = new StringBuilder(1024);
        b.append("Subject: ").append(subject).append("\n\n");
        b.append(d.pick(PhraseBank.EMAIL_GREETING)).append(' ').append(NameBank.firstName(scene.csm())).append(",\n\n");
        if (d.chance(0.8)) {
            b.append(slots.fill(d.pick(PhraseBank.EMAIL_OPENING))).append("\n\n");
        }
        int i = 0;
        while (i < lines.size()) {
            int n = Math.min(lines.size() - i, d.between(1, 3));
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    b.append(' ');
                }
                b.append(lines.get(i + k).text());
            }
            i += n;
            b.append("\n\n");
        }
        b.append(slots.fill(d.pick(PhraseBank.EMAIL_CLOSING))).append("\n\n");
        b.append(d.pick(PhraseBank.SIGN_OFF)).append(",\n").append(scene.customer()).append('\n')
                .append(scene.customerTitle()).append(d.chance(0.5) ? ", " : " | ").append(scene.company());
        if (d.chance(0.3)) {
            b.append("\n\nOn ").append(d.pick(PhraseBank.WEEKDAYS)).append(' ').append(slots.dayText(scene.day() - d.between(2, 12)))
                    .append(", ").append(scene.csm()).append(" wrote:\n> Hi ").append(NameBank.firstName(scene.customer()))
                    .append(",\n> ").append(slots.fill(d.pick(PhraseBank.QUOTED_CSM)));
        }
        return new Composed(subject, b.toString());
    }

    private static Composed call(SceneSlots slots, List<Statement> lines, Draws d) {
        SceneSlots.Scene scene = slots.scene();
        boolean named = d.chance(0.3);
        String csm = named ? "CSM (" + NameBank.firstName(scene.csm()) + "): " : "CSM: ";
        String customer = named ? "Customer (" + NameBank.firstName(scene.customer()) + "): " : "Customer: ";
        StringBuilder b = new StringBuilder(1024);
        b.append(d.pick(PhraseBank.CALL_TITLES)).append(" - ").append(slots.dayText(scene.day())).append(" (")
                .append(d.between(15, 55)).append(" min)\n");
        b.append("Attendees: ").append(scene.csm()).append(" (CSM), ").append(scene.customer()).append(" (")
                .append(scene.customerTitle()).append(", ").append(scene.company()).append(")\n\n");
        b.append(csm).append(slots.fill(d.pick(PhraseBank.CSM_GREETING))).append('\n');
        b.append(customer).append(slots.fill(d.pick(PhraseBank.CUSTOMER_GREETING))).append('\n');
        b.append(csm).append(slots.fill(d.pick(PhraseBank.CSM_OPENER))).append('\n');
        int i = 0;
        String lastAck = null;
        while (i < lines.size()) {
            int n = Math.min(lines.size() - i, d.chance(0.55) ? 1 : 2);
            Mood mood = Mood.PLAIN;
            b.append(customer);
            for (int k = 0; k < n; k++) {
                Statement s = lines.get(i + k);
                if (k > 0) {
                    b.append(' ');
                }
                b.append(s.text());
                if (s.mood() == Mood.BAD || (s.mood() == Mood.GOOD && mood == Mood.PLAIN)) {
                    mood = s.mood();
                }
            }
            b.append('\n');
            i += n;
            if (i < lines.size()) {
                String ack = ack(mood, slots, d);
                if (ack.equals(lastAck)) {
                    ack = slots.fill(d.pick(PhraseBank.CSM_FOLLOW_UP));
                }
                lastAck = ack;
                b.append(csm).append(ack).append('\n');
            }
        }
        b.append(csm).append(slots.fill(d.pick(PhraseBank.CSM_NEXT_STEPS))).append('\n');
        b.append(customer).append(slots.fill(d.pick(PhraseBank.CUSTOMER_BYE)));
        return new Composed(null, b.toString());
    }

    private static String ack(Mood mood, SceneSlots slots, Draws d) {
        String ack = switch (mood) {
            case GOOD -> d.pick(PhraseBank.CSM_ACK_POSITIVE);
            case BAD -> d.pick(PhraseBank.CSM_ACK_NEGATIVE);
            case PLAIN -> d.pick(PhraseBank.CSM_ACK_NEUTRAL);
        };
        if (d.chance(mood == Mood.BAD ? 0.5 : 0.25)) {
            ack = ack + " " + d.pick(PhraseBank.CSM_FOLLOW_UP);
        }
        return slots.fill(ack);
    }

    private static Composed ticket(ConversationLabels labels, SceneSlots slots, List<Statement> lines, Draws d) {
        SceneSlots.Scene scene = slots.scene();
        String title = slots.fill(d.pick(PhraseBank.TICKET_TITLE));
        String priority = switch (labels.sentiment()) {
            case ESCALATING -> "P1";
            case NEGATIVE -> d.chance(0.6) ? "P2" : "P3";
            default -> d.chance(0.6) ? "P3" : "P4";
        };
        StringBuilder b = new StringBuilder(1024);
        b.append("Case ");
        RecordIds.pad(b, d.between(100_000, 9_999_999), 8);
        b.append(": ").append(title).append('\n');
        b.append("Priority: ").append(priority).append(" | Submitted via ")
                .append(d.pick(new String[] {"portal", "email", "chat", "phone"})).append(" by ").append(scene.customer())
                .append("\n\nDescription:\n").append(slots.fill(d.pick(PhraseBank.TICKET_PROBLEM)));
        int split = lines.isEmpty() ? 0 : d.between((lines.size() + 1) / 2, lines.size());
        for (int i = 0; i < split; i++) {
            b.append(' ').append(lines.get(i).text());
        }
        b.append("\n\nAgent (").append(NameBank.forUser(d.between(1, 5_000))).append("): ")
                .append(slots.fill(d.pick(PhraseBank.AGENT_REPLY)));
        b.append("\n\nCustomer: ");
        if (split < lines.size()) {
            for (int i = split; i < lines.size(); i++) {
                if (i > split) {
                    b.append(' ');
                }
                b.append(lines.get(i).text());
            }
        } else {
            b.append(d.pick(new String[] {"Thanks, I'll check and confirm.", "Okay, will try that.", "Noted, thanks.",
                "Thanks for the update."}));
        }
        return new Composed(title, b.toString());
    }

    private static String subject(ConversationLabels labels, SceneSlots slots, Draws d) {
        if (d.chance(0.7)) {
            if (labels.intents().contains(Intent.CANCELLATION)) {
                return d.pick(new String[] {"Contract end", "Our subscription", "Notice regarding our contract",
                    "Next steps on our account"});
            }
            if (labels.sentiment() == Sentiment.ESCALATING) {
                return slots.fill(d.pick(new String[] {"URGENT: {feature} down", "Escalation", "Outage follow-up",
                    "Need help today"}));
            }
            if (labels.intents().contains(Intent.PLANNING_TO_RENEW)) {
                return d.pick(new String[] {"Renewal paperwork", "Re: renewal quote", "Contract renewal", "Renewal timing"});
            }
            if (labels.intents().contains(Intent.EXPANSION_INTEREST)) {
                return slots.fill(d.pick(new String[] {"More seats", "Pricing for additional licences", "Expansion question",
                    "Adding the {team} team"}));
            }
            if (labels.flags().contains(RiskFlag.SECURITY_COMPLIANCE_CONCERN)) {
                return d.pick(new String[] {"Security questionnaire", "Compliance question", "Audit request"});
            }
            if (labels.flags().contains(RiskFlag.CHAMPION_LEAVING)) {
                return d.pick(new String[] {"Handover", "Change of contact", "Team change"});
            }
            if (labels.flags().contains(RiskFlag.BUDGET_CUTS)) {
                return d.pick(new String[] {"Budget update", "Spend review", "Planning for next year"});
            }
            if (labels.flags().contains(RiskFlag.MERGER_OR_CONSOLIDATION)) {
                return d.pick(new String[] {"News from our side", "Acquisition update", "Changes at the company"});
            }
            if (labels.flags().contains(RiskFlag.EXECUTIVE_CHANGE)) {
                return d.pick(new String[] {"Leadership changes", "New sponsor on our side", "Org update"});
            }
            if (labels.intents().contains(Intent.FRUSTRATED_WITH_FEATURE)) {
                return slots.fill(d.pick(new String[] {"Issue with the {feature}", "{feature} again", "Feedback on the {feature}"}));
            }
        }
        return slots.fill(d.pick(new String[] {"Quick question", "Follow-up", "Catching up", "Re: next steps",
            "Agenda for {weekday}", "Checking in", "Re: our last call", "A few updates", "Question about the {report}"}));
    }

    private static Statement statement(SceneSlots slots, Draws d, String[] bank, String[] detail, Mood mood) {
        String s = hedged(slots, d.pick(bank), d);
        if (detail != null && d.chance(0.4)) {
            s = s + " " + slots.fill(d.pick(detail));
        }
        return new Statement(s, mood);
    }

    /**
     * Fills a template and sometimes prefixes a hedge ("To be honest, ..."), lower-casing the first word
     * unless it is a slot (a name), "I", or an acronym.
     */
    private static String hedged(SceneSlots slots, String template, Draws d) {
        String s = slots.fill(template);
        if (!d.chance(0.18) || template.length() < 2) {
            return s;
        }
        String h = d.pick(HEDGES);
        char first = template.charAt(0);
        boolean keepCase = h.endsWith(":") || first == '{' || !Character.isUpperCase(first)
                || !Character.isLowerCase(template.charAt(1)) || template.startsWith("I ") || template.startsWith("I'");
        return h + " " + (keepCase ? s : Character.toLowerCase(first) + s.substring(1));
    }

    private static List<String> distinct(String[] bank, int n, Draws d) {
        int k = Math.min(n, bank.length);
        int[] idx = new int[bank.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        List<String> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int j = i + d.below(bank.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            out.add(bank[idx[i]]);
        }
        return out;
    }

    private static <T> void shuffle(List<T> list, Draws d) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = d.below(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static String[] intentBank(Intent i) {
        return switch (i) {
            case PLANNING_TO_RENEW -> PhraseBank.PLANNING_TO_RENEW;
            case EVALUATING_ALTERNATIVES -> PhraseBank.EVALUATING_ALTERNATIVES;
            case EXPANSION_INTEREST -> PhraseBank.EXPANSION_INTEREST;
            case FRUSTRATED_WITH_FEATURE -> PhraseBank.FRUSTRATED_WITH_FEATURE;
            case CANCELLATION -> PhraseBank.CANCELLATION;
        };
    }

    private static String[] intentDetail(Intent i) {
        return switch (i) {
            case PLANNING_TO_RENEW -> PhraseBank.PLANNING_TO_RENEW_DETAIL;
            case EVALUATING_ALTERNATIVES -> PhraseBank.EVALUATING_ALTERNATIVES_DETAIL;
            case EXPANSION_INTEREST -> PhraseBank.EXPANSION_INTEREST_DETAIL;
            case FRUSTRATED_WITH_FEATURE -> PhraseBank.FRUSTRATED_WITH_FEATURE_DETAIL;
            case CANCELLATION -> PhraseBank.CANCELLATION_DETAIL;
        };
    }

    private static Mood intentMood(Intent i) {
        return switch (i) {
            case PLANNING_TO_RENEW, EXPANSION_INTEREST -> Mood.GOOD;
            default -> Mood.BAD;
        };
    }

    private static String[] flagBank(RiskFlag f) {
        return switch (f) {
            case CHAMPION_LEAVING -> PhraseBank.CHAMPION_LEAVING_SOON;
            case BUDGET_CUTS -> PhraseBank.BUDGET_CUTS;
            case MERGER_OR_CONSOLIDATION -> PhraseBank.MERGER_OR_CONSOLIDATION;
            case SECURITY_COMPLIANCE_CONCERN -> PhraseBank.SECURITY_COMPLIANCE_CONCERN;
            case EXECUTIVE_CHANGE -> PhraseBank.EXECUTIVE_CHANGE;
        };
    }

    private static String[] flagDetail(RiskFlag f) {
        return switch (f) {
            case CHAMPION_LEAVING -> PhraseBank.CHAMPION_LEAVING_DETAIL;
            case BUDGET_CUTS -> PhraseBank.BUDGET_CUTS_DETAIL;
            case MERGER_OR_CONSOLIDATION -> PhraseBank.MERGER_OR_CONSOLIDATION_DETAIL;
            case SECURITY_COMPLIANCE_CONCERN -> PhraseBank.SECURITY_COMPLIANCE_CONCERN_DETAIL;
            case EXECUTIVE_CHANGE -> PhraseBank.EXECUTIVE_CHANGE_DETAIL;
        };
    }

    private static String[] denialBank(String label) {
        return switch (label) {
            case "budget_cuts" -> PhraseBank.NOT_BUDGET_CUTS;
            case "evaluating_alternatives" -> PhraseBank.NOT_ALTERNATIVES;
            case "cancellation" -> PhraseBank.NOT_CANCELLATION;
            case "champion_leaving" -> PhraseBank.NOT_CHAMPION_LEAVING;
            case "merger_or_consolidation" -> PhraseBank.NOT_MERGER;
            case "executive_change" -> PhraseBank.NOT_EXECUTIVE_CHANGE;
            case "security_compliance_concern" -> PhraseBank.NOT_SECURITY;
            case "expansion_interest" -> PhraseBank.NOT_EXPANSION;
            case "frustrated_with_feature" -> PhraseBank.NOT_FRUSTRATED;
            default -> throw new IllegalArgumentException("no denial for " + label);
        };
    }
}
