package org.latentexplorer.engine.ae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {
    private static final int CLUSTERS = 5;
    private static final int DIMS = 8;
    private static final int PER_CLUSTER = 60;

    /** Cluster c is centred at 10 · e_c (distance 14 between centres) with N(0, 0.5²) spread in every dimension. */
    private static double[][] separated(int[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[CLUSTERS * PER_CLUSTER][DIMS];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = i % CLUSTERS;
            for (int j = 0; j < DIMS; j++) {
                rows[i][j] = (j == labels[i] ? 10 : 0) + 0.5 * r.nextGaussian();
            }
        }
        return rows;
    }

    @Test
    void wellSeparatedClustersAreFoundExactly() {
        int[] labels = new int[CLUSTERS * PER_CLUSTER];
        double[][] rows = separated(labels, 1);
        KMeans.Result result = KMeans.fit(rows, CLUSTERS, KMeans.DEFAULT_RESTARTS, 3);

        assertThat(ClusterScores.purity(result.assignments(), labels)).isEqualTo(1.0);
        assertThat(ClusterScores.normalizedMutualInformation(result.assignments(), labels)).isCloseTo(1.0, within(1e-9));
        assertThat(result.k()).isEqualTo(CLUSTERS);
        // Each centroid sits on its true centre, and the inertia is about n · d · 0.5².
        for (double[] c : result.centroids()) {
            int peak = 0;
            for (int j = 1; j < DIMS; j++) {
                peak = c[j] > c[peak] ? j : peak;
            }
            for (int j = 0; j < DIMS; j++) {
                assertThat(c[j]).isCloseTo(j == peak ? 10 : 0, within(0.3));
            }
        }
        assertThat(result.inertia()).isCloseTo(rows.length * DIMS * 0.25, within(0.15 * rows.length * DIMS * 0.25));
        assertThat(result.nearest(new double[] {0, 0, 9, 0, 0, 0, 0, 0}))
                .isEqualTo(result.assignments()[2]); // row 2 is of cluster 2
    }

    @Test
    void aSmallCaseHasTheHandComputedCentroidsAndInertia() {
        double[][] rows = {{0, 0}, {1, 0}, {10, 10}, {11, 10}, {10, 11}};
        KMeans.Result result = KMeans.fit(rows, 2, 3, 7);
        int[] a = result.assignments();
        assertThat(a[0]).isEqualTo(a[1]).isNotEqualTo(a[2]);
        assertThat(a[2]).isEqualTo(a[3]).isEqualTo(a[4]);
        assertThat(result.centroids()[a[0]]).containsExactly(new double[] {0.5, 0}, within(1e-12));
        assertThat(result.centroids()[a[2]]).containsExactly(new double[] {31.0 / 3, 31.0 / 3}, within(1e-12));
        // 2 · 0.5² + (1/3)²·2 + (2/3)² + (1/3)² + (1/3)² + (2/3)² = 0.5 + 4/3
        assertThat(result.inertia()).isCloseTo(0.5 + 4.0 / 3, within(1e-12));
    }

    @Test
    void flatFloatRowsGiveTheSameClustersAsArraysOfRows() {
        int[] labels = new int[CLUSTERS * PER_CLUSTER];
        double[][] rows = separated(labels, 2);
        float[] flat = new float[rows.length * DIMS];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < DIMS; j++) {
                flat[i * DIMS + j] = (float) rows[i][j];
                rows[i][j] = flat[i * DIMS + j]; // the same values in both forms
            }
        }
        assertThat(KMeans.fit(flat, DIMS, CLUSTERS, 2, 4).assignments())
                .isEqualTo(KMeans.fit(rows, CLUSTERS, 2, 4).assignments());
    }

    @Test
    void theSeedDecidesTheResultAndMoreRestartsNeverDoWorse() {
        SplittableRandom r = new SplittableRandom(8);
        double[][] blob = new double[400][3];
        for (double[] row : blob) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextGaussian();
            }
        }
        // One structureless blob: starts matter, so restarts have something to choose between.
        KMeans.Result once = KMeans.fit(blob, 6, 1, 11);
        assertThat(KMeans.fit(blob, 6, 1, 11).assignments()).isEqualTo(once.assignments());
        assertThat(KMeans.fit(blob, 6, 1, 12).inertia()).isNotEqualTo(once.inertia());
        // The first restart of a seed is the one-restart run of that seed, so the best of eight is no worse.
        assertThat(KMeans.fit(blob, 6, 8, 11).inertia()).isLessThanOrEqualTo(once.inertia());
    }

    @Test
    void theResultIsAFixedPointOfLloydsIterations() {
        // Overlapping blobs in 20 dimensions: rows near the borders move for many iterations before they settle.
        SplittableRandom r = new SplittableRandom(13);
        int n = 600;
        int dims = 20;
        double[][] rows = new double[n][dims];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dims; j++) {
                rows[i][j] = (j == i % 4 ? 2 : 0) + r.nextGaussian();
            }
        }
        KMeans.Result result = KMeans.fit(rows, 7, 2, 5);
        double[][] sums = new double[7][dims];
        int[] counts = new int[7];
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            // Every row is with its nearest centroid ...
            assertThat(result.nearest(rows[i])).isEqualTo(result.assignments()[i]);
            counts[result.assignments()[i]]++;
            for (int j = 0; j < dims; j++) {
                sums[result.assignments()[i]][j] += rows[i][j];
                inertia += Math.pow(rows[i][j] - result.centroids()[result.assignments()[i]][j], 2);
            }
        }
        // ... and every centroid is the mean of its rows.
        for (int c = 0; c < 7; c++) {
            assertThat(counts[c]).isPositive();
            for (int j = 0; j < dims; j++) {
                assertThat(result.centroids()[c][j]).isCloseTo(sums[c][j] / counts[c], within(1e-9));
            }
        }
        assertThat(result.inertia()).isCloseTo(inertia, within(1e-9 * inertia));
    }

    @Test
    void edgeCasesKeepKClusters() {
        double[][] same = {{1, 2}, {1, 2}, {1, 2}, {1, 2}};
        KMeans.Result r = KMeans.fit(same, 3, 2, 1);
        assertThat(r.k()).isEqualTo(3);
        assertThat(r.inertia()).isZero();

        double[][] rows = {{0}, {2}, {7}};
        assertThat(KMeans.fit(rows, 3, 1, 1).inertia()).isZero();
        KMeans.Result one = KMeans.fit(rows, 1, 1, 1);
        assertThat(one.centroids()[0]).containsExactly(3.0);
        assertThat(one.assignments()).containsOnly(0);
    }

    @Test
    void badInputIsRefused() {
        double[][] rows = {{0, 1}, {1, 0}};
        assertThatThrownBy(() -> KMeans.fit(rows, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be");
        assertThatThrownBy(() -> KMeans.fit(rows, 3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KMeans.fit(rows, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restarts");
        assertThatThrownBy(() -> KMeans.fit(new double[][] {{0, 1}, {1}}, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> KMeans.fit(new double[][] {{0, Double.NaN}, {1, 0}}, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> KMeans.fit(new float[5], 2, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        KMeans.Result r = KMeans.fit(rows, 1, 1, 1);
        assertThatThrownBy(() -> r.nearest(new double[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
