package org.latentexplorer.engine;

/**
 * The two principal axes of a set of latent codes, for drawing codes of more than two dimensions on a plane.
 * Codes are at most a few dozen dimensions, so plain Java on the covariance matrix is enough.
 */
public final class Pca {
    private static final int ITERATIONS = 200;

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
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += codes[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= Math.max(1, n);
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[j] = codes[i * d + j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cov[a][b] += centred[a] * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= Math.max(1, n - 1);
                cov[b][a] = cov[a][b];
            }
        }
        double[] first = powerIteration(cov, null);
        double lambda = rayleigh(cov, first);
        // Deflate the first component away to find the second.
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] -= lambda * first[a] * first[b];
            }
        }
        double[] second = d > 1 ? powerIteration(cov, first) : new double[d];
        return new Pca(mean, first, second);
    }

    private static double[] powerIteration(double[][] m, double[] orthogonalTo) {
        int d = m.length;
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = 1.0 / Math.sqrt(d) + 1e-3 * j; // deterministic start, not orthogonal to any axis
        }
        for (int it = 0; it < ITERATIONS; it++) {
            double[] w = new double[d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    w[a] += m[a][b] * v[b];
                }
            }
            if (orthogonalTo != null) {
                double dot = dot(w, orthogonalTo);
                for (int a = 0; a < d; a++) {
                    w[a] -= dot * orthogonalTo[a];
                }
            }
            double norm = Math.sqrt(dot(w, w));
            if (norm < 1e-12) {
                break;
            }
            for (int a = 0; a < d; a++) {
                v[a] = w[a] / norm;
            }
        }
        return v;
    }

    private static double rayleigh(double[][] m, double[] v) {
        double s = 0;
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < m.length; b++) {
                s += v[a] * m[a][b] * v[b];
            }
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
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
