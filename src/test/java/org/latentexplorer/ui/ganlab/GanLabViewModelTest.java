package org.latentexplorer.ui.ganlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentexplorer.engine.ganlab.LabSettings;
import org.latentexplorer.engine.ganlab.LabStage;
import org.latentexplorer.data.Distribution2D;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.I18n;
import org.testfx.api.FxToolkit;

/** The GAN lab's view model without a window: steps move what the plane shows, settings apply live or restart. */
class GanLabViewModelTest {
    private GanLabViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        vm = new GanLabViewModel(new I18n(Locale.ENGLISH), FxTestSupport.worker());
        waitUntil(30, () -> vm.snapshotProperty().get() != null && vm.jsdProperty().get() >= 0);
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    private GanLabViewModel.Snapshot snapshotAfter(long step) throws Exception {
        waitUntil(30, () -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().step() >= step);
        return onFx(() -> vm.snapshotProperty().get());
    }

    @Test
    void opensOnTheRingWithItsModesAndAllThreeLayers() throws Exception {
        GanLabViewModel.Snapshot s = snapshotAfter(0);
        assertThat(s.real()).hasSize(2 * GanLabViewModel.REAL_SHOWN);
        assertThat(s.map()).hasSize(GanLabViewModel.MAP_RESOLUTION * GanLabViewModel.MAP_RESOLUTION);
        assertThat(Arrays.stream(s.map()).allMatch(v -> v >= 0 && v <= 1)).isTrue();
        assertThat(s.arrows()).isNull();
        fx(() -> vm.showArrowsProperty().set(true));
        waitUntil(30, () -> vm.snapshotProperty().get().arrows() != null);
        double[] arrows = onFx(() -> vm.snapshotProperty().get().arrows());
        assertThat(arrows).hasSize(2 * GanLabViewModel.ARROWS);
        // Scaled so the longest arrow has length 1.
        double longest = 0;
        for (int i = 0; i < arrows.length; i += 2) {
            longest = Math.max(longest, Math.hypot(arrows[i], arrows[i + 1]));
        }
        assertThat(longest).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(onFx(() -> vm.modeCountProperty().get())).isEqualTo(8);
        // An untrained Generator puts its points near the origin, far from the ring.
        assertThat(onFx(() -> vm.modesCoveredProperty().get())).isZero();
        assertThat(onFx(() -> vm.emdProperty().get())).isGreaterThan(1);
    }

    @Test
    void aDiscriminatorStepChangesTheMapButNotTheGeneratedPoints() throws Exception {
        GanLabViewModel.Snapshot before = snapshotAfter(0);
        fx(vm::discriminatorStep);
        waitUntil(30, () -> vm.snapshotProperty().get() != before);
        GanLabViewModel.Snapshot after = onFx(() -> vm.snapshotProperty().get());
        assertThat(after.generated()).containsExactly(before.generated());
        assertThat(after.map()).isNotEqualTo(before.map());
        assertThat(after.step()).isZero();
    }

    @Test
    void generatorStepsAndPlayingMoveTheGeneratedPointsAndDrawCurves() throws Exception {
        GanLabViewModel.Snapshot before = snapshotAfter(0);
        fx(vm::generatorStep);
        GanLabViewModel.Snapshot one = snapshotAfter(1);
        assertThat(Arrays.equals(one.generated(), before.generated())).isFalse();
        fx(vm::play);
        GanLabViewModel.Snapshot later = snapshotAfter(20);
        fx(vm::pause);
        assertThat(Arrays.equals(later.generated(), one.generated())).isFalse();
        assertThat(onFx(() -> vm.curve(GanLabViewModel.G_LOSS).size())).isGreaterThan(1);
        assertThat(onFx(() -> vm.stepsPerSecondProperty().get())).isPositive();
        assertThat(onFx(() -> vm.playingProperty().get())).isFalse();
    }

    @Test
    void theVanishingGradientStageGivesDAHeadStartAndDrawsGsGradientAndDOfGOfZOnALogScale() throws Exception {
        fx(() -> vm.stageProperty().set(LabStage.VANISHING_GRADIENT));
        LabSettings expected = LabStage.VANISHING_GRADIENT.baseline();
        waitUntil(30, () -> vm.settings().equals(expected) && vm.stepProperty().get() == 0);
        assertThat(onFx(() -> vm.generatorSgdProperty().get())).isTrue();
        assertThat(onFx(() -> vm.kProperty().get())).isEqualTo(expected.k());
        assertThat(onFx(() -> vm.dHeadStartProperty().get())).isEqualTo(expected.dHeadStart()).isPositive();
        // Single iterations, each published at once: a snapshot past step 0 is the new lab's.
        fx(vm::step);
        GanLabViewModel.Snapshot first = snapshotAfter(1);
        fx(vm::step);
        fx(vm::step);
        GanLabViewModel.Snapshot third = snapshotAfter(3);
        // D's head start: G has not moved.
        assertThat(third.generated()).containsExactly(first.generated());
        java.util.List<Double> gradient = values(GanLabViewModel.G_GRADIENT);
        java.util.List<Double> dFake = values(GanLabViewModel.D_FAKE);
        // log₁₀ of medians: a norm of a few tenths and a probability, both finite.
        assertThat(gradient).hasSize(3).allMatch(v -> Double.isFinite(v) && v > -12 && v < 3);
        assertThat(dFake).hasSize(3).allMatch(v -> Double.isFinite(v) && v <= 0);
        // The head start applies live: without it G moves at the next iteration.
        fx(() -> vm.dHeadStartProperty().set(0));
        fx(vm::step);
        GanLabViewModel.Snapshot fourth = snapshotAfter(4);
        assertThat(Arrays.equals(fourth.generated(), first.generated())).isFalse();
        // Back to the defaults means back to this stage's baseline, not the other's.
        fx(vm::restoreDefaults);
        assertThat(onFx(() -> vm.settings())).isEqualTo(expected);
        fx(() -> vm.stageProperty().set(LabStage.MODE_COLLAPSE));
        assertThat(onFx(() -> vm.settings())).isEqualTo(LabStage.MODE_COLLAPSE.baseline());
        assertThat(onFx(() -> vm.generatorSgdProperty().get())).isFalse();
        assertThat(onFx(() -> vm.dHeadStartProperty().get())).isZero();
    }

    private java.util.List<Double> values(String curve) throws Exception {
        return onFx(() -> vm.curve(curve).stream().map(d -> d.getYValue().doubleValue()).toList());
    }

    @Test
    void aLearningRateAppliesLiveWhileANewWidthStartsTheLabOver() throws Exception {
        fx(vm::step);
        fx(vm::step);
        snapshotAfter(2);
        fx(() -> vm.learningRateGProperty().set(2e-4));
        fx(vm::step);
        snapshotAfter(3);
        fx(() -> vm.dWidthProperty().set(48));
        waitUntil(30, () -> vm.stepProperty().get() == 0 && vm.curve(GanLabViewModel.G_LOSS).isEmpty());
        assertThat(onFx(() -> vm.settings().dWidth())).isEqualTo(48);
    }

    @Test
    void aDrawnDistributionReplacesTheRingAndHasNoModesToCount() throws Exception {
        fx(() -> vm.setDrawing(new double[] {-1, -1, 0, 0, 1, 1, 2, 2}));
        waitUntil(30, () -> vm.snapshotProperty().get().extent() == Distribution2D.DRAWING_EXTENT
                && vm.modesCoveredProperty().get() < 0 && vm.jsdProperty().get() >= 0);
        assertThat(onFx(() -> vm.distributionProperty().get())).isEqualTo(Distribution2D.Kind.DRAWN);
        double[] real = onFx(() -> vm.snapshotProperty().get().real());
        for (int i = 0; i < real.length; i += 2) {
            // Every real point lies near the drawn diagonal.
            assertThat(Math.abs(real[i] - real[i + 1])).isLessThan(0.5);
        }
    }

    @Test
    void aNonsenseSettingIsRefusedWithAMessageAndTheLabKeepsItsSettings() throws Exception {
        fx(() -> vm.learningRateDProperty().set(-1));
        assertThat(onFx(() -> vm.messageProperty().get())).contains("cannot be used");
        fx(() -> vm.learningRateDProperty().set(1e-3));
        assertThat(onFx(() -> vm.messageProperty().get())).isEmpty();
    }
}
