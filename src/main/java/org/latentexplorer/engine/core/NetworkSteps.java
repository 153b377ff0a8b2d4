package org.latentexplorer.engine.core;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network's training steps taken apart, for models whose loss does not end at one network (the VAE's Encoder feeds
 * its Decoder through z, the Generator's gradient comes through the Discriminator): a forward pass that keeps what the
 * backward pass needs, the backward pass from the loss's gradient at the output, and one step of the network's Adam.
 */
public interface NetworkSteps {
    /** The output of a training forward pass (dropout on, batch statistics). */
    INDArray forward(INDArray input);

    /**
     * Back from ∂(loss summed over the batch)/∂output into the network's gradient; the gradient with respect to the
     * input when {@code toInput}, else null.
     */
    INDArray backward(INDArray outputGradient, boolean toInput);

    /** One step of the network's updater on that gradient (divided by the batch size), at its own iteration count. */
    void step(int batchSize);

    /** {@link DenseStack} for a network of dense layers only; DL4J's own layers for the rest (convolutions). */
    static NetworkSteps of(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            var layer = net.getLayerWiseConfigurations().getConf(i).getLayer();
            boolean dense = layer instanceof DenseLayer || layer instanceof OutputLayer;
            if (!dense || net.getLayerWiseConfigurations().getInputPreProcess(i) != null) {
                return new Dl4jSteps(net);
            }
        }
        return new DenseStack(net);
    }
}
