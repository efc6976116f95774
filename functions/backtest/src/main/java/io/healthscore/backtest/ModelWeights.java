package io.healthscore.backtest;

import io.healthscore.domain.model.DimensionSpec;
import io.healthscore.domain.model.ScoringModel;
import io.healthscore.domain.model.SignalSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each signal's share of the composite in percent (dimension weight x its share of the dimension), before segment overrides. */
public final class ModelWeights {

    private ModelWeights() {
    }

    public static double[] effective(ScoringModel model) {
        List<SignalSpec> signals = model.signals();
        Map<String, Double> perDimension = new HashMap<>();
        for (SignalSpec s : signals) {
            perDimension.merge(s.dimension(), s.weight(), Double::sum);
        }
        Map<String, Double> dimensionWeight = new HashMap<>();
        for (DimensionSpec d : model.dimensions()) {
            dimensionWeight.put(d.id(), d.weight());
        }
        double[] out = new double[signals.size()];
        for (int i = 0; i < out.length; i++) {
            SignalSpec s = signals.get(i);
            double dim = perDimension.getOrDefault(s.dimension(), 0.0);
            out[i] = dim > 0 ? dimensionWeight.getOrDefault(s.dimension(), 0.0) * s.weight() / dim : 0;
        }
        return out;
    }
}
