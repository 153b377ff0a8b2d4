package org.latentexplorer.engine.gan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.core.HyperParameters;
import org.latentexplorer.engine.core.Logistic;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.Mlp;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.NetworkPair;
import org.latentexplorer.engine.core.NetworkSteps;
import org.latentexplorer.engine.core.Tensors;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The chapter's GAN: a Generator G turns noise z into an image, a Discriminator D gives the probability D(x) that an
 * image is real, and they play min_G max_D V(D, G) = E[log D(x)] + E[log(1 − D(G(z)))]. Training is the chapter's
 * algorithm: k Discriminator steps, each on m real and m generated images, then one Generator step on m fresh z.
 * Two architectures share every code path: the MLP GAN and the DCGAN (transposed convolutions in G, strided
 * convolutions in D); both Generators give flat rows of 784 pixels.
 *
 * <p>D's last layer gives the logit l and D(x) = σ(l) is taken together with the logarithms (log σ(l) = −softplus(−l)):
 * a separate sigmoid rounds D(x) to exactly 0 or 1 once D is sure, and the gradient G needs would be lost with it.
 * G's tanh images lie in [−1, 1]: the app's pixels in [0, 1] are mapped there for D, and G's back in decode.
 */
public final class Gan implements GenerativeModel {
    public static final String D_LOSS = "d_loss";
    public static final String G_LOSS = "g_loss";
    public static final String D_REAL = "d_real";
    public static final String D_FAKE = "d_fake";
    /** Settings' names in manifests and in {@link Models#create}'s settings. */
    private static final String GENERATOR_ENTRY = "generator.zip";
    private static final String DISCRIMINATOR_ENTRY = "discriminator.zip";
    public static final String K_SETTING = "k";
    public static final String GENERATOR_LOSS_SETTING = "generator_loss";
    public static final String NOISE_SETTING = "noise";
    public static final String LEARNING_RATE_D_SETTING = "learning_rate_d";
    public static final String LEARNING_RATE_G_SETTING = "learning_rate_g";
    public static final String D_DROPOUT_SETTING = "d_dropout";
    public static final String D_WIDTH_SETTING = "d_width";
    public static final Set<String> SETTINGS = Set.of(K_SETTING, GENERATOR_LOSS_SETTING, NOISE_SETTING,
            LEARNING_RATE_D_SETTING, LEARNING_RATE_G_SETTING, D_DROPOUT_SETTING, D_WIDTH_SETTING);
    /** Seed of z in {@link #evaluate}; package-visible so tests can recompute its terms. */
    static final long EVAL_NOISE_SEED = 7;

    static final int SIDE = 28;
    static final int PIXELS = SIDE * SIDE;
    private static final int[] MLP_G_HIDDEN = {256, 512};
    private static final int[] MLP_D_HIDDEN = {512, 256};
    /**
     * Channels after G's dense layer and after its first transposed convolution, and of D's two convolutions (before
     * the width multiplier): half the usual 64 / 32, since DL4J's convolutions run at a few Gflop/s on one CPU core
     * (a training step at batch 128 took 1.9 s with them, 0.66 s with these).
     */
    private static final int[] DCGAN_G_CHANNELS = {32, 16};
    private static final int[] DCGAN_D_CHANNELS = {16, 32};
    /** 4 × 4 with stride 2 and padding 1 maps 7 → 14 → 28 exactly; 5 × 5 needs DL4J's Same mode, 40% slower here. */
    private static final int KERNEL = 4;
    private static final double LEAKY_SLOPE = 0.2;
    /** Adam's β₁ = 0.5, as DCGAN trains: the default 0.9 carries stale momentum while the opponent moves. */
    private static final double ADAM_BETA1 = 0.5;

    public enum Architecture {
        MLP("mlp", ModelKind.GAN),
        DCGAN("dcgan", ModelKind.DCGAN);

        private final String id;
        private final ModelKind kind;

        Architecture(String id, ModelKind kind) {
            this.id = id;
            this.kind = kind;
        }

        public String id() {
            return id;
        }

        public ModelKind kind() {
            return kind;
        }

        public static Architecture of(ModelKind kind) {
            for (Architecture a : values()) {
                if (a.kind == kind) {
                    return a;
                }
            }
            throw new IllegalArgumentException("the " + kind.id() + " model is not a GAN");
        }

        static Architecture byId(String id) {
            for (Architecture a : values()) {
                if (a.id.equalsIgnoreCase(id)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown GAN architecture '" + id + "'; known: mlp, dcgan");
        }
    }

    /** p_z, the distribution the Generator's noise is drawn from. */
    public enum Noise {
        /** z ~ U(−1, 1)^d. */
        UNIFORM("uniform"),
        /** z ~ N(0, I). */
        NORMAL("normal");

        private final String id;

        Noise(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The same rows for the same seed, whatever else uses ND4J's random generator. */
        INDArray sample(int rows, int size, long seed) {
            if (this == NORMAL) {
                return Tensors.standardNormal(rows, size, seed);
            }
            SplittableRandom random = new SplittableRandom(seed);
            float[] values = new float[rows * size];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (2 * random.nextDouble() - 1);
            }
            return Nd4j.create(values, new long[] {rows, size}, 'c');
        }

        public static Noise byId(String id) {
            for (Noise n : values()) {
                if (n.id.equalsIgnoreCase(id)) {
                    return n;
                }
            }
            throw new IllegalArgumentException("unknown noise '" + id + "'; known: uniform, normal");
        }
    }

    /**
     * @param k Discriminator steps per Generator step
     * @param learningRateD Adam's step size for D; 0 freezes D (the same for G), which the live setting allows too
     * @param dDropout dropout probability on D's hidden layers, 0 for none
     * @param dWidth multiplier of D's hidden sizes (MLP) or channels (DCGAN)
     */
    public record Config(Architecture architecture, int noiseSize, Noise noise, GeneratorLoss generatorLoss, int k,
            double learningRateD, double learningRateG, double dDropout, double dWidth, long seed) {
        public static final int MAX_NOISE = 512;
        public static final int MAX_K = 20;
        public static final double DEFAULT_LEARNING_RATE = 2e-4;

        public Config {
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

        /**
         * z of 100 from U(−1, 1), k = 1, Adam 2e-4 for both networks, and the non-saturating Generator loss: it starts
         * learning while D still rejects every generated image, where the minimax form's gradient is smallest.
         */
        public static Config defaults(Architecture architecture) {
            return new Config(architecture, 100, Noise.UNIFORM, GeneratorLoss.NON_SATURATING, 1, DEFAULT_LEARNING_RATE,
                    DEFAULT_LEARNING_RATE, 0, 1, 42);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("architecture", architecture.id());
            m.put("noise_size", noiseSize);
            m.put(NOISE_SETTING, noise.id());
            m.put(GENERATOR_LOSS_SETTING, generatorLoss.id());
            m.put(K_SETTING, k);
            m.put(LEARNING_RATE_D_SETTING, learningRateD);
            m.put(LEARNING_RATE_G_SETTING, learningRateG);
            m.put(D_DROPOUT_SETTING, dDropout);
            m.put(D_WIDTH_SETTING, dWidth);
            m.put("seed", seed);
            return m;
        }

        static Config fromMap(Map<String, Object> m) {
            return new Config(Architecture.byId(HyperParameters.string(m, "architecture")),
                    HyperParameters.number(m, "noise_size").intValue(),
                    Noise.byId(HyperParameters.string(m, NOISE_SETTING)),
                    GeneratorLoss.byId(HyperParameters.string(m, GENERATOR_LOSS_SETTING)),
                    HyperParameters.number(m, K_SETTING).intValue(),
                    HyperParameters.number(m, LEARNING_RATE_D_SETTING).doubleValue(),
                    HyperParameters.number(m, LEARNING_RATE_G_SETTING).doubleValue(),
                    HyperParameters.number(m, D_DROPOUT_SETTING).doubleValue(),
                    HyperParameters.number(m, D_WIDTH_SETTING).doubleValue(),
                    HyperParameters.number(m, "seed").longValue());
        }

        /** The defaults of this architecture with the settings given by their manifest names. */
        static Config of(Architecture architecture, int noiseSize, long seed, Map<String, Object> settings) {
            Config d = defaults(architecture);
            Map<String, Object> m = d.toMap();
            m.put("noise_size", noiseSize);
            m.put("seed", seed);
            m.putAll(settings);
            return fromMap(m);
        }

        private Config live(int k, Rates rates, GeneratorLoss loss) {
            return new Config(architecture, noiseSize, noise, loss, k, rates.d(), rates.g(), dDropout, dWidth, seed);
        }
    }

    static void checkK(int k) {
        if (k < 1 || k > Config.MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + Config.MAX_K + ", got " + k);
        }
    }

    static void checkLearningRate(String network, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the " + network + "'s learning rate must be in [0, 1], got " + rate);
        }
    }

    /** Both rates in one object, so a step never sees one old and one new. */
    private record Rates(double d, double g) {
    }

    /** A network's configuration and the matrix product of each layer with weights, for counting and benchmarking. */
    private record Design(MultiLayerConfiguration configuration, List<int[]> products) {
        /** Multiply-adds count 2 flops: Σ 2 · inputs · outputs · rows over the products. */
        double forwardFlopsPerImage() {
            return products.stream().mapToDouble(p -> 2.0 * p[0] * p[1] * (p.length > 2 ? p[2] : 1)).sum();
        }
    }

    private final Config config;
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    /** The training steps' paths through each network; made on the training thread at its first step. */
    private NetworkSteps generatorSteps;
    private NetworkSteps discriminatorSteps;
    private final Design generatorDesign;
    private final Design discriminatorDesign;
    private final SplittableRandom noiseSeeds;
    private volatile int k;
    private volatile Rates rates;
    private volatile GeneratorLoss generatorLoss;
    private int dStepsSinceG;
    private double lastGLoss = Double.NaN;

    public Gan(Config config) {
        this(config, network(generator(config)), network(discriminator(config)));
    }

    private Gan(Config config, MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        this.config = config;
        this.generator = generator;
        this.discriminator = discriminator;
        this.generatorDesign = generator(config);
        this.discriminatorDesign = discriminator(config);
        this.noiseSeeds = new SplittableRandom(config.seed());
        this.k = config.k();
        this.rates = new Rates(config.learningRateD(), config.learningRateG());
        this.generatorLoss = config.generatorLoss();
    }

    /** The defaults of an architecture with a kind's settings by their manifest names; a missing one is the default. */
    public static Gan create(ModelKind kind, int inputSize, int noiseSize, long seed, Map<String, Object> settings) {
        if (inputSize != PIXELS) {
            throw new IllegalArgumentException("a GAN makes " + SIDE + " × " + SIDE + " images (" + PIXELS
                    + " pixels); the data has " + inputSize);
        }
        return new Gan(Config.of(Architecture.of(kind), noiseSize, seed, settings));
    }

    private static MultiLayerNetwork network(Design design) {
        MultiLayerNetwork net = new MultiLayerNetwork(design.configuration());
        net.init();
        return net;
    }

    private static NeuralNetConfiguration.ListBuilder layers(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate, ADAM_BETA1, Adam.DEFAULT_ADAM_BETA2_VAR_DECAY,
                        Adam.DEFAULT_ADAM_EPSILON))
                .weightInit(WeightInit.XAVIER)
                .list();
    }

    private static IActivation leaky() {
        return new ActivationLReLU(LEAKY_SLOPE);
    }

    private static DenseLayer.Builder dense(int out, IActivation activation) {
        return new DenseLayer.Builder().nOut(out).activation(activation);
    }

    /** Stride 2 halves the side (convolution) or doubles it (transposed convolution). */
    private static <B extends ConvolutionLayer.BaseConvBuilder<B>> B strided(B builder, int out) {
        return builder.kernelSize(KERNEL, KERNEL).stride(2, 2).padding(1, 1).convolutionMode(ConvolutionMode.Truncate)
                .nOut(out);
    }

    private static Design generator(Config c) {
        NeuralNetConfiguration.ListBuilder b = layers(c.seed(), c.learningRateG());
        List<int[]> products = new ArrayList<>();
        if (c.architecture() == Architecture.MLP) {
            int in = c.noiseSize();
            for (int h : MLP_G_HIDDEN) {
                b.layer(dense(h, leaky()).build());
                products.add(new int[] {in, h});
                in = h;
            }
            b.layer(dense(PIXELS, Activation.TANH.getActivationFunction()).build());
            products.add(new int[] {in, PIXELS});
        } else {
            int quarter = SIDE / 4;
            int half = SIDE / 2;
            int c0 = DCGAN_G_CHANNELS[0];
            int c1 = DCGAN_G_CHANNELS[1];
            b.layer(dense(quarter * quarter * c0, Activation.IDENTITY.getActivationFunction()).build());
            b.layer(new BatchNormalization.Builder().build());
            b.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            b.inputPreProcessor(3, new FeedForwardToCnnPreProcessor(quarter, quarter, c0));
            b.layer(strided(new Deconvolution2D.Builder(), c1).activation(Activation.IDENTITY).build());
            b.layer(new BatchNormalization.Builder().build());
            b.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            b.layer(strided(new Deconvolution2D.Builder(), 1).activation(Activation.IDENTITY).build());
            // tanh on the flattened image, so G gives the same [n, 784] rows as the MLP's.
            b.inputPreProcessor(7, new CnnToFeedForwardPreProcessor(SIDE, SIDE, 1));
            b.layer(new ActivationLayer.Builder().activation(Activation.TANH).build());
            // A transposed convolution is one product per input pixel: [n·h·w, c_in] × [c_in, k·k·c_out].
            products.add(new int[] {c.noiseSize(), quarter * quarter * c0});
            products.add(new int[] {c0, KERNEL * KERNEL * c1, quarter * quarter});
            products.add(new int[] {c1, KERNEL * KERNEL, half * half});
        }
        b.setInputType(InputType.feedForward(c.noiseSize()));
        return new Design(b.build(), products);
    }

    private static int scaled(int size, double width) {
        return Math.max(1, (int) Math.round(size * width));
    }

    /** Dropout on a layer's input, here D's hidden activations; DL4J takes the probability of keeping a unit. */
    private static <B extends Layer.Builder<B>> B droppedOut(B builder, Config c) {
        return c.dDropout() > 0 ? builder.dropOut(new Dropout(1 - c.dDropout())) : builder;
    }

    private static Design discriminator(Config c) {
        NeuralNetConfiguration.ListBuilder b = layers(c.seed() + 1, c.learningRateD());
        List<int[]> products = new ArrayList<>();
        int in;
        if (c.architecture() == Architecture.MLP) {
            in = PIXELS;
            for (int i = 0; i < MLP_D_HIDDEN.length; i++) {
                int h = scaled(MLP_D_HIDDEN[i], c.dWidth());
                DenseLayer.Builder layer = dense(h, leaky());
                b.layer((i == 0 ? layer : droppedOut(layer, c)).build());
                products.add(new int[] {in, h});
                in = h;
            }
            b.setInputType(InputType.feedForward(PIXELS));
        } else {
            int c0 = scaled(DCGAN_D_CHANNELS[0], c.dWidth());
            int c1 = scaled(DCGAN_D_CHANNELS[1], c.dWidth());
            int half = SIDE / 2;
            int quarter = SIDE / 4;
            b.layer(strided(new ConvolutionLayer.Builder(), c0).activation(leaky()).build());
            b.layer(droppedOut(strided(new ConvolutionLayer.Builder(), c1), c).activation(leaky()).build());
            // A convolution as im2col computes it: [n·h_out·w_out, k·k·c_in] × [k·k·c_in, c_out].
            products.add(new int[] {KERNEL * KERNEL, c0, half * half});
            products.add(new int[] {KERNEL * KERNEL * c0, c1, quarter * quarter});
            in = quarter * quarter * c1;
            b.setInputType(InputType.convolutionalFlat(SIDE, SIDE, 1));
        }
        b.layer(droppedOut(dense(1, Activation.IDENTITY.getActivationFunction()), c).build());
        products.add(new int[] {in, 1});
        return new Design(b.build(), products);
    }

    public Config config() {
        return config;
    }

    public Architecture architecture() {
        return config.architecture();
    }

    public int k() {
        return k;
    }

    /** k may change while training; the next call uses it. */
    public void setK(int k) {
        checkK(k);
        this.k = k;
    }

    public double learningRateD() {
        return rates.d();
    }

    public double learningRateG() {
        return rates.g();
    }

    /** Adam's step sizes for D and G, from the next step on; 0 freezes a network's weights. */
    public void setLearningRates(double d, double g) {
        checkLearningRate("Discriminator", d);
        checkLearningRate("Generator", g);
        this.rates = new Rates(d, g);
    }

    public GeneratorLoss generatorLoss() {
        return generatorLoss;
    }

    public void setGeneratorLoss(GeneratorLoss loss) {
        if (loss == null) {
            throw new IllegalArgumentException("a generator loss must be given");
        }
        this.generatorLoss = loss;
    }

    @Override
    public ModelKind kind() {
        return config.architecture().kind();
    }

    /** The config with the live k, learning rates and generator loss. */
    @Override
    public Map<String, Object> hyperParameters() {
        return config.live(k, rates, generatorLoss).toMap();
    }

    @Override
    public int inputSize() {
        return PIXELS;
    }

    @Override
    public int latentSize() {
        return config.noiseSize();
    }

    /** z from p_z, the same for the same seed. */
    public INDArray noise(int n, long seed) {
        return config.noise().sample(n, config.noiseSize(), seed);
    }

    private static INDArray signed(INDArray x01) {
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
        m.put(D_LOSS, dLoss);
        m.put(G_LOSS, gLoss);
        m.put(D_REAL, dReal);
        m.put(D_FAKE, dFake);
        return LossTerms.of(m);
    }

    /**
     * One Discriminator step on x and m generated images; after every k-th, one Generator step on m fresh z.
     * d_loss, d_real and d_fake are D's on this batch before its update (D in training mode, so with its dropout);
     * g_loss is the Generator loss per sample at the latest Generator step, before G's update (before the first one:
     * on this call's generated images).
     */
    @Override
    public LossTerms trainBatch(INDArray x) {
        int m = (int) x.rows();
        Rates r = rates;
        GeneratorLoss loss = generatorLoss;
        if (generatorSteps == null) {
            generatorSteps = NetworkSteps.of(generator);
            discriminatorSteps = NetworkSteps.of(discriminator);
        }
        // G in training mode: its batch norm sees the same batch statistics here as in its own step.
        INDArray fake = generatorSteps.forward(noise(m, noiseSeeds.nextLong()));
        double[] logits = values(discriminatorSteps.forward(Nd4j.vstack(signed(x), fake)));
        Judgement j = Judgement.of(logits, m);
        discriminatorSteps.backward(column(j.gradient()), false);
        step(discriminator, discriminatorSteps, 2 * m, r.d());
        if (++dStepsSinceG >= k) {
            dStepsSinceG = 0;
            lastGLoss = generatorStep(m, loss, r.g());
        } else if (Double.isNaN(lastGLoss)) {
            lastGLoss = loss.mean(Arrays.copyOfRange(logits, m, 2 * m));
        }
        return terms(j.bce(), lastGLoss, j.real(), j.fake());
    }

    /** G descends the loss on D(G(z)); D only passes ∂loss/∂G(z) back: its own gradient is computed, never applied. */
    private double generatorStep(int m, GeneratorLoss loss, double rate) {
        INDArray fake = generatorSteps.forward(noise(m, noiseSeeds.nextLong()));
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

    /** The four terms on x against G(z) for z from a fixed seed, both networks in inference mode; nothing changes. */
    @Override
    public LossTerms evaluate(INDArray x) {
        int m = (int) x.rows();
        INDArray fake = generator.output(noise(m, EVAL_NOISE_SEED), false);
        double[] logits = values(discriminator.output(Nd4j.vstack(signed(x), fake), false));
        Judgement j = Judgement.of(logits, m);
        return terms(j.bce(), generatorLoss.mean(Arrays.copyOfRange(logits, m, 2 * m)), j.real(), j.fake());
    }

    /** D(x) for images with pixels in [0, 1], as a column [n, 1]. */
    public INDArray discriminate(INDArray x01) {
        return Transforms.sigmoid(discriminator.output(signed(x01), false), false);
    }

    /** G(z) with pixels mapped back from tanh's [−1, 1] to [0, 1]. */
    @Override
    public INDArray decode(INDArray z) {
        return generator.output(z, false).addi(1).muli(0.5);
    }

    @Override
    public INDArray sample(int n, long seed) {
        return decode(noise(n, seed));
    }

    public long generatorParameterCount() {
        return generator.numParams();
    }

    public long discriminatorParameterCount() {
        return discriminator.numParams();
    }

    private NetworkPair networks() {
        return new NetworkPair(GENERATOR_ENTRY, generator, DISCRIMINATOR_ENTRY, discriminator);
    }

    /** [G | D] as one new row; G's include its batch norm's running means and variances. */
    @Override
    public INDArray parameters() {
        return networks().parameters();
    }

    @Override
    public void setParameters(INDArray parameters) {
        networks().setParameters(parameters);
    }

    @Override
    public long parameterCount() {
        return networks().parameterCount();
    }

    @Override
    public Gan copyForInference() {
        Gan copy = new Gan(config, Mlp.copy(generator), Mlp.copy(discriminator));
        copy.k = k;
        copy.rates = rates;
        copy.generatorLoss = generatorLoss;
        return copy;
    }

    /** G's then D's products: dense layers as they are, convolutions as their im2col products (see {@link Design}). */
    @Override
    public List<int[]> denseLayerShapes() {
        List<int[]> shapes = new ArrayList<>();
        generatorDesign.products().forEach(p -> shapes.add(p.clone()));
        discriminatorDesign.products().forEach(p -> shapes.add(p.clone()));
        return shapes;
    }

    /**
     * Flops of one training call per real image, with f_G and f_D the forward flops per image and a backward pass
     * counted as twice its forward (to the inputs and to the weights, which DL4J computes even where only the input
     * gradient is used): the D step runs G forward for m images and D forward and backward for 2m, and every k-th
     * call the G step runs G and D forward and backward for m: f_G + 6 f_D + 3 (f_G + f_D) / k.
     */
    @Override
    public double trainingFlopsPerSample() {
        double g = generatorDesign.forwardFlopsPerImage();
        double d = discriminatorDesign.forwardFlopsPerImage();
        return g + 6 * d + 3 * (g + d) / k;
    }

    /** One zip holding the Generator and the Discriminator, each in DL4J's own format. */
    @Override
    public void write(OutputStream out, boolean withOptimizerState) throws IOException {
        networks().write(out, withOptimizerState);
    }

    public static Gan read(ModelKind kind, Map<String, Object> hyperParameters, InputStream in) throws IOException {
        Config config = Config.fromMap(hyperParameters);
        if (config.architecture().kind() != kind) {
            throw new IllegalStateException("the manifest's kind " + kind.id() + " does not match its architecture "
                    + config.architecture().id());
        }
        NetworkPair pair = NetworkPair.read(in, GENERATOR_ENTRY, DISCRIMINATOR_ENTRY, "GAN");
        MultiLayerNetwork generator = pair.first();
        MultiLayerNetwork discriminator = pair.second();
        Gan model = new Gan(config, generator, discriminator);
        if (!layout(generator).equals(layout(model.generatorDesign.configuration()))
                || !layout(discriminator).equals(layout(model.discriminatorDesign.configuration()))) {
            throw new IllegalStateException("the networks' layers do not match the manifest's hyper-parameters");
        }
        return model;
    }

    private static List<String> layout(MultiLayerNetwork net) {
        return layout(net.getLayerWiseConfigurations());
    }

    /** Each layer's type, sizes, kernel, activation and dropout: what a file must agree on to be this config's. */
    private static List<String> layout(MultiLayerConfiguration configuration) {
        List<String> layout = new ArrayList<>();
        for (NeuralNetConfiguration conf : configuration.getConfs()) {
            Layer l = conf.getLayer();
            StringBuilder s = new StringBuilder(l.getClass().getSimpleName());
            if (l instanceof FeedForwardLayer f) {
                s.append(' ').append(f.getNIn()).append('>').append(f.getNOut());
            }
            if (l instanceof ConvolutionLayer c) {
                s.append(" k").append(Arrays.toString(c.getKernelSize()))
                        .append(" s").append(Arrays.toString(c.getStride()));
            }
            if (l instanceof BaseLayer b) {
                s.append(' ').append(b.getActivationFn());
            }
            if (l instanceof ActivationLayer a) {
                s.append(' ').append(a.getActivationFn());
            }
            s.append(" dropout ").append(l.getIDropout() instanceof Dropout d ? d.getP() : l.getIDropout());
            layout.add(s.toString());
        }
        return layout;
    }
}
