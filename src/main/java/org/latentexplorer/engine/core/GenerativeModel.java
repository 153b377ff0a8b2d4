package org.latentexplorer.engine.core;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.latentexplorer.data.ImageSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every model of the chapter implements: it trains, decodes a latent code and samples new images. Inputs
 * are rows of pixels in [0, 1]. Models with an Encoder add {@link EncodingModel}.
 * A model is not thread-safe: the Trainer's thread owns the one being trained, and views decode
 * with their own {@link #copyForInference()} fed by published parameter copies.
 */
public interface GenerativeModel {
    ModelKind kind();

    /** What the manifest records and {@link ModelKind} needs to rebuild the same architecture. */
    Map<String, Object> hyperParameters();

    int inputSize();

    /** One optimisation step on a batch; the loss terms are those of this batch before the update, per image. */
    LossTerms trainBatch(INDArray x);

    /** Loss terms on a batch without changing anything, per image. */
    LossTerms evaluate(INDArray x);

    /** Size of the latent code z; 0 for a model without one. */
    int latentSize();

    /** p(x|z): the image of each latent row. */
    INDArray decode(INDArray z);

    /** New images from the model's prior over z. */
    INDArray sample(int n, long seed);

    /** A live view of all trainable parameters as one row; callers dup() it to keep a copy. */
    INDArray parameters();

    void setParameters(INDArray parameters);

    /** A new model of the same architecture with a copy of the parameters and no optimiser state. */
    GenerativeModel copyForInference();

    /**
     * (inputs, outputs) of each dense layer, in order, for benchmarking the matrix multiply on the same shapes; a
     * convolution adds a third number, its product's rows per image (see {@link Bench#sgemmGflops}).
     */
    List<int[]> denseLayerShapes();

    /** Training flops per image and step: 6 per parameter for dense layers (forward, backward to inputs and weights). */
    default double trainingFlopsPerSample() {
        return 6.0 * parameterCount();
    }

    void write(OutputStream out, boolean withOptimizerState) throws IOException;

    /**
     * What is wrong with this trained model that its held-out loss does not show (a VQ-VAE whose codebook collapsed
     * onto one code); nothing by default. {@link TrainingCheck} adds these to its own.
     */
    default List<TrainingCheck.Warning> warnings(ImageSet heldOut) {
        return List.of();
    }

    default long parameterCount() {
        return parameters().length();
    }
}
