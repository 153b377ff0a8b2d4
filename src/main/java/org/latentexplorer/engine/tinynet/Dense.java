package org.latentexplorer.engine.tinynet;

import java.util.Random;

/** y = x W + b, with W stored row-major (in x out) followed by b. */
final class Dense implements Layer {
    private final int in;
    private final int out;
    private double[] x;

    Dense(int in, int out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public int inSize() {
        return in;
    }

    @Override
    public int outSize() {
        return out;
    }

    @Override
    public int paramCount() {
        return in * out + out;
    }

    @Override
    public void init(double[] p, int off, Random rng) {
        // Glorot uniform keeps the first steps' activations in range for both ReLU stacks and the output logit.
        double limit = Math.sqrt(6.0 / (in + out));
        for (int i = 0; i < in * out; i++) {
            p[off + i] = (2 * rng.nextDouble() - 1) * limit;
        }
        java.util.Arrays.fill(p, off + in * out, off + in * out + out, 0);
    }

    @Override
    public double[] forward(double[] p, int off, double[] x, int n, boolean training) {
        this.x = x;
        double[] y = new double[n * out];
        int bias = off + in * out;
        for (int r = 0; r < n; r++) {
            int yr = r * out;
            System.arraycopy(p, bias, y, yr, out);
            for (int i = 0; i < in; i++) {
                double v = x[r * in + i];
                if (v == 0) {
                    continue;
                }
                int w = off + i * out;
                for (int j = 0; j < out; j++) {
                    y[yr + j] += v * p[w + j];
                }
            }
        }
        return y;
    }

    @Override
    public double[] backward(double[] p, int off, double[] g, double[] dy, int n) {
        double[] dx = new double[n * in];
        int bias = off + in * out;
        for (int r = 0; r < n; r++) {
            int yr = r * out;
            for (int j = 0; j < out; j++) {
                g[bias + j] += dy[yr + j];
            }
            for (int i = 0; i < in; i++) {
                double v = x[r * in + i];
                int w = off + i * out;
                double s = 0;
                for (int j = 0; j < out; j++) {
                    double d = dy[yr + j];
                    g[w + j] += v * d;
                    s += p[w + j] * d;
                }
                dx[r * in + i] = s;
            }
        }
        return dx;
    }

    /**
     * u_in = W u_out, so ∂P/∂W_ij = Σ_rows v_i u_out_j, the bias does not enter, and ∂P/∂u_out = W^T v: the forward
     * pass of v without the bias.
     */
    @Override
    public double[] backwardOfBackward(double[] p, int off, double[] g, double[] uOut, double[] v, int n) {
        double[] vOut = new double[n * out];
        for (int r = 0; r < n; r++) {
            int yr = r * out;
            for (int i = 0; i < in; i++) {
                double vi = v[r * in + i];
                int w = off + i * out;
                for (int j = 0; j < out; j++) {
                    g[w + j] += vi * uOut[yr + j];
                    vOut[yr + j] += p[w + j] * vi;
                }
            }
        }
        return vOut;
    }
}
