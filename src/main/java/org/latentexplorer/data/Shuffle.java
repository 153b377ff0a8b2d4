package org.latentexplorer.data;

import java.util.SplittableRandom;

/** Seeded permutations shared by {@link Split} and {@link MiniBatches}. */
final class Shuffle {

    private Shuffle() {
    }

    /** 0..n-1 in an order drawn by a Fisher-Yates shuffle, so every order is equally likely. */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
