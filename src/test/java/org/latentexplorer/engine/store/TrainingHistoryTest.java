package org.latentexplorer.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.engine.core.FakeModel;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.core.TrainerListener.EvalEvent;
import org.latentexplorer.engine.core.TrainerListener.StepEvent;
import org.latentexplorer.engine.gan.Architecture;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.gan.GanConfig;
import org.latentexplorer.engine.gan.QualityReference;
import org.latentexplorer.engine.gan.SampleQuality;
import org.latentexplorer.engine.gan.SampleTimeline;

/** A run's history as the train command records and ships it: thinned curves, a GAN's timeline, one file. */
class TrainingHistoryTest {

    private static StepEvent step(long s, double loss) {
        return new StepEvent(s, 1, (int) s, 10_000, LossTerms.of(FakeModel.LOSS, loss), 1000, s / 10_000.0);
    }

    @Test
    void curvesKeepTheirEndsAndShapeWithinTheChartsLimit() {
        TrainingHistory history = new TrainingHistory(new FakeModel(784, 2), 10_000, 28);
        for (long s = 1; s <= 10_000; s++) {
            history.onStep(step(s, 1.0 / s));
            if (s % 1000 == 0) {
                history.onEval(new EvalEvent(s, (int) (s / 1000), LossTerms.of(FakeModel.LOSS, 2.0 / s)));
            }
        }
        List<double[]> train = history.curves().get("train:" + FakeModel.LOSS);
        assertThat(train.size()).isBetween(TrainingHistory.MAX_CURVE_POINTS / 2, TrainingHistory.MAX_CURVE_POINTS);
        assertThat(train.get(0)).containsExactly(1, 1.0);
        assertThat(train.get(train.size() - 1)).containsExactly(10_000, 1.0 / 10_000);
        for (int i = 1; i < train.size(); i++) {
            assertThat(train.get(i)[0]).isGreaterThan(train.get(i - 1)[0]);
            assertThat(train.get(i)[1]).isEqualTo(1.0 / train.get(i)[0]);
        }
        assertThat(history.curves().get("heldout:" + FakeModel.LOSS)).hasSize(10);
        assertThat(history.view()).as("a model without a Generator has no timeline").isEmpty();
    }

    @Test
    void aGansTimelineStartsUntrainedSpreadsOverTheRunAndEndsAtTheLastFrame() {
        Gan gan = new Gan(GanConfig.defaults(Architecture.MLP));
        float[] untrained = Tensors.toFloats(gan.decode(SampleTimeline.fixedNoise(gan)));
        TrainingHistory history = new TrainingHistory(gan, 1000, 28);
        for (long s = 1; s <= 1000; s++) {
            history.onStep(step(s, 1));
        }
        List<SampleTimeline.Frame> frames = SampleTimeline.restored(history.view());
        assertThat(frames).hasSize(TrainingHistory.MAX_FRAMES);
        assertThat(frames.get(0).step()).isZero();
        // Dense where the samples change most: the first ten frames within the first 5 % of the run.
        assertThat(frames.get(10).step()).isLessThanOrEqualTo(50);
        assertThat(frames.get(0).images()).hasSize(SampleTimeline.GRID);
        // One byte a pixel: the stored first frame is the untrained Generator's samples to within half a grey level.
        assertThat(frames.get(0).images().get(5)[300]).isCloseTo(untrained[5 * 784 + 300],
                org.assertj.core.api.Assertions.within(0.5f / 255));
        assertThat(frames.get(frames.size() - 1).step()).isEqualTo(1000);
        assertThat(SampleTimeline.restoredIndex(history.view(), frames.size())).isEqualTo(frames.size() - 1);
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).step()).isGreaterThan(frames.get(i - 1).step());
        }
    }

    @Test
    void aGansQualityIsScoredAtItsIntervalAndTheLastStepAsEvalScoresIt() throws Exception {
        Gan gan = new Gan(GanConfig.defaults(Architecture.MLP));
        org.latentexplorer.data.Split split = org.latentexplorer.data.Split.of(
                org.latentexplorer.data.BundledDataset.MNIST.load(), 500, 42);
        QualityReference reference = ModelStore.bundledQualityReference("mnist", split);
        TrainingHistory history = new TrainingHistory(gan, 25, 28);
        history.scoreQuality(reference, 10);
        assertThat(history.latestQuality()).isNull();
        for (long s = 1; s <= 25; s++) {
            history.onStep(step(s, 1));
        }
        List<double[]> covered = history.curves().get("quality:" + TrainingHistory.CLASSES_COVERED);
        assertThat(covered).extracting(p -> p[0]).containsExactly(10.0, 20.0, 25.0);
        // The last point is what eval reports for the same Generator: the same samples, the same classifier.
        SampleQuality.Report now = reference.score(gan);
        assertThat(covered.get(2)[1]).isEqualTo(now.classesCovered());
        assertThat(history.latestQuality().get(TrainingHistory.FRECHET_DISTANCE)).isEqualTo(now.frechetDistance());
        int[] h = now.histogram();
        assertThat(history.latestQuality().get(TrainingHistory.SMALLEST_CLASS))
                .isEqualTo((double) java.util.Arrays.stream(h).min().orElseThrow() / QualityReference.SAMPLES);
        assertThat(history.curves().keySet()).contains("quality:" + TrainingHistory.INCEPTION_SCORE);

        TrainingHistory notAGan = new TrainingHistory(new FakeModel(784, 2), 25, 28);
        notAGan.scoreQuality(reference, 10);
        notAGan.onStep(step(10, 1));
        assertThat(notAGan.curves().keySet()).noneMatch(k -> k.startsWith("quality:"));
        assertThatThrownBy(() -> history.scoreQuality(reference, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHistoryFileRoundTripsAndADamagedOneIsRefusedByName(@TempDir Path dir) throws Exception {
        Map<String, List<double[]>> curves = Map.of("train:loss", List.of(new double[] {1, 0.5}, new double[] {2, 0.25}));
        Experiment written = Experiment.of("autoencoder", "ae", "mnist", null,
                new Experiment.Training(2, 3, 64, 1e-3, 5, false), Map.of(), curves, Map.of("cursor", 1.5));
        HistoryFile.save(written, dir.resolve("m.zip"));
        assertThat(dir.resolve("m" + HistoryFile.EXTENSION)).isRegularFile();
        Experiment read = HistoryFile.read(dir.resolve("m"));
        assertThat(read.curves().get("train:loss")).containsExactly(new double[] {1, 0.5}, new double[] {2, 0.25});
        assertThat(read.training()).isEqualTo(written.training());
        assertThat(read.view()).isEqualTo(Map.of("cursor", 1.5));

        Files.write(dir.resolve("m" + HistoryFile.EXTENSION), "{\"not\": \"gzip\"}".getBytes());
        assertThatThrownBy(() -> HistoryFile.read(dir.resolve("m"))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("m" + HistoryFile.EXTENSION);
        assertThatThrownBy(() -> HistoryFile.read(new ByteArrayInputStream(new byte[0]), "empty"))
                .isInstanceOf(ModelFileException.class);
    }
}
