package org.latentexplorer.engine.ganlab;

import org.latentexplorer.engine.core.GeneratorLoss;

/**
 * Everything that defines a run of the GAN problems lab: the two players' sizes, the baseline GAN's loss and k, and
 * the remedies, each a switch. Learning rates, k, the Generator loss, unrolling and WGAN's c and n_critic apply to a
 * running lab at once; sizes, dropout, Minibatch Discrimination and the WGAN switch rebuild the networks.
 *
 * @param noiseDim size of z ~ N(0, I)
 * @param k Discriminator steps per Generator step (the chapter's k); WGAN uses nCritic instead
 * @param unrollSteps Unrolled GAN's K: the Generator steps against D advanced K steps, then D is restored
 * @param minibatchKernels Minibatch Discrimination's B kernels, 0 for off
 * @param clip WGAN's weight clipping c
 * @param nCritic WGAN's critic steps per Generator step
 * @param gradientPenalty WGAN-GP's λ: with WGAN on and λ > 0 the critic is kept 1-Lipschitz by the penalty
 *        λ (‖∇ₓ f(x̂)‖ − 1)² on points between real and generated ones instead of by clipping; 0 for off
 * @param generatorSgd G learns by SGD with momentum, as in the GAN paper, instead of Adam: its steps then shrink with
 *        its gradient, where Adam's division by the gradient's running size would hide a vanishing gradient
 * @param dHeadStart D's head start: for this many first iterations G does not step (its loss and gradient are still
 *        computed and reported), so D trains towards the optimal D against a fixed G, as in Arjovsky and Bottou
 *        (2017, fig. 2), where the minimax G's gradient then vanishes; 0 for none
 */
public record LabSettings(int noiseDim, int gWidth, int gDepth, int dWidth, int dDepth, double dDropout,
        GeneratorLoss generatorLoss, int k, boolean unrolled, int unrollSteps, int minibatchKernels, boolean wgan,
        double clip, int nCritic, double learningRateD, double learningRateG, int batch, long seed,
        double gradientPenalty, boolean generatorSgd, int dHeadStart) {

    public static final int MAX_WIDTH = 512;
    public static final int MAX_DEPTH = 6;
    public static final int MAX_STEPS = 50;
    public static final int MAX_HEAD_START = 100_000;
    /**
     * The vanishing-gradient stage's head start: measured on the ring (seeds 1-6), the minimax G's gradient norm, as
     * a median over 100 iterations, has fallen from about 0.43 to between 1e-5 and 0.03 by then, and D(G(z)) to
     * between 1e-7 and 1e-4.
     */
    public static final int HEAD_START = 1500;

    public LabSettings {
        check(noiseDim >= 1 && noiseDim <= 64, "noise size must be 1 to 64: " + noiseDim);
        check(gWidth >= 1 && gWidth <= MAX_WIDTH && dWidth >= 1 && dWidth <= MAX_WIDTH,
                "layer widths must be 1 to " + MAX_WIDTH);
        check(gDepth >= 1 && gDepth <= MAX_DEPTH && dDepth >= 1 && dDepth <= MAX_DEPTH,
                "depths must be 1 to " + MAX_DEPTH);
        check(dDropout >= 0 && dDropout < 1, "dropout must be in [0, 1): " + dDropout);
        check(k >= 1 && k <= MAX_STEPS && unrollSteps >= 1 && unrollSteps <= MAX_STEPS && nCritic >= 1
                && nCritic <= MAX_STEPS, "k, K and n_critic must be 1 to " + MAX_STEPS);
        check(minibatchKernels >= 0 && minibatchKernels <= 64, "minibatch kernels must be 0 to 64");
        check(clip > 0 && clip <= 10, "clipping c must be in (0, 10]: " + clip);
        check(learningRateD > 0 && learningRateD < 1 && learningRateG > 0 && learningRateG < 1,
                "learning rates must be in (0, 1)");
        check(batch >= 2 && batch <= 2048, "batch must be 2 to 2048: " + batch);
        check(gradientPenalty >= 0 && gradientPenalty <= 100, "gradient penalty must be 0 to 100: " + gradientPenalty);
        check(dHeadStart >= 0 && dHeadStart <= MAX_HEAD_START,
                "D's head start must be 0 to " + MAX_HEAD_START + " iterations: " + dHeadStart);
        if (generatorLoss == null) {
            throw new IllegalArgumentException("generator loss missing");
        }
    }

    /** Settings without WGAN-GP's penalty, G on Adam, no head start: as files written before them give them. */
    public LabSettings(int noiseDim, int gWidth, int gDepth, int dWidth, int dDepth, double dDropout,
            GeneratorLoss generatorLoss, int k, boolean unrolled, int unrollSteps, int minibatchKernels, boolean wgan,
            double clip, int nCritic, double learningRateD, double learningRateG, int batch, long seed) {
        this(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k, unrolled, unrollSteps,
                minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed, 0, false, 0);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The vanilla GAN of the chapter (k = 1), the mode-collapse stage's baseline every remedy is compared with, with
     * the remedies' own settings ready for when they are switched on. z of 8, two layers of 32 units in G and D,
     * batches of 128, and the non-saturating Generator loss as in the app's image GAN. G learns ten times faster than
     * D (3e-3 against 3e-4), the ratio of the Unrolled GAN paper's ring demo: G then outruns D from mode to mode, so
     * the vanilla GAN collapses on the ring within a few thousand steps, which is what the remedies are there to
     * prevent. WGAN's c is 0.1, not its paper's 0.01: with 32-unit layers that bound leaves the critic too flat to
     * place the modes.
     */
    public static LabSettings vanilla() {
        return new LabSettings(8, 32, 2, 32, 2, 0, GeneratorLoss.NON_SATURATING, 1, false, 5, 0, false, 0.1, 5, 3e-4,
                3e-3, 128, 1);
    }

    /**
     * The vanishing-gradient stage's baseline: D overpowers G. D first has a head start of {@link #HEAD_START}
     * iterations against a G held still, coming close to the best D against it (Arjovsky and Bottou 2017, fig. 2);
     * then it takes k = 5 Adam steps of 1e-3 per G step. G descends the chapter's minimax loss log(1 − D(G(z))), whose
     * gradient per point is D(G(z)) times the non-saturating loss's and so fades as D(G(z)) → 0. G learns by SGD with
     * momentum at D's rate, as in the GAN paper: Adam would divide that small gradient by its own running size and
     * hide the problem.
     */
    public static LabSettings strongDiscriminator() {
        return new LabSettings(8, 32, 2, 32, 2, 0, GeneratorLoss.MINIMAX, 5, false, 5, 0, false, 0.1, 5, 1e-3, 1e-3,
                128, 1, 0, true, HEAD_START);
    }

    public LabSettings withGeneratorLoss(GeneratorLoss g) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, g, k, unrolled, unrollSteps,
                minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed, gradientPenalty,
                generatorSgd, dHeadStart);
    }

    public LabSettings withDiscriminator(int width, int depth, double dropout) {
        return new LabSettings(noiseDim, gWidth, gDepth, width, depth, dropout, generatorLoss, k, unrolled, unrollSteps,
                minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed, gradientPenalty,
                generatorSgd, dHeadStart);
    }

    public LabSettings withUnrolled(boolean on, int steps) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k, on, steps,
                minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed, gradientPenalty,
                generatorSgd, dHeadStart);
    }

    public LabSettings withMinibatchKernels(int kernels) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k, unrolled,
                unrollSteps, kernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed, gradientPenalty,
                generatorSgd, dHeadStart);
    }

    public LabSettings withWgan(boolean on, double c, int critic) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k, unrolled,
                unrollSteps, minibatchKernels, on, c, critic, learningRateD, learningRateG, batch, seed,
                gradientPenalty, generatorSgd, dHeadStart);
    }

    /** WGAN-GP's λ, 0 for WGAN with clipping; only used while WGAN is on. */
    public LabSettings withGradientPenalty(double lambda) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k, unrolled,
                unrollSteps, minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed, lambda,
                generatorSgd, dHeadStart);
    }

    /** Whether WGAN's critic is held Lipschitz by the gradient penalty (WGAN-GP) rather than by clipping. */
    public boolean penalized() {
        return wgan && gradientPenalty > 0;
    }

    /** Whether WGAN's critic is held Lipschitz by clipping its weights into [-c, c]. */
    public boolean clipped() {
        return wgan && gradientPenalty == 0;
    }

    /** G on SGD with momentum (true) or Adam (false). */
    public LabSettings withGeneratorSgd(boolean on) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k, unrolled,
                unrollSteps, minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed,
                gradientPenalty, on, dHeadStart);
    }

    /** D's head start: the first {@code iterations} iterations train D alone against a fixed G. */
    public LabSettings withHeadStart(int iterations) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k, unrolled,
                unrollSteps, minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed,
                gradientPenalty, generatorSgd, iterations);
    }

    public LabSettings withLearningRates(double d, double g) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k, unrolled,
                unrollSteps, minibatchKernels, wgan, clip, nCritic, d, g, batch, seed, gradientPenalty, generatorSgd,
                dHeadStart);
    }

    public LabSettings withK(int steps) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, steps, unrolled,
                unrollSteps, minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed,
                gradientPenalty, generatorSgd, dHeadStart);
    }

    public LabSettings withGenerator(int noise, int width, int depth) {
        return new LabSettings(noise, width, depth, dWidth, dDepth, dDropout, generatorLoss, k, unrolled, unrollSteps,
                minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed, gradientPenalty,
                generatorSgd, dHeadStart);
    }

    public LabSettings withBatch(int size) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k, unrolled,
                unrollSteps, minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, size, seed,
                gradientPenalty, generatorSgd, dHeadStart);
    }

    public LabSettings withSeed(long s) {
        return new LabSettings(noiseDim, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k, unrolled,
                unrollSteps, minibatchKernels, wgan, clip, nCritic, learningRateD, learningRateG, batch, s,
                gradientPenalty, generatorSgd, dHeadStart);
    }

    /**
     * Whether going from this run's settings to {@code next} needs new networks (otherwise it applies live); WGAN-GP
     * trains its critic with another optimizer than clipped WGAN, so switching between them rebuilds too, as does
     * switching G's optimizer.
     */
    public boolean needsRebuild(LabSettings next) {
        return noiseDim != next.noiseDim || gWidth != next.gWidth || gDepth != next.gDepth || dWidth != next.dWidth
                || dDepth != next.dDepth || dDropout != next.dDropout || minibatchKernels != next.minibatchKernels
                || wgan != next.wgan || seed != next.seed || penalized() != next.penalized()
                || generatorSgd != next.generatorSgd;
    }
}
