package org.latentexplorer.engine.ganlab;

import org.latentexplorer.engine.core.Logistic;

/**
 * The chapter's comparison of JSD and EMD on a real distribution P_r and a generated one P_g that the learner slides
 * θ apart. Both shapes keep P_g an exact shift of P_r, so EMD = |θ| while the JSD stops at ln 2 once the two no
 * longer overlap: from there its gradient in θ is zero, and a Generator trained through it learns nothing.
 */
public final class DivergenceDemo {
    /** The two pictures the lab offers. */
    public enum Shape {
        /** P_r = N(0, w²) and P_g = N(θ, w²) on the line. */
        BUMPS,
        /** The WGAN paper's Example 1: P_r = {0} × U[0, 1] and P_g = {θ} × U[0, 1] in the plane. */
        SEGMENTS
    }

    private static final double LN2 = Math.log(2);
    /** The bumps' JSD is integrated over u ∈ [−U_MAX, U_MAX] standard deviations, where all but ~1e−32 of N(0, 1) lies. */
    private static final double U_MAX = 12;
    /** Steps of 0.02 standard deviations: the integrand is smooth, so this is exact to rounding (~1e−15). */
    private static final int INTERVALS = 1200;
    /** Central differences step this share of the width, well inside the numbers' precision either way. */
    private static final double SLOPE_STEP = 1e-3;

    private DivergenceDemo() {
    }

    /** JSD(P_r ‖ P_g) in nats. width is the bumps' standard deviation w; the segments ignore it. */
    public static double jsd(Shape shape, double theta, double width) {
        checkWidth(width);
        return switch (shape) {
            // Two parallel segments share no point unless they coincide.
            case SEGMENTS -> theta == 0 ? 0 : LN2;
            case BUMPS -> bumpsJsd(theta / width);
        };
    }

    /**
     * The bumps' JSD for centres d standard deviations apart. By symmetry both KL halves are equal, and with p the
     * N(0, 1) density and q/p = exp(d·u − d²/2) the JSD is ln 2 − E_{u∼N(0,1)}[log(1 + exp(d·u − d²/2))]: one
     * smooth integral over a fixed range whatever d, computed by Simpson's rule.
     */
    private static double bumpsJsd(double d) {
        double h = 2 * U_MAX / INTERVALS;
        double sum = 0;
        for (int i = 0; i <= INTERVALS; i++) {
            double u = -U_MAX + i * h;
            double f = Math.exp(-u * u / 2) * Logistic.softplus(d * u - d * d / 2);
            double weight = i == 0 || i == INTERVALS ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * f;
        }
        double expectation = sum * h / 3 / Math.sqrt(2 * Math.PI);
        // At d = 0 rounding can leave −1e−17; the divergence is never negative.
        return Math.max(0, LN2 - expectation);
    }

    /** log(1 + e^x) without overflow for large x. */
    /** EMD(P_r, P_g): moving every bit of mass by θ is the cheapest plan for a pure shift, so |θ|. */
    public static double emd(Shape shape, double theta, double width) {
        checkWidth(width);
        return Math.abs(theta);
    }

    /** dJSD/dθ in nats per unit of θ, by a central difference. */
    public static double jsdSlope(Shape shape, double theta, double width) {
        double h = SLOPE_STEP * width;
        return (jsd(shape, theta + h, width) - jsd(shape, theta - h, width)) / (2 * h);
    }

    /** dEMD/dθ, by a central difference: ±1 away from θ = 0. */
    public static double emdSlope(Shape shape, double theta, double width) {
        double h = SLOPE_STEP * width;
        return (emd(shape, theta + h, width) - emd(shape, theta - h, width)) / (2 * h);
    }

    /**
     * The density to draw for one distribution shifted by shift, at each of xs. For the bumps, the N(shift, w²)
     * density along the line. A segment's mass sits on the single line x = shift, so it has no density across it;
     * its density along itself, U[0, 1] at heights xs, is returned instead, the same for any shift.
     */
    public static double[] density(Shape shape, double shift, double width, double[] xs) {
        checkWidth(width);
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = switch (shape) {
                case BUMPS -> {
                    double u = (xs[i] - shift) / width;
                    yield Math.exp(-u * u / 2) / (width * Math.sqrt(2 * Math.PI));
                }
                case SEGMENTS -> xs[i] >= 0 && xs[i] <= 1 ? 1 : 0;
            };
        }
        return out;
    }

    private static void checkWidth(double width) {
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("The width must be a positive number, got " + width);
        }
    }
}
