package io.healthscore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.healthscore.domain.run.RejectLog;
import io.healthscore.domain.scoring.Band;
import io.healthscore.modelfile.ScoringModelFile;
import io.healthscore.sampledata.GeneratorSettings;
import io.healthscore.sampledata.SampleGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The score, computed 90 days before each closed renewal from the facts known then, separates the
 * accounts that churned from those that renewed.
 */
class SeparationCheckTest {

    @TempDir
    static Path dir;

    static SeparationCheck.Result result;

    @BeforeAll
    static void generateAndCheck() throws IOException {
        GeneratorSettings s = GeneratorSettings.defaults().withSeed(5).withAccounts(1500);
        new SampleGenerator(s).writeTo(dir);
        RejectLog rejects = new RejectLog();
        result = SeparationCheck.run(dir, ScoringModelFile.loadDefault(), LocalDate.of(2026, 11, 15), 90, rejects);
        assertThat(rejects.total()).isZero();
    }

    @Test
    void churnersScoreLowerThanRenewersBeforeTheOutcome() {
        assertThat(result.churned()).isGreaterThan(50);
        assertThat(result.renewed()).isGreaterThan(300);
        assertThat(result.aucChurn()).isGreaterThan(0.75);
        assertThat(result.aucChurnOrDowngrade()).isGreaterThan(0.70);
    }

    @Test
    void churnRateFallsFromAtRiskToWatchingToHealthy() {
        double atRisk = result.churnRateByBand().get(Band.AT_RISK)[2];
        double watching = result.churnRateByBand().get(Band.WATCHING)[2];
        double healthy = result.churnRateByBand().get(Band.HEALTHY)[2];
        assertThat(atRisk).isGreaterThan(watching);
        assertThat(watching).isGreaterThan(healthy);
    }

    @Test
    void aLongerHorizonSeesLessThanAShorterOne() {
        SeparationCheck.Result far = SeparationCheck.run(dir, ScoringModelFile.loadDefault(), LocalDate.of(2026, 11, 15), 180,
                new RejectLog());
        // further from the outcome the facts say less; the score still separates, but less well
        assertThat(far.aucChurn()).isGreaterThan(0.6).isLessThan(result.aucChurn());
    }
}
