package org.latentexplorer.ui.base;

import java.util.List;

/** Images to show as a grid: each a row-major array of pixel values in [0, 1]. Plain data, drawn by the view. */
public record ImageGrid(List<float[]> images, int rows, int cols) {
    public ImageGrid {
        images = List.copyOf(images);
    }

    public int size() {
        return images.size();
    }

    /** Cuts consecutive rows × cols images out of one row-major array, as a batch comes out of a model. */
    public static ImageGrid of(float[] pixels, int rows, int cols) {
        int per = rows * cols;
        List<float[]> images = new java.util.ArrayList<>(pixels.length / per);
        for (int i = 0; i < pixels.length / per; i++) {
            images.add(java.util.Arrays.copyOfRange(pixels, i * per, (i + 1) * per));
        }
        return new ImageGrid(images, rows, cols);
    }
}
