package org.latentexplorer.ui.base;

import java.util.Objects;

/**
 * Latent codes of held-out images, one point each: x and y in latent units and a class label (0..9, or -1 for
 * none). The arrays are shared, not copied (10,000 points arrive on every publish): do not change them afterwards.
 */
public record LatentPoints(float[] x, float[] y, int[] labels) {
    public LatentPoints {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(labels, "labels");
        if (x.length != y.length || x.length != labels.length) {
            throw new IllegalArgumentException("x, y and labels must have one entry per point, got "
                    + x.length + ", " + y.length + " and " + labels.length);
        }
    }

    public int size() {
        return x.length;
    }
}
