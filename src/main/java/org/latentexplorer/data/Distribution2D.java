package org.latentexplorer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A real distribution of points in the plane for the GAN problems lab: the Gaussian mixtures the Unrolled GAN and
 * VEEGAN papers measure mode collapse on, two shapes without modes, and one the learner draws.
 */
public final class Distribution2D {

    /** The kinds the lab offers; {@link #DRAWN} is built from the learner's points. */
    public enum Kind {
        RING, GRID, SPIRAL, MOONS, DRAWN
    }

    /** One Gaussian component: its centre and standard deviation. */
    public record Mode(double x, double y, double std) {
    }

    /** Half the side of the square the learner draws in, centred on the origin. */
    public static final double DRAWING_EXTENT = 4;

    private final Kind kind;
    private final List<Mode> modes;
    private final double[] anchors;
    private final double noise;

    private Distribution2D(Kind kind, List<Mode> modes, double[] anchors, double noise) {
        this.kind = kind;
        this.modes = List.copyOf(modes);
        this.anchors = anchors;
        this.noise = noise;
    }

    /** Eight Gaussians on a circle of radius 2, standard deviation 0.02, as in the Unrolled GAN paper. */
    public static Distribution2D ring() {
        List<Mode> m = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double a = 2 * Math.PI * i / 8;
            m.add(new Mode(2 * Math.cos(a), 2 * Math.sin(a), 0.02));
        }
        return new Distribution2D(Kind.RING, m, null, 0);
    }

    /** A 5 x 5 grid of Gaussians two apart, standard deviation 0.05, as in the VEEGAN paper. */
    public static Distribution2D grid() {
        List<Mode> m = new ArrayList<>();
        for (int i = -2; i <= 2; i++) {
            for (int j = -2; j <= 2; j++) {
                m.add(new Mode(2 * i, 2 * j, 0.05));
            }
        }
        return new Distribution2D(Kind.GRID, m, null, 0);
    }

    /** A spiral of one and a half turns: a connected shape, so no modes to count. */
    public static Distribution2D spiral() {
        return new Distribution2D(Kind.SPIRAL, List.of(), null, 0.08);
    }

    /** Two interleaving half circles. */
    public static Distribution2D moons() {
        return new Distribution2D(Kind.MOONS, List.of(), null, 0.08);
    }

    /**
     * The learner's drawing: each sample is one of the drawn points (x, y pairs) plus a little noise.
     *
     * @throws IllegalArgumentException when no point was drawn
     */
    public static Distribution2D drawn(double[] xy) {
        if (xy.length < 2 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("A drawn distribution needs at least one (x, y) point");
        }
        for (double v : xy) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("A drawn point must be a finite number, got " + v);
            }
        }
        return new Distribution2D(Kind.DRAWN, List.of(), xy.clone(), 0.05);
    }

    /** The built-in distribution of a kind; {@link Kind#DRAWN} needs points, see {@link #drawn(double[])}. */
    public static Distribution2D of(Kind kind) {
        return switch (kind) {
            case RING -> ring();
            case GRID -> grid();
            case SPIRAL -> spiral();
            case MOONS -> moons();
            case DRAWN -> throw new IllegalArgumentException("A drawn distribution is made from the learner's points");
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The Gaussian components; empty for shapes without modes (spiral, moons, drawn). */
    public List<Mode> modes() {
        return modes;
    }

    /** Half the side of the square, centred on the origin, that shows this distribution with a margin. */
    public double extent() {
        return switch (kind) {
            case RING -> 3;
            case GRID -> 5.5;
            case SPIRAL -> 4.6;
            case MOONS -> 3.8;
            case DRAWN -> DRAWING_EXTENT;
        };
    }

    /** The drawn points as x, y pairs, or null for a built-in kind. */
    public double[] drawnPoints() {
        return anchors == null ? null : anchors.clone();
    }

    /** n points as x0, y0, x1, y1, ... */
    public double[] sample(int n, Random rng) {
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double x;
            double y;
            switch (kind) {
                case RING, GRID -> {
                    Mode m = modes.get(rng.nextInt(modes.size()));
                    x = m.x() + m.std() * rng.nextGaussian();
                    y = m.y() + m.std() * rng.nextGaussian();
                }
                case SPIRAL -> {
                    // Radius grows with the angle: r = 0.4 + 3.6 t over 1.5 turns.
                    double t = rng.nextDouble();
                    double angle = 3 * Math.PI * t;
                    double r = 0.4 + 3.6 * t;
                    x = r * Math.cos(angle) + noise * rng.nextGaussian();
                    y = r * Math.sin(angle) + noise * rng.nextGaussian();
                }
                case MOONS -> {
                    double a = Math.PI * rng.nextDouble();
                    if (rng.nextBoolean()) {
                        x = 2 * Math.cos(a) - 1;
                        y = 2 * Math.sin(a) - 0.5;
                    } else {
                        x = 1 - 2 * Math.cos(a);
                        y = 0.5 - 2 * Math.sin(a);
                    }
                    x += noise * rng.nextGaussian();
                    y += noise * rng.nextGaussian();
                }
                default -> {
                    int p = rng.nextInt(anchors.length / 2);
                    x = anchors[2 * p] + noise * rng.nextGaussian();
                    y = anchors[2 * p + 1] + noise * rng.nextGaussian();
                }
            }
            out[2 * i] = x;
            out[2 * i + 1] = y;
        }
        return out;
    }
}
