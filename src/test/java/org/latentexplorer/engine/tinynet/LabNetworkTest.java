package org.latentexplorer.engine.tinynet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.Distribution2D;

/**
 * The lab's hand-written backward passes against finite differences of the forward pass. The loss is a fixed random
 * weighting of the outputs, L = Σ w·y, so its gradient at the output is w and every path through the network counts.
 */
class LabNetworkTest {
    private static final double H = 1e-6;
    private static final int ROWS = 5;

    private static double[] gaussian(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static double loss(LabNetwork net, double[] x, double[] w) {
        double[] y = net.forward(x, ROWS, false);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += w[i] * y[i];
        }
        return sum;
    }

    private static double central(LabNetwork net, double[] values, int i, double[] x, double[] w) {
        double keep = values[i];
        values[i] = keep + H;
        double up = loss(net, x, w);
        values[i] = keep - H;
        double down = loss(net, x, w);
        values[i] = keep;
        return (up - down) / (2 * H);
    }

    /** Analytic input and parameter gradients match central differences for every input and parameter. */
    private static void checkGradients(LabNetwork net, long seed) {
        Random rng = new Random(seed);
        double[] x = gaussian(ROWS * net.inputSize(), rng);
        double[] w = gaussian(ROWS * net.outputSize(), rng);
        net.zeroGrad();
        net.forward(x, ROWS, false);
        double[] dx = net.backward(w, ROWS);
        double[] dp = net.grads().clone();
        double scale = 0;
        for (double g : dp) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertThat(scale).as("some gradient at all").isPositive();
        double tolerance = 1e-6 * Math.max(1, scale);
        for (int i = 0; i < x.length; i++) {
            assertThat(dx[i]).as("input %d", i).isCloseTo(central(net, x, i, x, w), within(tolerance));
        }
        double[] p = net.params();
        for (int i = 0; i < p.length; i++) {
            assertThat(dp[i]).as("parameter %d", i).isCloseTo(central(net, p, i, x, w), within(tolerance));
        }
    }

    @Test
    void generatorGradientsMatchFiniteDifferences() {
        LabNetwork g = LabNetwork.generator(3, 8, 2, new Random(1));
        assertThat(g.inputSize()).isEqualTo(3);
        assertThat(g.outputSize()).isEqualTo(2);
        checkGradients(g, 11);
    }

    @Test
    void discriminatorGradientsMatchFiniteDifferences() {
        LabNetwork d = LabNetwork.discriminator(8, 2, 0, 0, new Random(2));
        assertThat(d.inputSize()).isEqualTo(2);
        assertThat(d.outputSize()).isEqualTo(1);
        checkGradients(d, 12);
    }

    @Test
    void minibatchDiscriminationGradientsMatchFiniteDifferences() {
        // Every sample's logit depends on every other sample of the batch through o; the check covers those paths.
        LabNetwork d = LabNetwork.discriminator(6, 1, 0, 3, new Random(3));
        checkGradients(d, 13);
    }

    @Test
    void gradientPenaltyGradientsMatchFiniteDifferencesOfThePenalty() {
        // Double backprop: P depends on the weights through the input gradient ∇ₓ D, itself a backward pass.
        LabNetwork d = LabNetwork.discriminator(8, 2, 0, 0, new Random(8));
        double[] x = gaussian(2 * ROWS, new Random(18));
        double lambda = 0.7;
        d.zeroGrad();
        double penalty = d.gradientPenalty(x, ROWS, lambda);
        double[] dp = d.grads().clone();
        assertThat(penalty).isPositive();
        double[] p = d.params();
        double scale = Arrays.stream(dp).map(Math::abs).max().orElseThrow();
        assertThat(scale).as("some gradient at all").isPositive();
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + H;
            double up = d.gradientPenalty(x, ROWS, lambda);
            p[i] = keep - H;
            double down = d.gradientPenalty(x, ROWS, lambda);
            p[i] = keep;
            assertThat(dp[i]).as("parameter %d", i).isCloseTo((up - down) / (2 * H), within(1e-6 * Math.max(1, scale)));
        }
        // The penalty itself: λ (‖∇ₓ D‖ − 1)² per row, ∇ₓ D from the ordinary backward pass.
        d.forward(x, ROWS, false);
        double[] ones = new double[ROWS];
        Arrays.fill(ones, 1);
        double[] gx = d.backward(ones, ROWS);
        double expected = 0;
        for (int r = 0; r < ROWS; r++) {
            double norm = Math.hypot(gx[2 * r], gx[2 * r + 1]);
            expected += lambda * (norm - 1) * (norm - 1) / ROWS;
        }
        assertThat(penalty).isCloseTo(expected, within(1e-12));
        assertThatThrownBy(() -> LabNetwork.discriminator(6, 1, 0, 3, new Random(3)).gradientPenalty(x, ROWS, 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void momentumStepsShrinkWithTheGradientAndItsStateRestores() {
        Optimizer sgd = Optimizer.momentum(1, 0.1);
        double[] p = {1};
        sgd.step(p, new double[] {2});
        assertThat(p[0]).isCloseTo(0.8, within(1e-15));
        double[] saved = sgd.saveState();
        // v = 0.5 · 2 + 1e-6: a tiny gradient now adds a tiny step, unlike Adam's step of about the learning rate.
        sgd.step(p, new double[] {1e-6});
        assertThat(p[0]).isCloseTo(0.8 - 0.1 * (1 + 1e-6), within(1e-15));
        sgd.restoreState(saved);
        sgd.step(p, new double[] {0});
        assertThat(p[0]).isCloseTo(0.8 - 0.1 * (1 + 1e-6) - 0.1, within(1e-15));
    }

    @Test
    void dropoutIsOffOutsideTrainingAndScalesWhatItKeepsInTraining() {
        LabNetwork d = LabNetwork.discriminator(16, 1, 0.5, 0, new Random(4));
        double[] x = gaussian(2 * ROWS, new Random(14));
        assertThat(d.forward(x, ROWS, false)).containsExactly(d.forward(x, ROWS, false));
        assertThat(d.forward(x, ROWS, true)).isNotEqualTo(d.forward(x, ROWS, false));
    }

    @Test
    void clippingPutsEveryParameterIntoTheBox() {
        LabNetwork d = LabNetwork.discriminator(8, 2, 0, 0, new Random(5));
        d.clip(0.05);
        assertThat(Arrays.stream(d.copyParams()).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void parametersCopyAndRestoreExactly() {
        LabNetwork g = LabNetwork.generator(2, 4, 1, new Random(6));
        double[] saved = g.copyParams();
        g.params()[0] += 1;
        g.setParams(saved);
        assertThat(g.copyParams()).containsExactly(saved);
        assertThatThrownBy(() -> g.setParams(new double[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minibatchFeaturesTellACollapsedBatchFromADiverseOne() {
        MinibatchDiscrimination layer = new MinibatchDiscrimination(2, 4, 4);
        double[] p = new double[layer.paramCount()];
        layer.init(p, 0, new Random(7));
        int n = 64;
        double[] collapsed = new double[2 * n];
        Arrays.fill(collapsed, 1.0);
        double[] diverse = Distribution2D.ring().sample(n, new Random(17));
        double collapsedO = meanO(layer, p, collapsed, n);
        double diverseO = meanO(layer, p, diverse, n);
        // Identical samples are at distance 0 in every kernel, so each c(i, j) = exp(0) = 1.
        assertThat(collapsedO).isCloseTo(1.0, within(1e-12));
        assertThat(diverseO).isLessThan(0.5);
    }

    private static double meanO(MinibatchDiscrimination layer, double[] p, double[] f, int n) {
        double[] y = layer.forward(p, 0, f, n, true);
        int width = layer.outSize();
        double sum = 0;
        for (int r = 0; r < n; r++) {
            // The features pass through unchanged; o follows them.
            assertThat(y[r * width]).isEqualTo(f[r * 2]);
            for (int b = 0; b < layer.kernels(); b++) {
                sum += y[r * width + 2 + b];
            }
        }
        return sum / (n * layer.kernels());
    }
}
