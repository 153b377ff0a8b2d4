package org.latentexplorer.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.ui.base.LatentPoints;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The latent plane's marker for a drawing, headless: drawn with its neighbours, and dragged with the cursor on it. */
@ExtendWith(ApplicationExtension.class)
class LatentPlaneMarkerTest {
    private static final double W = 400;
    private LatentPlane plane;

    @Start
    void start(Stage stage) {
        Palette.darkProperty().set(false);
        plane = new LatentPlane();
        stage.setScene(new Scene(plane, W, W));
        stage.sizeToScene();
        stage.show();
    }

    /** A 4-unit-wide view about the origin (100 px a unit), two points far apart, the marker at (-1, 0). */
    private void place(FxRobot robot, int[] neighbours) {
        robot.interact(() -> {
            plane.setView(0, 0, 4);
            plane.pointsProperty().set(new LatentPoints(new float[] {1.5f, -1.5f}, new float[] {1.5f, -1.5f},
                    new int[] {2, 2}));
            plane.markerXProperty().set(-1);
            plane.markerYProperty().set(0);
            plane.markerLabelProperty().set("your drawing");
            plane.neighboursProperty().set(neighbours);
            plane.cursorXProperty().set(0.5);
            plane.cursorYProperty().set(0.5);
        });
    }

    @Test
    void theMarkerAndALineToEachNeighbourAreDrawnAndNaNHidesThem(FxRobot robot) throws Exception {
        place(robot, new int[] {0});
        Image drawn = onFx(() -> plane.snapshot(null, null));
        // The diamond's upper right edge runs from (x, y - r) to (x + r, y): its midpoint is ink.
        double mx = onFx(() -> plane.toScreenX(-1));
        double my = onFx(() -> plane.toScreenY(0));
        assertThat(colourAt(drawn, mx + 6.5, my - 6.5).getBrightness()).isLessThan(0.3);
        // Halfway along the line from the marker to neighbour 0 at (1.5, 1.5); none to point 1, which is no neighbour.
        assertThat(latentColour(drawn, 0.25, 0.75).getBrightness()).isLessThan(0.5);
        assertThat(latentColour(drawn, -1.25, -0.75)).isEqualTo(Color.WHITE);

        robot.interact(() -> plane.markerXProperty().set(Double.NaN));
        Image hidden = onFx(() -> plane.snapshot(null, null));
        assertThat(colourAt(hidden, mx + 6.5, my - 6.5)).isEqualTo(Color.WHITE);
        assertThat(latentColour(hidden, 0.25, 0.75)).isEqualTo(Color.WHITE);
    }

    @Test
    void draggingTheMarkerMovesItWithTheCursorOnItAndAPressElsewhereMovesOnlyTheCursor(FxRobot robot)
            throws Exception {
        place(robot, null);
        // Grabbed 4 px off its centre: it keeps that offset instead of jumping under the mouse.
        Point2D grab = onFx(() -> plane.localToScreen(plane.toScreenX(-1) + 4, plane.toScreenY(0) + 3));
        robot.drag(grab, MouseButton.PRIMARY).moveBy(50, -100).release(MouseButton.PRIMARY);
        assertThat(onFx(() -> plane.markerXProperty().get())).isCloseTo(-0.5, within(0.03));
        assertThat(onFx(() -> plane.markerYProperty().get())).isCloseTo(1.0, within(0.03));
        assertThat(onFx(() -> plane.cursorXProperty().get())).isEqualTo(onFx(() -> plane.markerXProperty().get()));
        assertThat(onFx(() -> plane.cursorYProperty().get())).isEqualTo(onFx(() -> plane.markerYProperty().get()));
        assertThat(onFx(() -> plane.selectedIndexProperty().get())).isEqualTo(-1);

        Point2D elsewhere = onFx(() -> plane.localToScreen(plane.toScreenX(1), plane.toScreenY(-1)));
        robot.drag(elsewhere, MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        assertThat(onFx(() -> plane.cursorXProperty().get())).isCloseTo(1, within(0.03));
        assertThat(onFx(() -> plane.markerXProperty().get())).as("the marker stays").isCloseTo(-0.5, within(0.03));

        // A hidden marker cannot be grabbed: a press where it was moves the cursor.
        robot.interact(() -> plane.markerXProperty().set(Double.NaN));
        Point2D where = onFx(() -> plane.localToScreen(plane.toScreenX(-0.5), plane.toScreenY(1)));
        robot.drag(where, MouseButton.PRIMARY).moveBy(20, 0).release(MouseButton.PRIMARY);
        assertThat(onFx(() -> plane.markerXProperty().get())).isNaN();
        assertThat(onFx(() -> plane.cursorXProperty().get())).isCloseTo(-0.3, within(0.03));
    }

    private Color latentColour(Image image, double lx, double ly) throws Exception {
        return colourAt(image, onFx(() -> plane.toScreenX(lx)), onFx(() -> plane.toScreenY(ly)));
    }

    private static Color colourAt(Image image, double x, double y) throws Exception {
        return onFx(() -> image.getPixelReader().getColor((int) Math.floor(x), (int) Math.floor(y)));
    }
}
