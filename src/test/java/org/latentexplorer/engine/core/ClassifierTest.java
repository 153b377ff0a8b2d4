package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.gan.SampleQuality;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ClassifierTest {
    private static final int BATCH = 128;

    private static ImageSet train;
    private static ImageSet heldOut;
    private static INDArray heldOutImages;
    /** Trained once for 2 epochs (about 140 steps) and shared by the tests that only read it. */
    private static Classifier trained;
    private static final List<Integer> epochsReported = new ArrayList<>();

    @BeforeAll
    static void train() throws Exception {
        Split split = TestImages.mnist();
        train = split.train();
        heldOut = split.heldOut();
        heldOutImages = Tensors.rows(heldOut.gather(IntStream.range(0, heldOut.size()).toArray()), heldOut.size());
        trained = new Classifier(42);
        trained.fit(train, 2, BATCH, 42, epochsReported::add);
    }

    private static INDArray images(ImageSet set, int from, int to) {
        return Tensors.rows(set.gather(IntStream.range(from, to).toArray()), to - from);
    }

    @Test
    void twoEpochsClassifyHeldOutDigitsWellAboveChance() {
        assertThat(epochsReported).containsExactly(1, 2);
        assertThat(new Classifier(42).accuracy(heldOut)).isLessThan(0.3);
        assertThat(trained.accuracy(heldOut)).isGreaterThan(0.9);
    }

    @Test
    void trainBatchReturnsTheCrossEntropyAndLowersIt() {
        Classifier c = new Classifier(3);
        INDArray x = images(train, 0, 64);
        int[] labels = train.gatherLabels(IntStream.range(0, 64).toArray());
        INDArray y = Classifier.oneHot(labels);
        // The reported loss is the mean of −ln q(label | x) before the step, computed here from the probabilities.
        INDArray p = c.probabilities(x);
        double expected = 0;
        for (int i = 0; i < 64; i++) {
            expected -= Math.log(p.getDouble(i, labels[i])) / 64;
        }
        double first = c.trainBatch(x, y);
        assertThat(first).isCloseTo(expected, within(1e-3 * expected));
        double last = first;
        for (int s = 0; s < 20; s++) {
            last = c.trainBatch(x, y);
        }
        assertThat(last).isLessThan(0.5 * first);
    }

    @Test
    void probabilitiesArePerRowDistributionsAndPredictTakesTheirArgmax() {
        INDArray x = images(heldOut, 0, 50);
        INDArray p = trained.probabilities(x);
        assertThat(p.shape()).containsExactly(50, 10);
        assertThat(p.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        INDArray sums = p.sum(1);
        for (int i = 0; i < 50; i++) {
            assertThat(sums.getDouble(i)).isCloseTo(1.0, within(1e-5));
        }
        int[] predicted = trained.predict(x);
        assertThat(predicted).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(p.getDouble(i, predicted[i])).isEqualTo(p.getRow(i).maxNumber().doubleValue());
        }
    }

    @Test
    void featuresAreTheLast128ReluActivations() {
        INDArray f = trained.features(images(heldOut, 0, 20));
        assertThat(trained.featureSize()).isEqualTo(128);
        assertThat(f.shape()).containsExactly(20, 128);
        assertThat(f.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(f.maxNumber().doubleValue()).isPositive();
    }

    @Test
    void writeThenReadGivesTheSameProbabilities() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.write(bytes);
        Classifier back = Classifier.read(new ByteArrayInputStream(bytes.toByteArray()));
        INDArray x = images(heldOut, 0, 100);
        assertThat(back.probabilities(x)).isEqualTo(trained.probabilities(x));
        assertThat(back.features(x)).isEqualTo(trained.features(x));
        assertThat(back.inputSize()).isEqualTo(784);
    }

    @Test
    void readRefusesGarbageAndOtherNetworks() throws IOException {
        byte[] garbage = new byte[4096];
        new SplittableRandom(1).nextBytes(garbage);
        assertThatThrownBy(() -> Classifier.read(new ByteArrayInputStream(garbage))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Classifier.read(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IOException.class);

        ByteArrayOutputStream autoencoder = new ByteArrayOutputStream();
        new Autoencoder(Autoencoder.Config.defaults(2)).write(autoencoder, false);
        assertThatThrownBy(() -> Classifier.read(new ByteArrayInputStream(autoencoder.toByteArray())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("784-256-128-10");

        // A classifier of another input size reads only as that size.
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        new Classifier(20, 1).write(small);
        assertThatThrownBy(() -> Classifier.read(new ByteArrayInputStream(small.toByteArray())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Classifier.read(new ByteArrayInputStream(small.toByteArray()), 20).inputSize()).isEqualTo(20);
    }

    @Test
    void theSeedDecidesTheInitialNetwork() {
        INDArray x = images(heldOut, 0, 10);
        assertThat(new Classifier(7).probabilities(x)).isEqualTo(new Classifier(7).probabilities(x));
        assertThat(new Classifier(8).probabilities(x)).isNotEqualTo(new Classifier(7).probabilities(x));
    }

    @Test
    void rejectsInputsOfTheWrongShapeAndLabelsOutsideTheTenClasses() {
        assertThatThrownBy(() -> trained.probabilities(Nd4j.zeros(3, 100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("784");
        assertThatThrownBy(() -> trained.trainBatch(Nd4j.zeros(3, 784), Classifier.oneHot(new int[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one-hot");
        assertThatThrownBy(() -> Classifier.oneHot(new int[] {0, 10})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10");
        assertThatThrownBy(() -> new Classifier(20, 1).accuracy(heldOut)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realHeldOutDigitsGetAHighInceptionScoreAndCoverEveryClass() {
        SampleQuality.Report report = SampleQuality.evaluate(trained, heldOutImages, trained.features(heldOutImages));
        // A perfect classifier on balanced classes would give 10; 2 epochs are not perfect.
        assertThat(report.inceptionScore()).isGreaterThan(5.0).isLessThanOrEqualTo(10.0);
        assertThat(report.classesCovered()).isEqualTo(10);
        assertThat(IntStream.of(report.histogram()).sum()).isEqualTo(1000);
        assertThat(report.frechetDistance()).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void realHalvesAreFarCloserToEachOtherThanToNoise() {
        INDArray firstHalf = images(heldOut, 0, 500);
        INDArray secondHalf = images(heldOut, 500, 1000);
        SplittableRandom r = new SplittableRandom(5);
        float[] noise = new float[500 * 784];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) r.nextDouble();
        }
        INDArray realFeatures = trained.features(firstHalf);
        double floor = SampleQuality.evaluate(trained, secondHalf, realFeatures).frechetDistance();
        double toNoise = SampleQuality.evaluate(trained, Tensors.rows(noise, 500), realFeatures).frechetDistance();
        assertThat(floor).isPositive();
        assertThat(toNoise).isGreaterThan(10 * floor);
    }

    @Test
    void oneRepeatedImageCoversOneClassAndScoresOne() {
        INDArray same = Tensors.rows(heldOut.gather(new int[600]), 600); // image 0, 600 times: evaluated in 2 batches
        SampleQuality.Report report = SampleQuality.evaluate(trained, same, trained.features(heldOutImages));
        assertThat(report.classesCovered()).isEqualTo(1);
        assertThat(report.histogram()[trained.predict(images(heldOut, 0, 1))[0]]).isEqualTo(600);
        assertThat(report.inceptionScore()).isCloseTo(1.0, within(1e-6));
        assertThat(report.frechetDistance()).isPositive();
    }

    @Test
    void aLossThatStopsBeingFiniteRestoresTheLastGoodParametersAndSaysSo() {
        Classifier c = new Classifier(784, Classifier.DEFAULT_LEARNING_RATE, 5);
        ImageSet small = TestImages.first(train, 256);
        List<INDArray> afterEpoch = new ArrayList<>();
        // After the first epoch (4 steps of 64) the parameters are wrecked, as a diverging update would.
        assertThatThrownBy(() -> c.fit(small, 3, 64, 5, epoch -> {
            afterEpoch.add(c.parameters().dup());
            c.parameters().assign(Double.NaN);
        })).isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
            assertThat(e.step()).isEqualTo(5);
            assertThat(e.args()).containsExactly(5L, 4L);
        });
        assertThat(afterEpoch).hasSize(1);
        assertThat(c.parameters()).isEqualTo(afterEpoch.get(0));
    }

    @Test
    void aLearningRateOutsideZeroToOneIsRefused() {
        for (double lr : new double[] {0, -1e-3, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Classifier(784, lr, 1)).as("%s", lr)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
        }
    }
}
