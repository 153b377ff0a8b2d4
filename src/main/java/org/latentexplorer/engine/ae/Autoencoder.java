package org.latentexplorer.engine.ae;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentexplorer.data.ImageNoise;
import org.latentexplorer.engine.core.DenseStack;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.HyperParameters;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.Mlp;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.core.Tensors;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The chapter's autoencoder: an Encoder MLP to a linear latent code z and a mirrored Decoder MLP
 * back to pixels (sigmoid), trained on binary cross-entropy summed over pixels, mean over the batch.
 * With input noise it is the denoising autoencoder: each step corrupts the batch ({@link ImageNoise}) and
 * reconstructs the clean images from it.
 */
public final class Autoencoder implements EncodingModel {
    /** Reconstruction of the clean input, nats per image. */
    public static final String RECON_BCE = "recon_bce";
    /** Reconstruction of the clean image from its corrupted input (what a denoising AE minimises), nats per image. */
    public static final String RECON_BCE_NOISY = "recon_bce_noisy";
    /** The input noise's settings in manifests and in {@link Models#create}'s settings; absent means no noise. */
    public static final String INPUT_NOISE_SETTING = "input_noise";
    public static final String INPUT_NOISE_LEVEL_SETTING = "input_noise_level";
    public static final Set<String> SETTINGS = Set.of(INPUT_NOISE_SETTING, INPUT_NOISE_LEVEL_SETTING);
    /** Seed of the corruption in {@link #evaluate}, so held-out numbers compare across steps and runs. */
    static final long EVAL_NOISE_SEED = 7;

    /**
     * Architecture and optimiser settings, and the input noise training starts with; the defaults are the
     * chapter-sized MLP 784-512-256-d without noise.
     */
    public record Config(int inputSize, int[] hidden, int latentSize, double learningRate, long seed, ImageNoise noise) {
        public static final int[] DEFAULT_HIDDEN = {512, 256};
        public static final int MAX_LATENT = 256;
        /** The noise component's name while the record passes through Jackson; manifests name its parts instead. */
        private static final String NOISE = "noise";

        public Config {
            if (inputSize < 1) {
                throw new IllegalArgumentException("input size must be at least 1, got " + inputSize);
            }
            if (latentSize < 1 || latentSize > MAX_LATENT) {
                throw new IllegalArgumentException("latent size must be between 1 and " + MAX_LATENT + ", got "
                        + latentSize);
            }
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
            }
            hidden = hidden.clone();
            Objects.requireNonNull(noise, "noise");
        }

        /** The plain autoencoder. */
        public Config(int inputSize, int[] hidden, int latentSize, double learningRate, long seed) {
            this(inputSize, hidden, latentSize, learningRate, seed, ImageNoise.NONE);
        }

        public static Config defaults(int latentSize) {
            return new Config(784, DEFAULT_HIDDEN, latentSize, 1e-3, 42);
        }

        public Config withNoise(ImageNoise newNoise) {
            return new Config(inputSize, hidden, latentSize, learningRate, seed, newNoise);
        }

        /**
         * A plain autoencoder's manifest has no noise entries, as before denoising existed; a denoising one's names the
         * noise's type and level as two entries of their own.
         */
        Map<String, Object> toMap() {
            Map<String, Object> m = HyperParameters.of(this);
            m.remove(NOISE);
            if (!noise.isNone()) {
                m.put(INPUT_NOISE_SETTING, noise.type().id());
                m.put(INPUT_NOISE_LEVEL_SETTING, noise.level());
            }
            return m;
        }

        static Config fromMap(Map<String, Object> m) {
            Map<String, Object> withNoise = new LinkedHashMap<>(m);
            withNoise.put(NOISE, HyperParameters.of(noise(m)));
            return HyperParameters.read(withNoise, Config.class);
        }

        /** A type needs its level: "gaussian" alone would otherwise quietly train a plain autoencoder. */
        private static ImageNoise noise(Map<String, Object> m) {
            boolean hasType = m.containsKey(INPUT_NOISE_SETTING);
            boolean hasLevel = m.containsKey(INPUT_NOISE_LEVEL_SETTING);
            if (hasType != hasLevel) {
                throw new IllegalArgumentException("'" + INPUT_NOISE_SETTING + "' and '" + INPUT_NOISE_LEVEL_SETTING
                        + "' go together: give both or neither");
            }
            if (!hasType) {
                return ImageNoise.NONE;
            }
            if (!(m.get(INPUT_NOISE_SETTING) instanceof String type
                    && m.get(INPUT_NOISE_LEVEL_SETTING) instanceof Number level)) {
                throw new IllegalArgumentException("'" + INPUT_NOISE_SETTING + "' must be a noise's name and '"
                        + INPUT_NOISE_LEVEL_SETTING + "' a number");
            }
            return new ImageNoise(ImageNoise.Type.byId(type), level.doubleValue());
        }

        /** Encoder (ReLU), the linear code z, then the Decoder mirroring the Encoder: one MLP. */
        List<Mlp.Layer> layers() {
            List<Mlp.Layer> layers = new ArrayList<>(Mlp.relu(hidden));
            layers.add(new Mlp.Layer(latentSize, Activation.IDENTITY));
            layers.addAll(Mlp.relu(Mlp.reversed(hidden)));
            return layers;
        }
    }

    private final Config config;
    private final MultiLayerNetwork net;
    private final SplittableRandom corruption;
    private volatile ImageNoise noise;
    /** The training step's own path through the network; made on the training thread at its first step. */
    private DenseStack training;

    public Autoencoder(Config config) {
        this(config, null);
    }

    private Autoencoder(Config config, MultiLayerNetwork restored) {
        this.config = config;
        this.net = restored != null ? restored
                : Mlp.build(config.seed(), config.learningRate(), config.inputSize(), config.layers(), config.inputSize(),
                        Activation.SIGMOID, LossFunctions.LossFunction.XENT);
        this.corruption = new SplittableRandom(config.seed());
        this.noise = config.noise();
    }

    /**
     * A new model of the default architecture with a kind's settings by their manifest names: both noise settings or
     * neither (a plain autoencoder).
     */
    public static Autoencoder create(int inputSize, int latentSize, double learningRate, long seed,
            Map<String, Object> settings) {
        Map<String, Object> m = new Config(inputSize, Config.DEFAULT_HIDDEN, latentSize, learningRate, seed).toMap();
        m.putAll(settings);
        return new Autoencoder(Config.fromMap(m));
    }

    /** The config the model was built with; its noise is the initial one, see {@link #noise()}. */
    public Config config() {
        return config;
    }

    /** The input noise of the next training step; {@link ImageNoise#NONE} for the plain autoencoder. */
    public ImageNoise noise() {
        return noise;
    }

    /** The noise may change while training; the next step uses it. */
    public void setNoise(ImageNoise noise) {
        this.noise = Objects.requireNonNull(noise, "noise");
    }

    @Override
    public ModelKind kind() {
        return ModelKind.AE;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return config.withNoise(noise).toMap();
    }

    @Override
    public int inputSize() {
        return config.inputSize();
    }

    /** A denoising step reports {@link #RECON_BCE_NOISY}, the loss it minimises, and a plain one {@link #RECON_BCE}. */
    @Override
    public LossTerms trainBatch(INDArray x) {
        ImageNoise n = noise;
        INDArray input = n.isNone() ? x : Denoising.corrupt(x, n, corruption.nextLong());
        if (training == null) {
            training = new DenseStack(net);
        }
        INDArray y = training.forward(input);
        double loss = Reconstruction.BCE.perImage(x, y);
        // Sigmoid and binary cross-entropy together: the gradient at the logits is y − x, summed over the batch.
        training.backwardFromLogits(y.sub(x), false);
        training.step((int) x.rows());
        return LossTerms.of(n.isNone() ? RECON_BCE : RECON_BCE_NOISY, loss);
    }

    /**
     * The loss on the clean input; a denoising autoencoder adds {@link #RECON_BCE_NOISY} at its own noise, always
     * drawn with the same seed. {@link Denoising} measures any other noise.
     */
    @Override
    public LossTerms evaluate(INDArray x) {
        ImageNoise n = noise;
        double clean = net.score(new DataSet(x, x), false);
        if (n.isNone()) {
            return LossTerms.of(RECON_BCE, clean);
        }
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put(RECON_BCE, clean);
        terms.put(RECON_BCE_NOISY, net.score(new DataSet(Denoising.corrupt(x, n, EVAL_NOISE_SEED), x), false));
        return LossTerms.of(terms);
    }

    @Override
    public INDArray reconstruct(INDArray x) {
        return net.output(x, false);
    }

    @Override
    public int latentSize() {
        return config.latentSize();
    }

    private int latentLayer() {
        return config.hidden().length;
    }

    @Override
    public INDArray encode(INDArray x) {
        return net.activateSelectedLayers(0, latentLayer(), x);
    }

    @Override
    public INDArray decode(INDArray z) {
        return net.activateSelectedLayers(latentLayer() + 1, net.getnLayers() - 1, z);
    }

    /** Decodes z ~ N(0, I): for a plain autoencoder this mostly gives no digit, which is the chapter's point. */
    @Override
    public INDArray sample(int n, long seed) {
        return decode(Tensors.standardNormal(n, latentSize(), seed));
    }

    @Override
    public INDArray parameters() {
        return net.params();
    }

    @Override
    public void setParameters(INDArray parameters) {
        net.setParams(parameters);
    }

    @Override
    public Autoencoder copyForInference() {
        return new Autoencoder(config.withNoise(noise), Mlp.copy(net));
    }

    @Override
    public List<int[]> denseLayerShapes() {
        return Mlp.shapes(net);
    }

    @Override
    public void write(OutputStream out, boolean withOptimizerState) throws IOException {
        ModelSerializer.writeModel(net, out, withOptimizerState);
    }

    /** Reads a network written by {@link #write} and checks it has the architecture the manifest promises. */
    public static Autoencoder read(Map<String, Object> hyperParameters, InputStream in) throws IOException {
        Config config = Config.fromMap(hyperParameters);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(in, true);
        if (!Mlp.sameShapes(Mlp.shapes(restored), Mlp.shapes(config.inputSize(), config.layers(), config.inputSize()))) {
            throw new IllegalStateException("the network's layers do not match the manifest's hyper-parameters");
        }
        return new Autoencoder(config, restored);
    }
}
