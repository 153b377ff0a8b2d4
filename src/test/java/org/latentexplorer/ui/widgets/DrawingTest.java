package org.latentexplorer.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A drawing's strokes turned into the image a model takes: fitted as MNIST on a blank sheet, in place over a picture. */
class DrawingTest {
    private static final int SIDE = 28;

    @Test
    void aBlankSheetGivesNoImageAndUndoTakesBackOneStrokeAtATime() {
        Drawing blank = Drawing.blank(SIDE);
        assertThat(blank.isEmpty()).isTrue();
        assertThat(blank.pixels()).isNull();
        Drawing one = blank.begin(false, 0.5, 0.2).extend(0.5, 0.8);
        Drawing two = one.begin(false, 0.2, 0.5).extend(0.8, 0.5);
        assertThat(two.strokes()).hasSize(2);
        assertThat(two.undo().pixels()).containsExactly(one.pixels());
        assertThat(two.undo().undo().pixels()).isNull();
        assertThat(blank.undo()).isSameAs(blank);
    }

    @Test
    void aVerticalStrokeBecomesAnMnistStyleOne() {
        float[] p = Drawing.blank(SIDE).begin(false, 0.3, 0.1).extend(0.3, 0.6).pixels();
        assertThat(p).hasSize(SIDE * SIDE);
        int top = SIDE;
        int bottom = -1;
        int left = SIDE;
        int right = -1;
        double mass = 0;
        double my = 0;
        double mx = 0;
        float max = 0;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                float v = p[r * SIDE + c];
                max = Math.max(max, v);
                mass += v;
                mx += v * (c + 0.5);
                my += v * (r + 0.5);
                if (v > 0.1) {
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, c);
                    right = Math.max(right, c);
                }
            }
        }
        assertThat(max).as("ink bright").isGreaterThan(0.9f);
        // Fitted into 20 × 20 (its long side) and centred by mass, wherever and however large it was drawn.
        assertThat(bottom - top + 1).isBetween(19, 21);
        assertThat(right - left + 1).as("a pen a tenth of the pad, scaled with the stroke").isBetween(2, 6);
        assertThat(mx / mass).isCloseTo(14, within(1.0));
        assertThat(my / mass).isCloseTo(14, within(1.0));
    }

    @Test
    void theSameDigitDrawnElsewhereOnTheSheetGivesTheSameImage() {
        float[] here = seven(0, 0).pixels();
        float[] there = seven(0.15, 0.1).pixels();
        double largest = 0;
        for (int i = 0; i < here.length; i++) {
            largest = Math.max(largest, Math.abs(here[i] - there[i]));
        }
        assertThat(largest).isLessThan(0.15);
    }

    private static Drawing seven(double dx, double dy) {
        return Drawing.blank(SIDE).begin(false, 0.2 + dx, 0.2 + dy).extend(0.6 + dx, 0.2 + dy)
                .extend(0.35 + dx, 0.75 + dy);
    }

    @Test
    void strokesOverAPictureLandWhereTheyAreDrawnAndTheRestStaysExactly() {
        float[] picture = new float[SIDE * SIDE];
        for (int i = 0; i < picture.length; i++) {
            picture[i] = (i % 7) / 7f;
        }
        Drawing over = Drawing.over(picture, SIDE);
        assertThat(over.isEmpty()).isFalse();
        assertThat(over.pixels()).containsExactly(picture);
        // Ink along row 5 (y = 5.5 / 28), then an eraser along column 20.
        float[] inked = over.begin(false, 0.05, 5.5 / SIDE).extend(0.95, 5.5 / SIDE).pixels();
        assertThat(inked[5 * SIDE + 14]).isCloseTo(1f, within(0.02f));
        assertThat(inked[20 * SIDE + 14]).as("far from the stroke").isEqualTo(picture[20 * SIDE + 14]);
        float[] erased = over.begin(true, 20.5 / SIDE, 0.05).extend(20.5 / SIDE, 0.95).pixels();
        assertThat(erased[14 * SIDE + 20]).isCloseTo(0f, within(0.02f));
        assertThat(erased[14 * SIDE + 5]).isEqualTo(picture[14 * SIDE + 5]);
        assertThat(picture[0]).as("the picture itself is kept as it was").isEqualTo(0f);
        // A click without a move is a dot the pen's width.
        float[] dot = over.begin(false, 10.5 / SIDE, 10.5 / SIDE).pixels();
        assertThat(dot[10 * SIDE + 10]).isCloseTo(1f, within(0.05f));
        assertThat(dot[10 * SIDE + 16]).isEqualTo(picture[10 * SIDE + 16]);
    }
}
