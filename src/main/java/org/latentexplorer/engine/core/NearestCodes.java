package org.latentexplorer.engine.core;

import java.util.Comparator;

/**
 * The codes nearest to a given code in the latent space, by Euclidean distance in all its dimensions: which held-out
 * images the Encoder places next to a new one. A full sort of a thousand distances costs well under a millisecond,
 * which is why no spatial index is built.
 */
public final class NearestCodes {
    private NearestCodes() {
    }

    /**
     * Indices of the {@code k} rows of {@code codes} (n rows of {@code z.length} values, row-major) nearest to
     * {@code z}, nearest first; ties keep the lower index first. Rows with a NaN are never chosen.
     */
    public static int[] nearest(float[] codes, float[] z, int k) {
        int d = z.length;
        if (d == 0 || codes.length % d != 0) {
            throw new IllegalArgumentException(codes.length + " values are not rows of " + d);
        }
        int n = codes.length / d;
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double diff = codes[i * d + j] - z[j];
                s += diff * diff;
            }
            distance[i] = Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
        }
        return java.util.stream.IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> distance[i]).thenComparingInt(i -> i))
                .filter(i -> distance[i] < Double.POSITIVE_INFINITY)
                .limit(Math.max(0, k)).mapToInt(Integer::intValue).toArray();
    }
}
