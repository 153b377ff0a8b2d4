package org.latentexplorer.engine.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A generative model with an Encoder q(z | x): the autoencoders, the VAE and the VQ-VAE. A GAN has none, so it is a
 * {@link GenerativeModel} only and has no encode or reconstruct to refuse.
 */
public interface EncodingModel extends GenerativeModel {
    /** q(z|x): the code of each input row (the mean, for a stochastic encoder). */
    INDArray encode(INDArray x);

    /** Each input row through the Encoder and back through the Decoder. */
    INDArray reconstruct(INDArray x);

    /** A new model of the same architecture with a copy of the parameters and no optimiser state. */
    @Override
    EncodingModel copyForInference();
}
