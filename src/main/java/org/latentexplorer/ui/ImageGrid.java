package org.latentexplorer.ui;

import java.util.List;

/** Images to show as a grid: each a row-major array of pixel values in [0, 1]. Plain data, drawn by the view. */
public record ImageGrid(List<float[]> images, int rows, int cols) {
    public ImageGrid {
        images = List.copyOf(images);
    }

    public int size() {
        return images.size();
    }
}
