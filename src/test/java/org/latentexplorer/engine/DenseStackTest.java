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

    /** The gradients of a batch cut into blocks, each on its own thread, added up. */
    private static void assertSameStep(DenseStack whole, MultiLayerNetwork wholeNet, DenseStack blocks,
            MultiLayerNetwork blocksNet, INDArray x, INDArray dOut, long dropoutSeed) {
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(dropoutSeed);
        INDArray outWhole = whole.forward(x).dup();
        INDArray dInWhole = whole.backward(dOut.dup(), true).dup();
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(dropoutSeed);
        INDArray outBlocks = blocks.forward(x).dup();
        INDArray dInBlocks = blocks.backward(dOut.dup(), true).dup();
        assertThat(maxDifference(outWhole, outBlocks)).isLessThan(TOLERANCE);
        assertThat(maxDifference(dInWhole, dInBlocks)).isLessThan(TOLERANCE);
        assertThat(maxDifference(wholeNet.getFlattenedGradients(), blocksNet.getFlattenedGradients()))
                .isLessThan(TOLERANCE);
        assertThat(blocksNet.getFlattenedGradients().amaxNumber().doubleValue()).isGreaterThan(1e-3);
    }

    @Test
    void aBatchCutIntoBlocksOnThreadsOfTheirOwnGivesTheWholeBatchsGradient() {
        MultiLayerNetwork wholeNet = network(6);
        MultiLayerNetwork blocksNet = network(6);
        DenseStack whole = new DenseStack(wholeNet, () -> 1);
        DenseStack blocks = new DenseStack(blocksNet, () -> 3);
        // 48 rows: three blocks of 16; then 40 rows: two blocks of 20, in buffers of their own.
        assertSameStep(whole, wholeNet, blocks, blocksNet, Tensors.standardNormal(48, 7, 31),
                Tensors.standardNormal(48, 3, 32), 1);
        assertSameStep(whole, wholeNet, blocks, blocksNet, Tensors.standardNormal(40, 7, 33),
                Tensors.standardNormal(40, 3, 34), 1);
    }

    /** 7 → 6 → 5 → 3 with dropout on the inputs of the second and third layers, as the GAN's Discriminator has. */
    private static MultiLayerNetwork droppedOut(long seed) {
        var conf = new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().seed(seed)
                .dataType(org.nd4j.linalg.api.buffer.DataType.FLOAT).updater(new org.nd4j.linalg.learning.config.Adam(1e-2))
                .list()
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(7).nOut(6)
                        .activation(Activation.LEAKYRELU).build())
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(6).nOut(5)
                        .activation(Activation.LEAKYRELU).dropOut(0.5).build())
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(5).nOut(3)
                        .activation(Activation.SIGMOID).dropOut(0.5).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void dropoutDrawsOneMaskForTheWholeBatchWhenItIsCutIntoBlocks() {
        MultiLayerNetwork wholeNet = droppedOut(8);
        MultiLayerNetwork blocksNet = droppedOut(8);
        DenseStack whole = new DenseStack(wholeNet, () -> 1);
        DenseStack blocks = new DenseStack(blocksNet, () -> 2);
        INDArray x = Tensors.standardNormal(64, 7, 41);
        assertSameStep(whole, wholeNet, blocks, blocksNet, x, Tensors.standardNormal(64, 3, 42), 5);
        // The masks did drop units: the same input under another draw comes out different.
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(6);
        INDArray other = whole.forward(x).dup();
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(5);
        assertThat(maxDifference(other, whole.forward(x))).isGreaterThan(1e-3);
    }
}
