package io.healthscore.sampledata;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws of one account and one concern (usage, support, text...). Each stream is seeded from
 * the book seed, the account's position and the concern, so a change to how one concern draws leaves
 * the others, and every other account, unchanged.
 */
final class Draws {

    /** Concerns with their own stream. Append only: reordering changes every book. */
    enum Stream {
        PROFILE, HEALTH, RENEWALS, SEATS, USAGE, SUPPORT, BILLING, SURVEYS, CONTACTS, ACTIVITIES, CONVERSATIONS, TEXT
    }

    private final SplittableRandom random;

    private Draws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static Draws of(long bookSeed, long accountIndex, Stream stream) {
        long s = mix(bookSeed ^ 0x5DEECE66DL);
        s = mix(s + accountIndex * 0x9E3779B97F4A7C15L);
        s = mix(s + (stream.ordinal() + 1) * 0xC2B2AE3D27D4EB4FL);
        return new Draws(s);
    }

    /** A separate stream for one item of an account (a conversation), keyed by a sub-index. */
    Draws child(long key) {
        return new Draws(mix(random.nextLong() ^ mix(key + 0x632BE59BD9B4E019L)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        return random.nextLong();
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** 0 (inclusive) to bound (exclusive). */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** from to to, both inclusive. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    boolean chance(double p) {
        return p > 0 && random.nextDouble() < p;
    }

    double normal() {
        // Marsaglia polar method: exact, and defined here so the sequence never depends on the JDK
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    double normal(double mean, double sd) {
        return mean + sd * normal();
    }

    /** Log-normal with the given median and spread (sd of the log). */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * normal());
    }

    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** Poisson count; a normal approximation above a mean of 30. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(normal(mean, Math.sqrt(mean))));
        }
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Binomial count, exact for small n, normal approximation for large n. */
    int binomial(int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n <= 40) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        int k = (int) Math.round(normal(mean, Math.sqrt(mean * (1 - p))));
        return Math.max(0, Math.min(n, k));
    }

    <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Index drawn by relative weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
