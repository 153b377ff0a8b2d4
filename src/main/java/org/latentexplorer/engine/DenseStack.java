package org.latentexplorer.engine;

import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training step for a network of dense layers, on the network's own parameters, gradients and Adam state, without
 * DL4J's per-layer machinery: each layer is one matrix product into a buffer kept from step to step, its bias and its
 * activation in place, and the backward pass writes straight into the network's gradient view. Per step that saves
 * the allocations, workspace bookkeeping and score pass that cost DL4J's {@code fit} as much time as the products
 * themselves; the file format and the optimizer state stay DL4J's, so saved models and their Adam state carry over.
 *
 * <p>Layout: DL4J keeps each W of shape [in, out] in column-major order, which in memory is W's transpose in
 * row-major order; the products use that transposed view, so every product runs on row-major arrays as BLAS likes
 * them, with no copy.
 *
 * <p>Not thread-safe: one training thread, as DL4J's own networks.
 */
final class DenseStack implements NetworkSteps {
    private final MultiLayerNetwork net;
    private final IActivation[] activations;
    /** Each layer's dropout on its input, as DL4J applies it; null where there is none. */
    private final IDropout[] dropouts;
    /** Each layer's W as [out, in] (the same memory as DL4J's column-major [in, out]), its bias [1, out]. */
    private final INDArray[] weightsT;
    private final INDArray[] biases;
    private final INDArray[] weightGradientsT;
    private final INDArray[] biasGradients;
    private final INDArray flatGradients;
    /** The parameters as one array, and the gradient view in its shape, for the update. */
    private final INDArray flatParams;
    private final INDArray flatUpdate;
    /** Per layer, for the batch size of the last forward pass: its input (after dropout), pre-activation and output. */
    private INDArray[] inputs;
    private INDArray[] droppedInputs;
    private INDArray[] preActivations;
    private INDArray[] outputs;
    private INDArray[] inputGradients;
    private int batch = -1;

    DenseStack(MultiLayerNetwork net) {
        this.net = net;
        int n = net.getnLayers();
        activations = new IActivation[n];
        dropouts = new IDropout[n];
        weightsT = new INDArray[n];
        biases = new INDArray[n];
        weightGradientsT = new INDArray[n];
        biasGradients = new INDArray[n];
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        flatGradients = net.getFlattenedGradients();
        flatParams = net.params();
        flatUpdate = flatGradients.reshape(flatParams.shape());
        for (int i = 0; i < n; i++) {
            FeedForwardLayer conf = (FeedForwardLayer) net.getLayerWiseConfigurations().getConf(i).getLayer();
            activations[i] = conf.getActivationFn();
            dropouts[i] = conf.getIDropout();
            long in = conf.getNIn();
            long out = conf.getNOut();
            weightsT[i] = transposedView(net.getLayer(i).getParam("W"), out, in);
            biases[i] = net.getLayer(i).getParam("b");
            INDArray gradients = net.getLayer(i).getGradientsViewArray();
            weightGradientsT[i] = gradients.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, in * out))
                    .reshape('c', new long[] {out, in});
            biasGradients[i] = gradients.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(in * out, in * out + out))
                    .reshape('c', new long[] {1, out});
        }
    }

    /** [in, out] column-major, seen as the row-major [out, in] it is in memory. */
    private static INDArray transposedView(INDArray columnMajor, long out, long in) {
        if (columnMajor.ordering() != 'f') {
            throw new IllegalStateException("expected DL4J's column-major weights");
        }
        return columnMajor.reshape('f', new long[] {in * out}).reshape('c', new long[] {out, in});
    }

    private void buffersFor(int rows) {
        if (rows == batch) {
            return;
        }
        int n = weightsT.length;
        inputs = new INDArray[n];
        droppedInputs = new INDArray[n];
        preActivations = new INDArray[n];
        outputs = new INDArray[n];
        inputGradients = new INDArray[n];
        for (int i = 0; i < n; i++) {
            long out = weightsT[i].rows();
            long in = weightsT[i].columns();
            preActivations[i] = Nd4j.create(DataType.FLOAT, rows, out);
            outputs[i] = Nd4j.create(DataType.FLOAT, rows, out);
            inputGradients[i] = Nd4j.create(DataType.FLOAT, rows, in);
            droppedInputs[i] = dropouts[i] == null ? null : Nd4j.create(DataType.FLOAT, rows, in);
        }
        batch = rows;
    }

    /** The network's output for a training step; keeps what {@link #backward} needs. */
    @Override
    public INDArray forward(INDArray x) {
        int rows = (int) x.rows();
        buffersFor(rows);
        INDArray a = x.ordering() == 'c' ? x : x.dup('c');
        for (int i = 0; i < weightsT.length; i++) {
            inputs[i] = dropouts[i] == null ? a : dropouts[i].applyDropout(a, droppedInputs[i],
                    net.getIterationCount(), net.getEpochCount(), LayerWorkspaceMgr.noWorkspaces());
            a = inputs[i];
            INDArray z = preActivations[i];
            Nd4j.gemm(a, weightsT[i], z, false, true, 1.0, 0.0);
            z.addiRowVector(biases[i]);
            a = activations[i].getActivation(outputs[i].assign(z), true);
        }
        return a;
    }

    /** The last layer's pre-activation from the latest {@link #forward}, e.g. the logits of a sigmoid output. */
    INDArray logits() {
        return preActivations[preActivations.length - 1];
    }

    /**
     * Back from the gradient of the loss (summed over the batch) with respect to the output, into the network's
     * gradient view; returns the gradient with respect to the input, or null when {@code toInput} is false.
     */
    @Override
    public INDArray backward(INDArray outputGradient, boolean toInput) {
        int last = weightsT.length - 1;
        INDArray dz = activations[last].backprop(preActivations[last], outputGradient).getFirst();
        return backwardFrom(last, dz, toInput);
    }

    /**
     * The same from the gradient with respect to the last layer's pre-activation: for a sigmoid output under binary
     * cross-entropy that is simply (output − target), with no division by the sigmoid's slope.
     */
    INDArray backwardFromLogits(INDArray logitGradient, boolean toInput) {
        return backwardFrom(weightsT.length - 1, logitGradient, toInput);
    }

    private INDArray backwardFrom(int last, INDArray dzLast, boolean toInput) {
        INDArray dz = dzLast;
        INDArray dInput = null;
        for (int i = last; i >= 0; i--) {
            Nd4j.gemm(dz, inputs[i], weightGradientsT[i], true, false, 1.0, 0.0);
            dz.sum(biasGradients[i], 0);
            if (i == 0 && !toInput) {
                break;
            }
            dInput = inputGradients[i];
            Nd4j.gemm(dz, weightsT[i], dInput, false, false, 1.0, 0.0);
            if (dropouts[i] != null) {
                // Through the dropout mask of the forward pass, in place.
                dInput = dropouts[i].backprop(dInput, dInput, net.getIterationCount(), net.getEpochCount());
            }
            if (i > 0) {
                dz = activations[i - 1].backprop(preActivations[i - 1], dInput).getFirst();
            }
        }
        return toInput ? dInput : null;
    }

    /**
     * One step of the network's own updater (Adam) on the gradient {@link #backward} left, summed over the batch (the
     * updater divides by its size), at the network's own iteration count, which it then advances as {@code fit} does.
     */
    @Override
    public void step(int batchSize) {
        int iteration = net.getIterationCount();
        step(batchSize, iteration);
        net.setIterationCount(iteration + 1);
    }

    /** The same at an iteration count the model keeps itself; the network's own count stays. */
    void step(int batchSize, int iteration) {
        net.getUpdater().update(net, new DefaultGradient(flatGradients), iteration, net.getEpochCount(), batchSize,
                LayerWorkspaceMgr.noWorkspaces());
        flatParams.subi(flatUpdate);
    }
}
