package org.latentexplorer.engine.core;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tiny scripted model for exercising the Trainer, Bench and ModelStore without DL4J training: every
 * trainBatch adds 1 to each parameter, so after call k all parameters equal k (from 0), and the loss or the
 * parameters turn NaN on the calls a test chooses.
 */
public final class FakeModel implements EncodingModel {
    public static final String LOSS = "fake_loss";

    private final int inputSize;
    private final INDArray params;
    /** Call number (from 1) whose returned loss is NaN; 0 for never. */
    int nanLossAtCall;
    /** Call number (from 1) after which all parameters are NaN while the returned loss stays finite; 0 for never. */
    int nanParamsAtCall;
    /** Bytes written before write() fails; -1 to write successfully. */
    public int failWriteAfter = -1;
    int calls;
    final List<Long> batchRows = new ArrayList<>();

    public FakeModel(int inputSize, int parameterCount) {
        this.inputSize = inputSize;
        this.params = Nd4j.zeros(DataType.FLOAT, 1, parameterCount);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.AE;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return Map.of("fake", true);
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public LossTerms trainBatch(INDArray x) {
        calls++;
        batchRows.add(x.size(0));
        params.addi(1);
        if (calls == nanParamsAtCall) {
            params.assign(Float.NaN);
        }
        return LossTerms.of(LOSS, calls == nanLossAtCall ? Double.NaN : 100.0 / calls);
    }

    @Override
    public LossTerms evaluate(INDArray x) {
        double sum = 0; // the batch's mean pixel, summed in double so it is exact enough to compare
        for (float v : Tensors.toFloats(x)) {
            sum += v;
        }
        return LossTerms.of(LOSS, sum / x.length());
    }

    @Override
    public INDArray reconstruct(INDArray x) {
        return x.dup();
    }

    @Override
    public int latentSize() {
        return 0;
    }

    @Override
    public INDArray encode(INDArray x) {
        throw new UnsupportedOperationException();
    }

    @Override
    public INDArray decode(INDArray z) {
        throw new UnsupportedOperationException();
    }

    @Override
    public INDArray sample(int n, long seed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public INDArray parameters() {
        return params;
    }

    @Override
    public void setParameters(INDArray parameters) {
        params.assign(parameters);
    }

    @Override
    public FakeModel copyForInference() {
        FakeModel copy = new FakeModel(inputSize, (int) params.length());
        copy.setParameters(params);
        return copy;
    }

    @Override
    public List<int[]> denseLayerShapes() {
        return List.of(new int[] {inputSize, 8}, new int[] {8, inputSize});
    }

    @Override
    public void write(OutputStream out, boolean withOptimizerState) throws IOException {
        if (failWriteAfter >= 0) {
            out.write(new byte[failWriteAfter]);
            throw new IOException("simulated disk full");
        }
        out.write("fake model".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
