package org.latentexplorer.engine.ganlab;

import java.util.Arrays;

/**
 * The two distances the chapter sets side by side, measured on what the lab has: the Jensen-Shannon divergence of
 * discrete distributions and of binned point clouds, and the Earth Mover's (Wasserstein-1) distance of samples.
 */
public final class Divergences {
    private static final double LN2 = Math.log(2);

    private Divergences() {
    }

    /**
     * JSD(P ‖ Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M), M = (P + Q) / 2, in nats, of two distributions over the same outcomes
     * given as non-negative weights (each normalised here). 0 · log 0 counts as 0, so the value lies in [0, ln 2].
     *
     * @throws IllegalArgumentException on different lengths, a negative or non-finite weight, or all weights zero
     */
    public static double jensenShannon(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("Distributions over " + p.length + " and " + q.length + " outcomes");
        }
        double sp = total(p);
        double sq = total(q);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            double qi = q[i] / sq;
            double m = (pi + qi) / 2;
            if (pi > 0) {
                sum += pi * Math.log(pi / m);
            }
            if (qi > 0) {
                sum += qi * Math.log(qi / m);
            }
        }
        // Rounding may step a hair outside the bounds the divergence always has.
        return Math.max(0, Math.min(LN2, sum / 2));
    }

    private static double total(double[] w) {
        double s = 0;
        for (double v : w) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("Weights must be finite and non-negative, got " + v);
            }
            s += v;
        }
        if (s == 0) {
            throw new IllegalArgumentException("A distribution needs some positive weight");
        }
        return s;
    }

    /**
     * The JSD of two point clouds (x0, y0, x1, y1, ...) binned into bins x bins equal cells over
     * [−halfWidth, halfWidth]²; points outside count in the nearest edge cell.
     *
     * @throws IllegalArgumentException on an empty cloud, halfWidth ≤ 0 or bins &lt; 1
     */
    public static double histogramJensenShannon(double[] a, double[] b, double halfWidth, int bins) {
        if (!(halfWidth > 0) || bins < 1) {
            throw new IllegalArgumentException("Need halfWidth > 0 and bins >= 1, got " + halfWidth + ", " + bins);
        }
        return jensenShannon(histogram(a, halfWidth, bins), histogram(b, halfWidth, bins));
    }

    private static double[] histogram(double[] xy, double halfWidth, int bins) {
        int n = pairs(xy);
        double[] counts = new double[bins * bins];
        for (int i = 0; i < n; i++) {
            counts[cell(xy[2 * i + 1], halfWidth, bins) * bins + cell(xy[2 * i], halfWidth, bins)]++;
        }
        return counts;
    }

    private static int cell(double v, double halfWidth, int bins) {
        int c = (int) Math.floor((v + halfWidth) / (2 * halfWidth) * bins);
        return Math.max(0, Math.min(bins - 1, c));
    }

    private static int pairs(double[] xy) {
        if (xy.length == 0 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("Points must come as at least one x, y pair; got " + xy.length
                    + " numbers");
        }
        return xy.length / 2;
    }

    /**
     * The exact Earth Mover's distance between two equally large point sets in the plane (x0, y0, x1, y1, ...), each
     * point weighing 1/n: with equal uniform weights an optimal transport plan is a matching, so this is the
     * smallest mean Euclidean distance over all pairings, found by the Hungarian algorithm in O(n³).
     *
     * @throws IllegalArgumentException when the sets differ in size or are empty
     */
    public static double earthMovers(double[] a, double[] b) {
        int n = pairs(a);
        if (pairs(b) != n) {
            throw new IllegalArgumentException("Point sets of different sizes: " + n + " and " + b.length / 2);
        }
        double[] cost = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = a[2 * i] - b[2 * j];
                double dy = a[2 * i + 1] - b[2 * j + 1];
                cost[i * n + j] = Math.sqrt(dx * dx + dy * dy);
            }
        }
        int[] match = assignment(cost, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += cost[i * n + match[i]];
        }
        return sum / n;
    }

    /**
     * Minimum-cost perfect matching of rows to columns, each row's column. Rows join one at a time along a shortest
     * augmenting path (Dijkstra on reduced costs c − u − v, as in Jonker and Volgenant); the dual potentials u, v
     * keep every reduced cost non-negative and every matched pair's zero, which is what makes the result optimal.
     */
    private static int[] assignment(double[] cost, int n) {
        double[] u = new double[n];
        double[] v = new double[n];
        int[] colOfRow = new int[n];
        int[] rowOfCol = new int[n];
        Arrays.fill(colOfRow, -1);
        Arrays.fill(rowOfCol, -1);
        double[] dist = new double[n];
        int[] via = new int[n];
        int[] unreached = new int[n];
        boolean[] rowOnTree = new boolean[n];
        boolean[] colOnTree = new boolean[n];
        // Column reduction: each column's cheapest row sets its potential and, while that row is free, its match;
        // most rows then start matched and need no search.
        for (int j = 0; j < n; j++) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (cost[i * n + j] < cost[best * n + j]) {
                    best = i;
                }
            }
            v[j] = cost[best * n + j];
            if (colOfRow[best] < 0) {
                colOfRow[best] = j;
                rowOfCol[j] = best;
            }
        }
        for (int start = 0; start < n; start++) {
            if (colOfRow[start] >= 0) {
                continue;
            }
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(rowOnTree, false);
            Arrays.fill(colOnTree, false);
            for (int j = 0; j < n; j++) {
                unreached[j] = j;
            }
            int left = n;
            double reached = 0;
            int row = start;
            int sink = -1;
            while (sink < 0) {
                rowOnTree[row] = true;
                double nearest = Double.POSITIVE_INFINITY;
                int pick = -1;
                int base = row * n;
                double offset = reached - u[row];
                for (int k = 0; k < left; k++) {
                    int j = unreached[k];
                    double d = offset + cost[base + j] - v[j];
                    if (d < dist[j]) {
                        dist[j] = d;
                        via[j] = row;
                    }
                    // On ties a free column ends the search at once.
                    if (dist[j] < nearest || dist[j] == nearest && rowOfCol[j] < 0) {
                        nearest = dist[j];
                        pick = k;
                    }
                }
                reached = nearest;
                int col = unreached[pick];
                colOnTree[col] = true;
                unreached[pick] = unreached[--left];
                if (rowOfCol[col] < 0) {
                    sink = col;
                } else {
                    row = rowOfCol[col];
                }
            }
            // Shift the potentials so the path just found is tight and no reduced cost turns negative.
            u[start] += reached;
            for (int i = 0; i < n; i++) {
                if (rowOnTree[i] && i != start) {
                    u[i] += reached - dist[colOfRow[i]];
                }
            }
            for (int j = 0; j < n; j++) {
                if (colOnTree[j]) {
                    v[j] -= reached - dist[j];
                }
            }
            // Flip the path: every column on it takes the row it was reached from.
            for (int col = sink; ; ) {
                int i = via[col];
                rowOfCol[col] = i;
                int previous = colOfRow[i];
                colOfRow[i] = col;
                if (i == start) {
                    break;
                }
                col = previous;
            }
        }
        return colOfRow;
    }

    /**
     * W1 of two equally large samples on the line: sorted, the i-th smallest of one meets the i-th smallest of the
     * other, so the distance is the mean |a_(i) − b_(i)|.
     *
     * @throws IllegalArgumentException when the samples differ in size or are empty
     */
    public static double wasserstein1D(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("Need two samples of the same, positive size; got " + a.length
                    + " and " + b.length);
        }
        double[] sa = a.clone();
        double[] sb = b.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        double sum = 0;
        for (int i = 0; i < sa.length; i++) {
            sum += Math.abs(sa[i] - sb[i]);
        }
        return sum / sa.length;
    }
}
