package org.latentexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    private static double[][] randomSymmetric(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                m[i][j] = r.nextDouble(-1, 1);
                m[j][i] = m[i][j];
            }
        }
        return m;
    }

    /** B Bᵀ for a random n x k B: positive semi-definite, singular when k < n, as a covariance of k points is. */
    private static double[][] randomPsd(int n, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] b = new double[n][k];
        for (double[] row : b) {
            for (int j = 0; j < k; j++) {
                row[j] = r.nextDouble(-1, 1);
            }
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < k; l++) {
                    m[i][j] += b[i][l] * b[j][l];
                }
            }
        }
        return m;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static double maxDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    @Test
    void vectorsTimesValuesTimesVectorsTransposedGivesTheMatrixBack() {
        for (int n : new int[] {1, 2, 7, 40}) {
            double[][] a = randomSymmetric(n, n);
            SymmetricEigen e = SymmetricEigen.of(a);
            double[][] v = e.vectors();
            double[] values = e.values();
            double[][] back = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        back[i][j] += v[i][k] * values[k] * v[j][k];
                    }
                }
            }
            assertThat(maxDifference(back, a)).as("n = %d", n).isLessThan(1e-9);
            for (int k = 1; k < n; k++) {
                assertThat(values[k]).isLessThanOrEqualTo(values[k - 1]);
            }
        }
    }

    @Test
    void eigenvectorsAreOrthonormal() {
        int n = 30;
        double[][] v = SymmetricEigen.of(randomSymmetric(n, 5)).vectors();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += v[i][a] * v[i][b];
                }
                assertThat(dot).isCloseTo(a == b ? 1.0 : 0.0, within(1e-10));
            }
        }
    }

    @Test
    void knownSmallCases() {
        // [[2, 1], [1, 2]]: 3 along (1, 1)/√2, 1 along (1, −1)/√2.
        SymmetricEigen two = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertThat(two.values()).containsExactly(new double[] {3, 1}, within(1e-12));
        double[][] v = two.vectors();
        assertThat(Math.abs(v[0][0])).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(v[0][0] * v[1][0]).isCloseTo(0.5, within(1e-12));
        assertThat(v[0][1] * v[1][1]).isCloseTo(-0.5, within(1e-12));

        // The second-difference matrix tridiag(−1, 2, −1): 2 − √2, 2, 2 + √2.
        SymmetricEigen three = SymmetricEigen.of(new double[][] {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}});
        assertThat(three.values()).containsExactly(new double[] {2 + Math.sqrt(2), 2, 2 - Math.sqrt(2)},
                within(1e-12));

        // Already diagonal: nothing to rotate, values only sorted.
        assertThat(SymmetricEigen.of(new double[][] {{-1, 0}, {0, 4}}).values())
                .containsExactly(new double[] {4, -1}, within(0.0));
    }

    @Test
    void squareRootSquaredGivesThePsdMatrixBack() {
        for (int k : new int[] {12, 5}) { // full rank, then rank 5 of 12
            double[][] m = randomPsd(12, k, k);
            double[][] root = SymmetricEigen.sqrtPsd(m);
            assertThat(maxDifference(multiply(root, root), m)).as("rank %d", k).isLessThan(1e-9);
            assertThat(maxDifference(root, transpose(root))).isZero();
            // The principal root: positive semi-definite itself.
            assertThat(SymmetricEigen.of(root).values()[11]).isGreaterThan(-1e-6);
        }
    }

    @Test
    void handlesAFeatureSizedMatrix() {
        double[][] m = randomPsd(128, 128, 9);
        double[][] root = SymmetricEigen.sqrtPsd(m);
        assertThat(maxDifference(multiply(root, root), m)).isLessThan(1e-8);
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    @Test
    void rejectsMatricesItCannotDecompose() {
        assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, 2}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symmetric");
        assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square");
        assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }
}
