package org.latentexplorer.engine.vqvae;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Bookkeeping of a VQ-VAE's Codebook e_1 … e_K: how often each code is the nearest one (usage, perplexity), and which
 * codes have gone unused long enough to restart. The vectors themselves live in the model's graph.
 */
public final class Codebook {
    /** How many times each code was chosen, over some images' code maps. */
    public record Usage(long[] counts) {
        public Usage {
            counts = counts.clone();
        }

        public static Usage of(int[][] maps, int codebookSize) {
            long[] counts = new long[codebookSize];
            for (int[] map : maps) {
                for (int c : map) {
                    counts[c]++;
                }
            }
            return new Usage(counts);
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        public int codebookSize() {
            return counts.length;
        }

        public int codesUsed() {
            return (int) Arrays.stream(counts).filter(c -> c > 0).count();
        }

        /**
         * exp(H) with H = −Σ p_k log p_k the entropy of the code frequencies: K when every code is used equally, 1 when
         * one code takes everything; "how many codes in effect".
         */
        public double perplexity() {
            long total = Arrays.stream(counts).sum();
            if (total == 0) {
                return 0;
            }
            double entropy = 0;
            for (long c : counts) {
                if (c > 0) {
                    double p = (double) c / total;
                    entropy -= p * Math.log(p);
                }
            }
            return Math.exp(entropy);
        }
    }

    private final int size;
    private final int restartAfter;
    private final SplittableRandom random;
    /** The training step at which each code was last chosen (or restarted). */
    private final long[] lastUsed;
    private long step;
    private long restarted;

    /** @param restartAfter batches a code may go unchosen before it counts as dead */
    Codebook(int size, int restartAfter, long seed) {
        if (restartAfter < 1) {
            throw new IllegalArgumentException("a code must be allowed at least one batch, got " + restartAfter);
        }
        this.size = size;
        this.restartAfter = restartAfter;
        this.random = new SplittableRandom(seed);
        this.lastUsed = new long[size];
    }

    /** Notes the codes one training batch chose. */
    void record(long[] codes) {
        step++;
        for (long c : codes) {
            lastUsed[(int) c] = step;
        }
    }

    /** The codes no batch has chosen for the last {@code restartAfter} batches. */
    int[] dead() {
        return IntStream.range(0, size).filter(k -> step - lastUsed[k] >= restartAfter).toArray();
    }

    /**
     * For each dead code, the row of the batch's encoder outputs z_e it restarts at: drawn at random with probability
     * proportional to that output's squared distance to its nearest code (as k-means++ seeds), so a restarted code
     * lands where the Codebook serves the data worst rather than on a vector another code already holds; no row twice.
     * The code then counts as just used, with {@code restartAfter} batches to win vectors.
     *
     * @param errors ‖z_e − z_q‖² of each row of the batch
     */
    int[] restartRows(int[] dead, double[] errors) {
        double[] weights = errors.clone();
        int[] rows = new int[dead.length];
        for (int i = 0; i < dead.length; i++) {
            double total = Arrays.stream(weights).sum();
            int row;
            if (total > 0) {
                double u = random.nextDouble() * total;
                row = 0;
                for (double cumulative = weights[0]; cumulative <= u && row < weights.length - 1; ) {
                    cumulative += weights[++row];
                }
            } else {
                row = random.nextInt(weights.length);
            }
            weights[row] = 0;
            rows[i] = row;
            lastUsed[dead[i]] = step;
        }
        restarted += dead.length;
        return rows;
    }

    /** Code maps of {@code positions} codes each from the indices of a batch's vectors, map after map. */
    static int[][] maps(long[] codes, int positions) {
        int[][] maps = new int[codes.length / positions][positions];
        for (int i = 0; i < codes.length; i++) {
            maps[i / positions][i % positions] = (int) codes[i];
        }
        return maps;
    }

    /** The indices of code maps, map after map, once each is a full height × width map of codes in the Codebook. */
    static int[] indices(int[][] codeMaps, int height, int width, int size) {
        int positions = height * width;
        int[] flat = new int[codeMaps.length * positions];
        for (int i = 0; i < codeMaps.length; i++) {
            if (codeMaps[i].length != positions) {
                throw new IllegalArgumentException("a code map has " + positions + " codes (" + height + " × " + width
                        + "), got " + codeMaps[i].length);
            }
            for (int p = 0; p < positions; p++) {
                int c = codeMaps[i][p];
                if (c < 0 || c >= size) {
                    throw new IllegalArgumentException("code " + c + " is outside the codebook (0 to " + (size - 1)
                            + ")");
                }
                flat[i * positions + p] = c;
            }
        }
        return flat;
    }

    /** Codes restarted since training began. */
    long restarted() {
        return restarted;
    }
}
