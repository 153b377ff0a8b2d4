package org.latentexplorer.engine.vae;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentexplorer.engine.core.DenseStack;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.HyperParameters;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.Mlp;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.NetworkPair;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.core.Tensors;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The chapter's VAE: the Encoder gives μ and log σ² for each image, z = μ + σ ⊙ ε (the
 * {@link Reparameterization}), the Decoder maps z back to pixels, and the loss is
 * L = KL[N(μ, σ²) ‖ N(0, I)] + β · reconstruction, with both terms reported at every step.
 * Encoder and Decoder are two networks joined by hand, so ε is drawn once per step and reused in the backward pass.
 */
public final class VariationalAutoencoder implements EncodingModel {
    public static final String LOSS = "loss";
    public static final String KL = "kl";
    public static final String RECON = "recon";
    public static final String RECON_BCE = "recon_bce";
    public static final String NEG_ELBO = "neg_elbo_nats";
    /** The loss settings' names in manifests and in {@link Models#create}'s settings. */
    public static final String BETA_SETTING = "beta";
    public static final String RECONSTRUCTION_SETTING = "reconstruction";
    public static final double MAX_BETA = 1000;
    /** Seed of ε in {@link #evaluate}; package-visible so tests can recompute its terms. */
    private static final String ENCODER_ENTRY = "encoder.zip";
    private static final String DECODER_ENTRY = "decoder.zip";
    static final long EVAL_NOISE_SEED = 7;

    public record Config(int inputSize, int[] hidden, int latentSize, double learningRate, long seed, double beta,
            Reconstruction reconstruction) {
        public static final int[] DEFAULT_HIDDEN = {512, 256};
        public static final int MAX_LATENT = 32;

        public Config {
            if (inputSize < 1) {
                throw new IllegalArgumentException("input size must be at least 1, got " + inputSize);
            }
            if (latentSize < 1 || latentSize > MAX_LATENT) {
                throw new IllegalArgumentException("latent size must be between 1 and " + MAX_LATENT + ", got " + latentSize);
            }
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
            }
            checkBeta(beta);
            hidden = hidden.clone();
        }

        public static Config defaults(int latentSize) {
            return new Config(784, DEFAULT_HIDDEN, latentSize, 1e-3, 42, 1.0, Reconstruction.BCE);
        }

        /** As a manifest records it, with β as it is now (it may change while training). */
        Map<String, Object> toMap(double currentBeta) {
            return HyperParameters.of(new Config(inputSize, hidden, latentSize, learningRate, seed, currentBeta,
                    reconstruction));
        }

        static Config fromMap(Map<String, Object> m) {
            return HyperParameters.read(m, Config.class);
        }
    }

    static void checkBeta(double beta) {
        if (!(beta >= 0 && beta <= MAX_BETA)) {
            throw new IllegalArgumentException("beta must be between 0 and " + MAX_BETA + ", got " + beta);
        }
    }

    private final Config config;
    private final MultiLayerNetwork encoder;
    private final MultiLayerNetwork decoder;
    private final SplittableRandom noise;
    private volatile double beta;
    private int iteration;
    /** The training step's own paths through the two networks; made on the training thread at its first step. */
    private DenseStack encoderSteps;
    private DenseStack decoderSteps;

    public VariationalAutoencoder(Config config) {
        this(config,
                Mlp.build(config.seed(), config.learningRate(), config.inputSize(), Mlp.relu(config.hidden()),
                        2 * config.latentSize(), Activation.IDENTITY, null),
                Mlp.build(config.seed() + 1, config.learningRate(), config.latentSize(),
                        Mlp.relu(Mlp.reversed(config.hidden())), config.inputSize(), Activation.SIGMOID, null));
    }

    /** The Encoder's then the Decoder's layer shapes that the constructor builds from this config. */
    private static List<int[]> shapes(Config c) {
        List<int[]> shapes = new ArrayList<>(Mlp.shapes(c.inputSize(), Mlp.relu(c.hidden()), 2 * c.latentSize()));
        shapes.addAll(Mlp.shapes(c.latentSize(), Mlp.relu(Mlp.reversed(c.hidden())), c.inputSize()));
        return shapes;
    }

    private VariationalAutoencoder(Config config, MultiLayerNetwork encoder, MultiLayerNetwork decoder) {
        this.config = config;
        this.encoder = encoder;
        this.decoder = decoder;
        this.noise = new SplittableRandom(config.seed());
        this.beta = config.beta();
    }

    public Config config() {
        return config;
    }

    public double beta() {
        return beta;
    }

    /** β may change while training; the next step uses it. */
    public void setBeta(double beta) {
        checkBeta(beta);
        this.beta = beta;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.VAE;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return config.toMap(beta);
    }

    @Override
    public int inputSize() {
        return config.inputSize();
    }

    @Override
    public int latentSize() {
        return config.latentSize();
    }

    private INDArray mu(INDArray encoderOut) {
        return encoderOut.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latentSize())).dup();
    }

    private INDArray logVar(INDArray encoderOut) {
        return encoderOut.get(NDArrayIndex.all(), NDArrayIndex.interval(latentSize(), 2L * latentSize())).dup();
    }

    @Override
    public LossTerms trainBatch(INDArray x) {
        int batch = (int) x.rows();
        double b = beta;
        if (encoderSteps == null) {
            encoderSteps = new DenseStack(encoder);
            decoderSteps = new DenseStack(decoder);
        }
        // Encoder forward, keeping each layer's input for the backward pass.
        INDArray h = encoderSteps.forward(x);
        Reparameterization r = new Reparameterization(mu(h), logVar(h),
                Tensors.standardNormal(batch, latentSize(), noise.nextLong()));
        INDArray z = r.z();

        // Decoder forward, then back from β · ∂recon/∂y to its parameters and to z (sums over the batch).
        INDArray y = decoderSteps.forward(z);
        double recon = config.reconstruction().perImage(x, y);
        INDArray gradZ = decoderSteps.backward(config.reconstruction().gradient(x, y).muli(b), true);

        // Back through z = μ + σ ε into the Encoder, adding the KL term's own gradient.
        INDArray gradOut = Reparameterization.encoderOutputGradient(r.gradMu(gradZ).addi(r.klGradMu()),
                r.gradLogVar(gradZ).addi(r.klGradLogVar()));
        encoderSteps.backward(gradOut, false);

        // One Adam step each; DL4J's updater divides the summed gradient by the batch size.
        decoderSteps.step(batch, iteration);
        encoderSteps.step(batch, iteration);
        iteration++;
        double kl = r.klPerRow().meanNumber().doubleValue();
        return terms(kl, recon, b, null);
    }

    private static LossTerms terms(double kl, double recon, double beta, Double reconBce) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(LOSS, kl + beta * recon);
        m.put(KL, kl);
        m.put(RECON, recon);
        if (reconBce != null) {
            m.put(RECON_BCE, reconBce);
            m.put(NEG_ELBO, kl + reconBce);
        }
        return LossTerms.of(m);
    }

    /** Held-out terms with one z per image from a fixed ε, so the same model always scores the same. */
    @Override
    public LossTerms evaluate(INDArray x) {
        INDArray h = encoder.output(x, false);
        Reparameterization r = new Reparameterization(mu(h), logVar(h),
                Tensors.standardNormal((int) x.rows(), latentSize(), EVAL_NOISE_SEED));
        INDArray z = r.z();
        INDArray y = decoder.output(z, false);
        double kl = r.klPerRow().meanNumber().doubleValue();
        // −ELBO in nats always uses the Bernoulli −log p(x | z), whatever term the model trains on.
        return terms(kl, config.reconstruction().perImage(x, y), beta, Reconstruction.BCE.perImage(x, y));
    }

    @Override
    public INDArray reconstruct(INDArray x) {
        return decoder.output(encode(x), false);
    }

    /** q(z | x)'s mean μ: where each image sits in the latent space. */
    @Override
    public INDArray encode(INDArray x) {
        return mu(encoder.output(x, false));
    }

    /** μ and log σ² side by side, as the Encoder outputs them. */
    public INDArray encodeDistribution(INDArray x) {
        return encoder.output(x, false);
    }

    @Override
    public INDArray decode(INDArray z) {
        return decoder.output(z, false);
    }

    @Override
    public INDArray sample(int n, long seed) {
        return decode(Tensors.standardNormal(n, latentSize(), seed));
    }

    private NetworkPair networks() {
        return new NetworkPair(ENCODER_ENTRY, encoder, DECODER_ENTRY, decoder);
    }

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
    public VariationalAutoencoder copyForInference() {
        VariationalAutoencoder copy = new VariationalAutoencoder(config, Mlp.copy(encoder), Mlp.copy(decoder));
        copy.beta = beta;
        return copy;
    }

    @Override
    public List<int[]> denseLayerShapes() {
        List<int[]> shapes = new ArrayList<>(Mlp.shapes(encoder));
        shapes.addAll(Mlp.shapes(decoder));
        return shapes;
    }

    /** One zip holding the Encoder and the Decoder, each in DL4J's own format. */
    @Override
    public void write(OutputStream out, boolean withOptimizerState) throws IOException {
        networks().write(out, withOptimizerState);
    }

    public static VariationalAutoencoder read(Map<String, Object> hyperParameters, InputStream in) throws IOException {
        Config config = Config.fromMap(hyperParameters);
        NetworkPair pair = NetworkPair.read(in, ENCODER_ENTRY, DECODER_ENTRY, "VAE");
        MultiLayerNetwork encoder = pair.first();
        MultiLayerNetwork decoder = pair.second();
        VariationalAutoencoder model = new VariationalAutoencoder(config, encoder, decoder);
        if (!Mlp.sameShapes(model.denseLayerShapes(), shapes(config))) {
            throw new IllegalStateException("the networks' layers do not match the manifest's hyper-parameters");
        }
        return model;
    }
}
