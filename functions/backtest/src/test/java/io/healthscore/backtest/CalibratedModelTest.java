package io.healthscore.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.healthscore.backtest.calibration.CalibratedModel;
import io.healthscore.backtest.calibration.ModelYaml;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SegmentOverride;
import io.healthscore.domain.model.SignalSpec;
import io.healthscore.domain.model.Transform;
import io.healthscore.modelfile.ScoringModelFile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibratedModelTest {

    private static final ScoringModel DEFAULT = ScoringModelFile.loadDefault();

    @Test
    void theDefaultModelWrittenAsYamlReadsBackAsTheSameModel() {
        String yaml = ModelYaml.write(DEFAULT, List.of("round trip"));
        assertThat(yaml).startsWith("# round trip\n");
        assertThat(ScoringModelFile.parse("written", yaml.getBytes(StandardCharsets.UTF_8))).isEqualTo(DEFAULT);
    }

    @Test
    void fittedWeightsBecomeShares() {
        int p = DEFAULT.signals().size();
        double[] w = new double[p];
        double[] auc = new double[p];
        Arrays.fill(auc, 0.6);
        // weight only on seat_utilisation (usage) and days_past_due (commercial), 3:1
        w[index("seat_utilisation")] = 0.3;
        w[index("days_past_due")] = 0.1;
        auc[index("case_volume_per_seat")] = 0.7; // the support dimension's floor goes to its best signal
        ScoringModel m = CalibratedModel.withWeights(DEFAULT, w, auc).validate("calibrated");
        double[] eff = ModelWeights.effective(m);
        assertThat(Arrays.stream(eff).sum()).isCloseTo(100, within(1e-9));
        assertThat(m.dimensions().stream().mapToDouble(d -> d.weight()).sum()).isCloseTo(100, within(1e-9));
        // three dimensions got nothing and keep a 1 % floor on their best signal
        assertThat(eff[index("case_volume_per_seat")]).isEqualTo(1.0);
        assertThat(eff[index("seat_utilisation")] / eff[index("days_past_due")]).isCloseTo(3, within(0.01));
        assertThat(eff[index("open_critical_cases")]).isZero();
        // the enterprise override weight keeps its ratio to the base weight (15 of 25 before)
        SegmentOverride enterprise = m.segmentOverrides().get(0);
        double base = m.signals().get(index("case_volume_per_seat")).weight();
        assertThat(enterprise.signals().get("case_volume_per_seat").weight()).isCloseTo(base * 15 / 25, within(0.05));
        // a zero override stays zero
        assertThat(m.segmentOverrides().get(2).signals().get("executive_sponsor_engaged").weight()).isZero();
        assertThat(ScoringModelFile.parse("x", ModelYaml.write(m, List.of()).getBytes(StandardCharsets.UTF_8))).isEqualTo(m);
    }

    @Test
    void aNegativeWeightFlipsTheTransformSoTheFileStillReadsTheRightWay() {
        int p = DEFAULT.signals().size();
        double[] w = new double[p];
        Arrays.fill(w, 0.01);
        w[index("stakeholders_engaged")] = -0.05;
        w[index("open_critical_cases")] = -0.02;
        ScoringModel m = CalibratedModel.withWeights(DEFAULT, w, new double[p]).validate("signed");
        SignalSpec s = m.signals().get(index("stakeholders_engaged"));
        assertThat(s.transform()).isEqualTo(new Transform.Linear(4, 0));
        assertThat(((Transform.Linear) s.transform()).score(4)).isZero();
        Transform.Steps steps = (Transform.Steps) m.signals().get(index("open_critical_cases")).transform();
        assertThat(steps.score(0)).isZero();
        assertThat(steps.otherwise()).isEqualTo(95);
        Transform.Steps enterprise = (Transform.Steps) m.segmentOverrides().get(0).signals().get("open_critical_cases").transform();
        assertThat(enterprise.score(0)).as("the override's transform is flipped too").isZero();
    }

    @Test
    void noEvidenceAtAllIsRefused() {
        assertThatThrownBy(() -> CalibratedModel.withWeights(DEFAULT, new double[DEFAULT.signals().size()],
                new double[DEFAULT.signals().size()])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no usable evidence");
    }

    @Test
    void defaultVersionNamesTheCalibrationAndFitsTheSalesforceField() {
        assertThat(BacktestJob.defaultVersion("2026.11-default", GeneratedBooks.DATA_END)).isEqualTo("2026.11-default-cal20261115");
        assertThat(BacktestJob.defaultVersion("2026.11-default-cal20260101", GeneratedBooks.DATA_END))
                .isEqualTo("2026.11-default-cal20261115");
        assertThat(BacktestJob.defaultVersion("x".repeat(60), GeneratedBooks.DATA_END)).hasSize(40).endsWith("-cal20261115");
    }

    private static int index(String id) {
        for (int i = 0; i < DEFAULT.signals().size(); i++) {
            if (DEFAULT.signals().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
