package org.latentexplorer.engine.vqvae;

import java.util.SplittableRandom;

/**
 * Fits an autoregressive {@link CodePrior} in place: mini-batch Adam on the mean cross-entropy of every (map,
 * position), with L2 weight decay on the tables.
 */
final class CodePriorFit {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final CodePrior prior;
    private final int[][] maps;
    private final CodePrior.Training training;
    /** Every parameter array (bias rows, then table rows) with its gradient and Adam moments, same shapes. */
    private final float[][] params;
    private final double[][] grads;
    private final double[][] m;
    private final double[][] v;
    /** Index in {@link #params} of each table's first row. */
    private final int[] tableStart;

    CodePriorFit(CodePrior prior, int[][] maps, CodePrior.Training training) {
        this.prior = prior;
        this.maps = maps;
        this.training = training;
        int rows = prior.bias().length;
        for (float[][] t : prior.tables()) {
            rows += t.length;
        }
        params = new float[rows][];
        int r = 0;
        for (float[] b : prior.bias()) {
            params[r++] = b;
        }
        tableStart = new int[prior.tables().length];
        for (int f = 0; f < prior.tables().length; f++) {
            tableStart[f] = r;
            for (float[] row : prior.tables()[f]) {
                params[r++] = row;
            }
        }
        int k = prior.codebookSize();
        grads = new double[rows][k];
        m = new double[rows][k];
        v = new double[rows][k];
    }

    void run() {
        int positions = prior.height() * prior.width();
        long examples = (long) maps.length * positions;
        if (examples > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many code maps to fit a prior on: " + maps.length);
        }
        int[] order = new int[(int) examples];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(training.seed());
        int[] scratch = new int[prior.tables().length];
        double[] p = new double[prior.codebookSize()];
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
                    CodePrior.softmax(p);
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
            double decay = row >= prior.bias().length ? training.weightDecay() : 0;
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
