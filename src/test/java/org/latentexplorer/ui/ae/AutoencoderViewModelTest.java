package org.latentexplorer.ui.ae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.settle;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.CurveStore;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.LatentPoints;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.testfx.api.FxToolkit;

/** The autoencoder view model without any window: its commands, its threads and what it publishes. */
class AutoencoderViewModelTest {
    /** An image reconstructed within a batch differs from the same image alone by the products' summation order. */
    private static final org.assertj.core.data.Offset<Float> IN_A_BATCH = org.assertj.core.data.Offset.offset(1e-5f);
    private AutoencoderViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        vm = new AutoencoderViewModel(new I18n(Locale.ENGLISH), FxTestSupport.worker());
        vm.initialize();
        waitUntil(60, () -> vm.modelOpenProperty().get() && vm.reconstructionsProperty().get() != null
                && !vm.busyProperty().get());
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    @Test
    void aPauseOrStopPressedBeforeTheRunHasStartedIsNotLost() throws Exception {
        // Two quick presses of the play/pause key: the second comes before the background has built the Trainer.
        FxTestSupport.fx(() -> {
            vm.start();
            vm.pause();
        });
        waitUntil(60, () -> vm.stateProperty().get() == Trainer.State.PAUSED && !vm.busyProperty().get());
        Thread.sleep(300);
        long step = vm.stepProperty().get();
        Thread.sleep(700);
        // Still paused: no step since (an unpaused run takes dozens a second).
        assertThat(vm.stateProperty().get()).isEqualTo(Trainer.State.PAUSED);
        assertThat(vm.stepProperty().get()).isEqualTo(step);
        FxTestSupport.fx(vm::stop);
        waitUntil(60, () -> vm.stateProperty().get() == Trainer.State.STOPPED);

        FxTestSupport.fx(() -> {
            vm.start();
            vm.stop();
        });
        waitUntil(60, () -> vm.stateProperty().get() == Trainer.State.STOPPED && !vm.busyProperty().get());
    }

    @Test
    void theDenoisingTabShowsNoisyInputsTheirOutputsAndTheErrorAgainstNoiseLevel() throws Exception {
        waitUntil(60, () -> vm.noisyProperty().get() != null && vm.denoisedProperty().get() != null
                && vm.noiseCurve(AutoencoderViewModel.CURVE_PLAIN).size() == org.latentexplorer.engine.ae.Denoising.levels().length);
        float[] clean = onFx(() -> vm.originalsProperty().get().images().get(0));
        float[] noisy = onFx(() -> vm.noisyProperty().get().images().get(0));
        int masked = 0;
        for (int i = 0; i < clean.length; i++) {
            assertThat(noisy[i]).isIn(clean[i], 0f);
            if (clean[i] > 0 && noisy[i] == 0) {
                masked++;
            }
        }
        assertThat(masked).isPositive();
        // The open model is the shipped plain AE: its curve and the "plain" curve are the same numbers.
        List<XYChart.Data<Number, Number>> model = onFx(() -> List.copyOf(vm.noiseCurve(AutoencoderViewModel.CURVE_MODEL)));
        List<XYChart.Data<Number, Number>> plain = onFx(() -> List.copyOf(vm.noiseCurve(AutoencoderViewModel.CURVE_PLAIN)));
        for (int i = 0; i < model.size(); i++) {
            assertThat(model.get(i).getYValue().doubleValue()).isEqualTo(plain.get(i).getYValue().doubleValue());
        }
        // More noise, more error.
        assertThat(plain.get(plain.size() - 1).getYValue().doubleValue())
                .isGreaterThan(plain.get(0).getYValue().doubleValue());

        assertThat(maskedShare()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.06));
        FxTestSupport.fx(() -> vm.testNoiseLevelProperty().set(0.6));
        settle(vm);
        // The inputs now carry the new level's noise, and the outputs are the model's answer to those inputs.
        assertThat(maskedShare()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.06));
        float[] noisyNow = onFx(() -> vm.noisyProperty().get().images().get(0));
        assertThat(onFx(() -> vm.denoisedProperty().get().images().get(0)))
                .containsExactly(reconstructedInView(noisyNow), IN_A_BATCH);
    }

    /** The share of the preview digits' ink that the test noise has masked. */
    private double maskedShare() throws Exception {
        List<float[]> clean = onFx(() -> vm.originalsProperty().get().images());
        List<float[]> noisy = onFx(() -> vm.noisyProperty().get().images());
        int ink = 0;
        int masked = 0;
        for (int k = 0; k < clean.size(); k++) {
            for (int i = 0; i < clean.get(k).length; i++) {
                if (clean.get(k)[i] > 0) {
                    ink++;
                    masked += noisy.get(k)[i] == 0 ? 1 : 0;
                }
            }
        }
        return masked / (double) ink;
    }

    /** What the model in view (the inference copy) makes of one image, asked on the worker, after what is queued. */
    private float[] reconstructedInView(float[] pixels) throws Exception {
        return FxTestSupport.askModelInView(vm, m -> org.latentexplorer.engine.core.Tensors.toFloats(
                ((org.latentexplorer.engine.core.EncodingModel) m).reconstruct(org.latentexplorer.engine.core.Tensors.rows(pixels, 1))));
    }

    @Test
    void inputNoiseTrainsADenoisingAutoencoderWhoseTrainingCurveIsOnNoisyInputs() throws Exception {
        FxTestSupport.fx(() -> {
            vm.trainingNoiseProperty().set(AutoencoderViewModel.TrainingNoise.SALT_AND_PEPPER);
            vm.trainingNoiseLevelProperty().set(0.2);
            vm.epochsProperty().set(1);
            vm.start();
        });
        waitUntil(180, () -> vm.stateProperty().get() == Trainer.State.FINISHED && !vm.busyProperty().get());
        assertThat(onFx(() -> vm.curve(TrainingViewModel.TRAIN, org.latentexplorer.engine.ae.Autoencoder.RECON_BCE_NOISY)
                .size())).isPositive();
        assertThat(onFx(() -> vm.curve(TrainingViewModel.TRAIN, org.latentexplorer.engine.ae.Autoencoder.RECON_BCE)
                .isEmpty())).isTrue();
        // The trained model keeps the noise it was trained with, and the settings show it.
        assertThat(onFx(() -> vm.trainingNoiseProperty().get())).isEqualTo(AutoencoderViewModel.TrainingNoise.SALT_AND_PEPPER);
    }

    @Test
    void scribblingOnTheDigitChangesWhatTheModelReturns() throws Exception {
        settle(vm);
        float[] before = onFx(() -> vm.scribbleOutputProperty().get().images().get(0));
        float[] scribbled = onFx(() -> vm.scribbleProperty().get().clone());
        java.util.Arrays.fill(scribbled, 0, 28 * 10, 1f);
        FxTestSupport.fx(() -> vm.scribbleProperty().set(scribbled));
        settle(vm);
        float[] after = onFx(() -> vm.scribbleOutputProperty().get().images().get(0));
        assertThat(after).containsExactly(reconstructedInView(scribbled), IN_A_BATCH).isNotEqualTo(before);
        FxTestSupport.fx(vm::resetScribble);
        assertThat(onFx(() -> vm.scribbleProperty().get())).containsExactly(
                onFx(() -> vm.originalsProperty().get().images().get(0)));
    }

    @Test
    void theLatentPlaneDecodesTheCursorAndPlacesADrawnDigitAtItsOwnCode() throws Exception {
        waitUntil(60, () -> vm.planePointsProperty().get() != null && vm.decodedProperty().get() != null);
        LatentPoints p = onFx(() -> vm.planePointsProperty().get());
        assertThat(p.size()).isEqualTo(1000);
        assertThat(p.labels()).containsExactly(FxTestSupport.split(vm).heldOut().labels());
        FxTestSupport.fx(() -> {
            vm.cursorXProperty().set(5);
            vm.cursorYProperty().set(-10);
        });
        settle(vm);
        float[] decoded = FxTestSupport.askModelInView(vm, m -> org.latentexplorer.engine.core.Tensors.toFloats(
                m.decode(org.latentexplorer.engine.core.Tensors.rows(new float[] {5, -10}, 1))));
        assertThat(onFx(() -> vm.decodedProperty().get().images().get(0))).containsExactly(decoded);

        var d = vm.drawAndPlace();
        FxTestSupport.fx(() -> d.drawingProperty().set(FxTestSupport.split(vm).heldOut().image(3)));
        settle(vm);
        // Encoded alone rather than in the batch of all 1,000: the same code up to the summation order.
        double tolerance = 1e-4 * (1 + Math.abs(p.x()[3]) + Math.abs(p.y()[3]));
        assertThat(onFx(() -> d.markerXProperty().get())).isCloseTo(p.x()[3], org.assertj.core.data.Offset.offset(tolerance));
        assertThat(onFx(() -> d.markerYProperty().get())).isCloseTo(p.y()[3], org.assertj.core.data.Offset.offset(tolerance));
        assertThat(onFx(() -> d.neighboursProperty().get())).hasSize(5).startsWith(3);
        assertThat(onFx(() -> d.reconstructionProperty().get().images().get(0)))
                .containsExactly(reconstructedInView(FxTestSupport.split(vm).heldOut().image(3)), IN_A_BATCH);
    }

    @Test
    void kMeansOnTheCodesAndOnThePixelsIsScoredAgainstTheLabels() throws Exception {
        waitUntil(90, () -> vm.clusterPointsProperty().get() != null && !Double.isNaN(vm.pixelNmiProperty().get()));
        LatentPoints clusters = onFx(() -> vm.clusterPointsProperty().get());
        assertThat(clusters.size()).isEqualTo(1000);
        assertThat(java.util.Arrays.stream(clusters.labels()).distinct().count()).isEqualTo(10);
        for (double v : List.of(onFx(() -> vm.latentPurityProperty().get()), onFx(() -> vm.pixelPurityProperty().get()))) {
            // Better than guessing the commonest digit, short of perfect.
            assertThat(v).isBetween(0.2, 1.0);
        }
        FxTestSupport.fx(() -> vm.clustersProperty().set(4));
        waitUntil(60, () -> java.util.Arrays.stream(vm.clusterPointsProperty().get().labels()).distinct().count() == 4);
    }

    @Test
    void opensWithThePretrainedModelAndItsReconstructions() throws Exception {
        assertThat(onFx(() -> vm.originalsProperty().get().size())).isEqualTo(AutoencoderViewModel.PREVIEW_IMAGES);
        assertThat(onFx(() -> vm.reconstructionsProperty().get().size())).isEqualTo(AutoencoderViewModel.PREVIEW_IMAGES);
        assertThat(onFx(() -> vm.modelDescriptionProperty().get())).contains("ae-mnist");
        // The shipped MNIST autoencoder reconstructs held-out digits to well under the untrained ~543 nats.
        assertThat(onFx(() -> vm.latest(TrainingViewModel.HELD_OUT, AutoencoderViewModel.lossTerm()).get())).isBetween(50.0, 160.0);
        assertThat(onFx(() -> vm.latentSizeProperty().get())).isEqualTo(2);
    }

    @Test
    void aShortRunUpdatesCurvesNumbersAndReconstructions() throws Exception {
        ImageGrid before = onFx(() -> vm.reconstructionsProperty().get());
        onFx(() -> {
            vm.epochsProperty().set(1);
            vm.start();
            return null;
        });
        waitUntil(120, () -> vm.stateProperty().get() == Trainer.State.FINISHED);
        settle(vm);
        assertThat(onFx(() -> vm.stepProperty().get())).isEqualTo(onFx(() -> vm.totalStepsProperty().get()))
                .isEqualTo(71); // 9,000 training images in batches of 128
        assertThat(onFx(() -> vm.curve(TrainingViewModel.TRAIN, AutoencoderViewModel.lossTerm()).size())).isBetween(2, CurveStore.MAX_POINTS);
        assertThat(onFx(() -> vm.curve(TrainingViewModel.HELD_OUT, AutoencoderViewModel.lossTerm()).size())).isGreaterThanOrEqualTo(1);
        assertThat(onFx(() -> vm.samplesPerSecondProperty().get())).isPositive();
        assertThat(onFx(() -> vm.progressProperty().get())).isEqualTo(1.0);
        // A fresh model after one epoch reconstructs differently from the 30-epoch pre-trained one.
        ImageGrid after = onFx(() -> vm.reconstructionsProperty().get());
        assertThat(after).isNotSameAs(before);
        assertThat(after.images().get(0)).isNotEqualTo(before.images().get(0))
                .containsExactly(reconstructedInView(onFx(() -> vm.originalsProperty().get().images().get(0))), IN_A_BATCH);
        // Told by the worker once the run's steps are counted, just after the state changes.
        assertThat(onFx(() -> vm.modelDescriptionProperty().get())).contains("not saved").contains("71");
    }

    @Test
    void stepFromIdleTrainsOneBatchThenPauses() throws Exception {
        onFx(() -> {
            vm.step();
            return null;
        });
        waitUntil(60, () -> vm.stepProperty().get() == 1 && vm.stateProperty().get() == Trainer.State.PAUSED);
        onFx(() -> {
            vm.step();
            return null;
        });
        waitUntil(60, () -> vm.stepProperty().get() == 2);
        onFx(() -> {
            vm.stop();
            return null;
        });
        waitUntil(60, () -> vm.stateProperty().get() == Trainer.State.STOPPED);
        assertThat(onFx(() -> vm.stepProperty().get())).isEqualTo(2);
    }

    @Test
    void aNonsenseLearningRateIsRefusedWithAMessage() throws Exception {
        onFx(() -> {
            vm.learningRateProperty().set(-1);
            vm.start();
            return null;
        });
        assertThat(onFx(() -> vm.stateProperty().get())).isEqualTo(Trainer.State.IDLE);
        assertThat(onFx(() -> vm.messageIsErrorProperty().get())).isTrue();
        assertThat(onFx(() -> vm.messageProperty().get())).contains("learning rate").contains("-1");
    }

    @Test
    void savesAndReopensAndACorruptFileChangesNothing(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("mine");
        onFx(() -> {
            vm.saveModel(saved);
            return null;
        });
        waitUntil(60, () -> vm.messageProperty().get().startsWith("Saved"));
        assertThat(ModelStore.modelFile(saved)).isRegularFile();
        assertThat(ModelStore.manifestFile(saved)).isRegularFile();

        Path corrupt = dir.resolve("broken");
        Files.copy(ModelStore.manifestFile(saved), ModelStore.manifestFile(corrupt));
        Files.write(ModelStore.modelFile(corrupt), new byte[] {1, 2, 3});
        String description = onFx(() -> vm.modelDescriptionProperty().get());
        ImageGrid reconstructions = onFx(() -> vm.reconstructionsProperty().get());
        onFx(() -> {
            vm.openModel(corrupt);
            return null;
        });
        waitUntil(60, () -> vm.messageIsErrorProperty().get() && !vm.busyProperty().get());
        assertThat(onFx(() -> vm.messageProperty().get())).contains("broken.zip").contains("corrupt");
        assertThat(onFx(() -> vm.modelDescriptionProperty().get())).isEqualTo(description);
        assertThat(onFx(() -> vm.reconstructionsProperty().get())).isSameAs(reconstructions);

        onFx(() -> {
            vm.openModel(saved);
            return null;
        });
        settle(vm);
        assertThat(onFx(() -> vm.reconstructionsProperty().get())).isNotSameAs(reconstructions);
        assertThat(onFx(() -> vm.modelDescriptionProperty().get())).startsWith("mine.zip");
        assertThat(onFx(() -> vm.reconstructionsProperty().get().images().get(0)))
                .isEqualTo(reconstructions.images().get(0));
    }
}
