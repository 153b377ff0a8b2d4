package org.latentexplorer.ui.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.gan.Architecture;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.store.TrainingHistory;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.testfx.api.FxToolkit;

/** The GAN view model without a window: the fixed-noise grid, its timeline, the curves and the quality numbers. */
class GanViewModelTest {
    private GanViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        vm = new GanViewModel(new I18n(Locale.ENGLISH), FxTestSupport.worker());
        vm.initialize();
        waitUntil(90, () -> vm.modelOpenProperty().get() && vm.samplesProperty().get() != null
                && vm.qualityStepProperty().get() == 0 && !vm.busyProperty().get());
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    @Test
    void opensWithTheShippedGanItsSamplesAndItsScoresBesideRealData() throws Exception {
        assertThat(onFx(() -> vm.modelDescriptionProperty().get())).contains("gan-mnist");
        assertThat(onFx(() -> vm.samplesProperty().get().size())).isEqualTo(GanViewModel.GRID);
        assertThat(onFx(() -> vm.realInceptionScoreProperty().get())).isBetween(8.5, 10.0);
        assertThat(onFx(() -> vm.inceptionScoreProperty().get())).isBetween(1.0, 10.0);
        assertThat(onFx(() -> vm.frechetDistanceProperty().get()))
                .isGreaterThan(onFx(() -> vm.realFrechetDistanceProperty().get()));
        int[] histogram = onFx(() -> vm.histogramProperty().get());
        assertThat(java.util.Arrays.stream(histogram).sum()).isEqualTo(org.latentexplorer.engine.gan.QualityReference.SAMPLES);
        assertThat(onFx(() -> vm.classesCoveredProperty().get())).isBetween(1, 10);
    }

    @Test
    void trainingRefreshesTheGridKeepsATimelineAndDrawsBothPlayersCurvesAndTheQualityCurve() throws Exception {
        ImageGrid shipped = onFx(() -> vm.samplesProperty().get());
        fx(() -> {
            vm.epochsProperty().set(1);
            // 281 steps: past the first quality score at step 250.
            vm.batchSizeProperty().set(32);
            vm.start();
        });
        waitUntil(180, () -> vm.stateProperty().get() == Trainer.State.FINISHED);
        waitUntil(30, () -> vm.timeline().size() >= 5);
        // A fresh GAN after one epoch draws something else than the shipped one from the same fixed noise.
        assertThat(onFx(() -> vm.samplesProperty().get().images().get(0))).isNotEqualTo(shipped.images().get(0));
        for (String term : new String[] {Gan.D_LOSS, Gan.G_LOSS, Gan.D_REAL, Gan.D_FAKE}) {
            assertThat(onFx(() -> vm.curve(TrainingViewModel.TRAIN, term).size())).as(term).isGreaterThan(10);
        }
        double dReal = onFx(() -> vm.latest(TrainingViewModel.TRAIN, Gan.D_REAL).get());
        assertThat(dReal).isBetween(0.0, 1.0);
        // The quality curve has the run's scores, and the table shows the newest of them.
        waitUntil(30, () -> !vm.curve(TrainingHistory.QUALITY, TrainingHistory.CLASSES_COVERED).isEmpty());
        var covered = onFx(() -> List.copyOf(vm.curve(TrainingHistory.QUALITY, TrainingHistory.CLASSES_COVERED)));
        assertThat(covered.get(0).getXValue().longValue()).isGreaterThanOrEqualTo(GanViewModel.QUALITY_EVERY_STEPS);
        assertThat(covered.get(covered.size() - 1).getYValue().intValue())
                .isEqualTo(onFx(() -> vm.classesCoveredProperty().get())).isBetween(1, 10);

        // Scrub back: the grid shows the first snapshot and stops following; back at the end it follows again.
        fx(() -> vm.timelineIndexProperty().set(0));
        assertThat(onFx(() -> vm.followLiveProperty().get())).isFalse();
        assertThat(onFx(() -> vm.shownSamplesProperty().get())).isSameAs(onFx(() -> vm.timeline().get(0).samples()));
        assertThat(onFx(() -> vm.shownStepProperty().get())).isEqualTo(onFx(() -> vm.timeline().get(0).step()));
        fx(() -> vm.timelineIndexProperty().set(vm.timeline().size() - 1));
        assertThat(onFx(() -> vm.followLiveProperty().get())).isTrue();
        assertThat(onFx(() -> vm.shownSamplesProperty().get())).isSameAs(onFx(() -> vm.samplesProperty().get()));
    }

    @Test
    void choosingTheDcganOpensItsShippedModelAndItsSettings() throws Exception {
        fx(() -> vm.architectureProperty().set(Architecture.DCGAN));
        waitUntil(90, () -> vm.modelDescriptionProperty().get().contains("dcgan-mnist") && !vm.busyProperty().get());
        assertThat(onFx(() -> vm.kind().id())).isEqualTo("dcgan");
        assertThat(onFx(() -> vm.samplesProperty().get().size())).isEqualTo(GanViewModel.GRID);
    }
}
