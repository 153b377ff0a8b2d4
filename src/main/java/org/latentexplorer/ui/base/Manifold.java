package org.latentexplorer.ui.base;

import java.util.Objects;

/**
 * n x n decoded images tiling a latent rectangle: image (r, c), in row-major order, covers the r-th band from the
 * top (row 0 at maxY, since latent y grows upwards) and the c-th band from the left (column 0 at minX).
 */
public record Manifold(ImageGrid images, int n, double minX, double maxX, double minY, double maxY) {
    public Manifold {
        Objects.requireNonNull(images, "images");
        if (n < 1 || images.size() != n * n) {
            throw new IllegalArgumentException("a " + n + " x " + n + " manifold needs " + n * n
                    + " images, got " + images.size());
        }
        if (!(minX < maxX && minY < maxY)) {
            throw new IllegalArgumentException("the latent rectangle is empty: x " + minX + ".." + maxX
                    + ", y " + minY + ".." + maxY);
        }
    }
}
