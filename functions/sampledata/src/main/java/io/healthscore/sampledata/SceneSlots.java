package io.healthscore.sampledata;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The people, names and dates of one conversation, and the filling of {@code {slot}} marks in
 * templates. A slot drawn once keeps its value for the whole conversation, so a feature or competitor
 * named twice is the same one.
 */
final class SceneSlots {

    /**
     * The cast and setting of a conversation.
     *
     * @param company       customer company name
     * @param csm           CSM full name
     * @param customer      full name of the customer speaking
     * @param customerTitle their job title
     * @param champion      full name of the champion, null when none is in place
     * @param other         full name of another contact at the customer
     * @param acquirer      the acquiring company for this account
     * @param day           epoch day of the conversation
     * @param renewalDay    epoch day of the next renewal, or 0 when unknown
     * @param seatsHint     a plausible number of extra seats for this account
     */
    record Scene(String company, String csm, String customer, String customerTitle, String champion, String other,
                 String acquirer, long day, long renewalDay, int seatsHint) {
    }

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private final Scene scene;
    private final Draws d;
    /** Values drawn so far, by slot name; looked up, never iterated. */
    private final Map<String, String> drawn = new HashMap<>(8);

    SceneSlots(Scene scene, Draws d) {
        this.scene = scene;
        this.d = d;
    }

    Scene scene() {
        return scene;
    }

    String fill(String template) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder b = new StringBuilder(template.length() + 40);
        fill(template, b);
        return b.toString();
    }

    void fill(String template, StringBuilder out) {
        int i = 0;
        int n = template.length();
        while (i < n) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, n);
                return;
            }
            out.append(template, i, open);
            int close = template.indexOf('}', open);
            out.append(value(template.substring(open + 1, close)));
            i = close + 1;
        }
    }

    String feature() {
        return once("feature", PhraseBank.FEATURES);
    }

    String value(String slot) {
        return switch (slot) {
            case "feature" -> feature();
            case "feature2" -> otherFeature();
            case "capability" -> once(slot, PhraseBank.CAPABILITIES);
            case "competitor" -> once(slot, PhraseBank.COMPETITORS);
            case "term" -> once(slot, PhraseBank.TERMS);
            case "approver" -> once(slot, PhraseBank.APPROVERS);
            case "team" -> once(slot, PhraseBank.TEAMS);
            case "region" -> once(slot, PhraseBank.REGIONS);
            case "addon" -> once(slot, PhraseBank.ADDONS);
            case "tier" -> once(slot, PhraseBank.TIERS);
            case "city" -> once(slot, PhraseBank.CITIES);
            case "dept" -> once(slot, PhraseBank.DEPARTMENTS);
            case "issue" -> once(slot, PhraseBank.ISSUES);
            case "control" -> once(slot, PhraseBank.CONTROLS);
            case "weekday" -> once(slot, PhraseBank.WEEKDAYS);
            case "report" -> once(slot, PhraseBank.REPORTS);
            case "percent" -> drawn.computeIfAbsent(slot, k -> (5 * d.between(2, 8)) + "%");
            case "quarter" -> drawn.computeIfAbsent(slot, k -> "Q" + d.between(1, 4));
            case "newexec" -> drawn.computeIfAbsent(slot, k -> NameBank.person(d));
            case "date" -> drawn.computeIfAbsent(slot, k -> dayText(scene.day() + d.between(3, 30)));
            case "month" -> month();
            case "seats" -> Integer.toString(scene.seatsHint());
            case "champion" -> scene.champion() == null ? "our admin" : scene.champion();
            case "other" -> scene.other();
            case "company" -> shortCompany();
            case "acquirer" -> scene.acquirer();
            case "csm" -> NameBank.firstName(scene.csm());
            case "customer" -> NameBank.firstName(scene.customer());
            // drawn afresh each time: several in one text read naturally
            case "n" -> Integer.toString(d.between(2, 9));
            case "hours" -> Integer.toString(d.pick(new Integer[] {4, 6, 12, 24, 36, 48, 72}));
            case "time" -> d.pick(PhraseBank.TIMES);
            default -> throw new IllegalArgumentException("unknown slot {" + slot + "}");
        };
    }

    private String once(String slot, String[] bank) {
        String v = drawn.get(slot);
        if (v == null) {
            v = d.pick(bank);
            drawn.put(slot, v);
        }
        return v;
    }

    /** A second feature, never the same as {feature}. */
    private String otherFeature() {
        String other = drawn.get("feature2");
        if (other == null) {
            String first = feature();
            do {
                other = d.pick(PhraseBank.FEATURES);
            } while (other.equals(first));
            drawn.put("feature2", other);
        }
        return other;
    }

    private String month() {
        long day = scene.renewalDay() > scene.day() ? scene.renewalDay() : scene.day() + 60;
        return MONTHS[LocalDate.ofEpochDay(day).getMonthValue() - 1];
    }

    private String shortCompany() {
        String c = scene.company();
        int comma = c.indexOf(',');
        if (comma > 0) {
            return c.substring(0, comma);
        }
        return c;
    }

    /** "March 14" or "14 March", varying like people write. */
    String dayText(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        String month = MONTHS[date.getMonthValue() - 1];
        return d.chance(0.5) ? month + " " + date.getDayOfMonth() : date.getDayOfMonth() + " " + month;
    }
}
