package org.latentexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MnistStyleTest {
    private static final int SIDE = MnistStyle.SIDE;

    /** A picture of black paper with a white bar, or white paper with a black bar. */
    private static BufferedImage bar(int width, int height, int x, int y, int w, int h, boolean darkOnLight) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(darkOnLight ? Color.WHITE : Color.BLACK);
        g.fillRect(0, 0, width, height);
        g.setColor(darkOnLight ? Color.BLACK : Color.WHITE);
        g.fillRect(x, y, w, h);
        g.dispose();
        return image;
    }

    private static int[] inkBox(float[] image) {
        int left = SIDE;
        int right = -1;
        int top = SIDE;
        int bottom = -1;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (image[y * SIDE + x] > 0.05f) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return new int[] {left, top, right - left + 1, bottom - top + 1};
    }

    private static double[] centreOfMass(float[] image) {
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                mass += image[y * SIDE + x];
                mx += image[y * SIDE + x] * (x + 0.5);
                my += image[y * SIDE + x] * (y + 0.5);
            }
        }
        return new double[] {mx / mass, my / mass};
    }

    @Test
    void aTallStrokeAnywhereInALargePictureFillsTheBoxHeightKeepsItsAspectAndIsCentred() {
        // 40 × 120 of ink in the top-left corner of a 600 × 400 photo-sized picture: 1:3, so 7 × 20 after fitting.
        float[] image = MnistStyle.of(bar(600, 400, 10, 15, 40, 120, true), MnistStyle.Polarity.AUTO);
        int[] box = inkBox(image);
        assertThat(box[3]).isEqualTo(MnistStyle.BOX);
        assertThat(box[2]).isBetween(6, 8);
        double[] com = centreOfMass(image);
        assertThat(com[0]).isCloseTo(SIDE / 2.0, within(0.6));
        assertThat(com[1]).isCloseTo(SIDE / 2.0, within(0.6));
        // Inside the bar the ink is full strength: the dark-on-light picture was inverted.
        assertThat(image[14 * SIDE + 14]).isCloseTo(1f, within(1e-4f));
        assertThat(image[0]).isZero();
    }

    @Test
    void polarityIsDetectedFromTheBorderAndCanBeForced() {
        BufferedImage light = bar(50, 50, 20, 10, 10, 30, false);
        assertThat(MnistStyle.isDarkOnLight(MnistStyle.gray(light), 50, 50)).isFalse();
        assertThat(MnistStyle.isDarkOnLight(MnistStyle.gray(bar(50, 50, 20, 10, 10, 30, true)), 50, 50)).isTrue();
        float[] kept = MnistStyle.of(light, MnistStyle.Polarity.AUTO);
        assertThat(kept).isEqualTo(MnistStyle.of(light, MnistStyle.Polarity.KEEP));
        // Forced the wrong way, the ground becomes the ink: the whole frame's box is filled.
        float[] inverted = MnistStyle.of(light, MnistStyle.Polarity.INVERT);
        assertThat(inkBox(inverted)[2]).isEqualTo(MnistStyle.BOX);
        assertThat(inkBox(inverted)[3]).isEqualTo(MnistStyle.BOX);
    }

    @Test
    void tintedPaperIsTakenOffSoTheBoxIsTheStrokesNotTheSheets() {
        // A scan: light grey paper (not white) with a dark bar in its middle.
        BufferedImage scan = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scan.createGraphics();
        g.setColor(new Color(210, 205, 200));
        g.fillRect(0, 0, 60, 40);
        g.setColor(new Color(40, 40, 40));
        g.fillRect(25, 5, 10, 30);
        g.dispose();
        float[] image = MnistStyle.of(scan, MnistStyle.Polarity.AUTO);
        int[] box = inkBox(image);
        assertThat(box[3]).isEqualTo(MnistStyle.BOX);
        assertThat(box[2]).isBetween(6, 8);
        assertThat(image[0]).isZero();
        assertThat(image[14 * SIDE + 14]).isGreaterThan(0.9f);
    }

    @Test
    void transparentPixelsArePaper() {
        BufferedImage drawing = new BufferedImage(30, 30, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = drawing.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(12, 5, 6, 20);
        g.dispose();
        float[] gray = MnistStyle.gray(drawing);
        assertThat(gray[0]).isEqualTo(1f);
        assertThat(gray[10 * 30 + 14]).isEqualTo(0f);
        assertThat(inkBox(MnistStyle.of(drawing, MnistStyle.Polarity.AUTO))[3]).isEqualTo(MnistStyle.BOX);
    }

    @Test
    void anMnistDigitComesBackAsItWasUpToAPixelOfCentring() throws DataException {
        // MNIST rounded its centring its own way: a digit may come back one pixel over, and is otherwise the same.
        ImageSet mnist = BundledDataset.MNIST.load();
        for (int i = 0; i < 50; i++) {
            float[] digit = mnist.image(i);
            float[] again = MnistStyle.fit(digit, SIDE, SIDE, false);
            double best = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    best = Math.max(best, cosine(digit, again, dx, dy));
                }
            }
            assertThat(best).as("digit %d", i).isGreaterThan(0.97);
        }
    }

    /** The cosine of a and b moved by (dx, dy). */
    private static double cosine(float[] a, float[] b, int dx, int dy) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float va = a[y * SIDE + x];
                int bx = x + dx;
                int by = y + dy;
                float vb = bx >= 0 && bx < SIDE && by >= 0 && by < SIDE ? b[by * SIDE + bx] : 0;
                dot += va * vb;
                aa += va * va;
                bb += vb * vb;
            }
        }
        return dot / Math.sqrt(aa * bb);
    }

    @Test
    void aBlankPictureIsABlankImageAndAWrongSizeIsRefused() {
        assertThat(MnistStyle.fit(new float[100], 10, 10, false)).containsOnly(0f);
        assertThat(MnistStyle.fit(filled(100, 1f), 10, 10, true)).containsOnly(0f);
        assertThatThrownBy(() -> MnistStyle.fit(new float[99], 10, 10, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
