package org.latentexplorer.engine.gan;

import java.util.Map;
import java.util.Set;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.core.HyperParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A GAN's hyper-parameters, checked when made, and their map in a manifest.
 *
 * @param k Discriminator steps per Generator step
 * @param learningRateD Adam's step size for D; 0 freezes D (the same for G), which the live setting allows too
 * @param dDropout dropout probability on D's hidden layers, 0 for none
 * @param dWidth multiplier of D's hidden sizes (MLP) or channels (DCGAN)
 */
public record GanConfig(Architecture architecture, int noiseSize, Noise noise, GeneratorLoss generatorLoss, int k,
        double learningRateD, double learningRateG, double dDropout, double dWidth, long seed) {
    /** Settings' names in manifests and in {@code Models.create}'s settings. */
    public static final String K_SETTING = "k";
    public static final String GENERATOR_LOSS_SETTING = "generator_loss";
    public static final String NOISE_SETTING = "noise";
    public static final String LEARNING_RATE_D_SETTING = "learning_rate_d";
    public static final String LEARNING_RATE_G_SETTING = "learning_rate_g";
    public static final String D_DROPOUT_SETTING = "d_dropout";
    public static final String D_WIDTH_SETTING = "d_width";
    public static final Set<String> SETTINGS = Set.of(K_SETTING, GENERATOR_LOSS_SETTING, NOISE_SETTING,
            LEARNING_RATE_D_SETTING, LEARNING_RATE_G_SETTING, D_DROPOUT_SETTING, D_WIDTH_SETTING);
    public static final int MAX_NOISE = 512;
    public static final int MAX_K = 20;
    public static final double DEFAULT_LEARNING_RATE = 2e-4;

    public GanConfig {
        if (architecture == null || noise == null || generatorLoss == null) {
            throw new IllegalArgumentException("architecture, noise and generator loss must be given");
        }
        if (noiseSize < 1 || noiseSize > MAX_NOISE) {
            throw new IllegalArgumentException("noise size must be between 1 and " + MAX_NOISE + ", got "
                    + noiseSize);
        }
        checkK(k);
        checkLearningRate("Discriminator", learningRateD);
        checkLearningRate("Generator", learningRateG);
        if (!(dDropout >= 0 && dDropout <= 0.9)) {
            throw new IllegalArgumentException("the Discriminator's dropout must be between 0 and 0.9, got "
                    + dDropout);
        }
        if (!(dWidth >= 0.125 && dWidth <= 4)) {
            throw new IllegalArgumentException(
                    "the Discriminator's width multiplier must be between 0.125 and 4, got " + dWidth);
        }
    }

    static void checkK(int k) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
        }
    }

    static void checkLearningRate(String network, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the " + network + "'s learning rate must be in [0, 1], got " + rate);
        }
    }

    /**
     * z of 100 from U(−1, 1), k = 1, Adam 2e-4 for both networks, and the non-saturating Generator loss: it starts
     * learning while D still rejects every generated image, where the minimax form's gradient is smallest.
     */
    public static GanConfig defaults(Architecture architecture) {
        return new GanConfig(architecture, 100, Noise.UNIFORM, GeneratorLoss.NON_SATURATING, 1,
                DEFAULT_LEARNING_RATE, DEFAULT_LEARNING_RATE, 0, 1, 42);
    }

    /** n rows of z from p_z, the same for the same seed. */
    INDArray sampleNoise(int n, long seed) {
        return noise.sample(n, noiseSize, seed);
    }

    Map<String, Object> toMap() {
        return HyperParameters.of(this);
    }

    static GanConfig fromMap(Map<String, Object> m) {
        return HyperParameters.read(m, GanConfig.class);
    }

    /** The defaults of this architecture with the settings given by their manifest names. */
    static GanConfig of(Architecture architecture, int noiseSize, long seed, Map<String, Object> settings) {
        GanConfig d = defaults(architecture);
        return HyperParameters.with(new GanConfig(architecture, noiseSize, d.noise, d.generatorLoss, d.k,
                d.learningRateD, d.learningRateG, d.dDropout, d.dWidth, seed), settings);
    }

    /** This config with the values a running model may have changed since. */
    GanConfig live(int k, double learningRateD, double learningRateG, GeneratorLoss loss) {
        return new GanConfig(architecture, noiseSize, noise, loss, k, learningRateD, learningRateG, dDropout, dWidth,
                seed);
    }
}
