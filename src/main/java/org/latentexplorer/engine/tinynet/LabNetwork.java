package org.latentexplorer.engine.tinynet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A small feed-forward network whose parameters are one flat array: copying, restoring (Unrolled GAN) and clipping
 * (WGAN) are then plain array operations, exact to the last bit. Not thread-safe: one instance per thread.
 */
public final class LabNetwork {
    private final List<Layer> layers;
    private final int[] offsets;
    private final double[] params;
    private final double[] grads;

    private LabNetwork(List<Layer> layers, Random rng) {
        this.layers = List.copyOf(layers);
        offsets = new int[layers.size()];
        int total = 0;
        for (int i = 0; i < layers.size(); i++) {
            offsets[i] = total;
            total += layers.get(i).paramCount();
        }
        params = new double[total];
        grads = new double[total];
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).init(params, offsets[i], rng);
        }
    }

    /** The Generator: z through {@code depth} ReLU layers of {@code width} units to a point (x, y). */
    public static LabNetwork generator(int noiseDim, int width, int depth, Random rng) {
        List<Layer> l = new ArrayList<>();
        int in = noiseDim;
        for (int i = 0; i < depth; i++) {
            l.add(new Dense(in, width));
            l.add(new Activation(Activation.Kind.RELU, width));
            in = width;
        }
        l.add(new Dense(in, 2));
        return new LabNetwork(l, rng);
    }

    /**
     * The Discriminator (or WGAN's critic): a point through leaky-ReLU layers with dropout, optionally Minibatch
     * Discrimination before the last layer, to one logit. The sigmoid lives in the loss, so the critic is the same
     * network without it.
     */
    public static LabNetwork discriminator(int width, int depth, double dropout, int minibatchKernels, Random rng) {
        List<Layer> l = new ArrayList<>();
        int in = 2;
        for (int i = 0; i < depth; i++) {
            l.add(new Dense(in, width));
            l.add(new Activation(Activation.Kind.LEAKY_RELU, width));
            if (dropout > 0) {
                l.add(new Dropout(width, dropout, rng));
            }
            in = width;
        }
        if (minibatchKernels > 0) {
            MinibatchDiscrimination mbd = new MinibatchDiscrimination(in, minibatchKernels, 4);
            l.add(mbd);
            in = mbd.outSize();
        }
        l.add(new Dense(in, 1));
        return new LabNetwork(l, rng);
    }

    /**
     * Dense layers of the given sizes with tanh between them and a linear output, e.g. 2-8-1 and 1-8-2: the two
     * halves of a small autoencoder whose 1-unit bottleneck stays unbounded.
     */
    public static LabNetwork tanh(Random rng, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs an input and an output size");
        }
        List<Layer> l = new ArrayList<>();
        for (int i = 1; i < sizes.length; i++) {
            if (i > 1) {
                l.add(new Activation(Activation.Kind.TANH, sizes[i - 1]));
            }
            l.add(new Dense(sizes[i - 1], sizes[i]));
        }
        return new LabNetwork(l, rng);
    }

    public int inputSize() {
        return layers.get(0).inSize();
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outSize();
    }

    /** n rows through every layer; {@code training} turns dropout on. */
    public double[] forward(double[] x, int n, boolean training) {
        double[] a = x;
        for (int i = 0; i < layers.size(); i++) {
            a = layers.get(i).forward(params, offsets[i], a, n, training);
        }
        return a;
    }

    /**
     * Inference where Minibatch Discrimination compares each row with {@code reference} instead of with its own
     * batch: a grid of points over the plane is not a batch D would ever see.
     */
    public double[] forwardAgainst(double[] x, int n, double[] reference, int refRows) {
        double[] a = x;
        double[] r = reference;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof MinibatchDiscrimination mbd) {
                a = mbd.forwardAgainst(params, offsets[i], a, n, r, refRows);
                r = null;
                // Past this layer the reference is no longer needed.
            } else {
                a = layer.forward(params, offsets[i], a, n, false);
                if (r != null) {
                    r = layer.forward(params, offsets[i], r, refRows, false);
                }
            }
        }
        return a;
    }

    /** Back from the last forward pass: adds into the parameter gradients, returns the gradient at the input. */
    public double[] backward(double[] dy, int n) {
        double[] d = dy;
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(params, offsets[i], grads, d, n);
        }
        return d;
    }

    /**
     * WGAN-GP's gradient penalty on one-output networks: P = λ · mean over the n rows of (‖∇ₓ f(x)‖ − 1)², its
     * gradient with respect to the parameters added into {@link #grads} by double backprop (a backward pass for
     * ∇ₓ f, then that pass differentiated back through the weights). Exact for dense and piecewise-linear layers.
     *
     * @return P
     * @throws UnsupportedOperationException for a network with tanh or Minibatch Discrimination
     */
    public double gradientPenalty(double[] x, int n, double lambda) {
        if (outputSize() != 1) {
            throw new IllegalArgumentException("the gradient penalty needs one output");
        }
        forward(x, n, true);
        double[][] u = new double[layers.size() + 1][];
        u[layers.size()] = new double[n];
        Arrays.fill(u[layers.size()], 1);
        // The first backward pass only needs the gradients at the layers' inputs; its parameter gradients are dropped.
        double[] unused = new double[params.length];
        for (int i = layers.size() - 1; i >= 0; i--) {
            u[i] = layers.get(i).backward(params, offsets[i], unused, u[i + 1], n);
        }
        int in = inputSize();
        double[] v = new double[n * in];
        double penalty = 0;
        for (int r = 0; r < n; r++) {
            double sq = 0;
            for (int j = 0; j < in; j++) {
                sq += u[0][r * in + j] * u[0][r * in + j];
            }
            double norm = Math.sqrt(sq);
            penalty += lambda * (norm - 1) * (norm - 1) / n;
            double scale = norm > 0 ? 2 * lambda * (norm - 1) / (norm * n) : 0;
            for (int j = 0; j < in; j++) {
                v[r * in + j] = scale * u[0][r * in + j];
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            v = layers.get(i).backwardOfBackward(params, offsets[i], grads, u[i + 1], v, n);
        }
        return penalty;
    }

    public void zeroGrad() {
        Arrays.fill(grads, 0);
    }

    /** One optimizer step on the gradients summed since {@link #zeroGrad}, for callers outside the lab. */
    public void step(Optimizer optimizer) {
        optimizer.step(params, grads);
    }

    /** The live parameters: optimizers update them in place. */
    public double[] params() {
        return params;
    }

    public double[] grads() {
        return grads;
    }

    public int paramCount() {
        return params.length;
    }

    public double[] copyParams() {
        return params.clone();
    }

    public void setParams(double[] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException("Expected " + params.length + " parameters, got " + values.length);
        }
        System.arraycopy(values, 0, params, 0, params.length);
    }

    /** WGAN's weight clipping: every parameter into [-c, c]. */
    public void clip(double c) {
        for (int i = 0; i < params.length; i++) {
            params[i] = Math.max(-c, Math.min(c, params[i]));
        }
    }
}
