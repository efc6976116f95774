package io.healthscore.domain.conversations;

import io.healthscore.domain.facts.ConversationSignal;
import io.healthscore.domain.facts.ConversationSignal.Intent;
import io.healthscore.domain.facts.ConversationSignal.RiskFlag;
import io.healthscore.domain.facts.ConversationSignal.Sentiment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts sentiment, intents and risk flags with phrase patterns, no model and no network: the local
 * run's default, and the fallback where Bedrock is not enabled. A match counts unless a negation
 * ("not", "no", "never", "n't", "without") stands shortly before it in the same clause. Every label
 * carries the character span of the phrase that raised it.
 */
public final class OfflineExtractor implements SignalExtractor {

    public static final String ID = "offline";
    public static final String RULES_VERSION = "rules-2026.11";

    private static final int NEGATION_WINDOW = 32;
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(not|no|never|none|nothing|without|neither|nor|hardly)\\b|n't\\b|\\bno longer\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.!?;\\n]|\\bbut\\b|\\bhowever\\b", Pattern.CASE_INSENSITIVE);

    private record Rule(String label, Pattern pattern) {
    }

    private static Rule rule(String label, String... phrases) {
        return new Rule(label, Pattern.compile("\\b(?:" + String.join("|", phrases) + ")", Pattern.CASE_INSENSITIVE));
    }

    private static final List<Rule> FLAGS = List.of(
            rule("risk_flag:champion_leaving",
                    "(?:is|am|are|'s|'m) (?:leaving|moving on|stepping down|departing)",
                    "(?:last|final) (?:day|week) (?:here|at|with)", "(?:new|another) (?:role|job|position|opportunity) (?:at|with|outside|elsewhere)",
                    "resign(?:ed|ing|s)?\\b", "handing over (?:my|the) (?:responsibilities|role|account)", "(?:will|to) be (?:leaving|departing)",
                    "left the company", "no longer (?:be )?(?:with|at) (?:the company|us)", "my replacement", "(?:our|my) successor"),
            rule("risk_flag:budget_cuts",
                    "budget (?:cut|cuts|freeze|reduction|reductions|pressure|constraints?|review)", "cost[- ](?:cutting|reduction|savings?)",
                    "(?:cut|cutting|reduce|reducing|trim|trimming) (?:costs|spend|spending|our spend|the budget)",
                    "(?:finance|cfo) (?:is|are|has) (?:asking|pushing|looking)", "tighten(?:ing)? (?:our|the) belt", "spending freeze",
                    "headcount (?:cuts|reduction|freeze)", "lay ?offs?\\b"),
            rule("risk_flag:merger_or_consolidation",
                    "(?:acquired|acquisition|merger|merging|merged)\\b", "vendor consolidation", "consolidat(?:e|ing|ion) (?:vendors|tools|tooling|platforms|our stack)",
                    "parent company", "new owners?\\b", "standardi[sz](?:e|ing) on"),
            rule("risk_flag:security_compliance_concern",
                    "security (?:review|concern|concerns|questionnaire|audit|incident|team)", "compliance (?:review|concern|concerns|requirements?|audit)",
                    "soc ?2", "iso ?27001", "gdpr", "hipaa", "data residency", "penetration test", "pen ?test", "vulnerabilit(?:y|ies)",
                    "data (?:breach|leak)"),
            rule("risk_flag:executive_change",
                    "new (?:ceo|cfo|cto|cio|coo|vp|head|leadership|executive|exec|director|management)", "leadership change",
                    "reorg(?:anisation|anization)?\\b", "restructur(?:e|ing)", "(?:ceo|cfo|cto|cio|vp) (?:has )?(?:left|departed|stepped down|is leaving)",
                    "(?:under|with) new management"));

    private static final List<Rule> INTENTS = List.of(
            rule("intent:planning_to_renew",
                    "(?:plan|planning|intend|intending|looking forward|expect|expecting|happy|ready) to (?:renew|extend|sign)",
                    "renewal (?:is|looks) (?:on track|fine|good|straightforward|a formality)", "(?:will|we'll|going to) renew",
                    "(?:send|sending) (?:over )?the renewal", "sign(?:ing)? (?:the|our) renewal"),
            rule("intent:evaluating_alternatives",
                    "(?:evaluat|assess|compar|look)(?:e|es|ing|ed)? (?:at )?(?:other|alternative|competing|different) (?:vendors|tools|solutions|options|platforms|products)",
                    "alternatives?\\b", "competitors?\\b", "(?:rfp|request for proposal)", "(?:demo|trial|pilot) (?:of|with) (?:another|a competing|a different)",
                    "shopping around", "other vendors", "switch(?:ing)? (?:to|vendors|providers)"),
            rule("intent:expansion_interest",
                    "(?:more|additional|extra) (?:seats|licen[cs]es|users|modules)", "(?:expand|expanding|expansion|upgrade|upgrading|scale up|scaling up|roll(?:ing)? (?:it )?out to)",
                    "(?:add|adding) (?:another )?(?:team|department|business unit|region|seats)", "(?:enterprise|premium|higher) (?:tier|plan|edition)",
                    "upsell", "(?:other|more) teams want"),
            rule("intent:frustrated_with_feature",
                    "(?:frustrat|annoy|disappoint)(?:ed|ing|s)? (?:with|by|about)", "(?:keeps|keep) (?:breaking|crashing|failing|timing out)",
                    "(?:doesn't|does not|don't|do not) work", "(?:broken|buggy|unusable|clunky|slow)\\b", "(?:still|again) (?:broken|failing|not working)",
                    "workaround"),
            rule("intent:cancellation",
                    "cancel(?:l?ing|l?ed|lation)?\\b", "terminat(?:e|ing|ion)\\b", "(?:not|won't|will not) (?:be )?renew(?:ing)?",
                    "(?:end|ending) (?:our|the) (?:contract|subscription|agreement)", "churn(?:ing)?\\b", "(?:notice|intent) (?:of|to) (?:non-renewal|cancel)",
                    "(?:wind|winding) down (?:our|the) (?:use|usage|account)"));

    /** Intents whose own wording is negative ("will not renew"): they are not subject to the negation rule. */
    private static final Pattern SELF_NEGATING = Pattern.compile("(?:not|won't|will not)\\s", Pattern.CASE_INSENSITIVE);

    private static final Pattern POSITIVE = Pattern.compile("\\b(?:great|love|loving|excellent|fantastic|happy|pleased|delighted|"
            + "thank(?:s| you)|appreciate|helpful|smooth(?:ly)?|impressed|valuable|wonderful|awesome|glad|satisfied|success(?:ful)?|"
            + "works? (?:well|great)|big win|exactly what we need)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile("\\b(?:disappoint(?:ed|ing)|frustrat(?:ed|ing)|unhappy|annoy(?:ed|ing)|"
            + "problem(?:s)?|issue(?:s)?|concern(?:ed|s)?|poor|bad|worse|terrible|slow|broken|buggy|fail(?:ed|ing|s|ure)?|"
            + "complain(?:t|ts|ing)?|upset|not happy|struggl(?:e|ing)|painful|waste)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ESCALATION = Pattern.compile("\\b(?:escalat(?:e|ed|ing|ion)|unacceptable|furious|outrage(?:d|ous)?|"
            + "legal (?:team|action)|lawyers?|breach of contract|final warning|(?:involve|looping in|cc'?ing) (?:our|my) (?:ceo|cfo|cio|cto|vp)|"
            + "demand (?:a|an) (?:refund|explanation)|this is the last straw|fed up)\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String promptVersion() {
        return RULES_VERSION;
    }

    @Override
    public int estimateTokens(Conversation conversation) {
        return 0;
    }

    @Override
    public Extraction extract(Conversation c) {
        String text = c.text() == null ? "" : c.text();
        List<Evidence> evidence = new ArrayList<>();
        EnumSet<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
        EnumSet<Intent> intents = EnumSet.noneOf(Intent.class);
        for (Rule r : FLAGS) {
            int[] span = firstAffirmed(r.pattern(), text, false);
            if (span != null) {
                flags.add(RiskFlag.valueOf(r.label().substring("risk_flag:".length()).toUpperCase(Locale.ROOT)));
                evidence.add(new Evidence(r.label(), span[0], span[1]));
            }
        }
        for (Rule r : INTENTS) {
            int[] span = firstAffirmed(r.pattern(), text, r.label().equals("intent:cancellation"));
            if (span != null) {
                intents.add(Intent.valueOf(r.label().substring("intent:".length()).toUpperCase(Locale.ROOT)));
                evidence.add(new Evidence(r.label(), span[0], span[1]));
            }
        }
        if (intents.contains(Intent.CANCELLATION)) {
            intents.remove(Intent.PLANNING_TO_RENEW);
            evidence.removeIf(e -> e.label().equals("intent:planning_to_renew"));
        }
        int pos = countAffirmed(POSITIVE, text);
        int neg = countAffirmed(NEGATIVE, text) + flags.size() + (intents.contains(Intent.CANCELLATION) ? 2 : 0)
                + (intents.contains(Intent.FRUSTRATED_WITH_FEATURE) ? 1 : 0);
        int[] esc = firstAffirmed(ESCALATION, text, false);
        Sentiment sentiment;
        if (esc != null) {
            sentiment = Sentiment.ESCALATING;
            evidence.add(new Evidence("sentiment:escalating", esc[0], esc[1]));
        } else if (neg >= pos + 2 || (neg > pos && neg >= 2)) {
            sentiment = Sentiment.NEGATIVE;
        } else if (pos >= neg + 2 || (pos > neg && pos >= 2)) {
            sentiment = Sentiment.POSITIVE;
        } else {
            sentiment = Sentiment.NEUTRAL;
        }
        double confidence = Math.min(0.9, 0.5 + 0.1 * evidence.size() + 0.05 * Math.abs(pos - neg));
        ConversationSignal signal = new ConversationSignal(c.conversationId(), c.occurredOn(), sentiment, intents, flags,
                confidence);
        return new Extraction(c.conversationId(), c.accountId(), c.contentHash(), signal, evidence, ID, RULES_VERSION,
                0, 0, null);
    }

    /** Span of the first match not negated in its clause, or null. */
    private static int[] firstAffirmed(Pattern p, String text, boolean selfNegatingAllowed) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            if ((selfNegatingAllowed && SELF_NEGATING.matcher(m.group()).lookingAt()) || !negated(text, m.start())) {
                return new int[] {m.start(), m.end()};
            }
        }
        return null;
    }

    private static int countAffirmed(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            if (!negated(text, m.start())) {
                n++;
            }
        }
        return n;
    }

    /** A negation within the window before the match, with no clause break between them. */
    private static boolean negated(String text, int start) {
        int from = Math.max(0, start - NEGATION_WINDOW);
        String before = text.substring(from, start);
        Matcher brk = CLAUSE_BREAK.matcher(before);
        int clauseStart = 0;
        while (brk.find()) {
            clauseStart = brk.end();
        }
        return NEGATION.matcher(before.substring(clauseStart)).find();
    }
}
