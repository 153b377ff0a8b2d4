package org.latentexplorer.engine.vqvae;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

/**
 * A learned prior p(code map) over a VQ-VAE's grids of code indices, from which new images are generated: sample a
 * map, then decode it. Two kinds:
 * <ul>
 * <li>{@link Kind#PER_POSITION}, the baseline: each position's code independent of the others, a categorical from the
 * training maps' counts with Laplace (add-one) smoothing;</li>
 * <li>{@link Kind#AUTOREGRESSIVE}, in the spirit of PixelCNN: p(map) = Π p(c_ij | the codes before it in raster
 * order), each factor a softmax over K whose logits add a per-position bias to learned contributions of the causal
 * neighbourhood (left, two to the left, above, two above, above-left, above-right, and left and above jointly),
 * which is what PixelCNN's masked convolution lets a position see. Trained by Adam on the cross-entropy.</li>
 * </ul>
 * Both are one log-linear model: the baseline is the bias alone. Immutable once fitted, so copies of a model share it.
 */
public final class CodePrior {
    public enum Kind {
        PER_POSITION("per_position"),
        AUTOREGRESSIVE("autoregressive");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind byId(String id) {
            for (Kind k : values()) {
                if (k.id.equalsIgnoreCase(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown prior '" + id + "'; known: per_position, autoregressive");
        }
    }

    /** How the autoregressive prior is trained; the defaults fit 9,000 MNIST maps of 7 × 7 in a few seconds. */
    public record Training(int epochs, int batch, double learningRate, double weightDecay, long seed) {
        public Training {
            if (epochs < 1 || epochs > 1000 || batch < 1 || !(learningRate > 0 && learningRate <= 1)
                    || !(weightDecay >= 0 && weightDecay < 1)) {
                throw new IllegalArgumentException("prior training needs epochs in [1, 1000], a batch of at least 1, a"
                        + " learning rate in (0, 1] and a weight decay in [0, 1)");
            }
        }

        public static Training defaults(long seed) {
            return new Training(6, 512, 0.02, 1e-5, seed);
        }
    }

    /** Causal neighbours as (row, column) offsets: all come before the position in raster order. */
    private static final int[][] NEIGHBOURS = {{0, -1}, {0, -2}, {-1, 0}, {-2, 0}, {-1, -1}, {-1, 1}};
    /** The neighbours whose codes also count jointly: left and above. */
    private static final int JOINT_A = 0;
    private static final int JOINT_B = 2;
    private static final int MAX_SIDE = 64;
    private static final int MAX_CODES = 4096;
    private static final int FILE_MAGIC = 0x4C45_5051; // "LEPQ"
    private static final int FILE_VERSION = 1;

    private final Kind kind;
    private final int height;
    private final int width;
    private final int codebookSize;
    /** [position][code]. */
    private final float[][] bias;
    /** One table per feature, [feature value][code]; empty for the per-position prior. */
    private final float[][][] tables;

    private CodePrior(Kind kind, int height, int width, int codebookSize, float[][] bias, float[][][] tables) {
        this.kind = kind;
        this.height = height;
        this.width = width;
        this.codebookSize = codebookSize;
        this.bias = bias;
        this.tables = tables;
    }

    public Kind kind() {
        return kind;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int codebookSize() {
        return codebookSize;
    }

    /** The per-position logits themselves, [position][code]: fitting changes them in place. */
    float[][] bias() {
        return bias;
    }

    /** The neighbours' tables themselves, [feature][feature value][code]: fitting changes them in place. */
    float[][][] tables() {
        return tables;
    }

    /** The prior of a kind, fitted on code maps (each row one map in raster order), with the default training. */
    public static CodePrior fit(Kind kind, int[][] maps, int height, int width, int codebookSize, long seed) {
        return kind == Kind.PER_POSITION ? fitPerPosition(maps, height, width, codebookSize)
                : fitAutoregressive(maps, height, width, codebookSize, Training.defaults(seed));
    }

    /** log((count + 1) / (n + K)) at each position: the maximum-likelihood categorical with add-one smoothing. */
    public static CodePrior fitPerPosition(int[][] maps, int height, int width, int codebookSize) {
        checkMaps(maps, height, width, codebookSize);
        int positions = height * width;
        float[][] bias = new float[positions][codebookSize];
        for (int p = 0; p < positions; p++) {
            int[] counts = new int[codebookSize];
            for (int[] map : maps) {
                counts[map[p]]++;
            }
            for (int k = 0; k < codebookSize; k++) {
                bias[p][k] = (float) Math.log((counts[k] + 1.0) / (maps.length + codebookSize));
            }
        }
        return new CodePrior(Kind.PER_POSITION, height, width, codebookSize, bias, new float[0][][]);
    }

    /** Starts from the per-position prior (so the neighbours learn only what position alone does not tell). */
    public static CodePrior fitAutoregressive(int[][] maps, int height, int width, int codebookSize, Training training) {
        CodePrior start = fitPerPosition(maps, height, width, codebookSize);
        int values = codebookSize + 1; // the codes, and "outside the grid"
        float[][][] tables = new float[NEIGHBOURS.length + 1][][];
        for (int f = 0; f < NEIGHBOURS.length; f++) {
            tables[f] = new float[values][codebookSize];
        }
        tables[NEIGHBOURS.length] = new float[values * values][codebookSize];
        float[][] bias = new float[start.bias.length][];
        for (int p = 0; p < bias.length; p++) {
            bias[p] = start.bias[p].clone();
        }
        CodePrior prior = new CodePrior(Kind.AUTOREGRESSIVE, height, width, codebookSize, bias, tables);
        new CodePriorFit(prior, maps, training).run();
        return prior;
    }

    private static void checkMaps(int[][] maps, int height, int width, int codebookSize) {
        if (height < 1 || width < 1 || height > MAX_SIDE || width > MAX_SIDE) {
            throw new IllegalArgumentException("a code map must be between 1 × 1 and " + MAX_SIDE + " × " + MAX_SIDE
                    + ", got " + height + " × " + width);
        }
        if (codebookSize < 1 || codebookSize > MAX_CODES) {
            throw new IllegalArgumentException("the codebook size must be between 1 and " + MAX_CODES + ", got "
                    + codebookSize);
        }
        if (maps.length == 0) {
            throw new IllegalArgumentException("a prior needs at least one code map to fit");
        }
        for (int[] map : maps) {
            if (map.length != height * width) {
                throw new IllegalArgumentException("a code map has " + map.length + " codes; a " + height + " × "
                        + width + " map has " + height * width);
            }
            for (int c : map) {
                if (c < 0 || c >= codebookSize) {
                    throw new IllegalArgumentException("code " + c + " is outside the codebook (0 to "
                            + (codebookSize - 1) + ")");
                }
            }
        }
    }

    /** The feature values at a position (one row index per table); only codes before it in raster order are read. */
    private void features(int[] map, int position, int[] out) {
        int row = position / width;
        int col = position % width;
        for (int f = 0; f < NEIGHBOURS.length; f++) {
            int r = row + NEIGHBOURS[f][0];
            int c = col + NEIGHBOURS[f][1];
            out[f] = r >= 0 && c >= 0 && c < width ? map[r * width + c] : codebookSize;
        }
        out[NEIGHBOURS.length] = out[JOINT_A] * (codebookSize + 1) + out[JOINT_B];
    }

    /** Logits of the code at a position given the codes before it; {@code features} is scratch space. */
    void logits(int[] map, int position, int[] features, double[] out) {
        float[] b = bias[position];
        for (int k = 0; k < codebookSize; k++) {
            out[k] = b[k];
        }
        if (tables.length == 0) {
            return;
        }
        features(map, position, features);
        for (int f = 0; f < tables.length; f++) {
            float[] t = tables[f][features[f]];
            for (int k = 0; k < codebookSize; k++) {
                out[k] += t[k];
            }
        }
    }

    /** Turns logits into probabilities in place (shifted by the maximum, so exp never overflows). */
    static void softmax(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.exp(v[k] - max);
            sum += v[k];
        }
        for (int k = 0; k < v.length; k++) {
            v[k] /= sum;
        }
    }

    /**
     * p(code at {@code position} | the codes before it in raster order): what the prior would draw there next. Codes at
     * and after the position are not read.
     */
    public double[] conditional(int[] map, int position) {
        if (map.length != height * width || position < 0 || position >= map.length) {
            throw new IllegalArgumentException("position " + position + " of a " + height + " × " + width
                    + " map of " + map.length + " codes");
        }
        double[] p = new double[codebookSize];
        logits(map, position, new int[tables.length], p);
        softmax(p);
        return p;
    }

    /** n new code maps, each drawn position by position in raster order. */
    public int[][] sample(int n, Random random) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot draw " + n + " maps");
        }
        int positions = height * width;
        int[][] maps = new int[n][positions];
        int[] scratch = new int[tables.length];
        double[] p = new double[codebookSize];
        for (int[] map : maps) {
            for (int pos = 0; pos < positions; pos++) {
                logits(map, pos, scratch, p);
                softmax(p);
                double u = random.nextDouble();
                int k = 0;
                double cumulative = p[0];
                while (cumulative <= u && k < codebookSize - 1) {
                    cumulative += p[++k];
                }
                map[pos] = k;
            }
        }
        return maps;
    }

    /** −log₂ p(map), averaged over the maps: how many bits the prior needs per map (uniform codes: h·w·log₂ K). */
    public double negativeLogLikelihood(int[][] maps) {
        checkMaps(maps, height, width, codebookSize);
        int[] scratch = new int[tables.length];
        double[] p = new double[codebookSize];
        double nats = 0;
        for (int[] map : maps) {
            for (int pos = 0; pos < map.length; pos++) {
                logits(map, pos, scratch, p);
                nats -= logSoftmaxAt(p, map[pos]);
            }
        }
        return nats / maps.length / Math.log(2);
    }

    private static double logSoftmaxAt(double[] logits, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : logits) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (double x : logits) {
            sum += Math.exp(x - max);
        }
        return logits[k] - max - Math.log(sum);
    }

    /** The prior in a small binary form: a header with the kind and sizes, then every parameter as a float. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(FILE_MAGIC);
        out.writeInt(FILE_VERSION);
        out.writeUTF(kind.id());
        out.writeInt(height);
        out.writeInt(width);
        out.writeInt(codebookSize);
        writeRows(out, bias);
        out.writeInt(tables.length);
        for (float[][] t : tables) {
            out.writeInt(t.length);
            writeRows(out, t);
        }
        out.flush();
    }

    private static void writeRows(DataOutputStream out, float[][] rows) throws IOException {
        for (float[] row : rows) {
            for (float x : row) {
                out.writeFloat(x);
            }
        }
    }

    /** Reads what {@link #write} wrote; anything else is refused with an IOException, never half-read. */
    public static CodePrior read(DataInputStream in) throws IOException {
        if (in.readInt() != FILE_MAGIC || in.readInt() != FILE_VERSION) {
            throw new IOException("not a code prior");
        }
        Kind kind;
        try {
            kind = Kind.byId(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("not a code prior: " + e.getMessage(), e);
        }
        int height = in.readInt();
        int width = in.readInt();
        int k = in.readInt();
        if (height < 1 || width < 1 || height > MAX_SIDE || width > MAX_SIDE || k < 1 || k > MAX_CODES) {
            throw new IOException("a code prior with impossible sizes " + height + " × " + width + ", K = " + k);
        }
        float[][] bias = readRows(in, height * width, k);
        int tableCount = in.readInt();
        int expectedTables = kind == Kind.PER_POSITION ? 0 : NEIGHBOURS.length + 1;
        if (tableCount != expectedTables) {
            throw new IOException("a " + kind.id() + " prior has " + expectedTables + " tables, this file " + tableCount);
        }
        float[][][] tables = new float[tableCount][][];
        for (int f = 0; f < tableCount; f++) {
            int rows = in.readInt();
            int expectedRows = f < NEIGHBOURS.length ? k + 1 : (k + 1) * (k + 1);
            if (rows != expectedRows) {
                throw new IOException("table " + f + " of a code prior has " + rows + " rows, expected " + expectedRows);
            }
            tables[f] = readRows(in, rows, k);
        }
        return new CodePrior(kind, height, width, k, bias, tables);
    }

    private static float[][] readRows(DataInputStream in, int rows, int cols) throws IOException {
        float[][] out = new float[rows][cols];
        for (float[] row : out) {
            for (int c = 0; c < cols; c++) {
                row[c] = in.readFloat();
                if (!Float.isFinite(row[c])) {
                    throw new IOException("a code prior with a parameter that is not a finite number");
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "CodePrior[" + kind.id() + ", " + height + " × " + width + ", K = " + codebookSize + ", "
                + Arrays.stream(tables).mapToLong(t -> t.length).sum() + " table rows]";
    }
}
