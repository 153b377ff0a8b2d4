package org.latentexplorer.engine.tinynet;

/** An element-wise non-linearity: ReLU in the Generator, leaky ReLU in the Discriminator as in DCGAN. */
final class Activation extends ElementwiseLayer {
    enum Kind {
        RELU, LEAKY_RELU, TANH
    }

    private static final double LEAK = 0.2;
    private final Kind kind;
    private double[] x;
    private double[] y;

    Activation(Kind kind, int size) {
        super(size);
        this.kind = kind;
    }

    @Override
    public double[] forward(double[] p, int off, double[] x, int n, boolean training) {
        this.x = x;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            out[i] = switch (kind) {
                case RELU -> v > 0 ? v : 0;
                case LEAKY_RELU -> v > 0 ? v : LEAK * v;
                case TANH -> Math.tanh(v);
            };
        }
        y = out;
        return out;
    }

    /** tanh's Jacobian changes with its input, so the penalty's gradient would need tanh'' terms, not kept here. */
    @Override
    public double[] backwardOfBackward(double[] p, int off, double[] g, double[] uOut, double[] v, int n) {
        if (kind == Kind.TANH) {
            throw new UnsupportedOperationException("no double backprop through tanh");
        }
        return super.backwardOfBackward(p, off, g, uOut, v, n);
    }

    @Override
    public double[] backward(double[] p, int off, double[] g, double[] dy, int n) {
        double[] dx = new double[dy.length];
        for (int i = 0; i < dy.length; i++) {
            double v = x[i];
            dx[i] = dy[i] * switch (kind) {
                case RELU -> v > 0 ? 1 : 0;
                case LEAKY_RELU -> v > 0 ? 1 : LEAK;
                case TANH -> 1 - y[i] * y[i];
            };
        }
        return dx;
    }
}
