package org.latentexplorer.data;

import java.awt.image.BufferedImage;

/**
 * Turns any picture into an image the way MNIST's digits were made: grey levels with the ink bright on a dark ground
 * (the paper's own level, read from the border, taken off, and the darkest stroke made full ink), the ink's bounding
 * box fitted into a {@value #BOX} × {@value #BOX} box keeping its aspect ratio, and placed in the
 * {@value #SIDE} × {@value #SIDE} frame so that its centre of mass lies at the centre. Written by hand because no
 * imaging library does this digit-specific normalisation; the resampling is exact area averaging, separable.
 */
public final class MnistStyle {
    public static final int SIDE = IdxReader.SIDE;
    /** MNIST fits each digit into 20 × 20 and leaves a margin of 4 for the centring to move it in. */
    public static final int BOX = 20;
    /** A pixel is ink when it is at least this share of the brightest pixel; fainter ones do not widen the box. */
    private static final float INK_SHARE = 0.1f;

    private MnistStyle() {
    }

    /** Whether to turn a picture's grey levels over so that its ink is bright. */
    public enum Polarity {
        /** Invert when the picture's border is mostly light, as with dark strokes on paper. */
        AUTO,
        /** The picture already has light ink on a dark ground, as MNIST. */
        KEEP,
        /** Always invert. */
        INVERT
    }

    /**
     * A picture's grey levels in [0, 1] (0 black), row by row; a transparent pixel is paper, so it counts as white
     * (drawings saved with a transparent ground read as dark strokes on light).
     */
    public static float[] gray(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] gray = new float[w * h];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float alpha = (p >>> 24) / 255f;
            // Rec. 601 luma, as ImageIO's own grey conversions use.
            float luma = (0.299f * (p >> 16 & 0xFF) + 0.587f * (p >> 8 & 0xFF) + 0.114f * (p & 0xFF)) / 255f;
            gray[i] = alpha * luma + (1 - alpha);
        }
        return gray;
    }

    /** Whether a picture is dark on light: the mean of its outermost pixels is above one half. */
    public static boolean isDarkOnLight(float[] gray, int width, int height) {
        check(gray, width, height);
        double sum = 0;
        int n = 0;
        for (int x = 0; x < width; x++) {
            sum += gray[x] + gray[(height - 1) * width + x];
            n += 2;
        }
        for (int y = 1; y < height - 1; y++) {
            sum += gray[y * width] + gray[y * width + width - 1];
            n += 2;
        }
        return sum / n > 0.5;
    }

    /** {@link #fit} of a picture, inverted as {@code polarity} says. */
    public static float[] of(BufferedImage image, Polarity polarity) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] gray = gray(image);
        boolean invert = switch (polarity) {
            case AUTO -> isDarkOnLight(gray, w, h);
            case KEEP -> false;
            case INVERT -> true;
        };
        return fit(gray, w, h, invert);
    }

    /**
     * A {@value #SIDE} × {@value #SIDE} image (values in [0, 1], ink bright) of a width × height picture of grey
     * levels, inverted first when {@code invert}. A blank picture gives a blank image.
     */
    public static float[] fit(float[] gray, int width, int height, boolean invert) {
        check(gray, width, height);
        float[] ink = new float[gray.length];
        for (int i = 0; i < gray.length; i++) {
            ink[i] = Math.max(0, Math.min(1, invert ? 1 - gray[i] : gray[i]));
        }
        // Paper is seldom pure white (a scan, a photo, a tinted sheet): its level, the border's median, is taken off,
        // so the ground is black and the ink box is the strokes', not the whole sheet's. A ground brighter than half is
        // no paper but a picture turned the wrong way, left as it is so that it shows as a filled box.
        float median = borderMedian(ink, width, height);
        float ground = median < 0.5f ? median : 0;
        float max = 0;
        for (int i = 0; i < ink.length; i++) {
            ink[i] = Math.max(0, (ink[i] - ground) / (1 - ground));
            max = Math.max(max, ink[i]);
        }
        float[] out = new float[SIDE * SIDE];
        if (max <= 0) {
            return out;
        }
        // The darkest stroke becomes full ink, as in MNIST: a pencil or a grey pen must not read as faint.
        for (int i = 0; i < ink.length; i++) {
            ink[i] /= max;
        }
        max = 1;
        // The ink's bounding box.
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (ink[y * width + x] >= INK_SHARE * max) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        int cropW = right - left + 1;
        int cropH = bottom - top + 1;
        double scale = (double) BOX / Math.max(cropW, cropH);
        int boxW = Math.max(1, (int) Math.round(cropW * scale));
        int boxH = Math.max(1, (int) Math.round(cropH * scale));
        float[] rowsScaled = new float[cropH * boxW];
        for (int y = 0; y < cropH; y++) {
            resample(ink, (top + y) * width + left, 1, cropW, rowsScaled, y * boxW, 1, boxW);
        }
        float[] box = new float[boxH * boxW];
        for (int x = 0; x < boxW; x++) {
            resample(rowsScaled, x, boxW, cropH, box, x, boxW, boxH);
        }
        // Where the box goes so that its centre of mass falls on the frame's centre, kept inside the frame.
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < boxH; y++) {
            for (int x = 0; x < boxW; x++) {
                double v = box[y * boxW + x];
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        int offX = clamp((int) Math.round(SIDE / 2.0 - mx / mass), SIDE - boxW);
        int offY = clamp((int) Math.round(SIDE / 2.0 - my / mass), SIDE - boxH);
        for (int y = 0; y < boxH; y++) {
            System.arraycopy(box, y * boxW, out, (offY + y) * SIDE + offX, boxW);
        }
        return out;
    }

    private static float borderMedian(float[] ink, int width, int height) {
        float[] border = new float[2 * width + 2 * Math.max(0, height - 2)];
        int n = 0;
        for (int x = 0; x < width; x++) {
            border[n++] = ink[x];
            if (height > 1) {
                border[n++] = ink[(height - 1) * width + x];
            }
        }
        for (int y = 1; y < height - 1; y++) {
            border[n++] = ink[y * width];
            if (width > 1) {
                border[n++] = ink[y * width + width - 1];
            }
        }
        float[] sorted = java.util.Arrays.copyOf(border, n);
        java.util.Arrays.sort(sorted);
        return sorted[n / 2];
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /**
     * Area averaging along one line: {@code n} source samples from {@code src[from + i·stride]} become {@code m}
     * samples, each the mean of the source over its footprint (partial pixels weighted by their overlap).
     */
    private static void resample(float[] src, int from, int stride, int n, float[] dst, int to, int dstStride, int m) {
        double step = (double) n / m;
        for (int o = 0; o < m; o++) {
            double a = o * step;
            double b = a + step;
            double sum = 0;
            for (int i = (int) Math.floor(a); i < Math.min(n, (int) Math.ceil(b)); i++) {
                double overlap = Math.min(b, i + 1) - Math.max(a, i);
                if (overlap > 0) {
                    sum += overlap * src[from + i * stride];
                }
            }
            dst[to + o * dstStride] = (float) (sum / step);
        }
    }

    private static void check(float[] gray, int width, int height) {
        if (width < 1 || height < 1 || gray.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + " x " + height + " picture needs " + (long) width * height
                    + " grey levels, got " + gray.length);
        }
    }
}
