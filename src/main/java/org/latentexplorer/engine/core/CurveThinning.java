package org.latentexplorer.engine.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a growing curve within a number of points, evenly spread over the run: of the points offered, every
 * stride-th is kept, and the stride doubles whenever the curve is full; the newest point is always last, replaced by
 * the next one unless it was due. Halving the list alone would keep the newest steps dense and thin the first ones
 * again at every halving (a 17,750-step GAN kept one point in its first 7,000 steps). One per curve; not thread-safe.
 */
public final class CurveThinning {
    private final int maxPoints;
    private long stride = 1;
    private long offered;
    /** Whether the curve's last point is the newest one kept only until the next arrives. */
    private boolean lastTransient;

    public CurveThinning(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("a curve needs room for at least 2 points, got " + maxPoints);
        }
        this.maxPoints = maxPoints;
    }

    /** Appends the next point of the run to {@code curve}, which only this thinning changes. */
    public <T> void append(List<T> curve, T point) {
        long index = offered++;
        if (lastTransient) {
            curve.set(curve.size() - 1, point);
        } else {
            curve.add(point);
        }
        lastTransient = index % stride != 0;
        if (curve.size() <= maxPoints) {
            return;
        }
        // The due points are the offered ones at multiples of the stride; those at even multiples stay.
        int due = lastTransient ? curve.size() - 1 : curve.size();
        List<T> kept = new ArrayList<>(maxPoints / 2 + 2);
        for (int i = 0; i < due; i += 2) {
            kept.add(curve.get(i));
        }
        stride *= 2;
        boolean newestKept = index % stride == 0;
        if (!newestKept) {
            kept.add(point);
        }
        lastTransient = !newestKept;
        curve.clear();
        curve.addAll(kept);
    }
}
