package org.latentexplorer.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A data set divided into images to train on and images held out to measure generalisation. */
public record Split(ImageSet train, ImageSet heldOut) {

    public static final int DEFAULT_HELD_OUT = 1000;
    public static final long DEFAULT_SEED = 42;

    /** {@link #DEFAULT_HELD_OUT}, or a tenth of a set too small to spare that many (a user's folder of pictures). */
    public static int defaultHeldOut(int size) {
        return Math.min(DEFAULT_HELD_OUT, Math.max(1, size / 10));
    }

    /** Holds out {@code heldOutCount} images chosen by a shuffle with {@code seed}: the same seed, the same split. */
    public static Split of(ImageSet all, int heldOutCount, long seed) {
        if (heldOutCount < 1 || heldOutCount > all.size() - 1) {
            throw new IllegalArgumentException("Held-out count must be between 1 and " + (all.size() - 1)
                    + " for " + all.size() + " images, but is " + heldOutCount);
        }
        int[] order = Shuffle.permutation(all.size(), new SplittableRandom(seed));
        return new Split(all.subset(all.name() + " train", Arrays.copyOfRange(order, heldOutCount, order.length)),
                all.subset(all.name() + " held out", Arrays.copyOf(order, heldOutCount)));
    }
}
