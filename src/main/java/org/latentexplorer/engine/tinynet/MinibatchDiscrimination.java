package org.latentexplorer.engine.tinynet;

import java.util.Random;

/**
 * Minibatch Discrimination (Salimans et al. 2016): each sample's features f are projected by a tensor T to B kernels
 * of C values, M = f T; for every pair of samples c_b(i, j) = exp(-||M_i,b - M_j,b||_1), and o_b(i) is the mean of
 * c_b(i, j) over the other samples of the batch. The layer outputs [f, o], so the Discriminator can see that a batch
 * of generated points is too alike, which is how mode collapse shows up. Taking the mean rather than the sum keeps o
 * in [0, 1] whatever the batch size, so the sigmoid after it does not saturate.
 */
final class MinibatchDiscrimination implements Layer {
    private final int in;
    private final int kernels;
    private final int kernelDim;
    private double[] x;
    private double[] m;
    private double[] c;
    private int rows;

    MinibatchDiscrimination(int in, int kernels, int kernelDim) {
        this.in = in;
        this.kernels = kernels;
        this.kernelDim = kernelDim;
    }

    int kernels() {
        return kernels;
    }

    @Override
    public int inSize() {
        return in;
    }

    @Override
    public int outSize() {
        return in + kernels;
    }

    @Override
    public int paramCount() {
        return in * kernels * kernelDim;
    }

    @Override
    public void init(double[] p, int off, Random rng) {
        double s = 1 / Math.sqrt(in);
        for (int i = 0; i < paramCount(); i++) {
            p[off + i] = s * rng.nextGaussian();
        }
    }

    private double[] project(double[] p, int off, double[] f, int n) {
        int bc = kernels * kernelDim;
        double[] out = new double[n * bc];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < in; i++) {
                double v = f[r * in + i];
                int w = off + i * bc;
                for (int k = 0; k < bc; k++) {
                    out[r * bc + k] += v * p[w + k];
                }
            }
        }
        return out;
    }

    private double closeness(double[] a, int ra, double[] b, int rb, int kernel) {
        int bc = kernels * kernelDim;
        double l1 = 0;
        for (int d = 0; d < kernelDim; d++) {
            l1 += Math.abs(a[ra * bc + kernel * kernelDim + d] - b[rb * bc + kernel * kernelDim + d]);
        }
        return Math.exp(-l1);
    }

    private double[] output(double[] f, int n, double[] o) {
        double[] y = new double[n * (in + kernels)];
        for (int r = 0; r < n; r++) {
            System.arraycopy(f, r * in, y, r * (in + kernels), in);
            System.arraycopy(o, r * kernels, y, r * (in + kernels) + in, kernels);
        }
        return y;
    }

    /** Compares each sample with the rest of its own batch. */
    @Override
    public double[] forward(double[] p, int off, double[] f, int n, boolean training) {
        x = f;
        rows = n;
        m = project(p, off, f, n);
        c = new double[n * n * kernels];
        double[] o = new double[n * kernels];
        double share = n > 1 ? 1.0 / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int b = 0; b < kernels; b++) {
                    double v = closeness(m, i, m, j, b);
                    c[(i * n + j) * kernels + b] = v;
                    c[(j * n + i) * kernels + b] = v;
                    o[i * kernels + b] += v * share;
                    o[j * kernels + b] += v * share;
                }
            }
        }
        return output(f, n, o);
    }

    /** Compares each sample with a separate reference batch, for D's map over the plane; not for training. */
    double[] forwardAgainst(double[] p, int off, double[] f, int n, double[] reference, int refRows) {
        double[] mf = project(p, off, f, n);
        double[] mr = project(p, off, reference, refRows);
        double[] o = new double[n * kernels];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < refRows; j++) {
                for (int b = 0; b < kernels; b++) {
                    o[i * kernels + b] += closeness(mf, i, mr, j, b) / refRows;
                }
            }
        }
        return output(f, n, o);
    }

    @Override
    public double[] backward(double[] p, int off, double[] g, double[] dy, int n) {
        int bc = kernels * kernelDim;
        int width = in + kernels;
        double share = rows > 1 ? 1.0 / (rows - 1) : 0;
        double[] dm = new double[n * bc];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int b = 0; b < kernels; b++) {
                    // c(i, j) feeds both o(i) and o(j).
                    double up = (dy[i * width + in + b] + dy[j * width + in + b]) * share * c[(i * n + j) * kernels + b];
                    if (up == 0) {
                        continue;
                    }
                    for (int d = 0; d < kernelDim; d++) {
                        int k = b * kernelDim + d;
                        double diff = m[i * bc + k] - m[j * bc + k];
                        double s = diff > 0 ? up : diff < 0 ? -up : 0;
                        dm[i * bc + k] -= s;
                        dm[j * bc + k] += s;
                    }
                }
            }
        }
        double[] dx = new double[n * in];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < in; i++) {
                double v = x[r * in + i];
                int w = off + i * bc;
                double s = dy[r * width + i];
                for (int k = 0; k < bc; k++) {
                    double d = dm[r * bc + k];
                    g[w + k] += v * d;
                    s += p[w + k] * d;
                }
                dx[r * in + i] = s;
            }
        }
        return dx;
    }

    /** Its pairwise exp(-L1) terms curve in the input: the gradient penalty is not offered with it. */
    @Override
    public double[] backwardOfBackward(double[] p, int off, double[] g, double[] uOut, double[] v, int n) {
        throw new UnsupportedOperationException("no double backprop through Minibatch Discrimination");
    }
}
