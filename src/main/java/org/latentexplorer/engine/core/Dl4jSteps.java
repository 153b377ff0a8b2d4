package org.latentexplorer.engine.core;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link NetworkSteps} through DL4J's own layers, for networks {@link DenseStack} does not cover. */
final class Dl4jSteps implements NetworkSteps {
    private final MultiLayerNetwork net;
    private Gradient gradient;

    Dl4jSteps(MultiLayerNetwork net) {
        this.net = net;
    }

    @Override
    public INDArray forward(INDArray input) {
        net.setInput(input);
        List<INDArray> activations = net.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean toInput) {
        Pair<Gradient, INDArray> back = net.backpropGradient(outputGradient, LayerWorkspaceMgr.noWorkspaces());
        gradient = back.getFirst();
        return toInput ? back.getSecond() : null;
    }

    @Override
    public void step(int batchSize) {
        int iteration = net.getIterationCount();
        net.getUpdater().update(net, gradient, iteration, net.getEpochCount(), batchSize, LayerWorkspaceMgr.noWorkspaces());
        net.params().subi(gradient.gradient());
        net.setIterationCount(iteration + 1);
    }
}
