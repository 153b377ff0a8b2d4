package org.latentexplorer.engine.intro;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The chapter's first generative model: a die whose six faces come up with probabilities p_1..p_6, the categorical
 * distribution p(x). Rolling it gives observed data; fitting p(x) to the counts n_k by maximum likelihood gives
 * n_k / N; a die built from the fit (the "pseudo die") generates new rolls. Faces are 0 to 5 here and 1 to 6 on
 * screen. Immutable.
 */
public final class SkewedDie {
    public static final int FACES = 6;

    private final double[] p;

    /** @param weights six non-negative finite weights, not all zero; normalised to probabilities */
    public SkewedDie(double... weights) {
        if (weights.length != FACES) {
            throw new IllegalArgumentException("a die has " + FACES + " faces, got " + weights.length + " weights");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("face weights must be finite and at least 0, got "
                        + Arrays.toString(weights));
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one face must have a weight above 0");
        }
        p = new double[FACES];
        for (int k = 0; k < FACES; k++) {
            p[k] = weights[k] / sum;
        }
    }

    public static SkewedDie fair() {
        return new SkewedDie(1, 1, 1, 1, 1, 1);
    }

    /**
     * The example skewed die: a 6 comes up most often and a 1 rarely, so that with few rolls the maximum-likelihood
     * fit often gives the 1 a probability of 0, and its pseudo die can never roll one.
     */
    public static SkewedDie skewed() {
        return new SkewedDie(0.05, 0.10, 0.15, 0.15, 0.20, 0.35);
    }

    public double[] probabilities() {
        return p.clone();
    }

    /** {@code n} independent rolls (faces 0 to 5); the same seed gives the same rolls. */
    public int[] roll(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of rolls must be at least 0, got " + n);
        }
        double[] cumulative = new double[FACES];
        double c = 0;
        for (int k = 0; k < FACES; k++) {
            c += p[k];
            cumulative[k] = c;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] rolls = new int[n];
        for (int i = 0; i < n; i++) {
            // Inverse CDF: the first face whose cumulative probability exceeds u.
            double u = random.nextDouble() * c;
            int k = 0;
            while (k < FACES - 1 && u >= cumulative[k]) {
                k++;
            }
            // A u rounded up to the total would land on a trailing face that cannot come up.
            while (p[k] == 0) {
                k--;
            }
            rolls[i] = k;
        }
        return rolls;
    }

    /** n_k: how often each face comes up in the first {@code n} rolls. */
    public static int[] counts(int[] rolls, int n) {
        if (n < 0 || n > rolls.length) {
            throw new IllegalArgumentException("n must be between 0 and " + rolls.length + ", got " + n);
        }
        int[] counts = new int[FACES];
        for (int i = 0; i < n; i++) {
            counts[rolls[i]]++;
        }
        return counts;
    }

    /**
     * The maximum-likelihood estimate n_k / N, which maximises the log-likelihood Σ n_k log p_k under Σ p_k = 1.
     * Undefined without data: N = 0 is refused.
     */
    public static double[] maximumLikelihood(int[] counts) {
        long n = total(counts);
        if (n == 0) {
            throw new IllegalArgumentException("maximum likelihood needs at least one roll");
        }
        double[] q = new double[FACES];
        for (int k = 0; k < FACES; k++) {
            q[k] = (double) counts[k] / n;
        }
        return q;
    }

    /**
     * The estimate with a symmetric Dirichlet(α) prior: the posterior mean (n_k + α) / (N + 6α). Chosen over the
     * posterior's mode (MAP, (n_k + α − 1) / (N + 6(α − 1))) because it is defined for every α &gt; 0 and every N,
     * N = 0 included (the fair die), and it gives every face a probability above 0, while the MAP at α = 1 is the
     * maximum likelihood again and below 1 can turn negative.
     */
    public static double[] posteriorMean(int[] counts, double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("the Dirichlet prior's α must be a finite number above 0, got " + alpha);
        }
        long n = total(counts);
        double[] q = new double[FACES];
        for (int k = 0; k < FACES; k++) {
            q[k] = (counts[k] + alpha) / (n + FACES * alpha);
        }
        return q;
    }

    /** The total variation distance ½ Σ |p_k − q_k|: 0 for the same die, 1 for dice with no face in common. */
    public static double totalVariation(double[] p, double[] q) {
        if (p.length != FACES || q.length != FACES) {
            throw new IllegalArgumentException("both distributions need " + FACES + " probabilities");
        }
        double s = 0;
        for (int k = 0; k < FACES; k++) {
            s += Math.abs(p[k] - q[k]);
        }
        return s / 2;
    }

    /** n_k / N as frequencies to draw beside probabilities; all 0 without rolls. */
    public static double[] frequencies(int[] counts) {
        long n = total(counts);
        return n == 0 ? new double[FACES] : maximumLikelihood(counts);
    }

    /**
     * How far the estimate is from this die after each of {@code ns} rolls: the total variation distance of the fit
     * to the first n rolls, for each n in {@code ns} (ascending, at least 1). {@code alpha} 0 means maximum
     * likelihood, above 0 the Dirichlet prior's posterior mean.
     */
    public double[] errorCurve(int[] rolls, int[] ns, double alpha) {
        double[] errors = new double[ns.length];
        int[] counts = new int[FACES];
        int done = 0;
        for (int i = 0; i < ns.length; i++) {
            if (ns[i] < Math.max(1, done) || ns[i] > rolls.length) {
                throw new IllegalArgumentException("roll counts must ascend from 1 to " + rolls.length);
            }
            for (; done < ns[i]; done++) {
                counts[rolls[done]]++;
            }
            errors[i] = totalVariation(p, alpha == 0 ? maximumLikelihood(counts) : posteriorMean(counts, alpha));
        }
        return errors;
    }

    /** About {@code points} roll counts from 1 to {@code n}, evenly spaced on a log scale, each once. */
    public static int[] logSpaced(int n, int points) {
        if (n < 1) {
            return new int[0];
        }
        int[] ns = new int[Math.max(2, points)];
        int count = 0;
        for (int i = 0; i < ns.length; i++) {
            int v = (int) Math.round(Math.exp(Math.log(n) * i / (ns.length - 1)));
            v = Math.max(1, Math.min(n, v));
            if (count == 0 || v > ns[count - 1]) {
                ns[count++] = v;
            }
        }
        return Arrays.copyOf(ns, count);
    }

    private static long total(int[] counts) {
        if (counts.length != FACES) {
            throw new IllegalArgumentException("a die has " + FACES + " faces, got " + counts.length + " counts");
        }
        long n = 0;
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("counts must be at least 0, got " + Arrays.toString(counts));
            }
            n += c;
        }
        return n;
    }
}
