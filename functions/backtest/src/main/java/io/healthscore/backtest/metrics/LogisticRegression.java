package io.healthscore.backtest.metrics;

import java.util.Arrays;

/**
 * L2-regularised logistic regression by maximum likelihood: minimises
 * {@code mean log-loss + lambda / 2 * sum(beta_j^2)} (the intercept is not penalised) by cyclic
 * coordinate descent with exact one-dimensional Newton steps, each checked to lower the objective
 * (halved until it does). Each coefficient may be bounded to one sign, which is how the calibration keeps
 * weights non-negative; the bounded problem stays convex, so the descent converges to its optimum.
 */
public final class LogisticRegression {

    /** Sign constraint of a coefficient. */
    public enum Bound { FREE, NON_POSITIVE, NON_NEGATIVE }

    /**
     * @param intercept     intercept
     * @param coefficients  one per feature column
     * @param lambda        the L2 penalty used
     * @param sweeps        coordinate sweeps run
     * @param converged     whether the largest step of the last sweep was below the tolerance
     * @param meanLogLoss   mean log-loss on the training rows (without the penalty)
     */
    public record Fit(double intercept, double[] coefficients, double lambda, int sweeps, boolean converged,
                      double meanLogLoss) {

        public double logit(double[] features) {
            double z = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                z += coefficients[j] * features[j];
            }
            return z;
        }

        public double probability(double[] features) {
            return sigmoid(logit(features));
        }
    }

    static final int MAX_SWEEPS = 1000;
    static final double TOLERANCE = 1e-6;

    private LogisticRegression() {
    }

    /**
     * Fits without bounds.
     *
     * @param columns feature j of row i at {@code columns[j][i]} (finite values)
     * @param labels  0 or 1 per row
     */
    public static Fit fit(double[][] columns, int[] labels, double lambda) {
        Bound[] free = new Bound[columns.length];
        Arrays.fill(free, Bound.FREE);
        return fit(columns, labels, lambda, free, null);
    }

    /**
     * Fits with a sign bound per coefficient, starting from {@code start} when given (a warm start along
     * a path of penalties).
     */
    public static Fit fit(double[][] columns, int[] labels, double lambda, Bound[] bounds, Fit start) {
        int p = columns.length;
        int n = labels.length;
        if (n == 0) {
            throw new IllegalArgumentException("no rows to fit");
        }
        if (bounds.length != p) {
            throw new IllegalArgumentException("one bound per feature is needed");
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be 0 or more");
        }
        double positives = 0;
        for (int y : labels) {
            if (y != 0 && y != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1");
            }
            positives += y;
        }
        double[] beta = start == null ? new double[p] : start.coefficients().clone();
        for (int j = 0; j < p; j++) {
            beta[j] = clamp(beta[j], bounds[j]);
        }
        double rate = Math.min(Math.max(positives / n, 1e-6), 1 - 1e-6);
        double b0 = start == null ? Math.log(rate / (1 - rate)) : start.intercept();
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            double z = b0;
            for (int j = 0; j < p; j++) {
                z += beta[j] * columns[j][i];
            }
            eta[i] = z;
        }
        double[] prob = new double[n];
        double dataLoss = 0;
        for (int i = 0; i < n; i++) {
            prob[i] = sigmoid(eta[i]);
            dataLoss += softplus(eta[i]) - labels[i] * eta[i];
        }
        double[] trialEta = new double[n];
        int sweep = 0;
        boolean converged = false;
        while (sweep < MAX_SWEEPS) {
            sweep++;
            double largest = 0;
            for (int j = -1; j < p; j++) {
                double[] x = j < 0 ? null : columns[j];
                double g = 0;
                double h = 0;
                for (int i = 0; i < n; i++) {
                    double xi = x == null ? 1 : x[i];
                    double r = prob[i] - labels[i];
                    g += r * xi;
                    h += prob[i] * (1 - prob[i]) * xi * xi;
                }
                g /= n;
                h /= n;
                double current = j < 0 ? b0 : beta[j];
                double penalty = j < 0 ? 0 : lambda;
                g += penalty * current;
                h += penalty;
                if (h <= 1e-12) {
                    continue;
                }
                double target = current - g / h;
                if (j >= 0) {
                    target = clamp(target, bounds[j]);
                }
                double delta = target - current;
                if (delta == 0) {
                    continue;
                }
                double before = dataLoss / n + penalty / 2 * current * current;
                double accepted = 0;
                double acceptedLoss = dataLoss;
                for (int halving = 0; halving < 30; halving++) {
                    double loss = 0;
                    for (int i = 0; i < n; i++) {
                        double z = eta[i] + delta * (x == null ? 1 : x[i]);
                        trialEta[i] = z;
                        loss += softplus(z) - labels[i] * z;
                    }
                    double next = current + delta;
                    if (loss / n + penalty / 2 * next * next <= before + 1e-15) {
                        accepted = delta;
                        acceptedLoss = loss;
                        break;
                    }
                    delta /= 2;
                }
                if (accepted == 0) {
                    continue;
                }
                double[] swap = eta;
                eta = trialEta;
                trialEta = swap;
                for (int i = 0; i < n; i++) {
                    prob[i] = sigmoid(eta[i]);
                }
                dataLoss = acceptedLoss;
                if (j < 0) {
                    b0 += accepted;
                } else {
                    beta[j] += accepted;
                }
                largest = Math.max(largest, Math.abs(accepted));
            }
            if (largest < TOLERANCE) {
                converged = true;
                break;
            }
        }
        return new Fit(b0, beta, lambda, sweep, converged, dataLoss / n);
    }

    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** log(1 + e^z), stable for large |z|. */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    private static double clamp(double v, Bound b) {
        return switch (b) {
            case FREE -> v;
            case NON_POSITIVE -> Math.min(0, v);
            case NON_NEGATIVE -> Math.max(0, v);
        };
    }
}
