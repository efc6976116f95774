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

    /**
     * A label, its pattern, and stems: lower-case substrings of which every alternative of the pattern
     * contains at least one. The pattern runs only on texts holding a stem, which skips most rules for
     * most conversations (alternations are tried at every position, so the regex is the cost).
     */
    private record Rule(String label, Pattern pattern, Pattern lowerPattern, String[] stems) {
        boolean mayMatch(String lowerText) {
            for (String stem : stems) {
                if (lowerText.contains(stem)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Rule rule(String label, String stems, String... phrases) {
        String source = "\\b(?:" + String.join("|", phrases) + ")";
        return new Rule(label, Pattern.compile(source, Pattern.CASE_INSENSITIVE), Pattern.compile(source), stems.split(","));
    }

    private static final List<Rule> FLAGS = List.of(
            rule("risk_flag:champion_leaving", "leaving,moving on,stepping down,departing,last day,last week,final day,final week,new role,new job,new position,new opportunit,another role,another job,another position,another opportunit,resign,handing over,left the company,no longer,replacement,successor",
                    "(?:is|am|are|'s|'m) (?:leaving|moving on|stepping down|departing)",
                    "(?:last|final) (?:day|week) (?:here|at|with)", "(?:new|another) (?:role|job|position|opportunity) (?:at|with|outside|elsewhere)",
                    "resign(?:ed|ing|s)?\\b", "handing over (?:my|the) (?:responsibilities|role|account)", "(?:will|to) be (?:leaving|departing)",
                    "left the company", "no longer (?:be )?(?:with|at) (?:the company|us)", "my replacement", "(?:our|my) successor"),
            rule("risk_flag:budget_cuts", "budget,cost,spend,finance,cfo,belt,freeze,headcount,layoff,lay off",
                    "budget (?:cut|cuts|freeze|reduction|reductions|pressure|constraints?|review)", "cost[- ](?:cutting|reduction|savings?)",
                    "(?:cut|cutting|reduce|reducing|trim|trimming) (?:costs|spend|spending|our spend|the budget)",
                    "(?:finance|cfo) (?:is|are|has) (?:asking|pushing|looking)", "tighten(?:ing)? (?:our|the) belt", "spending freeze",
                    "headcount (?:cuts|reduction|freeze)", "lay ?offs?\\b"),
            rule("risk_flag:merger_or_consolidation", "acqui,merg,consolidat,parent company,new owner,standardi",
                    "(?:acquired|acquisition|merger|merging|merged)\\b", "vendor consolidation", "consolidat(?:e|ing|ion) (?:vendors|tools|tooling|platforms|our stack)",
                    "parent company", "new owners?\\b", "standardi[sz](?:e|ing) on"),
            rule("risk_flag:security_compliance_concern", "security,compliance,soc2,soc 2,iso27001,iso 27001,gdpr,hipaa,residency,penetration,pen test,pentest,vulnerabilit,data breach,data leak",
                    "security (?:review|concern|concerns|questionnaire|audit|incident|team)", "compliance (?:review|concern|concerns|requirements?|audit)",
                    "soc ?2", "iso ?27001", "gdpr", "hipaa", "data residency", "penetration test", "pen ?test", "vulnerabilit(?:y|ies)",
                    "data (?:breach|leak)"),
            rule("risk_flag:executive_change", "new c,new v,new h,new l,new e,new d,new m,leadership,reorg,restructur,ceo ,cfo ,cto ,cio ,vp ",
                    "new (?:ceo|cfo|cto|cio|coo|vp|head|leadership|executive|exec|director|management)", "leadership change",
                    "reorg(?:anisation|anization)?\\b", "restructur(?:e|ing)", "(?:ceo|cfo|cto|cio|vp) (?:has )?(?:left|departed|stepped down|is leaving)",
                    "(?:under|with) new management"));

    private static final List<Rule> INTENTS = List.of(
            rule("intent:planning_to_renew", "renew,to extend,to sign",
                    "(?:plan|planning|intend|intending|looking forward|expect|expecting|happy|ready) to (?:renew|extend|sign)",
                    "renewal (?:is|looks) (?:on track|fine|good|straightforward|a formality)", "(?:will|we'll|going to) renew",
                    "(?:send|sending) (?:over )?the renewal", "sign(?:ing)? (?:the|our) renewal"),
            rule("intent:evaluating_alternatives", "other v,other t,other s,other o,other p,alternative,competing,different v,different t,different s,different o,different p,competitor,rfp,request for proposal,of another,with another,a different,shopping around,switch",
                    "(?:evaluat|assess|compar|look)(?:e|es|ing|ed)? (?:at )?(?:other|alternative|competing|different) (?:vendors|tools|solutions|options|platforms|products)",
                    "alternatives?\\b", "competitors?\\b", "(?:rfp|request for proposal)", "(?:demo|trial|pilot) (?:of|with) (?:another|a competing|a different)",
                    "shopping around", "other vendors", "switch(?:ing)? (?:to|vendors|providers)"),
            rule("intent:expansion_interest", "seats,licen,users,modules,expan,upgrad,scale up,scaling up,out to,team,department,business unit,region,premium,higher t,higher p,higher e,enterprise t,enterprise p,enterprise e,upsell,teams want",
                    "(?:more|additional|extra) (?:seats|licen[cs]es|users|modules)", "(?:expand|expanding|expansion|upgrade|upgrading|scale up|scaling up|roll(?:ing)? (?:it )?out to)",
                    "(?:add|adding) (?:another )?(?:team|department|business unit|region|seats)", "(?:enterprise|premium|higher) (?:tier|plan|edition)",
                    "upsell", "(?:other|more) teams want"),
            rule("intent:frustrated_with_feature", "frustrat,annoy,disappoint,breaking,crashing,failing,timing out,t work,not working,broken,buggy,unusable,clunky,slow,workaround",
                    "(?:frustrat|annoy|disappoint)(?:ed|ing|s)? (?:with|by|about)", "(?:keeps|keep) (?:breaking|crashing|failing|timing out)",
                    "(?:doesn't|does not|don't|do not) work", "(?:broken|buggy|unusable|clunky|slow)\\b", "(?:still|again) (?:broken|failing|not working)",
                    "workaround"),
            rule("intent:cancellation", "cancel,terminat,t renew,t be renew,end our,end the,ending our,ending the,churn,non-renewal,wind",
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
    private static final Rule ESCALATION_RULE = new Rule("sentiment:escalating", ESCALATION, Pattern.compile(ESCALATION.pattern()),
            ("escalat,unacceptable,furious,outrage,legal team,legal action,lawyer,breach of contract,final warning,involve,"
                    + "looping in,cc,demand a,demand an,last straw,fed up").split(","));
    private static final Rule NEGATIVE_RULE = new Rule("sentiment:negative", NEGATIVE, Pattern.compile(NEGATIVE.pattern()),
            ("disappoint,frustrat,unhappy,annoy,problem,issue,concern,poor,bad,worse,terrible,slow,broken,buggy,fail,"
                    + "complain,upset,not happy,struggl,painful,waste").split(","));
    /** The single-word part of the lexicons, looked up word by word (one pass over the text). */
    private static final java.util.Set<String> POSITIVE_WORDS = java.util.Set.of("great", "love", "loving", "excellent",
            "fantastic", "happy", "pleased", "delighted", "thanks", "appreciate", "helpful", "smooth", "smoothly", "impressed",
            "valuable", "wonderful", "awesome", "glad", "satisfied", "success", "successful");
    private static final java.util.Set<String> NEGATIVE_WORDS = java.util.Set.of("disappointed", "disappointing",
            "frustrated", "frustrating", "unhappy", "annoyed", "annoying", "problem", "problems", "issue", "issues", "concern",
            "concerned", "concerns", "poor", "bad", "worse", "terrible", "slow", "broken", "buggy", "fail", "failed", "failing",
            "fails", "failure", "complain", "complaint", "complaints", "complaining", "upset", "struggle", "struggling",
            "painful", "waste");
    /** The multi-word part, scanned around its stems. */
    private static final Rule POSITIVE_PHRASES = rule("sentiment:positive", "thank you,work,big win,exactly what we need",
            "thank you", "works? (?:well|great)", "big win", "exactly what we need");
    private static final Rule NEGATIVE_PHRASES = rule("sentiment:negative", "not happy", "not happy");
    private static final Rule POSITIVE_RULE = new Rule("sentiment:positive", POSITIVE, Pattern.compile(POSITIVE.pattern()),
            ("great,lov,excellent,fantastic,happy,pleased,delight,thank,appreciate,helpful,smooth,impressed,valuable,"
                    + "wonderful,awesome,glad,satisfied,success,work,big win,exactly what we need").split(","));

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
        String lower = text.toLowerCase(Locale.ROOT);
        List<Evidence> evidence = new ArrayList<>();
        EnumSet<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
        EnumSet<Intent> intents = EnumSet.noneOf(Intent.class);
        boolean sameLength = lower.length() == text.length();
        for (Rule r : FLAGS) {
            int[] span = r.mayMatch(lower) ? firstAffirmed(r, text, lower, sameLength, false) : null;
            if (span != null) {
                flags.add(RiskFlag.valueOf(r.label().substring("risk_flag:".length()).toUpperCase(Locale.ROOT)));
                evidence.add(new Evidence(r.label(), span[0], span[1]));
            }
        }
        for (Rule r : INTENTS) {
            int[] span = r.mayMatch(lower) ? firstAffirmed(r, text, lower, sameLength, r.label().equals("intent:cancellation")) : null;
            if (span != null) {
                intents.add(Intent.valueOf(r.label().substring("intent:".length()).toUpperCase(Locale.ROOT)));
                evidence.add(new Evidence(r.label(), span[0], span[1]));
            }
        }
        if (intents.contains(Intent.CANCELLATION)) {
            intents.remove(Intent.PLANNING_TO_RENEW);
            evidence.removeIf(e -> e.label().equals("intent:planning_to_renew"));
        }
        int pos = sameLength ? countLexicon(lower, POSITIVE_WORDS) + countAffirmed(POSITIVE_PHRASES, lower)
                : countAffirmed(POSITIVE, text);
        int neg = (sameLength ? countLexicon(lower, NEGATIVE_WORDS) + countAffirmed(NEGATIVE_PHRASES, lower)
                : countAffirmed(NEGATIVE, text)) + flags.size() + (intents.contains(Intent.CANCELLATION) ? 2 : 0)
                + (intents.contains(Intent.FRUSTRATED_WITH_FEATURE) ? 1 : 0);
        int[] esc = ESCALATION_RULE.mayMatch(lower) ? firstAffirmed(ESCALATION_RULE, text, lower, sameLength, false) : null;
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

    /** Longest text a single alternative of a rule can match: the scan window around a stem. */
    private static final int WINDOW = 90;

    /**
     * First affirmed match of a rule: the pattern is run (case-sensitively, on the lower-cased text,
     * when lower-casing kept every offset) only in merged windows around the occurrences of its stems,
     * since every alternative contains a stem.
     */
    private static int[] firstAffirmed(Rule r, String text, String lower, boolean sameLength, boolean selfNegatingAllowed) {
        if (!sameLength) {
            return firstAffirmed(r.pattern(), text, selfNegatingAllowed);
        }
        int[][] windows = windows(r, lower);
        Matcher m = r.lowerPattern().matcher(lower).useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = 0; i < windows[0].length; i++) {
            m.region(windows[0][i], windows[1][i]);
            while (m.find()) {
                if ((selfNegatingAllowed && SELF_NEGATING.matcher(m.group()).lookingAt()) || !negated(lower, m.start())) {
                    return new int[] {m.start(), m.end()};
                }
            }
        }
        return null;
    }

    /** Words of the lower-cased text (runs of a-z) found in the lexicon and not negated in their clause. */
    private static int countLexicon(String lower, java.util.Set<String> lexicon) {
        int count = 0;
        int n = lower.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(lower.charAt(i))) {
                i++;
            }
            if (i > start && i - start <= 14 && lexicon.contains(lower.substring(start, i)) && !negated(lower, start)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Affirmed matches of a rule in the lower-cased text, scanning only the windows around its stems. */
    private static int countAffirmed(Rule r, String lower) {
        int[][] windows = windows(r, lower);
        Matcher m = r.lowerPattern().matcher(lower).useTransparentBounds(true).useAnchoringBounds(false);
        int count = 0;
        for (int i = 0; i < windows[0].length; i++) {
            m.region(windows[0][i], windows[1][i]);
            while (m.find()) {
                if (!negated(lower, m.start())) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Merged, ordered [from, to) windows of WINDOW characters around every stem occurrence. */
    private static int[][] windows(Rule r, String lower) {
        int n = lower.length();
        int[] starts = new int[8];
        int[] ends = new int[8];
        int k = 0;
        for (String stem : r.stems()) {
            for (int at = lower.indexOf(stem); at >= 0; at = lower.indexOf(stem, at + 1)) {
                if (k == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, k * 2);
                    ends = java.util.Arrays.copyOf(ends, k * 2);
                }
                starts[k] = Math.max(0, at - WINDOW);
                ends[k++] = Math.min(n, at + stem.length() + WINDOW);
            }
        }
        sortWindows(starts, ends, k);
        int merged = 0;
        for (int i = 0; i < k; i++) {
            if (merged > 0 && starts[i] <= ends[merged - 1]) {
                ends[merged - 1] = Math.max(ends[merged - 1], ends[i]);
            } else {
                starts[merged] = starts[i];
                ends[merged++] = ends[i];
            }
        }
        return new int[][] {java.util.Arrays.copyOf(starts, merged), java.util.Arrays.copyOf(ends, merged)};
    }

    private static void sortWindows(int[] starts, int[] ends, int k) {
        for (int i = 1; i < k; i++) {
            int s = starts[i];
            int e = ends[i];
            int j = i - 1;
            while (j >= 0 && starts[j] > s) {
                starts[j + 1] = starts[j];
                ends[j + 1] = ends[j];
                j--;
            }
            starts[j + 1] = s;
            ends[j + 1] = e;
        }
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
