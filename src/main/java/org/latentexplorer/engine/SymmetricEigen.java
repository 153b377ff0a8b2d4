package org.latentexplorer.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A = V Λ Vᵀ for a symmetric matrix A, by cyclic Jacobi rotations: plain Java in double precision, exact enough for
 * the covariance matrices of a few hundred features that the Fréchet distance needs.
 */
public final class SymmetricEigen {
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_SWEEPS = 100;
    /** Inputs built from products like S½ S S½ are symmetric only up to rounding. */
    private static final double SYMMETRY_TOLERANCE = 1e-9;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** @param m a square symmetric matrix, rows as arrays; it is not changed */
    public static SymmetricEigen of(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            if (m[i].length != n) {
                throw new IllegalArgumentException("the matrix must be square: row " + i + " has " + m[i].length
                        + " values, not " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException("the matrix holds a value that is not finite at (" + i + ", "
                            + j + ")");
                }
                norm += m[i][j] * m[i][j];
            }
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > SYMMETRY_TOLERANCE * norm) {
                    throw new IllegalArgumentException("the matrix is not symmetric at (" + i + ", " + j + ")");
                }
                a[i][j] = 0.5 * (m[i][j] + m[j][i]);
            }
        }
        double[][] v = identity(n);
        int sweep = 0;
        while (offDiagonalNorm(a) > TOLERANCE * norm) {
            if (++sweep > MAX_SWEEPS) {
                throw new ArithmeticException("Jacobi rotations did not converge in " + MAX_SWEEPS + " sweeps");
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        return sorted(a, v);
    }

    /** Zeroes a[p][q] by A ← Jᵀ A J and accumulates V ← V J. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        // The smaller root of t² + 2θt − 1 = 0 keeps the rotation angle below π/4, which is what makes Jacobi stable.
        double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.hypot(theta, 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonalNorm(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    sum += a[i][j] * a[i][j];
                }
            }
        }
        return Math.sqrt(sum);
    }

    private static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    /** Largest eigenvalue first, each column of V moved with its value. */
    private static SymmetricEigen sorted(double[][] a, double[][] v) {
        int n = a.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> a[i][i]).reversed());
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = a[order[k]][order[k]];
            for (int i = 0; i < n; i++) {
                vectors[i][k] = v[i][order[k]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The eigenvalues, largest first. */
    public double[] values() {
        return values.clone();
    }

    /** V: column k is the unit eigenvector of {@code values()[k]}. */
    public double[][] vectors() {
        double[][] copy = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            copy[i] = vectors[i].clone();
        }
        return copy;
    }

    /**
     * The symmetric square root V diag(√max(λ, 0)) Vᵀ of a positive semi-definite matrix. Eigenvalues a little below
     * zero, as rounding leaves in a singular covariance matrix, count as zero.
     */
    public static double[][] sqrtPsd(double[][] m) {
        SymmetricEigen e = of(m);
        int n = m.length;
        double[] root = new double[n];
        for (int k = 0; k < n; k++) {
            root[k] = Math.sqrt(Math.max(e.values[k], 0));
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += e.vectors[i][k] * root[k] * e.vectors[j][k];
                }
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }
}
