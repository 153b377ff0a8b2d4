package org.latentexplorer.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.LatentPoints;
import org.latentexplorer.ui.base.Manifold;

/** The latent plane alone, headless (Monocle): transforms, the view window, mouse and keys, and what it draws. */
@ExtendWith(ApplicationExtension.class)
class LatentPlaneTest {
    private static final double W = 500;
    private static final double H = 400;
    private LatentPlane plane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The theme is app-wide: a test of the window run before in this JVM may have left it dark.
        Palette.darkProperty().set(false);
        plane = new LatentPlane();
        stage.setScene(new Scene(plane, W, H));
        // The stage is shared by all tests and one of them resizes it.
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void transformsRoundTripWithLatentYUpwards(FxRobot robot) throws Exception {
        robot.interact(() -> setView(1, -2, 5));
        assertThat(onFx(plane::getWidth)).isEqualTo(W);
        assertThat(onFx(plane::getHeight)).isEqualTo(H);
        assertThat(onFx(() -> plane.toScreenX(1))).isCloseTo(W / 2, within(1e-9));
        assertThat(onFx(() -> plane.toScreenY(-2))).isCloseTo(H / 2, within(1e-9));
        // 5 latent units across 500 px: 100 px per unit, and latent y up means screen y down.
        assertThat(onFx(() -> plane.toScreenX(3.5))).isCloseTo(W, within(1e-9));
        assertThat(onFx(() -> plane.toScreenY(-1))).isCloseTo(H / 2 - 100, within(1e-9));
        for (double v : new double[] {-7.25, 0, 0.3, 12}) {
            assertThat(onFx(() -> plane.toLatentX(plane.toScreenX(v)))).isCloseTo(v, within(1e-9));
            assertThat(onFx(() -> plane.toLatentY(plane.toScreenY(v)))).isCloseTo(v, within(1e-9));
        }
        assertThat(onFx(() -> plane.toLatentY(0))).isGreaterThan(onFx(() -> plane.toLatentY(H)));
    }

    @Test
    void visibleRangeFollowsCentreSpanAndSize(FxRobot robot) throws Exception {
        List<double[]> published = new CopyOnWriteArrayList<>();
        robot.interact(() -> plane.visibleRangeProperty().addListener((o, a, b) -> published.add(b)));
        robot.interact(() -> setView(1, -2, 5));
        // Height follows the aspect ratio: 5 * 400 / 500 = 4 latent units tall.
        assertThat(onFx(() -> plane.visibleRangeProperty().get())).containsExactly(new double[] {-1.5, 3.5, -4, 0},
                within(1e-9));
        assertThat(published).isNotEmpty();

        robot.interact(() -> stage.setHeight(stage.getHeight() + 100));
        double w = onFx(plane::getWidth);
        double h = onFx(plane::getHeight);
        assertThat(h).isGreaterThan(H);
        double halfH = 5 * h / w / 2;
        assertThat(onFx(() -> plane.visibleRangeProperty().get())).containsExactly(
                new double[] {-1.5, 3.5, -2 - halfH, -2 + halfH}, within(1e-9));
    }

    @Test
    void fitToPointsShowsEveryPointWithAMargin(FxRobot robot) throws Exception {
        robot.interact(() -> {
            plane.pointsProperty().set(points(new float[] {-3, 5, 0, Float.NaN}, new float[] {1, 2, -7, 0}));
            setView(100, 100, 0.5);
            plane.fitToPoints();
        });
        float[][] xy = {{-3, 1}, {5, 2}, {0, -7}};
        for (float[] p : xy) {
            assertThat(onFx(() -> plane.toScreenX(p[0]))).isBetween(5.0, W - 5);
            assertThat(onFx(() -> plane.toScreenY(p[1]))).isBetween(5.0, H - 5);
        }
        // The taller extent (9 units) fills most of the height rather than being lost in a huge window.
        double tall = onFx(() -> plane.toScreenY(-7) - plane.toScreenY(2));
        assertThat(tall).isGreaterThan(0.75 * H);

        robot.interact(() -> {
            plane.pointsProperty().set(null);
            plane.fitToPoints();
        });
        assertThat(onFx(() -> new double[] {plane.centerXProperty().get(), plane.centerYProperty().get(),
            plane.spanProperty().get()})).containsExactly(0, 0, 8);
    }

    @Test
    void draggingMovesTheCursorContinuouslyUnderTheMouse(FxRobot robot) throws Exception {
        List<Double> xs = new CopyOnWriteArrayList<>();
        robot.interact(() -> plane.cursorXProperty().addListener((o, a, b) -> xs.add(b.doubleValue())));
        robot.drag(screenAt(100, 300), MouseButton.PRIMARY);
        for (int i = 0; i < 3; i++) {
            robot.moveBy(60, -40);
        }
        robot.release(MouseButton.PRIMARY);

        double pixel = 8.0 / W;
        assertThat(onFx(() -> plane.cursorXProperty().get())).isCloseTo(onFx(() -> plane.toLatentX(280)),
                within(1.5 * pixel));
        assertThat(onFx(() -> plane.cursorYProperty().get())).isCloseTo(onFx(() -> plane.toLatentY(180)),
                within(1.5 * pixel));
        double start = onFx(() -> plane.toLatentX(100));
        double end = onFx(() -> plane.toLatentX(280));
        assertThat(xs.stream().filter(x -> x > start + pixel && x < end - pixel).distinct().count())
                .as("intermediate cursor positions during the drag: %s", xs).isGreaterThanOrEqualTo(3);
        for (int i = 1; i < xs.size(); i++) {
            assertThat(xs.get(i)).as("the cursor follows a left-to-right drag").isGreaterThanOrEqualTo(xs.get(i - 1));
        }
    }

    @Test
    void clickingNearAPointSelectsTheNearestAndElsewhereSelectsNone(FxRobot robot) throws Exception {
        // At the default span of 8, one unit is 62.5 px: points 1 and 3 are 4 px apart.
        float near = (float) (1 + 4 / 62.5);
        robot.interact(() -> plane.pointsProperty().set(points(new float[] {0, 1, 0, near}, new float[] {0, 0, 1, 0})));

        robot.clickOn(screenAt(onFx(() -> plane.toScreenX(0)) + 3, onFx(() -> plane.toScreenY(1)) - 2));
        assertThat(onFx(() -> plane.selectedIndexProperty().get())).isEqualTo(2);
        assertThat(onFx(() -> plane.cursorYProperty().get())).isCloseTo(1, within(4 / 62.5));

        robot.clickOn(screenAt(onFx(() -> plane.toScreenX(near)) + 1, onFx(() -> plane.toScreenY(0))));
        assertThat(onFx(() -> plane.selectedIndexProperty().get())).isEqualTo(3);

        robot.clickOn(screenAt(onFx(() -> plane.toScreenX(-2.5)), onFx(() -> plane.toScreenY(-2))));
        assertThat(onFx(() -> plane.selectedIndexProperty().get())).isEqualTo(-1);
    }

    @Test
    void scrollingUpZoomsInAboutTheMouse(FxRobot robot) throws Exception {
        double lx = onFx(() -> plane.toLatentX(150));
        double ly = onFx(() -> plane.toLatentY(120));
        // JavaFX's sign: positive deltaY is the wheel turned up (away from the user); 40 px per notch here.
        robot.interact(() -> Event.fireEvent(plane, wheel(150, 120, 40)));
        assertThat(onFx(() -> plane.spanProperty().get())).isCloseTo(8 / 1.15, within(1e-9));
        assertThat(onFx(() -> plane.toScreenX(lx))).isCloseTo(150, within(1.0));
        assertThat(onFx(() -> plane.toScreenY(ly))).isCloseTo(120, within(1.0));

        robot.interact(() -> Event.fireEvent(plane, wheel(150, 120, -80)));
        assertThat(onFx(() -> plane.spanProperty().get())).isCloseTo(8 * 1.15, within(1e-9));
        assertThat(onFx(() -> plane.toScreenX(lx))).isCloseTo(150, within(1.0));
        assertThat(onFx(() -> plane.toScreenY(ly))).isCloseTo(120, within(1.0));
    }

    @Test
    void theRobotsWheelZoomsByOneNotchAndBack(FxRobot robot) throws Exception {
        // Monocle reports the robot's wheel-up as a negative delta, the opposite of desktop Glass, so the direction
        // is checked above with JavaFX's own sign; here: the real input path, one notch, undone by the other way.
        robot.moveTo(screenAt(150, 120));
        double lx = onFx(() -> plane.toLatentX(150));
        robot.scroll(VerticalDirection.UP);
        double once = onFx(() -> plane.spanProperty().get());
        assertThat(Math.abs(Math.log(once / 8))).isCloseTo(Math.log(1.15), within(1e-9));
        assertThat(onFx(() -> plane.toScreenX(lx))).isCloseTo(150, within(1.0));
        robot.scroll(VerticalDirection.DOWN);
        assertThat(onFx(() -> plane.spanProperty().get())).isCloseTo(8, within(1e-9));
    }

    @Test
    void secondaryDragPansAndDoubleClickRefits(FxRobot robot) throws Exception {
        robot.interact(() -> plane.pointsProperty().set(points(new float[] {-1, 3}, new float[] {0, 2})));
        robot.drag(screenAt(200, 200), MouseButton.SECONDARY).moveBy(50, -25).release(MouseButton.SECONDARY);
        // The view follows the mouse: 50 px right and 25 px up moves the centre 0.8 left and 0.4 down.
        assertThat(onFx(() -> plane.centerXProperty().get())).isCloseTo(-0.8, within(1e-6));
        assertThat(onFx(() -> plane.centerYProperty().get())).isCloseTo(-0.4, within(1e-6));

        robot.doubleClickOn(screenAt(300, 300), MouseButton.PRIMARY);
        assertThat(onFx(() -> plane.centerXProperty().get())).isCloseTo(1, within(1e-9));
        assertThat(onFx(() -> plane.centerYProperty().get())).isCloseTo(1, within(1e-9));
        assertThat(onFx(() -> plane.spanProperty().get())).isLessThan(8);
    }

    @Test
    void nonInteractivePlaneIgnoresMouseAndKeys(FxRobot robot) throws Exception {
        robot.interact(() -> {
            plane.pointsProperty().set(points(new float[] {1}, new float[] {1}));
            plane.interactiveProperty().set(false);
        });
        Point2D onPoint = screenAt(onFx(() -> plane.toScreenX(1)), onFx(() -> plane.toScreenY(1)));
        robot.drag(screenAt(100, 100), MouseButton.PRIMARY).moveBy(80, 80).release(MouseButton.PRIMARY);
        robot.clickOn(onPoint);
        robot.scroll(3, VerticalDirection.UP);
        robot.interact(plane::requestFocus);
        robot.type(KeyCode.RIGHT, KeyCode.UP);

        assertThat(onFx(() -> plane.cursorXProperty().get())).isZero();
        assertThat(onFx(() -> plane.cursorYProperty().get())).isZero();
        assertThat(onFx(() -> plane.selectedIndexProperty().get())).isEqualTo(-1);
        assertThat(onFx(() -> plane.spanProperty().get())).isEqualTo(8);
        assertThat(onFx(plane::isFocusTraversable)).isFalse();
    }

    @Test
    void arrowKeysNudgeTheCursorByOnePercentOfTheSpan(FxRobot robot) throws Exception {
        assertThat(onFx(plane::isFocusTraversable)).isTrue();
        robot.interact(plane::requestFocus);
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.UP);
        assertThat(onFx(() -> plane.cursorXProperty().get())).isCloseTo(0.16, within(1e-9));
        assertThat(onFx(() -> plane.cursorYProperty().get())).isCloseTo(0.08, within(1e-9));

        // A hidden cursor comes back at the centre of the view.
        robot.interact(() -> {
            setView(2, 3, 8);
            plane.cursorXProperty().set(Double.NaN);
            plane.cursorYProperty().set(Double.NaN);
        });
        robot.type(KeyCode.DOWN);
        assertThat(onFx(() -> plane.cursorXProperty().get())).isCloseTo(2, within(1e-9));
        assertThat(onFx(() -> plane.cursorYProperty().get())).isCloseTo(2.92, within(1e-9));
    }

    @Test
    void pointsCursorAndLegendAreDrawn(FxRobot robot) throws Exception {
        robot.interact(() -> plane.cursorXProperty().set(Double.NaN));
        Image empty = snapshot();
        assertThat(pixel(empty, 1, 1)).isEqualTo(Color.WHITE);
        assertThat(findColour(empty, W - 160, 0, W, 80, Color.web("#4e79a7"))).isFalse();

        robot.interact(() -> {
            plane.pointsProperty().set(new LatentPoints(new float[] {1, -1}, new float[] {1, 1}, new int[] {2, -1}));
            plane.cursorXProperty().set(0);
            plane.classNamesProperty().set(List.of("zero", "one", "two"));
        });
        Image drawn = snapshot();
        Color labelled = pixel(drawn, 1, 1);
        assertThat(labelled.getRed()).as("label 2 in the palette's red").isGreaterThan(0.8);
        assertThat(labelled.getGreen()).isLessThan(0.5);
        Color unlabelled = pixel(drawn, -1, 1);
        assertThat(unlabelled.getSaturation()).as("no label: grey").isLessThan(0.1);
        assertThat(unlabelled.getBrightness()).isLessThan(0.7);
        assertThat(pixel(drawn, -1, -1)).as("empty paper").isEqualTo(Color.WHITE);
        // The cursor's right arm, 9-18 px from its centre at the origin.
        Color arm = onFx(() -> drawn.getPixelReader().getColor((int) plane.toScreenX(0) + 13,
                (int) plane.toScreenY(0)));
        assertThat(arm.getRed()).isGreaterThan(0.6);
        assertThat(arm.getGreen()).isLessThan(0.3);
        assertThat(findColour(drawn, W - 160, 0, W, 80, Color.web("#4e79a7"))).as("legend swatch for label 0")
                .isTrue();
    }

    @Test
    void paperAndInkFollowTheTheme(FxRobot robot) throws Exception {
        robot.interact(() -> plane.cursorXProperty().set(Double.NaN));
        assertThat(pixel(snapshot(), 1, 1)).isEqualTo(Color.WHITE);
        try {
            // Redrawn on the change alone, as when the user picks the dark theme in the View menu.
            robot.interact(() -> Palette.darkProperty().set(true));
            Image dark = snapshot();
            assertThat(pixel(dark, 1, 1)).as("the dark theme's paper").isEqualTo(Color.web("#0d1117"));
            // The y axis' label, light on dark now.
            assertThat(findBrighterThan(dark, 0, 0, 30, 30, 0.5)).isTrue();
        } finally {
            robot.interact(() -> Palette.darkProperty().set(false));
        }
        assertThat(pixel(snapshot(), 1, 1)).isEqualTo(Color.WHITE);
    }

    @Test
    void manifoldIsDrawnBehindWithRowZeroAtTheTop(FxRobot robot) throws Exception {
        float[] ink = new float[16];
        Arrays.fill(ink, 1f);
        float[] paper = new float[16];
        Manifold m = new Manifold(new ImageGrid(List.of(ink, paper, paper, paper), 4, 4), 2, -4, 4, -4, 4);
        robot.interact(() -> {
            plane.cursorXProperty().set(Double.NaN);
            plane.manifoldProperty().set(m);
        });
        assertThat(pixel(snapshot(), -1.3, 1.3)).as("hidden until shown").isEqualTo(Color.WHITE);

        robot.interact(() -> plane.showManifoldProperty().set(true));
        Image shown = snapshot();
        assertThat(pixel(shown, -1.3, 1.3).getBrightness()).as("top-left tile is all ink").isLessThan(0.2);
        assertThat(pixel(shown, 1.3, 1.3).getBrightness()).isGreaterThan(0.9);
        assertThat(pixel(shown, -1.3, -1.3).getBrightness()).isGreaterThan(0.9);
    }

    @Test
    void copesWithNoSizeNoPointsAndHiddenCursor(FxRobot robot) throws Exception {
        LatentPlane unshown = onFx(LatentPlane::new);
        assertThat(onFx(() -> unshown.visibleRangeProperty().get())).containsExactly(-4, 4, -4, 4);
        assertThat(onFx(() -> unshown.toLatentX(unshown.toScreenX(2.5)))).isCloseTo(2.5, within(1e-9));
        robot.interact(unshown::fitToPoints);
        assertThat(onFx(() -> unshown.spanProperty().get())).isEqualTo(8);

        robot.interact(() -> {
            plane.pointsProperty().set(points(new float[] {Float.NaN, 0}, new float[] {0, Float.POSITIVE_INFINITY}));
            plane.cursorXProperty().set(Double.NaN);
            plane.cursorYProperty().set(Double.NaN);
            plane.classNamesProperty().set(Collections.emptyList());
            plane.selectedIndexProperty().set(1);
            plane.fitToPoints();
        });
        assertThat(onFx(() -> plane.spanProperty().get())).isEqualTo(8);
        assertThat(pixel(snapshot(), 1, 1)).isEqualTo(Color.WHITE);

        robot.interact(() -> plane.pointsProperty().set(points(new float[] {0}, new float[] {0})));
        assertThat(onFx(() -> plane.selectedIndexProperty().get())).as("index beyond the new points").isEqualTo(-1);
    }

    @Test
    void recordsRejectMismatchedData() {
        assertThatThrownBy(() -> new LatentPoints(new float[2], new float[2], new int[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2, 2 and 1");
        ImageGrid three = new ImageGrid(List.of(new float[1], new float[1], new float[1]), 1, 1);
        assertThatThrownBy(() -> new Manifold(three, 2, 0, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        ImageGrid one = new ImageGrid(List.of(new float[1]), 1, 1);
        assertThatThrownBy(() -> new Manifold(one, 1, 1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LatentPoints(new float[3], new float[3], new int[3]).size()).isEqualTo(3);
    }

    private void setView(double cx, double cy, double span) {
        plane.centerXProperty().set(cx);
        plane.centerYProperty().set(cy);
        plane.spanProperty().set(span);
    }

    private static LatentPoints points(float[] x, float[] y) {
        return new LatentPoints(x, y, new int[x.length]);
    }

    private static ScrollEvent wheel(double x, double y, double deltaY) {
        return new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false, false, false, false, false,
                0, deltaY, 0, deltaY, 40, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.LINES, deltaY / 40, 0, null);
    }

    private Point2D screenAt(double px, double py) throws Exception {
        return onFx(() -> plane.localToScreen(px, py));
    }

    private Image snapshot() throws Exception {
        return onFx(() -> plane.snapshot(null, null));
    }

    /** The snapshot's colour at a latent position. */
    private Color pixel(Image image, double lx, double ly) throws Exception {
        return onFx(() -> image.getPixelReader().getColor((int) Math.floor(plane.toScreenX(lx)),
                (int) Math.floor(plane.toScreenY(ly))));
    }

    private static boolean findBrighterThan(Image image, int x0, int y0, int x1, int y1, double brightness) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (image.getPixelReader().getColor(x, y).getBrightness() > brightness) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean findColour(Image image, double x0, double y0, double x1, double y1, Color colour) {
        for (int y = (int) y0; y < (int) y1; y++) {
            for (int x = (int) x0; x < (int) x1; x++) {
                Color c = image.getPixelReader().getColor(x, y);
                if (Math.abs(c.getRed() - colour.getRed()) < 0.02 && Math.abs(c.getGreen() - colour.getGreen()) < 0.02
                        && Math.abs(c.getBlue() - colour.getBlue()) < 0.02) {
                    return true;
                }
            }
        }
        return false;
    }
}
