package io.healthscore.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ground truth agrees with the tables: events, contacts, labels, outcomes and latent health. */
class GroundTruthTest {

    private static Path dir;
    private static Map<String, Map<String, String>> truth;
    private static Map<String, List<JsonNode>> labelsByAccount;

    @BeforeAll
    static void load() {
        dir = SampleBooks.standard().directory();
        truth = new HashMap<>();
        SampleBooks.csv(dir.resolve("ground-truth/accounts.csv")).forEach(t -> truth.put(t.get("account_id"), t));
        labelsByAccount = new HashMap<>();
        for (JsonNode l : SampleBooks.jsonLines(dir.resolve("ground-truth/conversation_labels.jsonl"))) {
            labelsByAccount.computeIfAbsent(l.get("account_id").asText(), k -> new ArrayList<>()).add(l);
        }
    }

    @Test
    void theChampionLeavesOnTheChampionEvent() {
        Map<String, List<Map<String, String>>> contacts = new HashMap<>();
        SampleBooks.csv(dir.resolve("crm_contacts.csv"))
                .forEach(c -> contacts.computeIfAbsent(c.get("account_id"), k -> new ArrayList<>()).add(c));
        List<Map<String, String>> events = events("champion_left");
        assertThat(events).hasSizeGreaterThan(30);
        for (Map<String, String> e : events) {
            assertThat(contacts.get(e.get("account_id")))
                    .as("contacts of %s", e.get("account_id"))
                    .anySatisfy(c -> {
                        assertThat(c.get("role")).isEqualTo("champion");
                        assertThat(c.get("left_company")).isEqualTo("true");
                        assertThat(c.get("left_on")).isEqualTo(e.get("event_date"));
                    });
        }
    }

    @Test
    void championEventsAreTalkedAboutAndChampionFlagsComeFromThem() {
        assertFlagFollowsEvent("champion_left", "champion_leaving", 0.75);
    }

    @Test
    void budgetCutsAreTalkedAboutAroundTheBudgetEvent() {
        assertFlagFollowsEvent("budget_cut", "budget_cuts", 0.6);
    }

    @Test
    void acquisitionsAndExecutiveChangesAreTalkedAbout() {
        assertFlagFollowsEvent("acquisition", "merger_or_consolidation", 0.6);
        assertFlagFollowsEvent("executive_change", "executive_change", 0.6);
    }

    @Test
    void churnFollowsLowLatentHealthBeforeTheRenewal() {
        Map<String, List<Double>> byOutcome = new HashMap<>();
        for (Map<String, String> r : SampleBooks.csv(dir.resolve("ground-truth/renewals.csv"))) {
            byOutcome.computeIfAbsent(r.get("outcome"), k -> new ArrayList<>()).add(Double.parseDouble(r.get("latent_health_before")));
        }
        double churned = mean(byOutcome.get("churned"));
        double downgraded = mean(byOutcome.get("downgraded"));
        double renewed = mean(byOutcome.get("renewed"));
        assertThat(churned).isLessThan(downgraded - 0.05);
        assertThat(downgraded).isLessThan(renewed - 0.05);
        assertThat(renewed - churned).isGreaterThan(0.25);
    }

    @Test
    void outcomesMatchTheCrmAndTheGroundTruth() {
        List<Map<String, String>> outcomes = SampleBooks.csv(dir.resolve("renewal_outcomes.csv"));
        List<Map<String, String>> renewals = SampleBooks.csv(dir.resolve("ground-truth/renewals.csv"));
        assertThat(outcomes).hasSameSizeAs(renewals);
        Map<String, String> churnedOn = new HashMap<>();
        SampleBooks.csv(dir.resolve("crm_accounts.csv")).forEach(a -> churnedOn.put(a.get("account_id"), a.get("churned_on")));
        for (int i = 0; i < outcomes.size(); i++) {
            Map<String, String> o = outcomes.get(i);
            assertThat(o.get("account_id")).isEqualTo(renewals.get(i).get("account_id"));
            assertThat(o.get("outcome")).isEqualTo(renewals.get(i).get("outcome"));
            assertThat(o.get("opportunity_id")).startsWith("006");
            double amount = Double.parseDouble(o.get("amount"));
            double previous = Double.parseDouble(o.get("previous_amount"));
            switch (o.get("outcome")) {
                case "churned" -> {
                    assertThat(churnedOn.get(o.get("account_id"))).isEqualTo(o.get("renewal_date"));
                    assertThat(truth.get(o.get("account_id")).get("churned_on")).isEqualTo(o.get("renewal_date"));
                }
                case "downgraded" -> assertThat(amount).isLessThan(previous);
                default -> assertThat(amount).isGreaterThanOrEqualTo(previous * 0.999);
            }
        }
    }

    @Test
    void cancellationIsSaidMostlyByAccountsThatChurn() {
        int cancelling = 0;
        int churning = 0;
        for (Map.Entry<String, List<JsonNode>> e : labelsByAccount.entrySet()) {
            boolean said = e.getValue().stream().anyMatch(l -> SampleBooks.textList(l.get("intents")).contains("cancellation"));
            if (said) {
                cancelling++;
                if (!truth.get(e.getKey()).get("churned_on").isEmpty()
                        || Double.parseDouble(truth.get(e.getKey()).get("latent_health_end")) < 0.4) {
                    churning++;
                }
            }
        }
        assertThat(cancelling).isPositive();
        assertThat((double) churning / cancelling).isGreaterThan(0.8);
    }

    private void assertFlagFollowsEvent(String eventType, String flag, double minShare) {
        int near = 0;
        int flagged = 0;
        for (Map<String, String> e : events(eventType)) {
            LocalDate day = LocalDate.parse(e.get("event_date"));
            List<JsonNode> around = labelsByAccount.getOrDefault(e.get("account_id"), List.of()).stream()
                    .filter(l -> Math.abs(daysBetween(day, l)) <= 60 && !l.get("channel").asText().equals("ticket")).toList();
            if (around.size() < 2) {
                continue;
            }
            near++;
            if (around.stream().anyMatch(l -> SampleBooks.textList(l.get("risk_flags")).contains(flag))) {
                flagged++;
            }
        }
        assertThat(near).as("%s events with conversations around them", eventType).isGreaterThan(10);
        assertThat((double) flagged / near).as("share of %s events flagged %s", eventType, flag).isGreaterThan(minShare);

        // precision: the flag is (almost) only raised around such an event
        int all = 0;
        int explained = 0;
        for (Map.Entry<String, List<JsonNode>> a : labelsByAccount.entrySet()) {
            Map<String, String> t = truth.get(a.getKey());
            for (JsonNode l : a.getValue()) {
                if (!SampleBooks.textList(l.get("risk_flags")).contains(flag)) {
                    continue;
                }
                all++;
                if (t.get("event_type").equals(eventType)
                        && Math.abs(daysBetween(LocalDate.parse(t.get("event_date")), l)) <= 90) {
                    explained++;
                }
            }
        }
        double precision = flag.equals("budget_cuts") ? 0.6 : 0.97;
        assertThat((double) explained / all).as("share of %s flags explained by a %s event", flag, eventType)
                .isGreaterThan(precision);
    }

    private static long daysBetween(LocalDate day, JsonNode label) {
        return ChronoUnit.DAYS.between(day, LocalDate.parse(label.get("occurred_at").asText().substring(0, 10)));
    }

    private static List<Map<String, String>> events(String type) {
        return truth.values().stream().filter(t -> t.get("event_type").equals(type)).toList();
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
