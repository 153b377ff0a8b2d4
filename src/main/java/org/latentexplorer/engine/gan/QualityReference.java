package org.latentexplorer.engine.gan;

import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.Classifier;
import org.latentexplorer.engine.core.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What real data scores with the shipped classifier, beside which a generator's numbers are read: the
 * held-out images' features (the target of the Fréchet distance), their Inception score, and the Fréchet
 * distance of as many training images to them (the floor a perfect generator would reach).
 */
public record QualityReference(Classifier classifier, INDArray heldOutFeatures, double realInceptionScore,
        double realFrechetDistance) {
    /** Samples each score is measured on, from one fixed noise seed: the app, {@code train} and {@code eval} agree. */
    public static final int SAMPLES = 1000;
    public static final long NOISE_SEED = 99;

    public static QualityReference of(Classifier classifier, Split split) {
        ImageSet heldOut = split.heldOut();
        INDArray real = rows(heldOut, heldOut.size());
        INDArray features = classifier.features(real);
        int n = Math.min(heldOut.size(), split.train().size());
        INDArray trainFeatures = classifier.features(rows(split.train(), n));
        return new QualityReference(classifier, features,
                SampleQuality.inceptionScore(classifier.probabilities(real)),
                SampleQuality.frechetDistance(trainFeatures, features));
    }

    /** The first n images of a set as rows. */
    private static INDArray rows(ImageSet set, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return Tensors.rows(set.gather(idx), n);
    }

    /** Scores the generator's {@link #SAMPLES} samples of the fixed noise seed. */
    public SampleQuality.Report score(Gan gan) {
        return score(gan.sample(SAMPLES, NOISE_SEED));
    }

    /** Scores samples (pixels in [0, 1]) against the held-out images. */
    public SampleQuality.Report score(INDArray samples) {
        return SampleQuality.evaluate(classifier, samples, heldOutFeatures);
    }
}
