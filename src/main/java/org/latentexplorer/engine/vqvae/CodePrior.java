package org.latentexplorer.engine.vqvae;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

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
        new AdamFit(prior, maps, training).run();
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
    private void logits(int[] map, int position, int[] features, double[] out) {
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
    private static void softmax(double[] v) {
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

    /** Mini-batch Adam on the mean cross-entropy of every (map, position), with L2 weight decay on the tables. */
    private static final class AdamFit {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-8;

        private final CodePrior prior;
        private final int[][] maps;
        private final Training training;
        /** Every parameter array (bias rows, then table rows) with its gradient and Adam moments, same shapes. */
        private final float[][] params;
        private final double[][] grads;
        private final double[][] m;
        private final double[][] v;
        /** Index in {@link #params} of each table's first row. */
        private final int[] tableStart;

        AdamFit(CodePrior prior, int[][] maps, Training training) {
            this.prior = prior;
            this.maps = maps;
            this.training = training;
            int rows = prior.bias.length;
            for (float[][] t : prior.tables) {
                rows += t.length;
            }
            params = new float[rows][];
            int r = 0;
            for (float[] b : prior.bias) {
                params[r++] = b;
            }
            tableStart = new int[prior.tables.length];
            for (int f = 0; f < prior.tables.length; f++) {
                tableStart[f] = r;
                for (float[] row : prior.tables[f]) {
                    params[r++] = row;
                }
            }
            int k = prior.codebookSize;
            grads = new double[rows][k];
            m = new double[rows][k];
            v = new double[rows][k];
        }

        void run() {
            int positions = prior.height * prior.width;
            long examples = (long) maps.length * positions;
            if (examples > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("too many code maps to fit a prior on: " + maps.length);
            }
            int[] order = new int[(int) examples];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(training.seed());
            int[] scratch = new int[prior.tables.length];
            double[] p = new double[prior.codebookSize];
            boolean[] touched = new boolean[params.length];
            int[] touchedRows = new int[params.length];
            int step = 0;
            for (int epoch = 0; epoch < training.epochs(); epoch++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int from = 0; from < order.length; from += training.batch()) {
                    int to = Math.min(order.length, from + training.batch());
                    int nTouched = 0;
                    for (int e = from; e < to; e++) {
                        int[] map = maps[order[e] / positions];
                        int pos = order[e] % positions;
                        prior.logits(map, pos, scratch, p);
                        softmax(p);
                        p[map[pos]] -= 1; // ∂(−log softmax)/∂logits = p − onehot
                        nTouched = accumulate(pos, p, touched, touchedRows, nTouched);
                        for (int f = 0; f < scratch.length; f++) {
                            nTouched = accumulate(tableStart[f] + scratch[f], p, touched, touchedRows, nTouched);
                        }
                    }
                    step++;
                    update(step, to - from, touched, touchedRows, nTouched);
                }
            }
        }

        private int accumulate(int row, double[] g, boolean[] touched, int[] touchedRows, int nTouched) {
            double[] target = grads[row];
            for (int k = 0; k < g.length; k++) {
                target[k] += g[k];
            }
            if (!touched[row]) {
                touched[row] = true;
                touchedRows[nTouched++] = row;
            }
            return nTouched;
        }

        /**
         * Adam on the rows this batch touched (a row no example uses has no cross-entropy gradient; its weight decay
         * is applied when it is next used), the sparse variant that keeps an epoch to a fraction of a second.
         */
        private void update(int step, int batchSize, boolean[] touched, int[] touchedRows, int nTouched) {
            double lr = training.learningRate() * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
            for (int i = 0; i < nTouched; i++) {
                int row = touchedRows[i];
                float[] w = params[row];
                double[] g = grads[row];
                double[] mr = m[row];
                double[] vr = v[row];
                double decay = row >= prior.bias.length ? training.weightDecay() : 0;
                for (int k = 0; k < w.length; k++) {
                    double gk = g[k] / batchSize + decay * w[k];
                    mr[k] = BETA1 * mr[k] + (1 - BETA1) * gk;
                    vr[k] = BETA2 * vr[k] + (1 - BETA2) * gk * gk;
                    w[k] -= (float) (lr * mr[k] / (Math.sqrt(vr[k]) + EPSILON));
                    g[k] = 0;
                }
                touched[row] = false;
            }
        }
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
