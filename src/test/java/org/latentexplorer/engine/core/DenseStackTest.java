package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.LongFunction;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
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

    /** The same network twice: trained on whole batches, and on batches cut into {@code blocks} blocks of rows. */
    private record WholeAndBlocks(MultiLayerNetwork wholeNet, DenseStack whole, MultiLayerNetwork blocksNet,
            DenseStack blocks) {
        static WholeAndBlocks of(LongFunction<MultiLayerNetwork> network, long seed, int blocks) {
            MultiLayerNetwork wholeNet = network.apply(seed);
            MultiLayerNetwork blocksNet = network.apply(seed);
            return new WholeAndBlocks(wholeNet, new DenseStack(wholeNet, () -> 1), blocksNet,
                    new DenseStack(blocksNet, () -> blocks));
        }

        /** The gradients of a batch cut into blocks, each on its own thread, added up. */
        void assertSameStep(INDArray x, INDArray dOut, long dropoutSeed) {
            Nd4j.getRandom().setSeed(dropoutSeed);
            INDArray outWhole = whole.forward(x).dup();
            INDArray dInWhole = whole.backward(dOut.dup(), true).dup();
            Nd4j.getRandom().setSeed(dropoutSeed);
            INDArray outBlocks = blocks.forward(x).dup();
            INDArray dInBlocks = blocks.backward(dOut.dup(), true).dup();
            assertThat(maxDifference(outWhole, outBlocks)).isLessThan(TOLERANCE);
            assertThat(maxDifference(dInWhole, dInBlocks)).isLessThan(TOLERANCE);
            assertThat(maxDifference(wholeNet.getFlattenedGradients(), blocksNet.getFlattenedGradients()))
                    .isLessThan(TOLERANCE);
            assertThat(blocksNet.getFlattenedGradients().amaxNumber().doubleValue()).isGreaterThan(1e-3);
        }
    }

    @Test
    void aBatchCutIntoBlocksOnThreadsOfTheirOwnGivesTheWholeBatchsGradient() {
        WholeAndBlocks nets = WholeAndBlocks.of(DenseStackTest::network, 6, 3);
        // 48 rows: three blocks of 16; then 40 rows: two blocks of 20, in buffers of their own; then 48 rows again,
        // in the buffers kept for them, as a GAN step alternates two batch sizes.
        nets.assertSameStep(Tensors.standardNormal(48, 7, 31), Tensors.standardNormal(48, 3, 32), 1);
        nets.assertSameStep(Tensors.standardNormal(40, 7, 33), Tensors.standardNormal(40, 3, 34), 1);
        nets.assertSameStep(Tensors.standardNormal(48, 7, 35), Tensors.standardNormal(48, 3, 36), 1);
    }

    /** 7 → 6 → 5 → 3 with dropout on the inputs of the second and third layers, as the GAN's Discriminator has. */
    private static MultiLayerNetwork droppedOut(long seed) {
        var conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT).updater(new Adam(1e-2))
                .list()
                .layer(new DenseLayer.Builder().nIn(7).nOut(6).activation(Activation.LEAKYRELU).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(Activation.LEAKYRELU).dropOut(0.5).build())
                .layer(new DenseLayer.Builder().nIn(5).nOut(3).activation(Activation.SIGMOID).dropOut(0.5).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void dropoutDrawsOneMaskForTheWholeBatchWhenItIsCutIntoBlocks() {
        WholeAndBlocks nets = WholeAndBlocks.of(DenseStackTest::droppedOut, 8, 2);
        INDArray x = Tensors.standardNormal(64, 7, 41);
        nets.assertSameStep(x, Tensors.standardNormal(64, 3, 42), 5);
        // The masks did drop units: the same input under another draw comes out different.
        Nd4j.getRandom().setSeed(6);
        INDArray other = nets.whole().forward(x).dup();
        Nd4j.getRandom().setSeed(5);
        assertThat(maxDifference(other, nets.whole().forward(x))).isGreaterThan(1e-3);
    }
}
