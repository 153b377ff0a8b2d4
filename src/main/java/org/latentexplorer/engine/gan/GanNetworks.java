package org.latentexplorer.engine.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.latentexplorer.data.IdxReader;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The Generator and the Discriminator of each architecture as DL4J networks: the MLP GAN's dense layers, and the
 * DCGAN's transposed convolutions in G and strided convolutions in D.
 */
final class GanNetworks {
    private static final int SIDE = IdxReader.SIDE;
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

    private GanNetworks() {
    }

    /** A network's configuration and the matrix product of each layer with weights, for counting and benchmarking. */
    record Design(MultiLayerConfiguration configuration, List<int[]> products) {
        /** Multiply-adds count 2 flops: Σ 2 · inputs · outputs · rows over the products. */
        double forwardFlopsPerImage() {
            return products.stream().mapToDouble(p -> 2.0 * p[0] * p[1] * (p.length > 2 ? p[2] : 1)).sum();
        }

        /** A new network of this design with freshly initialised weights. */
        MultiLayerNetwork network() {
            MultiLayerNetwork net = new MultiLayerNetwork(configuration);
            net.init();
            return net;
        }

        /** Whether a network read from a file has this design's layers. */
        boolean matches(MultiLayerNetwork net) {
            return layout(net.getLayerWiseConfigurations()).equals(layout(configuration));
        }
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

    /** G: z → tanh image as a flat row of {@link #PIXELS}, for either architecture. */
    static Design generator(GanConfig c) {
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
    private static <B extends Layer.Builder<B>> B droppedOut(B builder, GanConfig c) {
        return c.dDropout() > 0 ? builder.dropOut(new Dropout(1 - c.dDropout())) : builder;
    }

    /** D: image → the logit l of D(x) = σ(l), for either architecture. */
    static Design discriminator(GanConfig c) {
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
