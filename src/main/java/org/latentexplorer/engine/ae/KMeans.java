package org.latentexplorer.engine.ae;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * k-means clustering of rows of any dimension (2-D latent codes or 784 raw pixels) by commons-math's
 * {@link KMeansPlusPlusClusterer}: k-means++ starts, Lloyd iterations until no row changes cluster, and several
 * seeded restarts of which the lowest inertia is kept (commons-math's own multi-start compares summed cluster
 * variances, which is not the inertia the scores report).
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
     */
    public record Result(int[] assignments, double[][] centroids, double inertia) {
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
                double d = squaredDistance(point, centroids[c]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            return best;
        }
    }

    /** A row and where it came from, so that the clusters' points map back to row numbers. */
    private record Row(int index, double[] getPoint) implements Clusterable {
    }

    private KMeans() {
    }

    /** @param rows one array per row, all the same length */
    public static Result fit(double[][] rows, int k, int restarts, long seed) {
        List<Row> points = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has "
                        + rows[0].length);
            }
            points.add(new Row(i, rows[i].clone()));
        }
        return fit(points, k, restarts, seed);
    }

    /** @param rows n rows of {@code dims} values one after another, as the encoder's codes and image sets give them */
    public static Result fit(float[] rows, int dims, int k, int restarts, long seed) {
        if (dims < 1 || rows.length % dims != 0) {
            throw new IllegalArgumentException(rows.length + " values are not rows of " + dims);
        }
        int n = rows.length / dims;
        List<Row> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] row = new double[dims];
            for (int j = 0; j < dims; j++) {
                row[j] = rows[i * dims + j];
            }
            points.add(new Row(i, row));
        }
        return fit(points, k, restarts, seed);
    }

    private static Result fit(List<Row> rows, int k, int restarts, long seed) {
        int n = rows.size();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be between 1 and the number of rows (" + n + "), got " + k);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        for (Row row : rows) {
            for (double v : row.getPoint()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("rows to cluster must be finite numbers");
                }
            }
        }
        // One generator for all restarts: the first restart of a longer run is the whole of a shorter one.
        KMeansPlusPlusClusterer<Row> clusterer = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS,
                new EuclideanDistance(), new Well19937c(seed));
        Result best = null;
        for (int r = 0; r < restarts; r++) {
            Result result = result(clusterer.cluster(rows), n);
            if (best == null || result.inertia() < best.inertia()) {
                best = result;
            }
        }
        return best;
    }

    private static Result result(List<CentroidCluster<Row>> clusters, int n) {
        int[] assignments = new int[n];
        double[][] centroids = new double[clusters.size()][];
        double inertia = 0;
        for (int c = 0; c < clusters.size(); c++) {
            centroids[c] = clusters.get(c).getCenter().getPoint();
            for (Row row : clusters.get(c).getPoints()) {
                assignments[row.index()] = c;
                inertia += squaredDistance(row.getPoint(), centroids[c]);
            }
        }
        return new Result(assignments, centroids, inertia);
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }
}
