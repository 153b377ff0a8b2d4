package org.latentexplorer.engine.ganlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DivergencesTest {
    private static final double LN2 = Math.log(2);

    @Test
    void jsdOfADistributionWithItselfIsZeroWhateverItsScale() {
        assertThat(Divergences.jensenShannon(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isCloseTo(0, within(1e-15));
    }

    @Test
    void jsdOfDisjointSupportsIsLn2() {
        assertThat(Divergences.jensenShannon(new double[] {1, 1, 0, 0}, new double[] {0, 0, 3, 1}))
                .isCloseTo(LN2, within(1e-12));
    }

    @Test
    void jsdOfACertainOutcomeAgainstAFairCoin() {
        // M = (3/4, 1/4): ½ log(1 / (3/4)) + ½ [½ log((1/2) / (3/4)) + ½ log((1/2) / (1/4))] = 3/2 ln 2 − 3/4 ln 3.
        double expected = 0.5 * Math.log(4.0 / 3) + 0.5 * (0.5 * Math.log(2.0 / 3) + 0.5 * Math.log(2));
        assertThat(expected).isCloseTo(1.5 * LN2 - 0.75 * Math.log(3), within(1e-15));
        assertThat(Divergences.jensenShannon(new double[] {1, 0}, new double[] {0.5, 0.5})).isCloseTo(expected, within(1e-15));
    }

    @Test
    void jsdIsSymmetricAndBounded() {
        Random r = new Random(4);
        for (int t = 0; t < 50; t++) {
            double[] p = new double[6];
            double[] q = new double[6];
            for (int i = 0; i < 6; i++) {
                p[i] = r.nextDouble() < 0.3 ? 0 : r.nextDouble();
                q[i] = r.nextDouble() < 0.3 ? 0 : r.nextDouble();
            }
            p[0] += 0.1;
            q[1] += 0.1;
            double pq = Divergences.jensenShannon(p, q);
            assertThat(Divergences.jensenShannon(q, p)).isCloseTo(pq, within(1e-15));
            assertThat(pq).isBetween(0.0, LN2);
        }
    }

    @Test
    void jsdRefusesWhatIsNotADistribution() {
        assertThatThrownBy(() -> Divergences.jensenShannon(new double[] {1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Divergences.jensenShannon(new double[] {1, -1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Divergences.jensenShannon(new double[] {0, 0}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Divergences.jensenShannon(new double[] {Double.NaN, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] cloud(int n, double cx, double cy, double std, long seed) {
        Random r = new Random(seed);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = cx + std * r.nextGaussian();
            xy[2 * i + 1] = cy + std * r.nextGaussian();
        }
        return xy;
    }

    @Test
    void histogramJsdOfFarApartCloudsIsLn2AndOfOneCloudNearZero() {
        double[] left = cloud(1000, -3, 0, 0.3, 5);
        double[] right = cloud(1000, 3, 1, 0.3, 6);
        assertThat(Divergences.histogramJensenShannon(left, right, 6, 40)).isCloseTo(LN2, within(1e-12));
        double[] again = cloud(1000, -3, 0, 0.3, 7);
        assertThat(Divergences.histogramJensenShannon(left, again, 6, 10)).isLessThan(0.02);
    }

    @Test
    void histogramClampsPointsOutsideTheSquareIntoItsEdgeCells() {
        // Far outside and just inside the same corner land in the same cell.
        assertThat(Divergences.histogramJensenShannon(new double[] {100, 100}, new double[] {5.9, 5.9}, 6, 4)).isZero();
        assertThat(Divergences.histogramJensenShannon(new double[] {-100, 100}, new double[] {5.9, 5.9}, 6, 4))
                .isCloseTo(LN2, within(1e-15));
    }

    @Test
    void emdOfASetAndItsTranslateIsTheLengthOfTheShift() {
        double[] a = cloud(64, 0.5, -1, 1, 8);
        double[] b = a.clone();
        for (int i = 0; i < 64; i++) {
            b[2 * i] += 3;
            b[2 * i + 1] -= 4;
        }
        assertThat(Divergences.earthMovers(a, b)).isCloseTo(5, within(1e-9));
        assertThat(Divergences.earthMovers(a, a)).isZero();
    }

    @Test
    void emdFindsTheCheapMatchingWhenPairingInOrderIsNot() {
        // In order: (0,0)→(10,1) and (10,0)→(0,1), each √101. Crossed: each 1.
        double[] a = {0, 0, 10, 0};
        double[] b = {10, 1, 0, 1};
        assertThat(Divergences.earthMovers(a, b)).isCloseTo(1, within(1e-12));
        // On a line, in order: 0→2, 1→3, 2→0 costs 6; best is 0→0, 1→2, 2→3 at 0 + 1 + 1.
        assertThat(Divergences.earthMovers(new double[] {0, 0, 1, 0, 2, 0}, new double[] {2, 0, 3, 0, 0, 0}))
                .isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void emdAgreesWithEveryMatchingTriedByBruteForce() {
        Random r = new Random(9);
        for (int t = 0; t < 20; t++) {
            double[] a = cloud(6, 0, 0, 1, r.nextLong());
            double[] b = cloud(6, 0.5, 0, 1, r.nextLong());
            assertThat(Divergences.earthMovers(a, b)).isCloseTo(bruteForce(a, b), within(1e-12));
        }
    }

    private static double bruteForce(double[] a, double[] b) {
        int n = a.length / 2;
        return best(a, b, new boolean[n], 0, 0) / n;
    }

    private static double best(double[] a, double[] b, boolean[] taken, int i, double sofar) {
        int n = taken.length;
        if (i == n) {
            return sofar;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!taken[j]) {
                taken[j] = true;
                min = Math.min(min, best(a, b, taken, i + 1,
                        sofar + Math.hypot(a[2 * i] - b[2 * j], a[2 * i + 1] - b[2 * j + 1])));
                taken[j] = false;
            }
        }
        return min;
    }

    @Test
    void emdOf256PointsIsExactlyRepeatableAndNearTheMeansDistance() {
        // Its speed, which the lab's live curve needs, is measured by the bench command, not here.
        double[] a = cloud(256, 0, 0, 1, 10);
        double[] b = cloud(256, 2, 0, 1, 11);
        double emd = Divergences.earthMovers(a, b);
        assertThat(Divergences.earthMovers(a, b)).isEqualTo(emd);
        assertThat(Divergences.earthMovers(b, a)).isCloseTo(emd, within(1e-9));
        // Two unit Gaussians 2 apart: W1 is at least the distance of the sample means, near 2.
        assertThat(emd).isGreaterThan(1.9).isLessThan(2.6);
    }

    @Test
    void emdRefusesSetsOfDifferentSizes() {
        assertThatThrownBy(() -> Divergences.earthMovers(new double[] {0, 0, 1, 1}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Divergences.earthMovers(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void w1OfTwoUnitGaussiansIsTheDistanceOfTheirMeans() {
        Random r = new Random(12);
        double[] a = new double[20000];
        double[] b = new double[20000];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
            b[i] = 1.5 + r.nextGaussian();
        }
        assertThat(Divergences.wasserstein1D(a, b)).isCloseTo(1.5, within(0.03));
        assertThat(Divergences.wasserstein1D(new double[] {3, 1}, new double[] {0, 2})).isCloseTo(1, within(1e-15));
        assertThatThrownBy(() -> Divergences.wasserstein1D(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
