package org.latentexplorer.engine.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The dense ReLU networks the chapter's models are made of, built one way for all of them. */
public final class Mlp {
    private Mlp() {
    }

    /** A hidden layer: its width and activation (ReLU, except an autoencoder's linear code layer). */
    public record Layer(int size, Activation activation) {
    }

    public static List<Layer> relu(int[] sizes) {
        return Arrays.stream(sizes).mapToObj(n -> new Layer(n, Activation.RELU)).toList();
    }

    /**
     * in → hidden… → out. With a loss the last layer is an output layer DL4J can train on labels;
     * without one it is a plain dense layer whose gradient the caller supplies.
     */
    public static MultiLayerNetwork build(long seed, double learningRate, int in, List<Layer> hidden, int out,
            Activation outActivation, LossFunctions.LossFunction loss) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list();
        int n = in;
        for (Layer h : hidden) {
            b.layer(new DenseLayer.Builder().nIn(n).nOut(h.size()).activation(h.activation()).build());
            n = h.size();
        }
        b.layer(loss == null
                ? new DenseLayer.Builder().nIn(n).nOut(out).activation(outActivation).build()
                : new OutputLayer.Builder(loss).nIn(n).nOut(out).activation(outActivation).build());
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    public static int[] reversed(int[] sizes) {
        int[] r = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            r[i] = sizes[sizes.length - 1 - i];
        }
        return r;
    }

    /** (inputs, outputs) of each dense layer. */
    public static List<int[]> shapes(MultiLayerNetwork net) {
        List<int[]> shapes = new ArrayList<>();
        for (var layer : net.getLayerWiseConfigurations().getConfs()) {
            FeedForwardLayer l = (FeedForwardLayer) layer.getLayer();
            shapes.add(new int[] {(int) l.getNIn(), (int) l.getNOut()});
        }
        return shapes;
    }

    /** The (inputs, outputs) {@link #build} gives these sizes, without building anything. */
    public static List<int[]> shapes(int in, List<Layer> hidden, int out) {
        List<int[]> shapes = new ArrayList<>();
        int n = in;
        for (Layer h : hidden) {
            shapes.add(new int[] {n, h.size()});
            n = h.size();
        }
        shapes.add(new int[] {n, out});
        return shapes;
    }

    public static boolean sameShapes(List<int[]> a, List<int[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A network of the same configuration with a copy of the parameters and a fresh optimiser. */
    public static MultiLayerNetwork copy(MultiLayerNetwork net) {
        MultiLayerNetwork copy = new MultiLayerNetwork(net.getLayerWiseConfigurations().clone());
        copy.init(net.params().dup(), false);
        return copy;
    }
}
