package org.latentexplorer.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means clustering of rows of any dimension (2-D latent codes or 784 raw pixels): k-means++ starts, Lloyd
 * iterations until no row changes cluster, and several seeded restarts of which the lowest inertia is kept.
 * Plain Java: 1,000 MNIST images of 784 pixels, k = 10, five restarts take about 0.3 s on one core.
 */
public final class KMeans {
    public static final int DEFAULT_K = 10;
    public static final int DEFAULT_RESTARTS = 5;
    /** Lloyd's iterations per restart at most; on MNIST-sized sets it settles well before. */
    static final int MAX_ITERATIONS = 300;

    /**
     * @param assignments the cluster (0 to k − 1) of each row
     * @param centroids   k rows: the mean of each cluster's rows
     * @param inertia     the sum over rows of the squared Euclidean distance to their centroid
     * @param iterations  Lloyd's iterations of the restart kept
     * @param converged   false when that restart stopped at {@link #MAX_ITERATIONS} with rows still moving
     */
    public record Result(int[] assignments, double[][] centroids, double inertia, int iterations, boolean converged) {
        public int k() {
            return centroids.length;
        }

        /** The cluster whose centroid is nearest a point, e.g. to shade the latent plane by cluster. */
        public int nearest(double[] point) {
            if (point.length != centroids[0].length) {
                throw new IllegalArgumentException("the point has " + point.length + " values, the centroids "
                        + centroids[0].length);
            }
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                double d = squaredDistance(point, 0, centroids[c], 0, point.length);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            return best;
        }
    }

    private KMeans() {
    }

    /** @param rows one array per row, all the same length */
    public static Result fit(double[][] rows, int k, int restarts, long seed) {
        int dims = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * dims];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dims) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + dims);
            }
            System.arraycopy(rows[i], 0, flat, i * dims, dims);
        }
        return fit(flat, rows.length, dims, k, restarts, seed);
    }

    /** @param rows n rows of {@code dims} values one after another, as the encoder's codes and image sets give them */
    public static Result fit(float[] rows, int dims, int k, int restarts, long seed) {
        if (dims < 1 || rows.length % dims != 0) {
            throw new IllegalArgumentException(rows.length + " values are not rows of " + dims);
        }
        double[] flat = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            flat[i] = rows[i];
        }
        return fit(flat, rows.length / dims, dims, k, restarts, seed);
    }

    private static Result fit(double[] x, int n, int dims, int k, int restarts, long seed) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be between 1 and the number of rows (" + n + "), got " + k);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("rows to cluster must be finite numbers");
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        Result best = null;
        for (int r = 0; r < restarts; r++) {
            Result result = lloyd(x, n, dims, plusPlus(x, n, dims, k, random.split()));
            if (best == null || result.inertia() < best.inertia()) {
                best = result;
            }
        }
        return best;
    }

    /**
     * k-means++: the first centre is a random row, each next one a row drawn with probability proportional to its
     * squared distance from the nearest centre so far, so the starts spread over the data.
     */
    private static double[][] plusPlus(double[] x, int n, int dims, int k, SplittableRandom random) {
        double[][] centres = new double[k][];
        centres[0] = row(x, random.nextInt(n), dims);
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = squaredDistance(x, i * dims, centres[0], 0, dims);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : nearest) {
                total += d;
            }
            int pick = total > 0 ? drawProportional(nearest, total * random.nextDouble()) : random.nextInt(n);
            centres[c] = row(x, pick, dims);
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(x, i * dims, centres[c], 0, dims));
            }
        }
        return centres;
    }

    private static int drawProportional(double[] weights, double target) {
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                cumulative += weights[i];
                last = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return last; // rounding left target at the very end
    }

    /**
     * Lloyd's iterations (each row to its nearest centroid, each centroid to its rows' mean) with Hamerly's bounds:
     * an upper bound on each row's distance to its own centroid and a lower bound on its distance to any other, both
     * shifted by how far the centroids move, so once the centroids settle most rows skip the k distances. The bounds
     * only skip work that cannot change an assignment: the result is Lloyd's.
     */
    private static Result lloyd(double[] x, int n, int dims, double[][] centroids) {
        int k = centroids.length;
        int[] assignment = new int[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        for (int i = 0; i < n; i++) {
            nearestTwo(x, i, dims, centroids, assignment, upper, lower);
        }
        int iterations = 0;
        boolean converged = false;
        while (iterations < MAX_ITERATIONS) {
            double[] moved = update(x, n, dims, centroids, assignment);
            iterations++;
            int farthest = 0;
            for (int c = 1; c < k; c++) {
                farthest = moved[c] > moved[farthest] ? c : farthest;
            }
            double secondMove = 0;
            for (int c = 0; c < k; c++) {
                secondMove = c != farthest ? Math.max(secondMove, moved[c]) : secondMove;
            }
            double[] halfGap = halfGaps(centroids);
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int a = assignment[i];
                upper[i] += moved[a];
                lower[i] -= a == farthest ? secondMove : moved[farthest];
                double bound = Math.max(halfGap[a], lower[i]);
                if (upper[i] <= bound) {
                    continue;
                }
                upper[i] = Math.sqrt(squaredDistance(x, i * dims, centroids[a], 0, dims));
                if (upper[i] <= bound) {
                    continue;
                }
                nearestTwo(x, i, dims, centroids, assignment, upper, lower);
                changed |= assignment[i] != a;
            }
            if (!changed) {
                converged = true;
                break;
            }
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += squaredDistance(x, i * dims, centroids[assignment[i]], 0, dims);
        }
        return new Result(assignment, centroids, inertia, iterations, converged);
    }

    /** Row i to its nearest centroid (the lower index on a tie), with exact bounds: the nearest and second distance. */
    private static void nearestTwo(double[] x, int i, int dims, double[][] centroids, int[] assignment,
            double[] upper, double[] lower) {
        int best = 0;
        double first = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = squaredDistance(x, i * dims, centroids[c], 0, dims);
            if (d < first) {
                second = first;
                first = d;
                best = c;
            } else if (d < second) {
                second = d;
            }
        }
        assignment[i] = best;
        upper[i] = Math.sqrt(first);
        lower[i] = Math.sqrt(second);
    }

    /** Half the distance from each centroid to its nearest other: a row closer than that to its own stays there. */
    private static double[] halfGaps(double[][] centroids) {
        double[] half = new double[centroids.length];
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int a = 0; a < centroids.length; a++) {
            for (int b = a + 1; b < centroids.length; b++) {
                double h = Math.sqrt(squaredDistance(centroids[a], 0, centroids[b], 0, centroids[a].length)) / 2;
                half[a] = Math.min(half[a], h);
                half[b] = Math.min(half[b], h);
            }
        }
        return half;
    }

    /**
     * Each centroid to the mean of its rows; returns how far each moved. A cluster left empty takes the row farthest
     * from its new centroid, the row the centroids explain worst, rather than vanishing and leaving fewer than k.
     */
    private static double[] update(double[] x, int n, int dims, double[][] centroids, int[] assignment) {
        int k = centroids.length;
        double[][] sums = new double[k][dims];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            double[] s = sums[assignment[i]];
            int offset = i * dims;
            for (int j = 0; j < dims; j++) {
                s[j] += x[offset + j];
            }
            counts[assignment[i]]++;
        }
        double[] moved = new double[k];
        double[][] previous = new double[k][];
        for (int c = 0; c < k; c++) {
            previous[c] = centroids[c].clone();
            if (counts[c] > 0) {
                for (int j = 0; j < dims; j++) {
                    centroids[c][j] = sums[c][j] / counts[c];
                }
            }
        }
        boolean[] taken = new boolean[n];
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                int farthest = -1;
                double farthestDistance = -1;
                for (int i = 0; i < n; i++) {
                    double d = taken[i] ? -1 : squaredDistance(x, i * dims, centroids[assignment[i]], 0, dims);
                    if (d > farthestDistance) {
                        farthestDistance = d;
                        farthest = i;
                    }
                }
                taken[farthest] = true; // never the seed of a second empty cluster
                centroids[c] = row(x, farthest, dims);
            }
            moved[c] = Math.sqrt(squaredDistance(previous[c], 0, centroids[c], 0, dims));
        }
        return moved;
    }

    private static double[] row(double[] x, int i, int dims) {
        double[] r = new double[dims];
        System.arraycopy(x, i * dims, r, 0, dims);
        return r;
    }

    /** Four partial sums: the JIT does not reorder a floating-point sum, and one chain of adds is latency-bound. */
    private static double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int dims) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < dims; j += 4) {
            double d0 = a[aOffset + j] - b[bOffset + j];
            double d1 = a[aOffset + j + 1] - b[bOffset + j + 1];
            double d2 = a[aOffset + j + 2] - b[bOffset + j + 2];
            double d3 = a[aOffset + j + 3] - b[bOffset + j + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; j < dims; j++) {
            double d = a[aOffset + j] - b[bOffset + j];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
