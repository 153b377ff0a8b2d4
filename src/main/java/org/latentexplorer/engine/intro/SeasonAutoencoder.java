package org.latentexplorer.engine.intro;

import java.util.Random;
import org.latentexplorer.engine.core.Pca;
import org.latentexplorer.engine.tinynet.LabNetwork;
import org.latentexplorer.engine.tinynet.Optimizer;

/**
 * The chapter's latent-variable example: points of a plane (the twelve months' mean temperature and humidity)
 * compressed to one latent value z, "the season", by a 2-1-2 autoencoder, with PCA to one axis beside it.
 * <p>
 * In bottleneck terms the autoencoder is 2-1-2; each half has one tanh layer of {@value #HIDDEN} units
 * (Encoder 2-8-1, Decoder 1-8-2), because a strictly 2-1-2 network with a linear decoder can only learn a straight
 * line, which is what PCA already gives. The decoder's tanh layer lets the curve x = Decoder(z) bend with the data.
 * Both work on the standardised points (each coordinate minus its mean, over its standard deviation), so a degree
 * and a percent weigh alike; reconstruction errors are mean squared errors of those standardised values.
 * <p>
 * Training is full-batch Adam for {@value #STEPS} steps from weights drawn from the seed, in pure Java doubles (the
 * lab's small networks): a few thousand steps on twelve points take tens of milliseconds, far less than ND4J would
 * spend per call, and the same seed gives the same model on every machine. Immutable after training.
 */
public final class SeasonAutoencoder {
    static final int HIDDEN = 8;
    static final int STEPS = 5000;
    private static final double LEARNING_RATE = 0.02;
    private static final int DIM = 2;

    private final long seed;
    private final double[] points;
    private final double[] mean = new double[DIM];
    private final double[] scale = new double[DIM];
    private final LabNetwork encoder;
    private final LabNetwork decoder;
    /** ±1, so that z grows from the coldest month to the warmest: the latent's sign is otherwise arbitrary. */
    private final double encoderSign;
    private final Pca pca;
    private final double pcaSign;

    private SeasonAutoencoder(long seed, double[] points) {
        this.seed = seed;
        this.points = points.clone();
        int n = points.length / DIM;
        for (int d = 0; d < DIM; d++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += points[i * DIM + d];
            }
            mean[d] = s / n;
            double v = 0;
            for (int i = 0; i < n; i++) {
                double c = points[i * DIM + d] - mean[d];
                v += c * c;
            }
            scale[d] = Math.sqrt(v / n);
            if (!(scale[d] > 0)) {
                throw new IllegalArgumentException("coordinate " + d + " is the same in every point: nothing to learn");
            }
        }
        double[] x = standardise(points);
        Random rng = new Random(seed);
        encoder = LabNetwork.tanh(rng, DIM, HIDDEN, 1);
        decoder = LabNetwork.tanh(rng, 1, HIDDEN, DIM);
        fit(x, n);
        int coldest = argmin(points, n);
        int warmest = argmax(points, n);
        encoderSign = rawCode(points[warmest * DIM], points[warmest * DIM + 1])
                >= rawCode(points[coldest * DIM], points[coldest * DIM + 1]) ? 1 : -1;
        float[] f = toFloats(x);
        pca = Pca.fit(f, DIM);
        pcaSign = pca.project(f, warmest)[0] >= pca.project(f, coldest)[0] ? 1 : -1;
    }

    /**
     * Trains on {@code points}, rows of (temperature, humidity) in their own units, at least two of them.
     *
     * @param seed the same seed gives the same model
     */
    public static SeasonAutoencoder train(double[] points, long seed) {
        if (points.length < 2 * DIM || points.length % DIM != 0) {
            throw new IllegalArgumentException("need at least two points of " + DIM + " values, got " + points.length
                    + " values");
        }
        for (double v : points) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("every coordinate must be a finite number");
            }
        }
        return new SeasonAutoencoder(seed, points);
    }

    private void fit(double[] x, int n) {
        Optimizer encoderSteps = Optimizer.adam(encoder.paramCount(), LEARNING_RATE);
        Optimizer decoderSteps = Optimizer.adam(decoder.paramCount(), LEARNING_RATE);
        double[] dy = new double[x.length];
        for (int step = 0; step < STEPS; step++) {
            encoder.zeroGrad();
            decoder.zeroGrad();
            double[] y = decoder.forward(encoder.forward(x, n, true), n, true);
            // The chapter's loss ‖Y − X‖², averaged over the values: its gradient is 2 (Y − X) / values.
            for (int i = 0; i < x.length; i++) {
                dy[i] = 2 * (y[i] - x[i]) / x.length;
            }
            encoder.backward(decoder.backward(dy, n), n);
            encoder.step(encoderSteps);
            decoder.step(decoderSteps);
        }
    }

    public long seed() {
        return seed;
    }

    /** The number of points it was trained on. */
    public int size() {
        return points.length / DIM;
    }

    // ---- the autoencoder ---------------------------------------------------------------------------------------

    /** The Encoder: the season z of a (temperature, humidity) point. */
    public double encode(double temperature, double humidity) {
        return encoderSign * rawCode(temperature, humidity);
    }

    private double rawCode(double temperature, double humidity) {
        double[] x = {(temperature - mean[0]) / scale[0], (humidity - mean[1]) / scale[1]};
        return encoder.forward(x, 1, false)[0];
    }

    /** The Decoder: the (temperature, humidity) point that season z generates. */
    public double[] decode(double z) {
        return unstandardise(decoder.forward(new double[] {encoderSign * z}, 1, false));
    }

    /** Each point's code z, in the order trained on. */
    public double[] codes() {
        double[] z = new double[size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = encode(points[i * DIM], points[i * DIM + 1]);
        }
        return z;
    }

    /** Decoder(Encoder(x)) of each point, rows of (temperature, humidity). */
    public double[] reconstructions() {
        double[] z = codes();
        double[] y = new double[points.length];
        for (int i = 0; i < z.length; i++) {
            System.arraycopy(decode(z[i]), 0, y, i * DIM, DIM);
        }
        return y;
    }

    /** The autoencoder's reconstruction error: the mean squared error of the standardised points. */
    public double reconstructionError() {
        return meanSquaredError(standardise(points), standardise(reconstructions()));
    }

    /** The generated points of {@code count} evenly spaced z from {@code from} to {@code to}: the learned curve. */
    public double[] curve(double from, double to, int count) {
        double[] xy = new double[DIM * count];
        for (int i = 0; i < count; i++) {
            double z = count == 1 ? from : from + (to - from) * i / (count - 1);
            System.arraycopy(decode(z), 0, xy, i * DIM, DIM);
        }
        return xy;
    }

    // ---- PCA to one axis ---------------------------------------------------------------------------------------

    /** The first principal axis' coordinate u of each point (standardised units), the coldest month lowest. */
    public double[] pcaCodes() {
        float[] f = toFloats(standardise(points));
        double[] u = new double[size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = pcaSign * pca.project(f, i)[0];
        }
        return u;
    }

    /** The point at coordinate u on the first principal axis: mean + u · axis. */
    public double[] pcaDecode(double u) {
        float[] x = pca.unproject(pcaSign * u, 0);
        return unstandardise(new double[] {x[0], x[1]});
    }

    /** Each point projected onto the first principal axis, rows of (temperature, humidity). */
    public double[] pcaReconstructions() {
        double[] u = pcaCodes();
        double[] y = new double[points.length];
        for (int i = 0; i < u.length; i++) {
            System.arraycopy(pcaDecode(u[i]), 0, y, i * DIM, DIM);
        }
        return y;
    }

    /** PCA's reconstruction error, in the same units as {@link #reconstructionError()}. */
    public double pcaReconstructionError() {
        return meanSquaredError(standardise(points), standardise(pcaReconstructions()));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private double[] standardise(double[] xy) {
        double[] s = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            s[i] = (xy[i] - mean[i % DIM]) / scale[i % DIM];
        }
        return s;
    }

    private double[] unstandardise(double[] s) {
        double[] xy = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            xy[i] = mean[i % DIM] + s[i] * scale[i % DIM];
        }
        return xy;
    }

    private static double meanSquaredError(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / a.length;
    }

    private static float[] toFloats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    /** The row with the lowest first coordinate (temperature). */
    private static int argmin(double[] xy, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (xy[i * DIM] < xy[best * DIM]) {
                best = i;
            }
        }
        return best;
    }

    private static int argmax(double[] xy, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (xy[i * DIM] > xy[best * DIM]) {
                best = i;
            }
        }
        return best;
    }
}
