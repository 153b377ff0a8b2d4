package org.latentexplorer.engine.core;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * The two principal axes of a set of latent codes, for drawing codes of more than two dimensions on a plane: the
 * eigenvectors of the codes' covariance with the two largest eigenvalues (commons-math's symmetric solver).
 */
public final class Pca {
    private final double[] mean;
    private final double[] first;
    private final double[] second;

    private Pca(double[] mean, double[] first, double[] second) {
        this.mean = mean;
        this.first = first;
        this.second = second;
    }

    /** @param codes n rows of d values, row-major */
    public static Pca fit(float[] codes, int d) {
        int n = codes.length / d;
        double[][] rows = new double[n][d];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = codes[i * d + j];
                mean[j] += rows[i][j] / n;
            }
        }
        // A single code has no spread: its axes are the coordinate axes.
        RealMatrix covariance = n > 1 ? new Covariance(rows, true).getCovarianceMatrix()
                : MatrixUtils.createRealMatrix(d, d);
        EigenDecomposition axes = new EigenDecomposition(covariance); // eigenvalues in decreasing order
        double[] second = d > 1 ? oriented(axes.getEigenvector(1)) : new double[d];
        return new Pca(mean, oriented(axes.getEigenvector(0)), second);
    }

    /** The axis with its largest component positive, so the plane does not flip between two fits of similar codes. */
    private static double[] oriented(RealVector axis) {
        double[] v = axis.toArray();
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        return v[largest] < 0 ? axis.mapMultiply(-1).toArray() : v;
    }

    /** Coordinates of one code on the two axes. */
    public double[] project(float[] codes, int row) {
        int d = mean.length;
        double u = 0;
        double v = 0;
        for (int j = 0; j < d; j++) {
            double c = codes[row * d + j] - mean[j];
            u += c * first[j];
            v += c * second[j];
        }
        return new double[] {u, v};
    }

    /** The code at plane position (u, v): mean + u · first axis + v · second axis. */
    public float[] unproject(double u, double v) {
        float[] z = new float[mean.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = (float) (mean[j] + u * first[j] + v * second[j]);
        }
        return z;
    }

    public double[] firstAxis() {
        return first.clone();
    }

    public double[] secondAxis() {
        return second.clone();
    }
}
