package org.latentexplorer.engine.ganlab;

import java.util.List;
import org.latentexplorer.data.Distribution2D;

/**
 * How well generated points cover a Gaussian mixture: the two numbers the mode-collapse papers report for the ring
 * of 8 and the 5 x 5 grid, "modes covered" and "% high-quality samples".
 */
public final class ModeMetrics {
    /** A point counts for a mode when it lies within this many of the mode's standard deviations of its centre. */
    public static final double STD_RADIUS = 3;
    /**
     * The share of its fair share of points (n / modes) a mode needs to count as covered. VEEGAN's Table 1 (on the
     * Unrolled GAN paper's ring and its own grid) counts a point as high quality within 3 standard deviations of a
     * mode; a fifth of the fair share (20 of the 100 points each of 25 modes gets from 2,500) is the count the
     * tables that reuse these benchmarks take, so a few stray points do not make a mode look learned.
     */
    public static final double COVERED_SHARE = 0.2;

    /**
     * @param covered           modes with at least their share of nearby points
     * @param modes             modes in the mixture
     * @param highQualityShare  fraction of points within 3 standard deviations of some mode, in [0, 1]; NaN
     *                          without points or without modes
     */
    public record Coverage(int covered, int modes, double highQualityShare) {
    }

    private ModeMetrics() {
    }

    /**
     * Coverage of a mixture's modes by points given as x0, y0, x1, y1, ...
     *
     * @throws IllegalArgumentException when the array does not hold whole (x, y) pairs
     */
    public static Coverage evaluate(double[] xy, List<Distribution2D.Mode> modes) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("Points must come as x, y pairs; got " + xy.length + " numbers");
        }
        if (modes.isEmpty()) {
            return new Coverage(0, 0, Double.NaN);
        }
        int n = xy.length / 2;
        int[] near = new int[modes.size()];
        int highQuality = 0;
        for (int i = 0; i < n; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            boolean good = false;
            for (int m = 0; m < near.length; m++) {
                Distribution2D.Mode mode = modes.get(m);
                double r = STD_RADIUS * mode.std();
                double dx = x - mode.x();
                double dy = y - mode.y();
                if (dx * dx + dy * dy <= r * r) {
                    near[m]++;
                    good = true;
                }
            }
            if (good) {
                highQuality++;
            }
        }
        // The small allowance keeps rounding (0.2 * 15 = 3.0000000000000004) from asking one point too many.
        int needed = Math.max(1, (int) Math.ceil(COVERED_SHARE * n / modes.size() - 1e-9));
        int covered = 0;
        for (int count : near) {
            if (count >= needed) {
                covered++;
            }
        }
        return new Coverage(covered, modes.size(), n == 0 ? Double.NaN : (double) highQuality / n);
    }
}
