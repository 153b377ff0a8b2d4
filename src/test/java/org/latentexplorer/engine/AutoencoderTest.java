package org.latentexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.nd4j.linalg.api.ndarray.INDArray;

class AutoencoderTest {
    private static final int BATCH = 64;
    private static final int TRAIN_STEPS = 160;

    private static ImageSet train;
    private static ImageSet heldOut;
    /** 16 held-out images as one batch, for the shape and consistency checks. */
    private static INDArray probe;

    @BeforeAll
    static void loadData() throws Exception {
        Nd4jRuntime.configureThreads(1);
        Split split = Split.of(BundledDataset.MNIST.load(), 1000, 42);
        train = split.train();
        heldOut = split.heldOut().subset("held out 500", IntStream.range(0, 500).toArray());
        probe = Tensors.rows(heldOut.gather(IntStream.range(0, 16).toArray()), 16);
    }

    private static void trainSteps(GenerativeModel model, int steps, long seed) {
        TrainingSteps.run(model, train, steps, BATCH, seed);
    }

    /** -sum over pixels of x ln p + (1 - x) ln(1 - p), averaged over the rows: computed here, not by DL4J. */
    private static double bcePerImage(INDArray x, INDArray p) {
        float[] xs = Tensors.toFloats(x);
        float[] ps = Tensors.toFloats(p);
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            sum -= xs[i] * Math.log(ps[i]) + (1 - xs[i]) * Math.log(1 - ps[i]);
        }
        return sum / x.rows();
    }

    @Test
    void trainingLowersTheHeldOutLoss() {
        Autoencoder model = new Autoencoder(Autoencoder.Config.defaults(2));
        LossTerms before = Trainer.evaluate(model, heldOut);
        // A sigmoid output near 0.5 costs ln 2 per pixel whatever the target: about 784 ln 2 = 543 per image.
        assertThat(before.get(Autoencoder.RECON_BCE)).isBetween(450.0, 650.0);
        assertThat(before.primary()).isEqualTo(before.get(Autoencoder.RECON_BCE));

        trainSteps(model, TRAIN_STEPS, 42);

        double after = Trainer.evaluate(model, heldOut).get(Autoencoder.RECON_BCE);
        assertThat(after).isFinite().isLessThan(0.75 * before.get(Autoencoder.RECON_BCE));
    }

    @Test
    void lossIsBinaryCrossEntropySummedOverPixelsAndAveragedOverImages() {
        Autoencoder model = new Autoencoder(Autoencoder.Config.defaults(2));
        double reported = model.evaluate(probe).get(Autoencoder.RECON_BCE);
        assertThat(reported).isCloseTo(bcePerImage(probe, model.reconstruct(probe)), within(0.01 * reported));
        // Evaluating changes nothing.
        INDArray params = model.parameters().dup();
        model.evaluate(probe);
        assertThat(model.parameters()).isEqualTo(params);
    }

    @Test
    void encodeAndDecodeHaveTheChaptersShapesAndComposeToReconstruct() {
        Autoencoder model = new Autoencoder(Autoencoder.Config.defaults(3));
        trainSteps(model, 5, 1);
        INDArray z = model.encode(probe);
        assertThat(z.shape()).containsExactly(16, 3);
        INDArray y = model.decode(z);
        assertThat(y.shape()).containsExactly(16, 784);
        assertThat(y.minNumber().doubleValue()).isGreaterThan(0.0);
        assertThat(y.maxNumber().doubleValue()).isLessThan(1.0);
        // Encoder then Decoder is the whole network: no layer skipped or run twice.
        assertThat(Tensors.toFloats(y)).containsExactly(Tensors.toFloats(model.reconstruct(probe)),
                org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(model.sample(5, 9).shape()).containsExactly(5, 784);
    }

    @Test
    void theCodeLayerIsLinearNotReluLikeTheLayersAroundIt() {
        INDArray z = new Autoencoder(Autoencoder.Config.defaults(16)).encode(probe);
        assertThat(z.minNumber().doubleValue()).isNegative();
        assertThat(z.maxNumber().doubleValue()).isPositive();
    }

    @Test
    void inferenceCopyGivesTheSameOutputAndIsIndependent() {
        Autoencoder model = new Autoencoder(Autoencoder.Config.defaults(2));
        trainSteps(model, 5, 2);
        GenerativeModel copy = model.copyForInference();
        INDArray before = copy.reconstruct(probe).dup();
        assertThat(before).isEqualTo(model.reconstruct(probe));
        assertThat(copy.parameters()).isEqualTo(model.parameters());

        trainSteps(model, 5, 3);

        assertThat(model.reconstruct(probe)).isNotEqualTo(before);
        assertThat(copy.reconstruct(probe)).isEqualTo(before);
    }

    @Test
    void theSeedDecidesTheInitialParameters() {
        INDArray a = new Autoencoder(Autoencoder.Config.defaults(2)).parameters();
        INDArray b = new Autoencoder(Autoencoder.Config.defaults(2)).parameters();
        INDArray c = new Autoencoder(new Autoencoder.Config(784, Autoencoder.Config.DEFAULT_HIDDEN, 2, 1e-3, 43))
                .parameters();
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(c.length()).isEqualTo(a.length());
    }

    @Test
    void parameterCountMatchesTheDenseLayers() {
        Autoencoder model = new Autoencoder(Autoencoder.Config.defaults(2));
        // 784-512-256-2-256-512-784
        assertThat(model.denseLayerShapes()).containsExactly(new int[] {784, 512}, new int[] {512, 256},
                new int[] {256, 2}, new int[] {2, 256}, new int[] {256, 512}, new int[] {512, 784});
        long expected = model.denseLayerShapes().stream().mapToLong(s -> (long) s[0] * s[1] + s[1]).sum();
        assertThat(model.parameterCount()).isEqualTo(expected);
    }

    @Test
    void configRejectsImpossibleSettings() {
        int[] hidden = Autoencoder.Config.DEFAULT_HIDDEN;
        assertThatThrownBy(() -> new Autoencoder.Config(784, hidden, 0, 1e-3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latent");
        assertThatThrownBy(() -> new Autoencoder.Config(784, hidden, 2, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new Autoencoder.Config(784, hidden, 2, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new Autoencoder.Config(784, hidden, 2, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Autoencoder.Config(0, hidden, 2, 1e-3, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
