package org.latentexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The lean training path computes what DL4J's own layers compute, and steps the same Adam. */
class DenseStackTest {
    private static final double TOLERANCE = 1e-4;

    @BeforeAll
    static void engine() {
        Nd4jRuntime.configureThreads(1);
    }

    /** 7 → 6 (ReLU) → 5 (leaky ReLU) → 4 (tanh) → 3 (sigmoid): every activation the models use. */
    private static MultiLayerNetwork network(long seed) {
        return Mlp.build(seed, 1e-2, 7, List.of(new Mlp.Layer(6, Activation.RELU),
                new Mlp.Layer(5, Activation.LEAKYRELU), new Mlp.Layer(4, Activation.TANH)), 3, Activation.SIGMOID, null);
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.reshape(a.length()).sub(b.reshape(b.length())).amaxNumber().doubleValue();
    }

    @Test
    void forwardGradientsAndInputGradientAreDl4jsOwn() {
        MultiLayerNetwork ours = network(3);
        MultiLayerNetwork theirs = network(3);
        INDArray x = Tensors.standardNormal(9, 7, 11);
        INDArray dOut = Tensors.standardNormal(9, 3, 12);

        DenseStack stack = new DenseStack(ours);
        INDArray out = stack.forward(x);
        INDArray dIn = stack.backward(dOut.dup(), true);

        theirs.setInput(x);
        List<INDArray> acts = theirs.feedForward(true, false);
        assertThat(maxDifference(out, acts.get(acts.size() - 1))).isLessThan(TOLERANCE);
        Pair<Gradient, INDArray> back = theirs.backpropGradient(dOut.dup(), LayerWorkspaceMgr.noWorkspaces());
        assertThat(maxDifference(dIn, back.getSecond())).isLessThan(TOLERANCE);
        assertThat(maxDifference(ours.getFlattenedGradients(), back.getFirst().gradient())).isLessThan(TOLERANCE);
        // Not trivially equal: the gradient is there, and it is not all zeros.
        assertThat(ours.getFlattenedGradients().amaxNumber().doubleValue()).isGreaterThan(1e-3);
    }

    @Test
    void aStepMovesTheParametersAsDl4jsUpdaterDoesAndCountsTheIteration() {
        MultiLayerNetwork ours = Mlp.build(5, 1e-2, 7, List.of(new Mlp.Layer(6, Activation.RELU)), 7,
                Activation.SIGMOID, LossFunctions.LossFunction.XENT);
        MultiLayerNetwork theirs = Mlp.build(5, 1e-2, 7, List.of(new Mlp.Layer(6, Activation.RELU)), 7,
                Activation.SIGMOID, LossFunctions.LossFunction.XENT);
        INDArray x = Tensors.standardNormal(16, 7, 21);
        INDArray target = org.nd4j.linalg.ops.transforms.Transforms.sigmoid(Tensors.standardNormal(16, 7, 22));
        DenseStack stack = new DenseStack(ours);
        for (int step = 0; step < 3; step++) {
            INDArray y = stack.forward(x);
            stack.backwardFromLogits(y.sub(target), false);
            stack.step(16);
            theirs.fit(new org.nd4j.linalg.dataset.DataSet(x, target));
        }
        assertThat(maxDifference(ours.params(), theirs.params())).isLessThan(TOLERANCE);
        assertThat(ours.getIterationCount()).isEqualTo(theirs.getIterationCount()).isEqualTo(3);
        assertThat(maxDifference(ours.getUpdater().getStateViewArray(), theirs.getUpdater().getStateViewArray()))
                .isLessThan(TOLERANCE);
    }

    @Test
    void aSmallerBatchGetsBuffersOfItsOwn() {
        MultiLayerNetwork net = network(4);
        DenseStack stack = new DenseStack(net);
        INDArray big = stack.forward(Tensors.standardNormal(9, 7, 1)).dup();
        INDArray small = stack.forward(Tensors.standardNormal(9, 7, 1).get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4), org.nd4j.linalg.indexing.NDArrayIndex.all()));
        assertThat(small.rows()).isEqualTo(4);
        assertThat(maxDifference(small, big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4),
                org.nd4j.linalg.indexing.NDArrayIndex.all()))).isLessThan(TOLERANCE);
    }
}
