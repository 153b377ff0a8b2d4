package org.latentexplorer.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The canvases' screen-plane maths, without a toolkit. */
class ViewportTest {
    private static final Viewport SQUARE = new Viewport(1, -2, 250, 200, 100, 100);

    @Test
    void screenToPlaneAndBackIsTheIdentityWithPlaneYUpwards() {
        Viewport stretched = Viewport.stretched(48, 12, 600, 300, -5, 35, 40, 90);
        for (Viewport v : new Viewport[] {SQUARE, stretched}) {
            for (double p : new double[] {-7.25, 0, 0.3, 12, 480}) {
                assertThat(v.toScreenX(v.toPlaneX(p))).isCloseTo(p, within(1e-9));
                assertThat(v.toScreenY(v.toPlaneY(p))).isCloseTo(p, within(1e-9));
                assertThat(v.toPlaneX(v.toScreenX(p))).isCloseTo(p, within(1e-9));
                assertThat(v.toPlaneY(v.toScreenY(p))).isCloseTo(p, within(1e-9));
            }
        }
        assertThat(SQUARE.toScreenX(1)).isEqualTo(250);
        assertThat(SQUARE.toScreenY(-2)).isEqualTo(200);
        // Up in the plane is up on the screen, where y grows downwards.
        assertThat(SQUARE.toScreenY(-1)).isEqualTo(100);
        assertThat(SQUARE.toScreenX(3.5)).isEqualTo(500);
    }

    @Test
    void zoomKeepsThePointUnderTheCursorFixed() {
        double px = 130;
        double py = 340;
        double x = SQUARE.toPlaneX(px);
        double y = SQUARE.toPlaneY(py);
        for (double factor : new double[] {1.15, 1 / 1.15, 4, 0.01}) {
            Viewport zoomed = SQUARE.zoomedAbout(px, py, factor);
            assertThat(zoomed.scaleX()).isCloseTo(100 * factor, within(1e-9));
            assertThat(zoomed.toScreenX(x)).isCloseTo(px, within(1e-9));
            assertThat(zoomed.toScreenY(y)).isCloseTo(py, within(1e-9));
        }
    }

    @Test
    void panMovesThePlaneWithTheMouse() {
        double x = SQUARE.toPlaneX(100);
        double y = SQUARE.toPlaneY(50);
        Viewport panned = SQUARE.panned(30, -20);
        assertThat(panned.toScreenX(x)).isCloseTo(130, within(1e-9));
        assertThat(panned.toScreenY(y)).isCloseTo(30, within(1e-9));
        assertThat(panned.scaleX()).isEqualTo(SQUARE.scaleX());
    }

    @Test
    void fitPutsTheRectangleOnTheScreen() {
        Viewport stretched = Viewport.stretched(48, 12, 600, 300, -5, 35, 40, 90);
        assertThat(stretched.toScreenX(-5)).isCloseTo(48, within(1e-9));
        assertThat(stretched.toScreenX(35)).isCloseTo(648, within(1e-9));
        assertThat(stretched.toScreenY(90)).isCloseTo(12, within(1e-9));
        assertThat(stretched.toScreenY(40)).isCloseTo(312, within(1e-9));

        // Nine units tall on a 500 × 400 screen: the height decides, units stay square, the margin is kept.
        Viewport square = Viewport.square(500, 400, -3, 5, -7, 2, 0.1);
        assertThat(square.scaleX()).isEqualTo(square.scaleY());
        assertThat(square.toScreenY(2) - 0).isCloseTo(400 - square.toScreenY(-7), within(1e-9));
        assertThat(square.toScreenY(-7) - square.toScreenY(2)).isCloseTo(400 / 1.2, within(1e-9));
        assertThat(square.toScreenX(1)).isCloseTo(250, within(1e-9));
    }
}
