package org.latentexplorer.engine.ae;

import java.util.stream.IntStream;
import org.latentexplorer.data.ImageNoise;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The denoising autoencoder's measurements: how well a model restores clean images from corrupted ones, at one noise
 * or along a curve of levels, so a plain and a denoising autoencoder can be drawn side by side.
 */
public final class Denoising {
    /** The noise seed the app and {@code eval} measure with, so their curves are the same numbers. */
    public static final long SEED = 11;

    private Denoising() {
    }

    /** The levels of the standard curve: 0 to 0.5 in steps of 0.1 (shares, or σ for Gaussian noise). */
    public static double[] levels() {
        return new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5};
    }

    /** Rows of images corrupted by the noise: {@link ImageNoise} works on the data layer's floats. */
    public static INDArray corrupt(INDArray x, ImageNoise noise, long seed) {
        return Tensors.rows(noise.apply(Tensors.toFloats(x), seed), (int) x.rows());
    }

    /**
     * Reconstruction error of the clean images from their corrupted versions: binary cross-entropy summed over the
     * pixels, averaged over the images, in nats per image (the autoencoder's {@link Autoencoder#RECON_BCE} unit).
     */
    public static double error(EncodingModel model, INDArray clean, ImageNoise noise, long seed) {
        return Reconstruction.BCE.perImage(clean, model.reconstruct(corrupt(clean, noise, seed)));
    }

    /**
     * {@link #error} at each level of one type of noise, in nats per image. Every level uses the same seed, so a higher
     * level corrupts a superset of the pixels a lower one does and the curve is smooth.
     */
    public static double[] curve(EncodingModel model, INDArray clean, ImageNoise.Type type, double[] levels,
            long seed) {
        double[] errors = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            errors[i] = error(model, clean, new ImageNoise(type, levels[i]), seed);
        }
        return errors;
    }

    /** {@link #curve} on every image of a set, e.g. the held-out images. */
    public static double[] curve(EncodingModel model, ImageSet images, ImageNoise.Type type, double[] levels,
            long seed) {
        INDArray clean = Tensors.rows(images.gather(IntStream.range(0, images.size()).toArray()), images.size());
        return curve(model, clean, type, levels, seed);
    }
}
