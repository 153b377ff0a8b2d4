package org.latentexplorer.engine.intro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The chapter's die: seeded rolls, the maximum-likelihood and Dirichlet fits, and the fit converging on the truth. */
class SkewedDieTest {

    @Test
    void weightsAreNormalisedToProbabilities() {
        SkewedDie die = new SkewedDie(1, 1, 1, 1, 2, 4);
        assertThat(die.probabilities()).containsExactly(new double[] {0.1, 0.1, 0.1, 0.1, 0.2, 0.4}, within(1e-12));
        assertThat(Arrays.stream(SkewedDie.skewed().probabilities()).sum()).isCloseTo(1, within(1e-12));
        assertThat(SkewedDie.fair().probabilities()).containsOnly(1.0 / 6);
    }

    @Test
    void badProbabilitiesAreRefused() {
        assertThatThrownBy(() -> new SkewedDie(0.5, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 faces");
        assertThatThrownBy(() -> new SkewedDie(0.5, 0.5, 0, 0, 0.2, -0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> new SkewedDie(0.5, Double.NaN, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SkewedDie(1, Double.POSITIVE_INFINITY, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SkewedDie(0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above 0");
        assertThatThrownBy(() -> SkewedDie.posteriorMean(new int[6], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SkewedDie.maximumLikelihood(new int[6])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rollsAreSeededAndNeverShowAFaceOfProbabilityZero() {
        SkewedDie die = new SkewedDie(0, 1, 0, 1, 0, 0);
        int[] rolls = die.roll(10_000, 7);
        assertThat(rolls).isEqualTo(die.roll(10_000, 7)).isNotEqualTo(die.roll(10_000, 8));
        assertThat(rolls).containsOnly(1, 3);
    }

    @Test
    void maximumLikelihoodIsCountsOverN() {
        int[] rolls = SkewedDie.skewed().roll(1000, 3);
        int[] counts = SkewedDie.counts(rolls, 1000);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(1000);
        double[] fit = SkewedDie.maximumLikelihood(counts);
        for (int k = 0; k < SkewedDie.FACES; k++) {
            assertThat(fit[k]).isEqualTo(counts[k] / 1000.0);
        }
        assertThat(SkewedDie.counts(rolls, 10)).isEqualTo(SkewedDie.counts(Arrays.copyOf(rolls, 10), 10));
    }

    @Test
    void theDirichletPriorGivesThePosteriorMean() {
        int[] counts = {0, 1, 2, 3, 4, 10};
        double[] q = SkewedDie.posteriorMean(counts, 2);
        // (n_k + α) / (N + Kα) with N = 20, K = 6, α = 2.
        assertThat(q).containsExactly(new double[] {2 / 32.0, 3 / 32.0, 4 / 32.0, 5 / 32.0, 6 / 32.0, 12 / 32.0},
                within(1e-12));
        // A face never rolled keeps a probability above 0; without rolls the prior alone gives the fair die.
        assertThat(SkewedDie.maximumLikelihood(counts)[0]).isZero();
        assertThat(q[0]).isPositive();
        assertThat(SkewedDie.posteriorMean(new int[6], 0.5)).containsOnly(1.0 / 6);
    }

    @Test
    void totalVariationIsHalfTheL1Distance() {
        double[] p = SkewedDie.fair().probabilities();
        assertThat(SkewedDie.totalVariation(p, p)).isZero();
        assertThat(SkewedDie.totalVariation(new double[] {1, 0, 0, 0, 0, 0}, new double[] {0, 1, 0, 0, 0, 0}))
                .isEqualTo(1);
        assertThat(SkewedDie.totalVariation(new double[] {0.5, 0.5, 0, 0, 0, 0}, new double[] {0.25, 0.75, 0, 0, 0, 0}))
                .isCloseTo(0.25, within(1e-12));
    }

    @Test
    void theEstimateConvergesOnTheTrueDieAsNGrows() {
        SkewedDie die = SkewedDie.skewed();
        int[] ns = {100, 100_000};
        for (long seed = 1; seed <= 5; seed++) {
            int[] rolls = die.roll(100_000, seed);
            double[] mle = die.errorCurve(rolls, ns, 0);
            double[] prior = die.errorCurve(rolls, ns, 1);
            // Total variation falls like 1/√N: 0.04 to 0.12 at N = 100, 0.002 to 0.003 at N = 100,000 for these seeds.
            assertThat(mle[1]).as("seed %d", seed).isLessThan(0.01).isLessThan(mle[0] / 5);
            assertThat(prior[1]).as("seed %d", seed).isLessThan(0.01).isLessThan(prior[0] / 5);
        }
    }

    @Test
    void theErrorCurveMatchesFitsOfEachPrefix() {
        SkewedDie die = SkewedDie.skewed();
        int[] rolls = die.roll(500, 11);
        int[] ns = SkewedDie.logSpaced(500, 20);
        assertThat(ns[0]).isEqualTo(1);
        assertThat(ns[ns.length - 1]).isEqualTo(500);
        for (int i = 1; i < ns.length; i++) {
            assertThat(ns[i]).isGreaterThan(ns[i - 1]);
        }
        double[] errors = die.errorCurve(rolls, ns, 0.5);
        for (int i = 0; i < ns.length; i++) {
            double[] fit = SkewedDie.posteriorMean(SkewedDie.counts(rolls, ns[i]), 0.5);
            assertThat(errors[i]).isCloseTo(SkewedDie.totalVariation(die.probabilities(), fit), within(1e-12));
        }
    }

    @Test
    void aPseudoDieRolledFromTheFitLooksLikeTheRealOne() {
        SkewedDie die = SkewedDie.skewed();
        double[] fit = SkewedDie.maximumLikelihood(SkewedDie.counts(die.roll(50_000, 5), 50_000));
        double[] pseudo = SkewedDie.frequencies(SkewedDie.counts(new SkewedDie(fit).roll(50_000, 6), 50_000));
        assertThat(SkewedDie.totalVariation(die.probabilities(), pseudo)).isLessThan(0.02);
    }
}
