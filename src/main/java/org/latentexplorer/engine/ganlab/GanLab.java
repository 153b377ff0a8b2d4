package org.latentexplorer.engine.ganlab;

import java.util.Random;
import org.latentexplorer.data.Distribution2D;
import org.latentexplorer.engine.core.Logistic;
import org.latentexplorer.engine.core.TrainingDivergedException;
import org.latentexplorer.engine.tinynet.LabNetwork;
import org.latentexplorer.engine.tinynet.Optimizer;

/**
 * A GAN on points in the plane, with the chapter's remedies as switches: the training loop of the chapter (k steps
 * of the Discriminator, then one of the Generator), Unrolled GAN, Minibatch Discrimination, WGAN with weight clipping
 * or with a gradient penalty (WGAN-GP), and D's size and dropout. Runs on one thread; callers take copies of what
 * they show.
 */
public final class GanLab {
    /** The points the view follows: the same noise every time, so each point's motion can be seen. */
    public static final int SHOWN = 512;

    /**
     * One step's numbers.
     *
     * @param dLoss D's loss (WGAN: the critic's, mean f(fake) - mean f(real), so -dLoss estimates the EM distance)
     * @param dReal mean D(x) on real points (WGAN: mean critic value)
     * @param dFake mean D(G(z)) on generated points (WGAN: mean critic value)
     * @param generatorGradientNorm ‖∂(G's loss)/∂θ_G‖ of the last Generator step, the gradient G learns from; under
     *        the minimax loss each point's share is D(G(z)) times the non-saturating loss's, so it fades as D
     *        overpowers G (the vanishing gradient); NaN before G's first step
     */
    public record Losses(double dLoss, double gLoss, double dReal, double dFake, double generatorGradientNorm) {
        /** The losses without a Generator gradient (before G's first step). */
        public Losses(double dLoss, double gLoss, double dReal, double dFake) {
            this(dLoss, gLoss, dReal, dFake, Double.NaN);
        }
    }

    private final Distribution2D real;
    private LabSettings settings;
    private final Random rng;
    private final LabNetwork generator;
    private final LabNetwork discriminator;
    private final Optimizer optG;
    private final Optimizer optD;
    private final double[] shownNoise;
    private long steps;
    private double lastDLoss = Double.NaN;
    private double lastDReal = Double.NaN;
    private double lastDFake = Double.NaN;
    private double lastGLoss = Double.NaN;
    private double lastGNorm = Double.NaN;

    public GanLab(Distribution2D real, LabSettings settings) {
        this.real = real;
        this.settings = settings;
        rng = new Random(settings.seed());
        generator = LabNetwork.generator(settings.noiseDim(), settings.gWidth(), settings.gDepth(), rng);
        discriminator = LabNetwork.discriminator(settings.dWidth(), settings.dDepth(), settings.dDropout(),
                settings.minibatchKernels(), rng);
        optG = settings.generatorSgd() ? Optimizer.momentum(generator.paramCount(), settings.learningRateG())
                : Optimizer.adam(generator.paramCount(), settings.learningRateG());
        // WGAN's paper: RMSProp for the clipped critic; Adam's momentum made it unstable. WGAN-GP's paper: Adam again.
        optD = settings.clipped() ? Optimizer.rmsProp(discriminator.paramCount(), settings.learningRateD())
                : Optimizer.adam(discriminator.paramCount(), settings.learningRateD());
        if (settings.clipped()) {
            discriminator.clip(settings.clip());
        }
        shownNoise = noise(SHOWN);
    }

    /**
     * Where training stands: both networks and their optimisers, and the step count. Enough to show and continue a
     * saved run; the noise drawn after a restore follows from the seed and the step, not from the original run's stream.
     */
    public record State(long steps, double[] generator, double[] discriminator, double[] generatorOptimizer,
            double[] discriminatorOptimizer, Losses losses) {
    }

    public State state() {
        return new State(steps, generator.copyParams(), discriminator.copyParams(), optG.saveState(), optD.saveState(),
                losses());
    }

    /** Puts a saved state into networks of the same settings; IllegalArgumentException when the sizes differ. */
    public void restore(State s) {
        double[] g = generator.copyParams();
        double[] d = discriminator.copyParams();
        double[] og = optG.saveState();
        double[] od = optD.saveState();
        if (s.steps() < 0 || s.generator().length != g.length || s.discriminator().length != d.length
                || s.generatorOptimizer().length != og.length || s.discriminatorOptimizer().length != od.length) {
            throw new IllegalArgumentException("the saved networks do not match these settings");
        }
        generator.setParams(s.generator());
        discriminator.setParams(s.discriminator());
        optG.restoreState(s.generatorOptimizer());
        optD.restoreState(s.discriminatorOptimizer());
        steps = s.steps();
        if (s.losses() != null) {
            lastDLoss = s.losses().dLoss();
            lastGLoss = s.losses().gLoss();
            lastDReal = s.losses().dReal();
            lastDFake = s.losses().dFake();
            lastGNorm = s.losses().generatorGradientNorm();
        }
        rng.setSeed(settings.seed() * 31 + steps);
    }

    public Distribution2D real() {
        return real;
    }

    public LabSettings settings() {
        return settings;
    }

    public long steps() {
        return steps;
    }

    /**
     * Applies the settings that need no new networks (learning rates, k, G loss, unrolling, c, n_critic, batch).
     *
     * @throws IllegalArgumentException when {@code next} changes the networks: make a new lab instead
     */
    public void apply(LabSettings next) {
        if (settings.needsRebuild(next)) {
            throw new IllegalArgumentException("These settings need new networks");
        }
        settings = next;
        optD.setLearningRate(next.learningRateD());
        optG.setLearningRate(next.learningRateG());
    }

    double[] noise(int n) {
        double[] z = new double[n * settings.noiseDim()];
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextGaussian();
        }
        return z;
    }

    /** The chapter's training loop, one iteration: k (WGAN: n_critic) D steps, then one G step. */
    public Losses step() {
        int dSteps = settings.wgan() ? settings.nCritic() : settings.k();
        for (int i = 0; i < dSteps; i++) {
            discriminatorStep();
        }
        return generatorStep();
    }

    /** One Discriminator (critic) step on m real and m generated points. */
    public Losses discriminatorStep() {
        double[] keepD = discriminator.copyParams();
        double[] keepState = optD.saveState();
        trainDiscriminator();
        if (!Double.isFinite(lastDLoss)) {
            discriminator.setParams(keepD);
            optD.restoreState(keepState);
            throw new TrainingDivergedException(steps, steps);
        }
        return losses();
    }

    private void trainDiscriminator() {
        int m = settings.batch();
        double[] x = real.sample(m, rng);
        double[] fake = generator.forward(noise(m), m, false);
        discriminator.zeroGrad();
        double[] lr = discriminator.forward(x, m, true);
        double[] dr = new double[m];
        double lossReal = 0;
        double meanReal = 0;
        for (int i = 0; i < m; i++) {
            if (settings.wgan()) {
                lossReal -= lr[i] / m;
                dr[i] = -1.0 / m;
                meanReal += lr[i] / m;
            } else {
                // -log D(x) = softplus(-l).
                lossReal += Logistic.softplus(-lr[i]) / m;
                dr[i] = (Logistic.sigmoid(lr[i]) - 1) / m;
                meanReal += Logistic.sigmoid(lr[i]) / m;
            }
        }
        discriminator.backward(dr, m);
        double[] lf = discriminator.forward(fake, m, true);
        double[] df = new double[m];
        double lossFake = 0;
        double meanFake = 0;
        for (int i = 0; i < m; i++) {
            if (settings.wgan()) {
                // The mean critic value is this same sum, taken after the loop: two identical double sums in one
                // loop crash C2's SuperWord on JDK 17.0.15 (SIGSEGV in SuperWord::output).
                lossFake += lf[i] / m;
                df[i] = 1.0 / m;
            } else {
                // -log(1 - D(G(z))) = softplus(l).
                lossFake += Logistic.softplus(lf[i]) / m;
                df[i] = Logistic.sigmoid(lf[i]) / m;
                meanFake += Logistic.sigmoid(lf[i]) / m;
            }
        }
        if (settings.wgan()) {
            meanFake = lossFake;
        }
        discriminator.backward(df, m);
        double penalty = settings.penalized() ? gradientPenalty(x, fake, m) : 0;
        optD.step(discriminator.params(), discriminator.grads());
        if (settings.clipped()) {
            discriminator.clip(settings.clip());
        }
        lastDLoss = lossReal + lossFake + penalty;
        lastDReal = meanReal;
        lastDFake = meanFake;
    }

    /**
     * WGAN-GP: λ (‖∇ₓ f(x̂)‖ − 1)² at x̂ = εx + (1 − ε)G(z), ε ~ U(0, 1) per pair, where the 1-Lipschitz critic of the
     * EM distance has gradient norm 1; its gradient goes into the critic's.
     */
    private double gradientPenalty(double[] x, double[] fake, int m) {
        double[] between = new double[2 * m];
        for (int i = 0; i < m; i++) {
            double e = rng.nextDouble();
            between[2 * i] = e * x[2 * i] + (1 - e) * fake[2 * i];
            between[2 * i + 1] = e * x[2 * i + 1] + (1 - e) * fake[2 * i + 1];
        }
        return discriminator.gradientPenalty(between, m, settings.gradientPenalty());
    }

    /**
     * One Generator step; while D has its head start, only its gradient (G stays put). With Unrolled GAN it is taken
     * against a copy of D advanced K steps on fresh batches, and D (parameters and optimizer state) is restored
     * afterwards, so only G learns from the look-ahead.
     */
    public Losses generatorStep() {
        double[] keepG = generator.copyParams();
        double[] keepGState = optG.saveState();
        double[] keepD = null;
        double[] keepDState = null;
        if (settings.unrolled()) {
            keepD = discriminator.copyParams();
            keepDState = optD.saveState();
            double dLoss = lastDLoss;
            double dReal = lastDReal;
            double dFake = lastDFake;
            for (int i = 0; i < settings.unrollSteps(); i++) {
                trainDiscriminator();
            }
            lastDLoss = dLoss;
            lastDReal = dReal;
            lastDFake = dFake;
        }
        int m = settings.batch();
        double[] grads = generatorGradient(noise(m), m);
        double sq = 0;
        for (double g : grads) {
            sq += g * g;
        }
        lastGNorm = Math.sqrt(sq);
        // During D's head start G only reports the gradient it would learn from.
        if (steps >= settings.dHeadStart()) {
            optG.step(generator.params(), grads);
        }
        if (keepD != null) {
            discriminator.setParams(keepD);
            optD.restoreState(keepDState);
        }
        if (!Double.isFinite(lastGLoss)) {
            generator.setParams(keepG);
            optG.restoreState(keepGState);
            throw new TrainingDivergedException(steps, steps);
        }
        steps++;
        return losses();
    }

    /** ∂(G's loss)/∂θ_G on the batch G(z) of m points, left in G's gradients; records the loss. */
    double[] generatorGradient(double[] z, int m) {
        double[] fake = generator.forward(z, m, true);
        double[] dx = generatorLossGradient(fake, m, true);
        generator.zeroGrad();
        generator.backward(dx, m);
        return generator.grads();
    }

    /** ∂(G's loss)/∂x for generated points x; records the loss. D's gradients are left dirty and not applied. */
    private double[] generatorLossGradient(double[] fake, int m, boolean training) {
        double[] l = discriminator.forward(fake, m, training);
        double[] dl = new double[m];
        double loss = 0;
        for (int i = 0; i < m; i++) {
            if (settings.wgan()) {
                loss -= l[i] / m;
                dl[i] = -1.0 / m;
            } else {
                loss += settings.generatorLoss().value(l[i]) / m;
                dl[i] = settings.generatorLoss().gradient(l[i]) / m;
            }
        }
        lastGLoss = loss;
        return discriminator.backward(dl, m);
    }

    public Losses losses() {
        return new Losses(lastDLoss, lastGLoss, lastDReal, lastDFake, lastGNorm);
    }

    /** G(z) for the fixed noise the view follows, as x, y pairs. */
    public double[] shownSamples() {
        return generator.forward(shownNoise, SHOWN, false);
    }

    /** n fresh generated points, for the metrics. */
    public double[] sample(int n) {
        return generator.forward(noise(n), n, false);
    }

    /**
     * Where the Generator's loss pushes each of the given generated points: -∂(G's loss)/∂x per point, scaled so the
     * longest arrow has length 1 (0 when there is no gradient at all).
     */
    public double[] generatorDirections(double[] points) {
        int n = points.length / 2;
        double keepLoss = lastGLoss;
        double[] dx = generatorLossGradient(points, n, false);
        lastGLoss = keepLoss;
        double longest = 0;
        for (int i = 0; i < n; i++) {
            longest = Math.max(longest, Math.hypot(dx[2 * i], dx[2 * i + 1]));
        }
        double[] out = new double[dx.length];
        for (int i = 0; i < dx.length; i++) {
            out[i] = longest > 0 ? -dx[i] / longest : 0;
        }
        return out;
    }

    /**
     * D over a res x res grid covering [-half, half]^2, row by row from the top (y = half) down: D(x) in [0, 1] for a
     * GAN, the critic's raw value for WGAN. Minibatch Discrimination compares each grid point with {@code reference}
     * (the generated points), the batch it would be judged among.
     */
    public double[] discriminatorMap(int res, double half, double[] reference) {
        double[] grid = new double[2 * res * res];
        for (int r = 0; r < res; r++) {
            for (int c = 0; c < res; c++) {
                grid[2 * (r * res + c)] = -half + (c + 0.5) * 2 * half / res;
                grid[2 * (r * res + c) + 1] = half - (r + 0.5) * 2 * half / res;
            }
        }
        double[] l = settings.minibatchKernels() > 0
                ? discriminator.forwardAgainst(grid, res * res, reference, reference.length / 2)
                : discriminator.forward(grid, res * res, false);
        if (!settings.wgan()) {
            for (int i = 0; i < l.length; i++) {
                l[i] = Logistic.sigmoid(l[i]);
            }
        }
        return l;
    }

    /** For tests: D's parameters and optimizer state as they are now. */
    double[] discriminatorState() {
        double[] p = discriminator.copyParams();
        double[] s = optD.saveState();
        double[] out = java.util.Arrays.copyOf(p, p.length + s.length);
        System.arraycopy(s, 0, out, p.length, s.length);
        return out;
    }

    LabNetwork discriminator() {
        return discriminator;
    }

    LabNetwork generator() {
        return generator;
    }
}
