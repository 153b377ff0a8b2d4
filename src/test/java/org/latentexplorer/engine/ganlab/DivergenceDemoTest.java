package org.latentexplorer.engine.ganlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.latentexplorer.engine.ganlab.DivergenceDemo.Shape;

class DivergenceDemoTest {
    private static final double LN2 = Math.log(2);
    private static final double W = 0.3;

    /** JSD of N(0, w²) and N(θ, w²) straight from its definition, ½ ∫ p log(2p / (p + q)) + q log(2q / (p + q)) dx. */
    private static double jsdByDefinition(double theta, double w) {
        double lo = Math.min(0, theta) - 15 * w;
        double hi = Math.max(0, theta) + 15 * w;
        int n = 200_000;
        double h = (hi - lo) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = lo + i * h;
            double p = gauss(x, 0, w);
            double q = gauss(x, theta, w);
            double m = (p + q) / 2;
            double f = (p > 0 ? p * Math.log(p / m) : 0) + (q > 0 ? q * Math.log(q / m) : 0);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3 / 2;
    }

    private static double gauss(double x, double mean, double w) {
        double u = (x - mean) / w;
        return Math.exp(-u * u / 2) / (w * Math.sqrt(2 * Math.PI));
    }

    @Test
    void bumpsOnTopOfEachOtherHaveNoDivergenceAndNoDistance() {
        assertThat(DivergenceDemo.jsd(Shape.BUMPS, 0, W)).isCloseTo(0, within(1e-12));
        assertThat(DivergenceDemo.emd(Shape.BUMPS, 0, W)).isZero();
    }

    @Test
    void bumpsFarApartSaturateAtLn2WhileTheEmdKeepsGrowing() {
        assertThat(DivergenceDemo.jsd(Shape.BUMPS, 20 * W, W)).isCloseTo(LN2, within(1e-6));
        assertThat(DivergenceDemo.jsd(Shape.BUMPS, -20 * W, W)).isCloseTo(LN2, within(1e-6));
        assertThat(DivergenceDemo.jsd(Shape.BUMPS, 4, 0.05)).isCloseTo(LN2, within(1e-12));
        assertThat(DivergenceDemo.emd(Shape.BUMPS, 20 * W, W)).isCloseTo(20 * W, within(1e-12));
        assertThat(DivergenceDemo.emd(Shape.BUMPS, -2.5, W)).isEqualTo(2.5);
    }

    @Test
    void bumpsJsdGrowsWithTheDistanceAndIsSymmetric() {
        double previous = -1;
        for (int i = 0; i <= 120; i++) {
            double theta = i * 0.05;
            double j = DivergenceDemo.jsd(Shape.BUMPS, theta, W);
            assertThat(DivergenceDemo.jsd(Shape.BUMPS, -theta, W)).isCloseTo(j, within(1e-12));
            assertThat(j).isBetween(0.0, LN2);
            if (theta < 4 * W) {
                assertThat(j).as("θ = %s", theta).isGreaterThan(previous);
            } else {
                assertThat(j).as("θ = %s", theta).isGreaterThanOrEqualTo(previous - 1e-15);
            }
            previous = j;
        }
    }

    @Test
    void bumpsJsdMatchesAnIndependentIntegrationOfTheDefinition() {
        for (double theta : new double[] {0.1, 0.3, 0.6, 1.0, 1.7}) {
            assertThat(DivergenceDemo.jsd(Shape.BUMPS, theta, W)).as("θ = %s", theta)
                    .isCloseTo(jsdByDefinition(theta, W), within(1e-6));
        }
        // Only the ratio θ / w matters: stretching both leaves the divergence alone.
        assertThat(DivergenceDemo.jsd(Shape.BUMPS, 1.5, 1.0)).isCloseTo(DivergenceDemo.jsd(Shape.BUMPS, 0.45, W),
                within(1e-12));
    }

    @Test
    void bumpsBarelyApartFollowTheFisherInformationLimit() {
        // For a small shift δ of a location family, JSD ≈ I δ² / 8 with Fisher information I = 1 / w².
        double delta = 0.01;
        assertThat(DivergenceDemo.jsd(Shape.BUMPS, delta, W)).isCloseTo(delta * delta / (8 * W * W),
                within(1e-3 * delta * delta / (8 * W * W)));
    }

    @Test
    void theJsdGradientVanishesOnceApartWhileTheEmdGradientStaysOne() {
        // Overlapping: both pull P_g back towards P_r.
        assertThat(DivergenceDemo.jsdSlope(Shape.BUMPS, 0.3, W)).isGreaterThan(0.5);
        assertThat(DivergenceDemo.emdSlope(Shape.BUMPS, 0.3, W)).isCloseTo(1, within(1e-9));
        // Apart: the JSD is flat, the EMD still says which way to go.
        assertThat(DivergenceDemo.jsdSlope(Shape.BUMPS, 20 * W, W)).isCloseTo(0, within(1e-9));
        assertThat(DivergenceDemo.jsdSlope(Shape.BUMPS, 3, W)).isCloseTo(0, within(1e-4));
        assertThat(DivergenceDemo.emdSlope(Shape.BUMPS, 3, W)).isCloseTo(1, within(1e-9));
        assertThat(DivergenceDemo.emdSlope(Shape.BUMPS, -3, W)).isCloseTo(-1, within(1e-9));
        // The slope agrees with the change of the JSD over a larger step.
        double theta = 0.4;
        double coarse = (DivergenceDemo.jsd(Shape.BUMPS, theta + 0.01, W) - DivergenceDemo.jsd(Shape.BUMPS, theta - 0.01, W))
                / 0.02;
        assertThat(DivergenceDemo.jsdSlope(Shape.BUMPS, theta, W)).isCloseTo(coarse, within(1e-3));
    }

    @Test
    void parallelSegmentsAreLn2ApartForAnyShiftButZero() {
        for (double theta : new double[] {1e-9, 0.01, 0.5, -1, 4}) {
            assertThat(DivergenceDemo.jsd(Shape.SEGMENTS, theta, W)).isEqualTo(LN2);
            assertThat(DivergenceDemo.emd(Shape.SEGMENTS, theta, W)).isEqualTo(Math.abs(theta));
        }
        assertThat(DivergenceDemo.jsd(Shape.SEGMENTS, 0, W)).isZero();
        assertThat(DivergenceDemo.jsdSlope(Shape.SEGMENTS, 1, W)).isZero();
        assertThat(DivergenceDemo.emdSlope(Shape.SEGMENTS, 1, W)).isCloseTo(1, within(1e-9));
    }

    @Test
    void aBumpsDensityIsANormalDensityAroundItsShift() {
        double[] xs = new double[4001];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -3 + i * 0.002;
        }
        double[] d = DivergenceDemo.density(Shape.BUMPS, 1, W, xs);
        double mass = 0;
        int peak = 0;
        for (int i = 0; i < d.length; i++) {
            mass += d[i] * 0.002;
            peak = d[i] > d[peak] ? i : peak;
        }
        assertThat(mass).isCloseTo(1, within(1e-6));
        assertThat(xs[peak]).isCloseTo(1, within(1e-9));
        assertThat(d[peak]).isCloseTo(1 / (W * Math.sqrt(2 * Math.PI)), within(1e-9));
        assertThat(DivergenceDemo.density(Shape.SEGMENTS, 2, W, new double[] {-0.1, 0, 0.5, 1, 1.1}))
                .containsExactly(0, 1, 1, 1, 0);
    }

    @Test
    void aWidthThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> DivergenceDemo.jsd(Shape.BUMPS, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DivergenceDemo.density(Shape.BUMPS, 1, -1, new double[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
