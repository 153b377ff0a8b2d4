package org.latentexplorer.engine.tinynet;

import java.util.Random;

/** Inverted dropout: in training each unit is dropped with probability {@code rate}, the rest scaled up. */
final class Dropout extends ElementwiseLayer {
    private final double rate;
    private final Random rng;
    private double[] mask;

    Dropout(int size, double rate, Random rng) {
        super(size);
        this.rate = rate;
        this.rng = rng;
    }

    @Override
    public double[] forward(double[] p, int off, double[] x, int n, boolean training) {
        if (!training || rate == 0) {
            mask = null;
            return x;
        }
        mask = new double[x.length];
        double keep = 1 / (1 - rate);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            mask[i] = rng.nextDouble() < rate ? 0 : keep;
            y[i] = x[i] * mask[i];
        }
        return y;
    }

    @Override
    public double[] backward(double[] p, int off, double[] g, double[] dy, int n) {
        if (mask == null) {
            return dy;
        }
        double[] dx = new double[dy.length];
        for (int i = 0; i < dy.length; i++) {
            dx[i] = dy[i] * mask[i];
        }
        return dx;
    }
}
