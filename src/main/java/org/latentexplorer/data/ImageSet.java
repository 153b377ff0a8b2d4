package org.latentexplorer.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable set of labelled grey-scale images. Pixels are kept as bytes (a quarter of the
 * memory of floats) and scaled to [0, 1] only when read. A set read from a folder of pictures names its labels (the
 * sub-folders' names) and may have none: every label is then -1.
 */
public final class ImageSet {

    /** byte value to float, so every read gives exactly {@code b / 255f}. */
    private static final float[] SCALE = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            SCALE[b] = b / 255f;
        }
    }

    private final String name;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final int[] labels;
    private final int numClasses;
    private final List<String> classNames;

    /** Takes ownership of both arrays: callers must not keep or change them. */
    ImageSet(String name, int rows, int cols, byte[] pixels, int[] labels) {
        this(name, rows, cols, pixels, labels, List.of());
    }

    /** @param classNames the labels' names, label 0 first; empty when the set's source names none */
    ImageSet(String name, int rows, int cols, byte[] pixels, int[] labels, List<String> classNames) {
        if (rows < 1 || cols < 1 || pixels.length != labels.length * rows * cols) {
            throw new IllegalArgumentException("pixels do not match " + labels.length + " images of "
                    + rows + "x" + cols);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.numClasses = Math.max(Math.max(1, this.classNames.size()), Arrays.stream(labels).max().orElse(0) + 1);
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    /** The labels' names, label 0 first, as the folder the set was read from names them; empty for other sets. */
    public List<String> classNames() {
        return classNames;
    }

    /** Largest label plus one (or the number of names), at least 1. */
    public int numClasses() {
        return numClasses;
    }

    public float pixel(int image, int index) {
        Objects.checkIndex(image, size());
        Objects.checkIndex(index, pixelsPerImage());
        return SCALE[pixels[image * pixelsPerImage() + index] & 0xFF];
    }

    /** A copy of image {@code i}, row-major, values in [0, 1]. */
    public float[] image(int i) {
        return gather(new int[] {i});
    }

    public int label(int i) {
        return labels[Objects.checkIndex(i, size())];
    }

    public int[] labels() {
        return labels.clone();
    }

    /** The given images, row-major, one after another: {@code indices.length * pixelsPerImage()} values. */
    public float[] gather(int[] indices) {
        int ppi = pixelsPerImage();
        float[] out = new float[indices.length * ppi];
        for (int k = 0; k < indices.length; k++) {
            int src = Objects.checkIndex(indices[k], size()) * ppi;
            int dst = k * ppi;
            for (int p = 0; p < ppi; p++) {
                out[dst + p] = SCALE[pixels[src + p] & 0xFF];
            }
        }
        return out;
    }

    public int[] gatherLabels(int[] indices) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = label(indices[k]);
        }
        return out;
    }

    /** A new set holding the given images in the given order. */
    public ImageSet subset(String name, int[] indices) {
        int ppi = pixelsPerImage();
        byte[] subPixels = new byte[indices.length * ppi];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, Objects.checkIndex(indices[k], size()) * ppi, subPixels, k * ppi, ppi);
        }
        return new ImageSet(name, rows, cols, subPixels, gatherLabels(indices), classNames);
    }

    /** The pixel bytes, for writers in this package; never changed. */
    byte[] pixelBytes() {
        return pixels;
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images, " + rows + "x" + cols + ")";
    }
}
