package org.latentexplorer.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mini-batches of image indices: each epoch visits every image once, in a fresh order that depends
 * only on the seed and the epoch, so a run can be repeated or resumed at any epoch.
 */
public final class MiniBatches {

    private final int datasetSize;
    private final int batchSize;
    private final long seed;
    /** Only the latest epoch is kept: training asks for its batches in order, epoch after epoch. */
    private int cachedEpoch = -1;
    private int[] cachedOrder;

    public MiniBatches(int datasetSize, int batchSize, long seed) {
        if (datasetSize < 1) {
            throw new IllegalArgumentException("Data set size must be at least 1, but is " + datasetSize);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Batch size must be at least 1, but is " + batchSize);
        }
        this.datasetSize = datasetSize;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** Whole batches plus the last, partial one if the size does not divide evenly. */
    public int batchesPerEpoch() {
        return (datasetSize + batchSize - 1) / batchSize;
    }

    public synchronized int[] indices(int epoch, int batch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("Epoch must be at least 0, but is " + epoch);
        }
        if (batch < 0 || batch >= batchesPerEpoch()) {
            throw new IllegalArgumentException("Batch must be between 0 and " + (batchesPerEpoch() - 1)
                    + ", but is " + batch);
        }
        if (epoch != cachedEpoch) {
            cachedOrder = Shuffle.permutation(datasetSize, new SplittableRandom(mix(seed ^ mix(epoch))));
            cachedEpoch = epoch;
        }
        int from = batch * batchSize;
        return Arrays.copyOfRange(cachedOrder, from, Math.min(from + batchSize, datasetSize));
    }

    /**
     * A 64-bit finaliser (Stafford's "Mix13"), so nearby seeds and epochs give unrelated generators;
     * seeding with {@code seed + epoch} would make epoch e+1 of one seed repeat epoch e of the next.
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
