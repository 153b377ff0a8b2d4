package org.latentexplorer.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
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
            Object hiddenValue = m.get("hidden");
            int[] hidden;
            if (hiddenValue instanceof int[] a) {
                hidden = a;
            } else if (hiddenValue instanceof List<?> list) {
                hidden = list.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
            } else {
                throw new IllegalArgumentException("hyper-parameter 'hidden' is missing");
            }
            return new Config(number(m, "input_size").intValue(), hidden, number(m, "latent_size").intValue(),
                    number(m, "learning_rate").doubleValue(), number(m, "seed").longValue());
        }

        private static Number number(Map<String, Object> m, String key) {
            if (m.get(key) instanceof Number n) {
                return n;
            }
            throw new IllegalArgumentException("hyper-parameter '" + key + "' is missing or not a number");
        }
    }

    private final Config config;
    private final MultiLayerNetwork net;

    public Autoencoder(Config config) {
        this(config, null);
    }

    private Autoencoder(Config config, MultiLayerNetwork restored) {
        this.config = config;
        if (restored == null) {
            this.net = new MultiLayerNetwork(configuration(config));
            this.net.init();
        } else {
            this.net = restored;
        }
    }

    private static MultiLayerConfiguration configuration(Config c) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(c.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .list();
        int in = c.inputSize();
        for (int h : c.hidden()) { // Encoder
            b.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(Activation.RELU).build());
            in = h;
        }
        b.layer(new DenseLayer.Builder().nIn(in).nOut(c.latentSize()).activation(Activation.IDENTITY).build());
        in = c.latentSize();
        for (int i = c.hidden().length - 1; i >= 0; i--) { // Decoder, the Encoder mirrored
            b.layer(new DenseLayer.Builder().nIn(in).nOut(c.hidden()[i]).activation(Activation.RELU).build());
            in = c.hidden()[i];
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(in).nOut(c.inputSize())
                .activation(Activation.SIGMOID).build());
        return b.build();
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
        MultiLayerNetwork copy = new MultiLayerNetwork(net.getLayerWiseConfigurations().clone());
        copy.init(net.params().dup(), false);
        return new Autoencoder(config, copy);
    }

    @Override
    public List<int[]> denseLayerShapes() {
        List<int[]> shapes = new ArrayList<>();
        for (var layer : net.getLayerWiseConfigurations().getConfs()) {
            FeedForwardLayer l = (FeedForwardLayer) layer.getLayer();
            shapes.add(new int[] {(int) l.getNIn(), (int) l.getNOut()});
        }
        return shapes;
    }

    @Override
    public void write(OutputStream out, boolean withOptimizerState) throws IOException {
        ModelSerializer.writeModel(net, out, withOptimizerState);
    }

    /** Reads a network written by {@link #write} and checks it has the architecture the manifest promises. */
    static Autoencoder read(Map<String, Object> hyperParameters, InputStream in) throws IOException {
        Config config = Config.fromMap(hyperParameters);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(in, true);
        Autoencoder model = new Autoencoder(config, restored);
        List<int[]> expected = new Autoencoder(config).denseLayerShapes();
        List<int[]> actual = model.denseLayerShapes();
        boolean same = expected.size() == actual.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = java.util.Arrays.equals(expected.get(i), actual.get(i));
        }
        if (!same) {
            throw new IllegalStateException("the network's layers do not match the manifest's hyper-parameters");
        }
        return model;
    }
}
