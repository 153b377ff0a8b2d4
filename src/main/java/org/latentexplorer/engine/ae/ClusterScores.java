package org.latentexplorer.engine.ae;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.Tensors;

/**
 * How well clusters match the labels, both scores in [0, 1] and 1 at a perfect match: purity (the share of rows
 * whose cluster's most common label is their own) and normalised mutual information, I(U; V) divided by the
 * arithmetic mean of the entropies H(U) and H(V) (scikit-learn's default). Purity rewards many small clusters; NMI
 * does not, so the two are shown together. And the chapter's claim measured with them: k-means on a model's latent
 * codes against k-means on the raw pixels of the same images.
 */
public final class ClusterScores {
    /** The k-means seed the app and {@code eval} use, so both report the same purity and NMI. */
    public static final long SEED = 1;

    private ClusterScores() {
    }

    public record Scores(double purity, double nmi) {
        public static Scores of(int[] assignments, int[] labels) {
            return new Scores(ClusterScores.purity(assignments, labels),
                    ClusterScores.normalizedMutualInformation(assignments, labels));
        }
    }

    /**
     * k-means with the same k and seed on the codes of the images and on their pixels, each scored against the labels.
     *
     * @param codes the images' codes, {@code model.latentSize()} values per image, as the clusters were found on
     */
    public record LatentVsPixels(float[] codes, KMeans.Result latent, Scores latentScores, KMeans.Result pixels,
            Scores pixelScores) {
    }

    public static LatentVsPixels latentVsPixels(EncodingModel model, ImageSet images, int k, long seed) {
        int[] all = IntStream.range(0, images.size()).toArray();
        float[] pixels = images.gather(all);
        float[] codes = Tensors.toFloats(model.encode(Tensors.rows(pixels, all.length)));
        int[] labels = images.labels();
        KMeans.Result latent = KMeans.fit(codes, model.latentSize(), k, KMeans.DEFAULT_RESTARTS, seed);
        KMeans.Result raw = KMeans.fit(pixels, images.pixelsPerImage(), k, KMeans.DEFAULT_RESTARTS, seed);
        return new LatentVsPixels(codes, latent, Scores.of(latent.assignments(), labels), raw,
                Scores.of(raw.assignments(), labels));
    }

    /** (1/N) Σ over clusters of the count of its most common label. */
    public static double purity(int[] assignments, int[] labels) {
        long[][] table = contingency(assignments, labels);
        long matched = 0;
        for (long[] cluster : table) {
            matched += Arrays.stream(cluster).max().orElse(0);
        }
        return (double) matched / assignments.length;
    }

    /**
     * I(U; V) / ((H(U) + H(V)) / 2), natural logarithms (the unit cancels). Two partitions that each put every row in
     * one group are the same partition: 1, as scikit-learn returns.
     */
    public static double normalizedMutualInformation(int[] assignments, int[] labels) {
        long[][] table = contingency(assignments, labels);
        double n = assignments.length;
        long[] clusterSizes = new long[table.length];
        long[] labelSizes = new long[table[0].length];
        for (int c = 0; c < table.length; c++) {
            for (int l = 0; l < table[c].length; l++) {
                clusterSizes[c] += table[c][l];
                labelSizes[l] += table[c][l];
            }
        }
        double hClusters = entropy(clusterSizes, n);
        double hLabels = entropy(labelSizes, n);
        if (hClusters == 0 && hLabels == 0) {
            return 1;
        }
        double mutual = 0;
        for (int c = 0; c < table.length; c++) {
            for (int l = 0; l < table[c].length; l++) {
                if (table[c][l] > 0) {
                    mutual += table[c][l] / n * Math.log(n * table[c][l] / ((double) clusterSizes[c] * labelSizes[l]));
                }
            }
        }
        // Rounding can leave a hair outside [0, 1].
        return Math.min(1, Math.max(0, mutual / ((hClusters + hLabels) / 2)));
    }

    private static double entropy(long[] sizes, double n) {
        double h = 0;
        for (long s : sizes) {
            if (s > 0) {
                h -= s / n * Math.log(s / n);
            }
        }
        return h;
    }

    /** Counts of rows per (cluster, label), over the distinct values that occur: any ints may name groups. */
    private static long[][] contingency(int[] assignments, int[] labels) {
        if (assignments.length != labels.length) {
            throw new IllegalArgumentException(assignments.length + " assignments but " + labels.length + " labels");
        }
        if (assignments.length == 0) {
            throw new IllegalArgumentException("no rows to score");
        }
        int[] clusters = IntStream.of(assignments).distinct().sorted().toArray();
        int[] classes = IntStream.of(labels).distinct().sorted().toArray();
        long[][] table = new long[clusters.length][classes.length];
        for (int i = 0; i < assignments.length; i++) {
            table[Arrays.binarySearch(clusters, assignments[i])][Arrays.binarySearch(classes, labels[i])]++;
        }
        return table;
    }
}
