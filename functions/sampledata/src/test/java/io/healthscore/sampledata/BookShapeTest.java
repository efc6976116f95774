package io.healthscore.sampledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mix and realism of a 2,000-account book. */
class BookShapeTest {

    private static GeneratedBook book;
    private static Path dir;
    private static List<Map<String, String>> accounts;
    private static Map<String, Map<String, String>> truth;

    @BeforeAll
    static void generate() {
        book = SampleBooks.standard();
        dir = book.directory();
        accounts = SampleBooks.csv(dir.resolve("crm_accounts.csv"));
        truth = new HashMap<>();
        for (Map<String, String> t : SampleBooks.csv(dir.resolve("ground-truth/accounts.csv"))) {
            truth.put(t.get("account_id"), t);
        }
    }

    @Test
    void segmentsAreAboutFiftyFiveThirtyFifteen() {
        Map<String, Long> bySegment = accounts.stream().collect(Collectors.groupingBy(a -> a.get("segment"), Collectors.counting()));
        double n = accounts.size();
        assertThat(bySegment.get("smb") / n).isCloseTo(0.55, within(0.04));
        assertThat(bySegment.get("mid_market") / n).isCloseTo(0.30, within(0.04));
        assertThat(bySegment.get("enterprise") / n).isCloseTo(0.15, within(0.03));
    }

    @Test
    void everyArchetypeIsPresentInPlausibleShares() {
        double n = book.accounts();
        Map<Archetype, Integer> mix = book.archetypes();
        assertThat(mix.get(Archetype.STABLE_HEALTHY) / n).isBetween(0.30, 0.46);
        assertThat(mix.get(Archetype.GRADUAL_DECLINE) / n).isBetween(0.10, 0.20);
        assertThat(mix.get(Archetype.SUDDEN_EVENT) / n).isBetween(0.08, 0.16);
        assertThat(mix.get(Archetype.RECOVERY) / n).isBetween(0.06, 0.14);
        assertThat(mix.get(Archetype.QUIET_HEALTHY) / n).isBetween(0.07, 0.16);
        assertThat(mix.get(Archetype.NOISY_ENTERPRISE) / n).isBetween(0.02, 0.07);
        assertThat(mix.get(Archetype.ONBOARDING) / n).isBetween(0.04, 0.10);
        assertThat(truth.values()).filteredOn(t -> t.get("archetype").equals("noisy_enterprise"))
                .allSatisfy(t -> assertThat(t.get("segment")).isEqualTo("enterprise"));
    }

    @Test
    void annualChurnIsTenToFifteenPercentOfTheBook() {
        double churnRate = (double) book.churnedAccounts() / book.accounts();
        // the window is 56 weeks: a little over a year of renewals
        assertThat(churnRate).isBetween(0.09, 0.16);
        long marked = accounts.stream().filter(a -> !a.get("churned_on").isEmpty()).count();
        assertThat(marked).isEqualTo(book.churnedAccounts());
    }

    @Test
    void aFewPercentAreSparseWithNoUsageFeedSurveysInvoicesOrConversations() {
        Set<String> sparse = truth.values().stream().filter(t -> t.get("data_coverage").equals("sparse"))
                .map(t -> t.get("account_id")).collect(Collectors.toSet());
        assertThat((double) sparse.size() / book.accounts()).isBetween(0.015, 0.04);
        assertThat(accountsIn("usage_weekly.csv")).doesNotContainAnyElementsOf(sparse);
        assertThat(accountsIn("surveys.csv")).doesNotContainAnyElementsOf(sparse);
        assertThat(accountsIn("invoices.csv")).doesNotContainAnyElementsOf(sparse);
        assertThat(SampleBooks.csv(dir.resolve("support_tickets.csv")))
                .filteredOn(t -> sparse.contains(t.get("account_id")))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("csat")).isEmpty());
        Set<String> talking = new HashSet<>();
        SampleBooks.jsonLines(dir.resolve("conversations.jsonl")).forEach(c -> talking.add(c.get("account_id").asText()));
        assertThat(talking).doesNotContainAnyElementsOf(sparse);
    }

    @Test
    void customersSinceAndRenewalsAreSpreadOverTheYear() {
        LocalDate asOf = GeneratorSettings.DEFAULT_AS_OF;
        long recent = accounts.stream().filter(a -> LocalDate.parse(a.get("customer_since")).isAfter(asOf.minusMonths(6))).count();
        assertThat((double) recent / accounts.size()).isBetween(0.03, 0.12);
        Map<Integer, Long> byMonth = new TreeMap<>();
        for (Map<String, String> a : accounts) {
            if (!a.get("renewal_date").isEmpty()) {
                byMonth.merge(LocalDate.parse(a.get("renewal_date")).getMonthValue(), 1L, Long::sum);
            }
        }
        assertThat(byMonth).hasSize(12);
        assertThat(Collections.min(byMonth.values())).isGreaterThan(Collections.max(byMonth.values()) / 3);
    }

    @Test
    void sizeAndRevenueGrowWithSegment() {
        assertThat(median("smb", "arr")).isLessThan(median("mid_market", "arr"));
        assertThat(median("mid_market", "arr")).isLessThan(median("enterprise", "arr"));
        assertThat(median("smb", "employees")).isLessThan(median("mid_market", "employees"));
        assertThat(median("mid_market", "employees")).isLessThan(median("enterprise", "employees"));
    }

    @Test
    void ownersCarryAboutFortySmbAccountsAndFewerEnterpriseOnes() {
        Map<String, Map<String, Long>> perOwner = new HashMap<>();
        for (Map<String, String> a : accounts) {
            assertThat(a.get("owner_id")).startsWith("005").hasSize(18);
            assertThat(a.get("owner_manager_id")).startsWith("005").isNotEqualTo(a.get("owner_id"));
            perOwner.computeIfAbsent(a.get("segment"), s -> new HashMap<>()).merge(a.get("owner_id"), 1L, Long::sum);
        }
        assertThat(Collections.max(perOwner.get("smb").values())).isEqualTo(40);
        assertThat(Collections.max(perOwner.get("enterprise").values())).isLessThanOrEqualTo(10);
    }

    @Test
    void utilisationFollowsLatentHealth() {
        Map<String, List<double[]>> usage = new HashMap<>();
        for (Map<String, String> u : SampleBooks.csv(dir.resolve("usage_weekly.csv"))) {
            usage.computeIfAbsent(u.get("account_id"), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(u.get("active_users")), Double.parseDouble(u.get("licensed_seats"))});
        }
        List<double[]> pairs = new ArrayList<>();
        usage.forEach((id, weeks) -> {
            List<double[]> last = weeks.subList(Math.max(0, weeks.size() - 4), weeks.size());
            double active = last.stream().mapToDouble(w -> w[0]).sum();
            double seats = last.stream().mapToDouble(w -> w[1]).sum();
            pairs.add(new double[] {Double.parseDouble(truth.get(id).get("latent_health_end")), active / seats});
        });
        assertThat(correlation(pairs)).isGreaterThan(0.7);
    }

    @Test
    void churnedAccountsHaveNoDataFromTheirChurnDayOn() {
        Map<String, LocalDate> churned = new HashMap<>();
        accounts.stream().filter(a -> !a.get("churned_on").isEmpty())
                .forEach(a -> churned.put(a.get("account_id"), LocalDate.parse(a.get("churned_on"))));
        assertThat(churned).isNotEmpty();
        assertThat(accounts).filteredOn(a -> churned.containsKey(a.get("account_id")))
                .allSatisfy(a -> assertThat(a.get("renewal_date")).isEmpty());
        checkBefore(churned, "usage_weekly.csv", "week_start", 6);
        checkBefore(churned, "invoices.csv", "issued_on", 0);
        checkBefore(churned, "invoices.csv", "paid_on", 0);
        checkBefore(churned, "support_tickets.csv", "opened_at", 0);
        checkBefore(churned, "support_tickets.csv", "closed_at", 0);
        checkBefore(churned, "surveys.csv", "responded_at", 0);
        checkBefore(churned, "crm_activities.csv", "occurred_on", 0);
        checkBefore(churned, "crm_contacts.csv", "last_engaged_on", 0);
        SampleBooks.jsonLines(dir.resolve("conversations.jsonl")).forEach(c -> {
            LocalDate end = churned.get(c.get("account_id").asText());
            if (end != null) {
                assertThat(LocalDate.parse(c.get("occurred_at").asText().substring(0, 10))).isBefore(end);
            }
        });
    }

    @Test
    void noDataOnOrAfterTheAsOfDate() {
        LocalDate asOf = GeneratorSettings.DEFAULT_AS_OF;
        for (String[] fileColumn : new String[][] {{"usage_weekly.csv", "week_start"}, {"invoices.csv", "paid_on"},
            {"support_tickets.csv", "closed_at"}, {"surveys.csv", "responded_at"}, {"crm_activities.csv", "occurred_on"}}) {
            for (Map<String, String> row : SampleBooks.csv(dir.resolve(fileColumn[0]))) {
                String v = row.get(fileColumn[1]);
                if (!v.isEmpty()) {
                    assertThat(LocalDate.parse(v.substring(0, 10))).as(fileColumn[0]).isBefore(asOf);
                }
            }
        }
    }

    private void checkBefore(Map<String, LocalDate> churned, String file, String column, int extraDays) {
        for (Map<String, String> row : SampleBooks.csv(dir.resolve(file))) {
            LocalDate end = churned.get(row.get("account_id"));
            String v = row.get(column);
            if (end != null && v != null && !v.isEmpty()) {
                assertThat(LocalDate.parse(v.substring(0, 10)).plusDays(extraDays)).as("%s %s", file, column).isBefore(end);
            }
        }
    }

    private Set<String> accountsIn(String file) {
        return SampleBooks.csv(dir.resolve(file)).stream().map(r -> r.get("account_id")).collect(Collectors.toSet());
    }

    private double median(String segment, String column) {
        List<Double> v = accounts.stream().filter(a -> a.get("segment").equals(segment))
                .map(a -> Double.parseDouble(a.get(column))).sorted().toList();
        return v.get(v.size() / 2);
    }

    static double correlation(List<double[]> pairs) {
        double n = pairs.size();
        double mx = pairs.stream().mapToDouble(p -> p[0]).sum() / n;
        double my = pairs.stream().mapToDouble(p -> p[1]).sum() / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
