package io.healthscore.domain.playbooks;

import static io.healthscore.domain.AccountFactsBuilder.AS_OF;
import static io.healthscore.domain.AccountFactsBuilder.account;
import static io.healthscore.domain.AccountFactsBuilder.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.AccountFactsBuilder;
import io.healthscore.domain.TestModels;
import io.healthscore.domain.facts.AccountFacts;
import io.healthscore.domain.facts.HistoryPoint;
import io.healthscore.domain.facts.PreviousHealth;
import io.healthscore.domain.model.PlaybookRule;
import io.healthscore.domain.model.PlaybookRule.TaskPriority;
import io.healthscore.domain.scoring.AccountHealth;
import io.healthscore.domain.scoring.Band;
import io.healthscore.domain.scoring.PeerDistributions;
import io.healthscore.domain.scoring.Scorer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default playbooks, driven through the echo model (the composite is the {@code echo} column and
 * expansion readiness the {@code readiness} column). 2026-06-17 is in ISO week 2026-W25.
 */
class PlaybooksTest {

    private final Scorer scorer = new Scorer(TestModels.echoModel());
    private final Playbooks playbooks = new Playbooks(TestModels.echoModel());

    private List<TaskPlan> plan(AccountFactsBuilder b) {
        return plan(b.build(), AS_OF);
    }

    private List<TaskPlan> plan(AccountFacts f, LocalDate asOf) {
        return playbooks.plan(f, health(f, asOf));
    }

    private AccountHealth health(AccountFacts f, LocalDate asOf) {
        return scorer.score(scorer.measure(f, asOf), PeerDistributions.empty());
    }

    private static List<String> rules(List<TaskPlan> tasks) {
        return tasks.stream().map(TaskPlan::ruleId).toList();
    }

    private static PreviousHealth written(AccountHealth h) {
        return PreviousHealth.writtenBy(h, null);
    }

    @Test
    void atRiskRaisesAnOwnerTaskDueInFourteenDays() {
        List<TaskPlan> tasks = plan(account().custom("echo", 45));
        assertThat(tasks).containsExactly(new TaskPlan(
                "001A:at_risk_outreach:2026-W25", "001A", "at_risk_outreach", "005OWNER",
                "Health at risk: plan outreach to Acme",
                tasks.get(0).description(), AS_OF.plusDays(14), TaskPriority.NORMAL));
        assertThat(tasks.get(0).description())
                .startsWith("Health score 45 (at risk). Confidence 100 %.")
                .contains("Drivers:\n- Echo: 45")
                .endsWith("Model echo-test, scored 2026-06-17.");
    }

    @Test
    void criticalRaisesTwoTasksForOwnerAndManager() {
        List<TaskPlan> tasks = plan(account().custom("echo", 30));
        assertThat(rules(tasks)).containsExactly("critical_owner", "critical_manager");
        assertThat(tasks).extracting(TaskPlan::assigneeId).containsExactly("005OWNER", "005MANAGER");
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.dueOn()).isEqualTo(AS_OF.plusDays(3));
            assertThat(t.priority()).isEqualTo(TaskPriority.HIGH);
        });
        assertThat(tasks.get(1).subject()).isEqualTo("Health critical at Acme: review with the account owner");
    }

    @Test
    void anAccountWithoutAManagerGetsAnUnassignedManagerTask() {
        List<TaskPlan> tasks = plan(account().custom("echo", 30).owners("005OWNER", null));
        assertThat(tasks).extracting(TaskPlan::assigneeId).containsExactly("005OWNER", null);
    }

    @Test
    void aDropOfMoreThanFifteenPointsRaisesATask() {
        List<TaskPlan> tasks = plan(account().custom("echo", 64)
                .previous(-7, 80, Band.HEALTHY, -60, List.of(new HistoryPoint(day(-7), 80))));
        assertThat(rules(tasks)).containsExactly("sharp_drop");
        assertThat(tasks.get(0).key()).isEqualTo("001A:sharp_drop:2026-W25");
        assertThat(tasks.get(0).dueOn()).isEqualTo(AS_OF);
        assertThat(tasks.get(0).description()).contains("down 16 points since 2026-06-10");

        assertThat(plan(account().custom("echo", 65)
                .previous(-7, 80, Band.HEALTHY, -60, List.of()))).isEmpty();
    }

    @Test
    void redForFourteenDaysEscalatesToTheManager() {
        List<HistoryPoint> redTwoWeeks = List.of(new HistoryPoint(day(-21), 60), new HistoryPoint(day(-14), 45),
                new HistoryPoint(day(-7), 45));
        List<TaskPlan> tasks = plan(account().custom("echo", 45).previous(-7, 45, Band.AT_RISK, -14, redTwoWeeks));
        assertThat(rules(tasks)).containsExactly("at_risk_outreach", "stays_red");
        TaskPlan escalation = tasks.get(1);
        assertThat(escalation.key()).isEqualTo("001A:stays_red:2026-06-03");
        assertThat(escalation.assigneeId()).isEqualTo("005MANAGER");
        assertThat(escalation.dueOn()).isEqualTo(AS_OF.plusDays(2));
        // the outreach Task belongs to the band episode that began on 2026-06-03 (week 23)
        assertThat(tasks.get(0).key()).isEqualTo("001A:at_risk_outreach:2026-W23");

        List<HistoryPoint> redThirteenDays = List.of(new HistoryPoint(day(-20), 60), new HistoryPoint(day(-13), 45));
        assertThat(rules(plan(account().custom("echo", 45).previous(-13, 45, Band.AT_RISK, -13, redThirteenDays))))
                .doesNotContain("stays_red");
    }

    @Test
    void recoveryFromRedToWatchingRaisesAFollowUp() {
        List<TaskPlan> tasks = plan(account().custom("echo", 60).previous(-7, 45, Band.AT_RISK, -30, List.of()));
        assertThat(rules(tasks)).containsExactly("recovery");
        assertThat(tasks.get(0).key()).isEqualTo("001A:recovery:2026-W25");
        assertThat(tasks.get(0).priority()).isEqualTo(TaskPriority.LOW);
        assertThat(tasks.get(0).subject()).isEqualTo("Acme recovered from red: note what worked");

        assertThat(plan(account().custom("echo", 60).previous(-7, 62, Band.WATCHING, -30, List.of()))).isEmpty();
    }

    @Test
    void healthyWithRenewalWithinNinetyDaysAndExpansionReadinessRaisesAnExpansionTask() {
        List<TaskPlan> tasks = plan(account().custom("echo", 80).custom("readiness", 65).renewalInDays(90));
        assertThat(rules(tasks)).containsExactly("expansion_moment");
        assertThat(tasks.get(0).key()).isEqualTo("001A:expansion_moment:renewal-2026-09-15");
        assertThat(tasks.get(0).dueOn()).isEqualTo(AS_OF.plusDays(14));

        assertThat(plan(account().custom("echo", 80).custom("readiness", 65).renewalInDays(91))).isEmpty();
        assertThat(plan(account().custom("echo", 80).custom("readiness", 64).renewalInDays(30))).isEmpty();
        assertThat(plan(account().custom("echo", 80).renewalInDays(30))).isEmpty();        // no readiness data
        assertThat(plan(account().custom("echo", 69).custom("readiness", 90).renewalInDays(30))).isEmpty(); // watching
        assertThat(plan(account().custom("echo", 80).custom("readiness", 90).renewalInDays(-1))).isEmpty();  // passed
    }

    @Test
    void insufficientSignalRaisesAReviewTask() {
        List<TaskPlan> tasks = plan(account());
        assertThat(rules(tasks)).containsExactly("insufficient_signal_review");
        assertThat(tasks.get(0).description()).startsWith("Health score n/a (insufficient signal).");
        assertThat(tasks.get(0).subject()).isEqualTo("Not enough signal to score Acme: check its data sources");
    }

    @Test
    void theAccountIdStandsInForAMissingName() {
        assertThat(plan(account().name(null)).get(0).subject())
                .isEqualTo("Not enough signal to score 001A: check its data sources");
    }

    @Test
    void aDisabledRuleNeverFires() {
        TestModels.Builder b = TestModels.echoBuilder();
        b.playbooks.replaceAll(r -> r.id().equals("at_risk_outreach")
                ? new PlaybookRule(r.id(), r.trigger(), r.assignTo(), r.dueInDays(), r.priority(), r.subject(), false)
                : r);
        Playbooks disabled = new Playbooks(b.build());
        AccountFacts f = account().custom("echo", 45).build();
        assertThat(disabled.plan(f, health(f, AS_OF))).isEmpty();
        assertThat(plan(f, AS_OF)).hasSize(1);
    }

    @Test
    void anActiveCsmOverrideDrivesBandRulesWithItsOwnKey() {
        List<TaskPlan> tasks = plan(account().custom("echo", 80).override(Band.AT_RISK, 14));
        assertThat(rules(tasks)).containsExactly("at_risk_outreach");
        assertThat(tasks.get(0).key()).isEqualTo("001A:at_risk_outreach:override-2026-07-01");
        assertThat(tasks.get(0).description()).contains("CSM override: at risk until 2026-07-01.");
    }

    @Test
    void planningTwiceForTheSameInputsGivesTheSameTasks() {
        AccountFacts f = account().custom("echo", 30).renewalInDays(20)
                .previous(-7, 60, Band.WATCHING, -50, List.of(new HistoryPoint(day(-7), 60))).build();
        List<TaskPlan> first = plan(f, AS_OF);
        List<TaskPlan> second = plan(f, AS_OF);
        assertThat(rules(first)).containsExactly("critical_owner", "critical_manager", "sharp_drop");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theSameBandEpisodeInALaterWeekKeepsItsKeyAndANewEpisodeGetsANewOne() {
        // week 25: at risk for the first time
        AccountHealth w25 = health(account().custom("echo", 45).build(), AS_OF);
        List<TaskPlan> t25 = playbooks.plan(account().custom("echo", 45).build(), w25);
        // week 26: still at risk
        AccountFacts f26 = account().custom("echo", 47).previous(written(w25)).build();
        AccountHealth w26 = health(f26, AS_OF.plusWeeks(1));
        List<TaskPlan> t26 = playbooks.plan(f26, w26);
        assertThat(t25).extracting(TaskPlan::key).containsExactly("001A:at_risk_outreach:2026-W25");
        assertThat(t26).extracting(TaskPlan::key).contains("001A:at_risk_outreach:2026-W25");
        // the same key means the sink upserts the existing Task instead of raising a second one
        assertThat(t26.get(0).dueOn()).isEqualTo(AS_OF.plusWeeks(1).plusDays(14));

        // week 27: watching; week 28: at risk again, a new episode
        AccountFacts f27 = account().custom("echo", 60).previous(written(w26)).build();
        AccountHealth w27 = health(f27, AS_OF.plusWeeks(2));
        assertThat(rules(playbooks.plan(f27, w27))).containsExactly("recovery");
        AccountFacts f28 = account().custom("echo", 45).previous(written(w27)).build();
        List<TaskPlan> t28 = playbooks.plan(f28, health(f28, AS_OF.plusWeeks(3)));
        assertThat(t28).extracting(TaskPlan::key).containsExactly("001A:at_risk_outreach:2026-W28");
    }

    @Test
    void movingBetweenAtRiskAndCriticalStartsNewBandEpisodes() {
        AccountHealth w25 = health(account().custom("echo", 45).build(), AS_OF);
        AccountFacts f26 = account().custom("echo", 30).previous(written(w25)).build();
        List<TaskPlan> t26 = playbooks.plan(f26, health(f26, AS_OF.plusWeeks(1)));
        assertThat(t26).extracting(TaskPlan::key)
                .containsExactly("001A:critical_owner:2026-W26", "001A:critical_manager:2026-W26");
    }

    /** Runs weekly from 2026-06-17 with the given scores, feeding each run's result into the next. */
    private List<List<TaskPlan>> weekly(int... scores) {
        List<List<TaskPlan>> out = new ArrayList<>();
        PreviousHealth prev = PreviousHealth.none();
        for (int i = 0; i < scores.length; i++) {
            LocalDate asOf = AS_OF.plusWeeks(i);
            AccountFacts f = account().custom("echo", scores[i]).previous(prev).build();
            AccountHealth h = health(f, asOf);
            out.add(playbooks.plan(f, h));
            prev = written(h);
        }
        return out;
    }

    private static Set<String> keysOf(List<List<TaskPlan>> runs, String rule) {
        Set<String> keys = new LinkedHashSet<>();
        for (List<TaskPlan> run : runs) {
            for (TaskPlan t : run) {
                if (t.ruleId().equals(rule)) {
                    keys.add(t.key());
                }
            }
        }
        return keys;
    }

    @Test
    void aRedStreakRaisesOneEscalation() {
        int[] scores = new int[10];
        java.util.Arrays.fill(scores, 45);
        List<List<TaskPlan>> runs = weekly(scores);
        assertThat(rules(runs.get(1))).doesNotContain("stays_red");   // 7 days
        assertThat(rules(runs.get(2))).contains("stays_red");         // 14 days
        assertThat(keysOf(runs, "stays_red")).containsExactly("001A:stays_red:2026-06-17");
        assertThat(keysOf(runs, "at_risk_outreach")).containsExactly("001A:at_risk_outreach:2026-W25");
    }

    @Test
    void aLongRedStreakStillRaisesOneEscalation() {
        int[] scores = new int[30];
        java.util.Arrays.fill(scores, 45);
        assertThat(keysOf(weekly(scores), "stays_red")).containsExactly("001A:stays_red:2026-06-17");
    }
}
