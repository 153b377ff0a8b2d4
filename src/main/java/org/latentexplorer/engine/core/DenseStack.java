package org.latentexplorer.engine.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A training step for a network of dense layers, on the network's own parameters, gradients and Adam state, without
 * DL4J's per-layer machinery: each layer is one matrix product into a buffer kept from step to step, its bias and its
 * activation in place, and the backward pass writes straight into the network's gradient view. Per step that saves
 * the allocations, workspace bookkeeping and score pass that cost DL4J's {@code fit} as much time as the products
 * themselves; the file format and the optimizer state stay DL4J's, so saved models and their Adam state carry over.
 *
 * <p>Every core: the batch is cut into one block of rows per training thread, and each block goes through the
 * layers on its own thread (single-threaded products, see {@link Nd4jRuntime#configureThreads}); the blocks' weight
 * gradients are added up after the backward pass. Products of a few dozen rows stay efficient, and no two thread
 * pools share the cores.
 *
 * <p>Layout: DL4J keeps each W of shape [in, out] in column-major order, which in memory is W's transpose in
 * row-major order; the products use that transposed view, so every product runs on row-major arrays as BLAS likes
 * them, with no copy.
 *
 * <p>Not thread-safe: one training thread calls it, as DL4J's own networks.
 */
public final class DenseStack implements NetworkSteps {
    private final MultiLayerNetwork net;
    private final IntSupplier threads;
    private final IActivation[] activations;
    /** Each layer's dropout on its input, as DL4J applies it; null where there is none. */
    private final IDropout[] dropouts;
    /** Each layer's W as [out, in] (the same memory as DL4J's column-major [in, out]), its bias [1, out]. */
    private final INDArray[] weightsT;
    private final INDArray[] biases;
    /** Where each layer's W gradient starts in DL4J's flat layout (W's in·out values, then b's out). */
    private final long[] gradientOffsets;
    private final INDArray flatGradients;
    /** The parameters as one array, and the gradient view in its shape, for the update. */
    private final INDArray flatParams;
    private final INDArray flatUpdate;
    /** Per block: its gradient (block 0's is the network's own), and per layer its W and b views. */
    private INDArray[] blockGradients;
    private INDArray[][] blockWeightGradientsT;
    private INDArray[][] blockBiasGradients;
    /** Buffers per batch size (a GAN step alternates two), each cut into its own number of blocks. */
    private final Map<Integer, Buffers> buffers = new HashMap<>();
    private Buffers current;

    public DenseStack(MultiLayerNetwork net) {
        this(net, Nd4jRuntime::threads);
    }

    /** With a block count of its own choosing, e.g. more blocks than cores, to test the split. */
    public DenseStack(MultiLayerNetwork net, IntSupplier threads) {
        this.net = net;
        this.threads = threads;
        int n = net.getnLayers();
        activations = new IActivation[n];
        dropouts = new IDropout[n];
        weightsT = new INDArray[n];
        biases = new INDArray[n];
        gradientOffsets = new long[n];
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView();
        }
        flatGradients = net.getFlattenedGradients();
        flatParams = net.params();
        flatUpdate = flatGradients.reshape(flatParams.shape());
        long offset = 0;
        for (int i = 0; i < n; i++) {
            FeedForwardLayer conf = (FeedForwardLayer) net.getLayerWiseConfigurations().getConf(i).getLayer();
            activations[i] = conf.getActivationFn();
            dropouts[i] = conf.getIDropout();
            long in = conf.getNIn();
            long out = conf.getNOut();
            weightsT[i] = transposedView(net.getLayer(i).getParam("W"), out, in);
            biases[i] = net.getLayer(i).getParam("b");
            gradientOffsets[i] = offset;
            offset += in * out + out;
        }
    }

    /** [in, out] column-major, seen as the row-major [out, in] it is in memory. */
    private static INDArray transposedView(INDArray columnMajor, long out, long in) {
        if (columnMajor.ordering() != 'f') {
            throw new IllegalStateException("expected DL4J's column-major weights");
        }
        return columnMajor.reshape('f', new long[] {in * out}).reshape('c', new long[] {out, in});
    }

    private INDArray slice(INDArray flat, long from, long to) {
        return flat.reshape(flat.length()).get(NDArrayIndex.interval(from, to));
    }

    /**
     * Gradient arrays for at least {@code blocks} blocks; block 0 writes into the network's own. Kept for the most
     * blocks seen, so that batch sizes cut into different block counts (a small GAN batch) allocate nothing per step.
     */
    private void gradientsFor(int blocks) {
        if (blockGradients != null && blockGradients.length >= blocks) {
            return;
        }
        int n = weightsT.length;
        blockGradients = new INDArray[blocks];
        blockWeightGradientsT = new INDArray[blocks][n];
        blockBiasGradients = new INDArray[blocks][n];
        for (int k = 0; k < blocks; k++) {
            blockGradients[k] = k == 0 ? flatGradients : Nd4j.create(DataType.FLOAT, flatGradients.shape());
            for (int i = 0; i < n; i++) {
                long out = weightsT[i].rows();
                long in = weightsT[i].columns();
                long at = gradientOffsets[i];
                blockWeightGradientsT[k][i] = slice(blockGradients[k], at, at + in * out).reshape('c', out, in);
                blockBiasGradients[k][i] = slice(blockGradients[k], at + in * out, at + in * out + out)
                        .reshape('c', 1, out);
            }
        }
    }

    /** Per layer, for one batch size: its input after dropout, pre-activation, output and input gradient. */
    private final class Buffers {
        final int blocks;
        final INDArray[] droppedInputs;
        final INDArray[] preActivations;
        final INDArray[] outputs;
        final INDArray[] inputGradients;
        /** Per block, per layer: the block's rows of the arrays above, and of the layer's input in the last forward. */
        final INDArray[][] blockInputs;
        final INDArray[][] blockPreActivations;
        final INDArray[][] blockOutputs;
        final INDArray[][] blockInputGradients;

        Buffers(int rows, int blocks) {
            this.blocks = blocks;
            int n = weightsT.length;
            droppedInputs = new INDArray[n];
            preActivations = new INDArray[n];
            outputs = new INDArray[n];
            inputGradients = new INDArray[n];
            blockInputs = new INDArray[blocks][n];
            blockPreActivations = new INDArray[blocks][n];
            blockOutputs = new INDArray[blocks][n];
            blockInputGradients = new INDArray[blocks][n];
            for (int i = 0; i < n; i++) {
                long out = weightsT[i].rows();
                long in = weightsT[i].columns();
                preActivations[i] = Nd4j.create(DataType.FLOAT, rows, out);
                outputs[i] = Nd4j.create(DataType.FLOAT, rows, out);
                inputGradients[i] = Nd4j.create(DataType.FLOAT, rows, in);
                droppedInputs[i] = dropouts[i] == null ? null : Nd4j.create(DataType.FLOAT, rows, in);
                for (int k = 0; k < blocks; k++) {
                    blockPreActivations[k][i] = rowsOf(preActivations[i], k);
                    blockOutputs[k][i] = rowsOf(outputs[i], k);
                    blockInputGradients[k][i] = rowsOf(inputGradients[i], k);
                }
            }
        }

        INDArray rowsOf(INDArray full, int k) {
            return Nd4jRuntime.rowsOf(full, k, blocks);
        }
    }

    private Buffers buffersFor(int rows) {
        int blocks = Nd4jRuntime.blocks(rows, threads.getAsInt());
        gradientsFor(blocks);
        Buffers b = buffers.get(rows);
        if (b == null || b.blocks != blocks) {
            b = new Buffers(rows, blocks); // new, or the thread count changed since
            buffers.put(rows, b);
        }
        return b;
    }

    /** The layer after {@code i} that has dropout on its input (which needs the whole batch), or the layer count. */
    private int nextDropout(int i) {
        int j = i + 1;
        while (j < dropouts.length && dropouts[j] == null) {
            j++;
        }
        return j;
    }

    /** The network's output for a training step; keeps what {@link #backward} needs. */
    @Override
    public INDArray forward(INDArray x) {
        Buffers b = buffersFor((int) x.rows());
        current = b;
        INDArray a = x.ordering() == 'c' ? x : x.dup('c');
        int n = weightsT.length;
        for (int from = 0; from < n; ) {
            if (dropouts[from] != null) {
                a = dropouts[from].applyDropout(a, b.droppedInputs[from], net.getIterationCount(),
                        net.getEpochCount(), LayerWorkspaceMgr.noWorkspaces());
            }
            int to = nextDropout(from);
            for (int k = 0; k < b.blocks; k++) {
                b.blockInputs[k][from] = b.rowsOf(a, k);
                for (int i = from + 1; i < to; i++) {
                    b.blockInputs[k][i] = b.blockOutputs[k][i - 1];
                }
            }
            int first = from;
            Nd4jRuntime.inParts(b.blocks, k -> forwardBlock(b, k, first, to));
            a = b.outputs[to - 1];
            from = to;
        }
        return a;
    }

    /** Block k's rows through layers [from, to): product, bias and activation, in its rows of the buffers. */
    private void forwardBlock(Buffers b, int k, int from, int to) {
        INDArray a = b.blockInputs[k][from];
        for (int i = from; i < to; i++) {
            INDArray z = b.blockPreActivations[k][i];
            Nd4j.gemm(a, weightsT[i], z, false, true, 1.0, 0.0);
            z.addiRowVector(biases[i]);
            a = activations[i].getActivation(b.blockOutputs[k][i].assign(z), true);
        }
    }

    /** The last layer's pre-activation from the latest {@link #forward}, e.g. the logits of a sigmoid output. */
    INDArray logits() {
        return current.preActivations[weightsT.length - 1];
    }

    /**
     * Back from the gradient of the loss (summed over the batch) with respect to the output, into the network's
     * gradient view; returns the gradient with respect to the input, or null when {@code toInput} is false.
     */
    @Override
    public INDArray backward(INDArray outputGradient, boolean toInput) {
        return backwardFrom(outputGradient, false, toInput);
    }

    /**
     * The same from the gradient with respect to the last layer's pre-activation: for a sigmoid output under binary
     * cross-entropy that is simply (output − target), with no division by the sigmoid's slope.
     */
    public INDArray backwardFromLogits(INDArray logitGradient, boolean toInput) {
        return backwardFrom(logitGradient, true, toInput);
    }

    private INDArray backwardFrom(INDArray gradient, boolean atLogits, boolean toInput) {
        Buffers b = current;
        INDArray upstream = gradient.ordering() == 'c' ? gradient : gradient.dup('c');
        boolean logits = atLogits;
        for (int to = weightsT.length; to > 0; ) {
            int from = to - 1;
            while (from > 0 && dropouts[from] == null) {
                from--;
            }
            int first = from;
            int last = to - 1;
            INDArray segmentUpstream = upstream;
            boolean segmentAtLogits = logits;
            Nd4jRuntime.inParts(b.blocks, k -> backwardBlock(b, k, first, last, b.rowsOf(segmentUpstream, k),
                    segmentAtLogits, toInput));
            if (first == 0 && !toInput) {
                break;
            }
            upstream = b.inputGradients[first];
            if (dropouts[first] != null) {
                // Through the dropout mask of the forward pass, in place, on the whole batch the mask was drawn for.
                upstream = dropouts[first].backprop(upstream, upstream, net.getIterationCount(), net.getEpochCount());
            }
            logits = false;
            to = first;
        }
        for (int k = 1; k < b.blocks; k++) {
            flatGradients.addi(blockGradients[k]);
        }
        return toInput ? b.inputGradients[0] : null;
    }

    /** Block k's rows back through layers last .. first, from the gradient at layer {@code last}'s output. */
    private void backwardBlock(Buffers b, int k, int first, int last, INDArray upstream, boolean atLogits,
            boolean toInput) {
        INDArray dz = atLogits ? upstream
                : activations[last].backprop(b.blockPreActivations[k][last], upstream).getFirst();
        for (int i = last; i >= first; i--) {
            Nd4j.gemm(dz, b.blockInputs[k][i], blockWeightGradientsT[k][i], true, false, 1.0, 0.0);
            dz.sum(blockBiasGradients[k][i], 0);
            if (i == 0 && !toInput) {
                break;
            }
            INDArray dInput = b.blockInputGradients[k][i];
            Nd4j.gemm(dz, weightsT[i], dInput, false, false, 1.0, 0.0);
            if (i > first) {
                dz = activations[i - 1].backprop(b.blockPreActivations[k][i - 1], dInput).getFirst();
            }
        }
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
    public void step(int batchSize, int iteration) {
        net.getUpdater().update(net, new DefaultGradient(flatGradients), iteration, net.getEpochCount(), batchSize,
                LayerWorkspaceMgr.noWorkspaces());
        flatParams.subi(flatUpdate);
    }
}
