package org.latentexplorer.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The chapter's autoencoder: an Encoder MLP to a linear latent code z and a mirrored Decoder MLP
 * back to pixels (sigmoid), trained on binary cross-entropy summed over pixels, mean over the batch.
 */
public final class Autoencoder implements GenerativeModel {
    public static final String RECON_BCE = "recon_bce";

    /** Architecture and optimiser settings; the defaults are the chapter-sized MLP 784-512-256-d. */
    public record Config(int inputSize, int[] hidden, int latentSize, double learningRate, long seed) {
        public static final int[] DEFAULT_HIDDEN = {512, 256};

        public Config {
            if (inputSize < 1) {
                throw new IllegalArgumentException("input size must be at least 1, got " + inputSize);
            }
            if (latentSize < 1 || latentSize > 256) {
                throw new IllegalArgumentException("latent size must be between 1 and 256, got " + latentSize);
            }
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
            }
            hidden = hidden.clone();
        }

        public static Config defaults(int latentSize) {
            return new Config(784, DEFAULT_HIDDEN, latentSize, 1e-3, 42);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input_size", inputSize);
            m.put("hidden", hidden.clone());
            m.put("latent_size", latentSize);
            m.put("learning_rate", learningRate);
            m.put("seed", seed);
            return m;
        }

        static Config fromMap(Map<String, Object> m) {
            return new Config(HyperParameters.number(m, "input_size").intValue(), HyperParameters.ints(m, "hidden"),
                    HyperParameters.number(m, "latent_size").intValue(),
                    HyperParameters.number(m, "learning_rate").doubleValue(), HyperParameters.number(m, "seed").longValue());
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

    public Autoencoder(Config config) {
        this(config, null);
    }

    private Autoencoder(Config config, MultiLayerNetwork restored) {
        this.config = config;
        this.net = restored != null ? restored
                : Mlp.build(config.seed(), config.learningRate(), config.inputSize(), config.layers(), config.inputSize(),
                        Activation.SIGMOID, LossFunctions.LossFunction.XENT);
    }

    public Config config() {
        return config;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.AE;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return config.toMap();
    }

    @Override
    public int inputSize() {
        return config.inputSize();
    }

    @Override
    public LossTerms trainBatch(INDArray x) {
        net.fit(new DataSet(x, x));
        return LossTerms.of(RECON_BCE, net.score());
    }

    @Override
    public LossTerms evaluate(INDArray x) {
        return LossTerms.of(RECON_BCE, net.score(new DataSet(x, x), false));
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
        return new Autoencoder(config, Mlp.copy(net));
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
    static Autoencoder read(Map<String, Object> hyperParameters, InputStream in) throws IOException {
        Config config = Config.fromMap(hyperParameters);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(in, true);
        if (!Mlp.sameShapes(Mlp.shapes(restored), Mlp.shapes(config.inputSize(), config.layers(), config.inputSize()))) {
            throw new IllegalStateException("the network's layers do not match the manifest's hyper-parameters");
        }
        return new Autoencoder(config, restored);
    }
}
