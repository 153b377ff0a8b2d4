package org.latentexplorer.ui.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.settle;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.DrawAndPlace;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.widgets.DrawingPad;
import org.latentexplorer.ui.widgets.LatentPlane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Draw and place in the VAE section, headless, with the mouse: a stroke on the pad, then its marker dragged. */
@ExtendWith(ApplicationExtension.class)
class DrawAndPlaceUiTest {
    private VaeViewModel vm;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        vm = new VaeViewModel(i18n, FxTestSupport.worker());
        // The comparison tab is not opened here, so its models are never loaded.
        CompareViewModel compare = new CompareViewModel(i18n, Background.inline());
        FxTestSupport.show(stage, new VaeView(vm, compare, i18n), 1400, 900);
        vm.initialize();
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    @Test
    void aStrokeOnThePadPlacesItsMarkerAndDraggingTheMarkerDecodesWhereItGoes(FxRobot robot) throws Exception {
        // Once the shipped run's curves are in, its history (which sets the view) has been applied.
        waitUntil(60, () -> vm.modelOpenProperty().get() && vm.pointsProperty().get() != null
                && !vm.busyProperty().get() && !vm.curve(TrainingViewModel.TRAIN, VariationalAutoencoder.KL).isEmpty());
        DrawAndPlace d = vm.drawAndPlace();
        DrawingPad pad = robot.lookup("#vae-drawing").queryAs(DrawingPad.class);
        LatentPlane plane = robot.lookup("#latent-plane").queryAs(LatentPlane.class);
        assertThat(onFx(() -> plane.markerXProperty().get())).isNaN();
        assertThat(robot.lookup("#vae-drawing-undo").queryButton().isDisabled()).isTrue();

        // A vertical stroke down the middle of the pad.
        Bounds b = onFx(() -> pad.localToScreen(pad.getLayoutBounds()));
        double side = Math.min(b.getWidth(), b.getHeight());
        robot.drag(new Point2D(b.getMinX() + side / 2, b.getMinY() + side * 0.15), MouseButton.PRIMARY);
        for (int i = 1; i <= 7; i++) {
            robot.moveTo(new Point2D(b.getMinX() + side / 2, b.getMinY() + side * (0.15 + i * 0.1)));
        }
        robot.release(MouseButton.PRIMARY);
        settle(vm);
        assertThat(onFx(() -> d.drawingProperty().get())).hasSize(28 * 28);
        double mx = onFx(() -> plane.markerXProperty().get());
        double my = onFx(() -> plane.markerYProperty().get());
        assertThat(mx).isFinite();
        assertThat(onFx(() -> plane.neighboursProperty().get())).hasSize(DrawAndPlace.NEIGHBOURS);
        assertThat(onFx(() -> d.reconstructionProperty().get())).isNotNull();
        assertThat(robot.lookup("#vae-drawing-undo").queryButton().isDisabled()).isFalse();

        // Grab the marker and drag it 60 px right and 40 px up: the cursor rides on it and its code is decoded.
        Point2D marker = onFx(() -> plane.localToScreen(plane.toScreenX(mx), plane.toScreenY(my)));
        robot.drag(marker, MouseButton.PRIMARY).moveBy(30, -20).moveBy(30, -20).release(MouseButton.PRIMARY);
        settle(vm);
        double nx = onFx(() -> vm.cursorXProperty().get());
        double ny = onFx(() -> vm.cursorYProperty().get());
        assertThat(onFx(() -> d.markerXProperty().get())).isEqualTo(nx).isGreaterThan(mx);
        assertThat(onFx(() -> d.markerYProperty().get())).isEqualTo(ny).isGreaterThan(my);
        float[] decoded = FxTestSupport.askModelInView(vm, m -> Tensors.toFloats(m.decode(Tensors.rows(
                new float[] {(float) nx, (float) ny}, 1))));
        assertThat(onFx(() -> vm.decodedProperty().get().images().get(0))).containsExactly(decoded);

        robot.clickOn("#vae-drawing-clear");
        settle(vm);
        assertThat(onFx(() -> d.drawingProperty().get())).isNull();
        assertThat(onFx(() -> plane.markerXProperty().get())).isNaN();
        assertThat(onFx(() -> plane.neighboursProperty().get())).isNull();
    }
}
