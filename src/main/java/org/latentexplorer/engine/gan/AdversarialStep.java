package org.latentexplorer.engine.gan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.core.Logistic;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.NetworkSteps;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The chapter's training algorithm on one GAN's Generator and Discriminator: one Discriminator step on m real and m
 * generated images and, after every k-th, one Generator step on m fresh z; and the same loss terms measured without
 * training. Keeps what passes between calls: the noise seeds, the count of D steps, the latest Generator loss.
 */
final class AdversarialStep {
    /** Seed of z in {@link #evaluate}; package-visible so tests can recompute its terms. */
    static final long EVAL_NOISE_SEED = 7;

    private final GanConfig config;
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final SplittableRandom noiseSeeds;
    /** The training steps' paths through each network; made on the training thread at its first step. */
    private NetworkSteps generatorSteps;
    private NetworkSteps discriminatorSteps;
    private int dStepsSinceG;
    private double lastGLoss = Double.NaN;

    AdversarialStep(GanConfig config, MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        this.config = config;
        this.generator = generator;
        this.discriminator = discriminator;
        this.noiseSeeds = new SplittableRandom(config.seed());
    }

    /** Images with pixels in [0, 1] mapped to tanh's [−1, 1], where G's images lie. */
    static INDArray signed(INDArray x01) {
        return x01.mul(2).subi(1);
    }

    private static double[] values(INDArray column) {
        return column.reshape(column.length()).toDoubleVector();
    }

    private static INDArray column(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return Nd4j.create(f, new long[] {f.length, 1}, 'c');
    }

    /**
     * D's view of m real images followed by m generated ones, from their logits: its binary cross-entropy with
     * labels 1 and 0, mean over the 2m (= −V/2 with V the chapter's (1/m) Σ [log D(x) + log(1 − D(G(z)))]),
     * the means of D(x) and D(G(z)), and ∂(Σ BCE)/∂l for each row.
     */
    private record Judgement(double bce, double real, double fake, double[] gradient) {
        static Judgement of(double[] logits, int m) {
            double bce = 0;
            double real = 0;
            double fake = 0;
            double[] gradient = new double[logits.length];
            for (int i = 0; i < logits.length; i++) {
                double p = Logistic.sigmoid(logits[i]);
                if (i < m) {
                    bce += Logistic.softplus(-logits[i]);
                    real += p;
                    gradient[i] = p - 1;
                } else {
                    bce += Logistic.softplus(logits[i]);
                    fake += p;
                    gradient[i] = p;
                }
            }
            return new Judgement(bce / logits.length, real / m, fake / (logits.length - m), gradient);
        }
    }

    private static LossTerms terms(double dLoss, double gLoss, double dReal, double dFake) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Gan.D_LOSS, dLoss);
        m.put(Gan.G_LOSS, gLoss);
        m.put(Gan.D_REAL, dReal);
        m.put(Gan.D_FAKE, dFake);
        return LossTerms.of(m);
    }

    /** {@link Gan#trainBatch} with the live settings, each read once by the caller so a step sees one value. */
    LossTerms train(INDArray x, int k, double rateD, double rateG, GeneratorLoss loss) {
        int m = (int) x.rows();
        if (generatorSteps == null) {
            generatorSteps = NetworkSteps.of(generator);
            discriminatorSteps = NetworkSteps.of(discriminator);
        }
        // G in training mode: its batch norm sees the same batch statistics here as in its own step.
        INDArray fake = generatorSteps.forward(config.sampleNoise(m, noiseSeeds.nextLong()));
        double[] logits = values(discriminatorSteps.forward(Nd4j.vstack(signed(x), fake)));
        Judgement j = Judgement.of(logits, m);
        discriminatorSteps.backward(column(j.gradient()), false);
        step(discriminator, discriminatorSteps, 2 * m, rateD);
        if (++dStepsSinceG >= k) {
            dStepsSinceG = 0;
            lastGLoss = generatorStep(m, loss, rateG);
        } else if (Double.isNaN(lastGLoss)) {
            lastGLoss = loss.mean(Arrays.copyOfRange(logits, m, 2 * m));
        }
        return terms(j.bce(), lastGLoss, j.real(), j.fake());
    }

    /** G descends the loss on D(G(z)); D only passes ∂loss/∂G(z) back: its own gradient is computed, never applied. */
    private double generatorStep(int m, GeneratorLoss loss, double rate) {
        INDArray fake = generatorSteps.forward(config.sampleNoise(m, noiseSeeds.nextLong()));
        double[] logits = values(discriminatorSteps.forward(fake));
        double[] gradient = new double[m];
        for (int i = 0; i < m; i++) {
            gradient[i] = loss.gradient(logits[i]);
        }
        INDArray toImage = discriminatorSteps.backward(column(gradient), true);
        generatorSteps.backward(toImage, false);
        step(generator, generatorSteps, m, rate);
        return loss.mean(logits);
    }

    /**
     * One Adam step at this rate on a gradient summed over the batch (DL4J's updater divides by its size), at the
     * network's own iteration count. A rate of 0 skips the step: ND4J's Adam reads 0 as unset and still moves weights.
     */
    private static void step(MultiLayerNetwork net, NetworkSteps steps, int batch, double rate) {
        if (rate == 0) {
            return;
        }
        if (net.getLearningRate(0) != rate) {
            net.setLearningRate(rate);
        }
        steps.step(batch);
    }

    /** {@link Gan#evaluate}: the four terms against G(z) for z from a fixed seed, in inference mode. */
    LossTerms evaluate(INDArray x, GeneratorLoss loss) {
        int m = (int) x.rows();
        INDArray fake = generator.output(config.sampleNoise(m, EVAL_NOISE_SEED), false);
        double[] logits = values(discriminator.output(Nd4j.vstack(signed(x), fake), false));
        Judgement j = Judgement.of(logits, m);
        return terms(j.bce(), loss.mean(Arrays.copyOfRange(logits, m, 2 * m)), j.real(), j.fake());
    }
}
