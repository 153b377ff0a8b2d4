package org.latentexplorer.engine.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SampleQualityTest {

    @BeforeAll
    static void configure() {
        Nd4jRuntime.configureThreads(1);
    }

    /** n one-hot rows; row i is class classOf(i). */
    private static INDArray oneHotRows(int n, java.util.function.IntUnaryOperator classOf) {
        INDArray p = Nd4j.zeros(DataType.FLOAT, n, 10);
        for (int i = 0; i < n; i++) {
            p.putScalar(i, classOf.applyAsInt(i), 1);
        }
        return p;
    }

    /** n rows of d values: each coordinate scale · N(0, 1) + shift. */
    private static INDArray gaussian(int n, int d, double scale, double[] shift, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = shift[j] + scale * Math.sqrt(-2 * Math.log(1 - r.nextDouble()))
                        * Math.cos(2 * Math.PI * r.nextDouble());
            }
        }
        return Nd4j.create(x);
    }

    @Test
    void confidentSamplesSpreadEvenlyOverTenClassesScoreTen() {
        INDArray p = oneHotRows(1000, i -> i % 10);
        assertThat(SampleQuality.inceptionScore(p)).isCloseTo(10.0, within(1e-6));
        int[] histogram = SampleQuality.classHistogram(p);
        assertThat(histogram).containsOnly(100);
        assertThat(SampleQuality.classesCovered(histogram)).isEqualTo(10);
    }

    @Test
    void samplesAllOfOneClassScoreOneAndCoverOneClass() {
        INDArray p = oneHotRows(500, i -> 3);
        assertThat(SampleQuality.inceptionScore(p)).isCloseTo(1.0, within(1e-9));
        int[] histogram = SampleQuality.classHistogram(p);
        assertThat(histogram).containsExactly(0, 0, 0, 500, 0, 0, 0, 0, 0, 0);
        assertThat(SampleQuality.classesCovered(histogram)).isEqualTo(1);
    }

    @Test
    void undecidedSamplesScoreOne() {
        INDArray p = Nd4j.valueArrayOf(new long[] {200, 10}, 0.1f);
        assertThat(SampleQuality.inceptionScore(p)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void scoreFallsBetweenTheExtremesForHalfCertainSamples() {
        // Every sample is 0.5 on its own class and 0.5 spread over the other nine; classes balanced.
        INDArray p = Nd4j.valueArrayOf(new long[] {100, 10}, 0.5f / 9);
        for (int i = 0; i < 100; i++) {
            p.putScalar(i, i % 10, 0.5);
        }
        // KL to the uniform mean: ln 10 + 0.5 ln 0.5 + 0.5 ln(0.5 / 9).
        double expected = Math.exp(Math.log(10) + 0.5 * Math.log(0.5) + 0.5 * Math.log(0.5 / 9));
        assertThat(SampleQuality.inceptionScore(p)).isCloseTo(expected, within(1e-5));
        assertThat(SampleQuality.classHistogram(p)).containsOnly(10);
    }

    @Test
    void aClassBelowTheMinimumShareIsNotCovered() {
        // 4% of the samples in class 9, the rest spread over 0-8.
        int[] histogram = {120, 120, 120, 120, 120, 120, 100, 80, 60, 40};
        assertThat(SampleQuality.classesCovered(histogram, 0.05)).isEqualTo(9);
        assertThat(SampleQuality.classesCovered(histogram, 0.04)).isEqualTo(10);
        assertThat(SampleQuality.classesCovered(histogram)).isEqualTo(9);
        assertThat(SampleQuality.classesCovered(new int[10])).isZero();
        assertThatThrownBy(() -> SampleQuality.classesCovered(histogram, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frechetDistanceOfASetToItselfIsZero() {
        INDArray x = gaussian(300, 6, 1.5, new double[6], 1);
        assertThat(SampleQuality.frechetDistance(x, x)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void shiftedMeansGiveTheSquaredDistanceOfTheMeans() {
        double[] mu = {1, -2, 0.5, 1.5};
        INDArray a = gaussian(20_000, 4, 1, new double[4], 2);
        INDArray b = gaussian(20_000, 4, 1, mu, 3);
        // ‖μ‖² = 7.5; sampling error in the means and covariances is a few hundredths at this n.
        assertThat(SampleQuality.frechetDistance(a, b)).isCloseTo(7.5, within(0.1));
    }

    @Test
    void doubledSpreadGivesDTimesOnePlusFourMinusFour() {
        int d = 5;
        INDArray a = gaussian(20_000, d, 1, new double[d], 4);
        INDArray b = gaussian(20_000, d, 2, new double[d], 5);
        // Covariances I and 4I: Tr(I + 4I − 2 · 2I) = d.
        assertThat(SampleQuality.frechetDistance(a, b)).isCloseTo(d, within(0.15));
    }

    @Test
    void frechetDistanceIsSymmetric() {
        INDArray a = gaussian(400, 8, 1, new double[8], 6);
        INDArray b = gaussian(300, 8, 0.7, new double[] {0.3, 0, 0, 0, 0, 0, 0, -0.4}, 7);
        double ab = SampleQuality.frechetDistance(a, b);
        assertThat(ab).isGreaterThan(0.1);
        assertThat(SampleQuality.frechetDistance(b, a)).isCloseTo(ab, within(1e-9 * ab));
    }

    @Test
    void frechetDistanceCopesWithFeaturesThatNeverChange() {
        // Dead ReLU units give constant features, so singular covariances: the distance still is the mean term.
        INDArray a = Nd4j.hstack(gaussian(500, 3, 1, new double[3], 8), Nd4j.zeros(DataType.DOUBLE, 500, 2));
        INDArray b = Nd4j.hstack(gaussian(500, 3, 1, new double[3], 8), Nd4j.ones(DataType.DOUBLE, 500, 2));
        assertThat(SampleQuality.frechetDistance(a, b)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void rejectsInputsItCannotScore() {
        INDArray four = Nd4j.zeros(DataType.FLOAT, 10, 4);
        assertThatThrownBy(() -> SampleQuality.frechetDistance(four, Nd4j.zeros(DataType.FLOAT, 10, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features per row");
        assertThatThrownBy(() -> SampleQuality.frechetDistance(four, Nd4j.zeros(DataType.FLOAT, 1, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 rows");
        INDArray nan = Nd4j.valueArrayOf(new long[] {3, 10}, Float.NaN);
        assertThatThrownBy(() -> SampleQuality.inceptionScore(nan))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }

    /** B Bᵀ for a random n x k B: positive semi-definite, singular when k < n, as a covariance of k points is. */
    private static org.apache.commons.math3.linear.RealMatrix randomPsd(int n, int k, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[][] b = new double[n][k];
        for (double[] row : b) {
            for (int j = 0; j < k; j++) {
                row[j] = r.nextDouble(-1, 1);
            }
        }
        var m = org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(b);
        return m.multiply(m.transpose());
    }

    private static double maxDifference(org.apache.commons.math3.linear.RealMatrix a,
            org.apache.commons.math3.linear.RealMatrix b) {
        return java.util.Arrays.stream(a.subtract(b).getData()).flatMapToDouble(java.util.Arrays::stream)
                .map(Math::abs).max().orElse(0);
    }

    @Test
    void squareRootSquaredGivesThePsdMatrixBackEvenWhenSingular() {
        for (int k : new int[] {12, 5}) { // full rank, then rank 5 of 12: eigenvalues a rounding below zero
            var m = randomPsd(12, k, k);
            var root = SampleQuality.sqrtPsd(m);
            assertThat(maxDifference(root.multiply(root), m)).as("rank %d", k).isLessThan(1e-9);
            assertThat(maxDifference(root, root.transpose())).isZero();
            // The principal root: positive semi-definite itself.
            double[] values = new org.apache.commons.math3.linear.EigenDecomposition(root).getRealEigenvalues();
            assertThat(java.util.Arrays.stream(values).min().orElseThrow()).isGreaterThan(-1e-6);
        }
        var big = randomPsd(128, 128, 9);
        var root = SampleQuality.sqrtPsd(big);
        assertThat(maxDifference(root.multiply(root), big)).isLessThan(1e-8);
    }
}
