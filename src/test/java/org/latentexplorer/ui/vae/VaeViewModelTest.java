package org.latentexplorer.ui.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.settle;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.store.Experiment;
import org.latentexplorer.engine.store.HistoryFile;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.LatentPoints;
import org.latentexplorer.ui.base.Manifold;
import org.latentexplorer.ui.training.DrawAndPlace;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.Drawing;
import org.testfx.api.FxToolkit;

/** The VAE view model without a window: the latent plane's data, decoding at the cursor, β and projections. */
class VaeViewModelTest {
    private VaeViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        vm = new VaeViewModel(new I18n(Locale.ENGLISH), FxTestSupport.worker());
        vm.initialize();
        waitUntil(60, () -> vm.modelOpenProperty().get() && vm.pointsProperty().get() != null
                && vm.decodedProperty().get() != null && !vm.busyProperty().get());
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    @Test
    void opensWithThePretrainedVaeAndItsCodes() throws Exception {
        assertThat(onFx(() -> vm.pointsProperty().get().size())).isEqualTo(1000);
        assertThat(onFx(() -> vm.modelDescriptionProperty().get())).contains("vae-mnist");
        assertThat(onFx(() -> vm.latest(TrainingViewModel.HELD_OUT, VariationalAutoencoder.NEG_ELBO).get()))
                .isBetween(80.0, 160.0);
        // The KL term keeps the codes near N(0, I): their spread is of order 1, not tens as for an AE.
        LatentPoints p = onFx(() -> vm.pointsProperty().get());
        double sumSq = 0;
        for (int i = 0; i < p.size(); i++) {
            sumSq += p.x()[i] * p.x()[i] + p.y()[i] * p.y()[i];
        }
        assertThat(Math.sqrt(sumSq / p.size())).isBetween(0.3, 3.0);
    }

    @Test
    void opensWithTheCurvesOfTheRunThatTrainedTheShippedVae() throws Exception {
        Experiment history = HistoryFile.loadBundled("vae-mnist");
        List<double[]> kl = history.curves().get("train:" + VariationalAutoencoder.KL);
        waitUntil(30, () -> vm.curve(TrainingViewModel.TRAIN, VariationalAutoencoder.KL).size() == kl.size());
        List<XYChart.Data<Number, Number>> shown = onFx(() -> List.copyOf(
                vm.curve(TrainingViewModel.TRAIN, VariationalAutoencoder.KL)));
        assertThat(shown.get(shown.size() - 1).getXValue().longValue()).isEqualTo(7100);
        assertThat(shown.get(shown.size() - 1).getYValue().doubleValue()).isEqualTo(kl.get(kl.size() - 1)[1]);
        assertThat(onFx(() -> vm.curve(TrainingViewModel.HELD_OUT, VariationalAutoencoder.LOSS).size()))
                .isEqualTo(history.curves().get("heldout:" + VariationalAutoencoder.LOSS).size());
        // Start trains a new model: the shipped run's curves give way to the new run's.
        fx(() -> vm.epochsProperty().set(1));
        fx(vm::step);
        waitUntil(60, () -> vm.stepProperty().get() == 1
                && vm.curve(TrainingViewModel.TRAIN, VariationalAutoencoder.KL).size() == 1);
    }

    @Test
    void thePosteriorCollapsePresetDrivesTheKlToZeroAndTheImageStopsFollowingTheCursor() throws Exception {
        assertThat(onFx(() -> vm.collapsed().get())).isFalse();
        fx(vm::showPosteriorCollapse);
        waitUntil(240, () -> vm.stateProperty().get() == Trainer.State.FINISHED && vm.modelOpenProperty().get()
                && !vm.busyProperty().get());
        assertThat(onFx(() -> vm.latest(TrainingViewModel.HELD_OUT, VariationalAutoencoder.KL).get()))
                .isLessThan(VaeViewModel.COLLAPSED_KL);
        assertThat(onFx(() -> vm.collapsed().get())).isTrue();
        fx(() -> vm.cursorXProperty().set(-2.0));
        settle(vm);
        float[] left = onFx(() -> vm.decodedProperty().get().images().get(0));
        assertThat(left).isEqualTo(decodedByTheModelInView(-2, 0));
        fx(() -> vm.cursorXProperty().set(2.0));
        settle(vm);
        float[] right = onFx(() -> vm.decodedProperty().get().images().get(0));
        assertThat(right).isEqualTo(decodedByTheModelInView(2, 0));
        double largest = 0;
        for (int i = 0; i < left.length; i++) {
            largest = Math.max(largest, Math.abs(left[i] - right[i]));
        }
        // Four standard deviations apart in z, yet no pixel changes by more than a few percent.
        assertThat(largest).isLessThan(0.1);
    }

    /** What the model in view (the inference copy) decodes at z = (x, y), asked on the worker, in order. */
    private float[] decodedByTheModelInView(double x, double y) throws Exception {
        return FxTestSupport.askModelInView(vm, m -> org.latentexplorer.engine.core.Tensors.toFloats(
                m.decode(org.latentexplorer.engine.core.Tensors.rows(new float[] {(float) x, (float) y}, 1))));
    }

    @Test
    void theDecodedImageFollowsTheCursor() throws Exception {
        float[] atOrigin = onFx(() -> vm.decodedProperty().get().images().get(0));
        assertThat(atOrigin).isEqualTo(decodedByTheModelInView(0, 0));
        fx(() -> {
            vm.cursorXProperty().set(2.0);
            vm.cursorYProperty().set(-1.5);
        });
        settle(vm);
        float[] moved = onFx(() -> vm.decodedProperty().get().images().get(0));
        assertThat(moved).isEqualTo(decodedByTheModelInView(2.0, -1.5)).isNotEqualTo(atOrigin);
        fx(() -> {
            vm.cursorXProperty().set(0);
            vm.cursorYProperty().set(0);
        });
        settle(vm);
        assertThat(onFx(() -> vm.decodedProperty().get().images().get(0))).isEqualTo(atOrigin);
    }

    @Test
    void theManifoldTilesTheVisibleRange() throws Exception {
        fx(() -> {
            vm.manifoldSizeProperty().set(5);
            vm.visibleRangeProperty().set(new double[] {-2, 2, -1, 3});
            vm.showManifoldProperty().set(true);
        });
        settle(vm);
        Manifold m = onFx(() -> vm.manifoldProperty().get());
        assertThat(m.n()).isEqualTo(5);
        assertThat(m.images().size()).isEqualTo(25);
        assertThat(new double[] {m.minX(), m.maxX(), m.minY(), m.maxY()}).containsExactly(-2, 2, -1, 3);
        // Images differ across the plane: the Decoder is not ignoring z.
        assertThat(m.images().images().get(0)).isNotEqualTo(m.images().images().get(24));
    }

    @Test
    void clickingAPointShowsThatImageAndItsReconstruction() throws Exception {
        fx(() -> vm.selectedIndexProperty().set(3));
        settle(vm);
        ImageGrid pair = onFx(() -> vm.selectedPairProperty().get());
        assertThat(pair.size()).isEqualTo(2);
        float[] original = pair.images().get(0);
        assertThat(original).as("the clicked image, held-out image 3").isEqualTo(FxTestSupport.split(vm).heldOut().image(3));
        float[] recon = pair.images().get(1);
        double err = 0;
        for (int i = 0; i < original.length; i++) {
            err += Math.abs(original[i] - recon[i]);
        }
        // A reconstruction: close to its original (mean error well under half the ink), but not a copy.
        assertThat(err / original.length).isGreaterThan(0.0).isLessThan(0.2);
    }

    @Test
    void betaChangedWhilePausedTakesEffectAtTheNextStep() throws Exception {
        fx(vm::step);
        waitUntil(60, () -> vm.stepProperty().get() == 1 && vm.stateProperty().get() == Trainer.State.PAUSED);
        fx(() -> {
            vm.betaProperty().set(0.25);
            vm.step();
        });
        waitUntil(60, () -> vm.stepProperty().get() == 2);
        String train = TrainingViewModel.TRAIN;
        double loss = onFx(() -> vm.latest(train, VariationalAutoencoder.LOSS).get());
        double kl = onFx(() -> vm.latest(train, VariationalAutoencoder.KL).get());
        double recon = onFx(() -> vm.latest(train, VariationalAutoencoder.RECON).get());
        assertThat(loss).isCloseTo(kl + 0.25 * recon, org.assertj.core.data.Offset.offset(1e-3 * loss));
        fx(vm::stop);
        waitUntil(60, () -> vm.stateProperty().get() == Trainer.State.STOPPED);
    }

    @Test
    void draggingWhileTrainingLeavesTheTrainingExactlyAsWithout() throws Exception {
        List<Double> quiet = trainOneEpoch(false);
        List<Double> dragged = trainOneEpoch(true);
        assertThat(dragged).hasSize(71).isEqualTo(quiet);
    }

    /** One epoch from a fresh model (seed 7), optionally moving the cursor all along; the train loss curve. */
    private List<Double> trainOneEpoch(boolean drag) throws Exception {
        fx(() -> {
            vm.epochsProperty().set(1);
            vm.seedProperty().set(7);
            vm.start();
        });
        int moves = 0;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
        while (onFx(() -> vm.stateProperty().get()) != Trainer.State.FINISHED) {
            assertThat(System.nanoTime()).as("one epoch within 180 s").isLessThan(deadline);
            if (drag) {
                double t = moves++ * 0.05;
                fx(() -> {
                    vm.cursorXProperty().set(2 * Math.cos(t));
                    vm.cursorYProperty().set(2 * Math.sin(t));
                });
            }
            Thread.sleep(5);
        }
        if (drag) {
            assertThat(moves).isGreaterThan(10);
        }
        List<Double> losses = new ArrayList<>();
        for (XYChart.Data<Number, Number> d : onFx(() -> List.copyOf(vm.curve(TrainingViewModel.TRAIN,
                VariationalAutoencoder.LOSS)))) {
            losses.add(d.getYValue().doubleValue());
        }
        return losses;
    }

    @Test
    void aLatentSpaceOfThreeDimensionsIsShownAsASliceOrItsPrincipalPlane() throws Exception {
        fx(() -> {
            vm.latentSizeProperty().set(3);
            vm.epochsProperty().set(1);
            vm.start();
        });
        waitUntil(120, () -> vm.stateProperty().get() == Trainer.State.FINISHED && vm.modelLatentSizeProperty().get() == 3);
        settle(vm);
        assertThat(onFx(() -> vm.sliceValues().size())).isEqualTo(3);
        LatentPoints slice01 = onFx(() -> vm.pointsProperty().get());
        fx(() -> vm.dimYProperty().set(2));
        settle(vm);
        LatentPoints slice02 = onFx(() -> vm.pointsProperty().get());
        assertThat(java.util.Arrays.equals(slice02.x(), slice01.x())).as("x still shows z1").isTrue();
        assertThat(java.util.Arrays.equals(slice02.y(), slice01.y())).as("y now shows z3, not z2").isFalse();

        fx(() -> vm.projectionProperty().set(VaeViewModel.Projection.PCA));
        settle(vm);
        LatentPoints pca = onFx(() -> vm.pointsProperty().get());
        // The first principal axis carries at least as much spread as any single latent dimension.
        assertThat(variance(pca.x())).isGreaterThanOrEqualTo(Math.max(variance(slice01.x()),
                Math.max(variance(slice01.y()), variance(slice02.y()))) * 0.999);
        // The cursor moves through the principal plane too: every decode of it has landed, and it shows another image.
        float[] before = onFx(() -> vm.decodedProperty().get().images().get(0));
        fx(() -> vm.cursorXProperty().set(1.5));
        settle(vm);
        assertThat(onFx(() -> vm.decodedProperty().get().images().get(0))).isNotEqualTo(before);
        // A drawing is placed as the points are: held-out image 5 drawn lands on point 5 of the principal plane, and
        // its neighbours are nearest in all three dimensions, itself first.
        DrawAndPlace d = vm.drawAndPlace();
        fx(() -> d.drawingProperty().set(FxTestSupport.split(vm).heldOut().image(5)));
        settle(vm);
        assertThat(onFx(() -> d.markerXProperty().get())).isCloseTo(pca.x()[5], within(1e-4));
        assertThat(onFx(() -> d.markerYProperty().get())).isCloseTo(pca.y()[5], within(1e-4));
        assertThat(onFx(() -> d.neighboursProperty().get())).startsWith(5);
        fx(() -> vm.projectionProperty().set(VaeViewModel.Projection.SLICE));
        settle(vm);
        assertThat(onFx(() -> d.markerYProperty().get())).as("z3 of image 5, as the slice through z1 and z3 shows it")
                .isCloseTo(slice02.y()[5], within(1e-4));
    }

    @Test
    void aDrawnHeldOutDigitIsPlacedAtItsOwnCodeAndFramedByItsNearestCodes() throws Exception {
        DrawAndPlace d = vm.drawAndPlace();
        float[] digit = FxTestSupport.split(vm).heldOut().image(7);
        fx(() -> d.drawingProperty().set(digit));
        settle(vm);
        // Two dimensions: the plane shows the codes themselves, so the marker sits on held-out point 7.
        LatentPoints p = onFx(() -> vm.pointsProperty().get());
        assertThat(onFx(() -> d.markerXProperty().get())).isCloseTo(p.x()[7], within(1e-5));
        assertThat(onFx(() -> d.markerYProperty().get())).isCloseTo(p.y()[7], within(1e-5));
        int[] near = onFx(() -> d.neighboursProperty().get());
        assertThat(near).as("the nearest codes; the view model said: %s", onFx(() -> vm.messageProperty().get()))
                .containsExactly(nearestInThePlane(p, p.x()[7], p.y()[7]));
        assertThat(near[0]).as("its own code first").isEqualTo(7);
        assertThat(onFx(() -> d.neighbourImagesProperty().get().images().get(1)))
                .isEqualTo(FxTestSupport.split(vm).heldOut().image(near[1]));
        float[] recon = FxTestSupport.askModelInView(vm, m -> org.latentexplorer.engine.core.Tensors.toFloats(
                ((org.latentexplorer.engine.core.EncodingModel) m).reconstruct(
                        org.latentexplorer.engine.core.Tensors.rows(digit, 1))));
        assertThat(onFx(() -> d.reconstructionProperty().get().images().get(0))).isEqualTo(recon);

        // A view without a drawing (the shipped run's history applies one as the model opens) leaves it; an
        // experiment's view with one brings it back.
        java.util.Map<String, Object> saved = onFx(() -> vm.viewState());
        fx(() -> vm.applyViewState(java.util.Map.of()));
        assertThat(onFx(() -> d.drawingProperty().get())).isSameAs(digit);
        fx(() -> d.drawingProperty().set(null));
        settle(vm);
        assertThat(onFx(() -> d.markerXProperty().get())).isNaN();
        assertThat(onFx(() -> d.neighboursProperty().get())).isNull();
        assertThat(onFx(() -> d.reconstructionProperty().get())).isNull();
        fx(() -> vm.applyViewState(saved));
        settle(vm);
        assertThat(onFx(() -> d.drawingProperty().get())).containsExactly(digit);
        assertThat(onFx(() -> d.neighboursProperty().get())).startsWith(7);
    }

    @Test
    void aStrokeDrawnAsAOneLandsAmongTheOnesAndDraggingTheMarkerFindsNewNeighbours() throws Exception {
        DrawAndPlace d = vm.drawAndPlace();
        float[] one = Drawing.blank(28).begin(false, 0.5, 0.15).extend(0.48, 0.85).pixels();
        fx(() -> d.drawingProperty().set(one));
        settle(vm);
        LatentPoints p = onFx(() -> vm.pointsProperty().get());
        int[] near = onFx(() -> d.neighboursProperty().get());
        assertThat(near).as("the nearest codes; the view model said: %s", onFx(() -> vm.messageProperty().get()))
                .hasSize(DrawAndPlace.NEIGHBOURS);
        assertThat(java.util.Arrays.stream(near).filter(i -> p.labels()[i] == 1).count())
                .as("labels of the nearest held-out codes: %s", java.util.Arrays.toString(
                        java.util.Arrays.stream(near).map(i -> p.labels()[i]).toArray()))
                .isGreaterThanOrEqualTo(4);
        ImageGrid recon = onFx(() -> d.reconstructionProperty().get());

        // The learner drags the marker to (2, -2): the codes nearest there are framed; the drawing's reconstruction stays.
        fx(() -> {
            d.markerXProperty().set(2);
            d.markerYProperty().set(-2);
        });
        settle(vm);
        assertThat(onFx(() -> d.neighboursProperty().get())).containsExactly(nearestInThePlane(p, 2, -2));
        assertThat(onFx(() -> d.markerXProperty().get())).isEqualTo(2.0);
        assertThat(onFx(() -> d.reconstructionProperty().get())).isSameAs(recon);
    }

    /** The five held-out points nearest to (x, y), nearest first: the codes nearest in a 2-D latent space. */
    private static int[] nearestInThePlane(LatentPoints p, double x, double y) {
        return java.util.stream.IntStream.range(0, p.size()).boxed()
                .sorted(java.util.Comparator.comparingDouble(i -> Math.hypot(p.x()[i] - x, p.y()[i] - y)))
                .limit(DrawAndPlace.NEIGHBOURS).mapToInt(Integer::intValue).toArray();
    }

    private static double variance(float[] v) {
        double mean = 0;
        for (float f : v) {
            mean += f;
        }
        mean /= v.length;
        double s = 0;
        for (float f : v) {
            s += (f - mean) * (f - mean);
        }
        return s / v.length;
    }
}
