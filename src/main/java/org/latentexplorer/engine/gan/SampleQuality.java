package org.latentexplorer.engine.gan;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.latentexplorer.engine.core.Classifier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How good a generator's samples are, as seen by the project's {@link Classifier}: which classes they fall in (mode
 * coverage), how confidently and how evenly (an Inception-score analogue), and how far their features lie from real
 * images' (a Fréchet distance). Inputs are INDArrays of rows, one row per sample (class probabilities or features);
 * all arithmetic is done in double precision on copies.
 */
public final class SampleQuality {
    /** A class counts as covered when it holds at least this share of the samples. */
    public static final double DEFAULT_MIN_SHARE = 0.05;
    /** Rows per classifier call in {@link #evaluate}, to keep the activations of 1,000 samples small. */
    private static final int BATCH = 500;

    private SampleQuality() {
    }

    /** The numbers the GAN views show for a batch of generated images. */
    public record Report(int[] histogram, int classesCovered, double inceptionScore, double frechetDistance) {
        public Report {
            histogram = histogram.clone();
        }

        @Override
        public int[] histogram() {
            return histogram.clone();
        }
    }

    /**
     * Scores {@code samples} (rows of pixels in [0, 1]) with {@code classifier}: the Fréchet distance is to
     * {@code realFeatures}, the classifier's {@link Classifier#features} of held-out real images.
     */
    public static Report evaluate(Classifier classifier, INDArray samples, INDArray realFeatures) {
        INDArray probabilities = inBatches(samples, classifier::probabilities);
        int[] histogram = classHistogram(probabilities);
        return new Report(histogram, classesCovered(histogram, DEFAULT_MIN_SHARE), inceptionScore(probabilities),
                frechetDistance(inBatches(samples, classifier::features), realFeatures));
    }

    private static INDArray inBatches(INDArray x, UnaryOperator<INDArray> f) {
        long n = x.rows();
        if (n <= BATCH) {
            return f.apply(x);
        }
        INDArray[] parts = new INDArray[(int) ((n + BATCH - 1) / BATCH)];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = f.apply(x.get(NDArrayIndex.interval((long) k * BATCH,
                    Math.min((long) (k + 1) * BATCH, n)), NDArrayIndex.all()));
        }
        return Nd4j.vstack(parts);
    }

    /** How many rows of [n, classes] probabilities have their largest value in each class. */
    public static int[] classHistogram(INDArray probabilities) {
        double[][] p = rows(probabilities, "probabilities");
        int[] counts = new int[p[0].length];
        for (double[] row : p) {
            int best = 0;
            for (int k = 1; k < row.length; k++) {
                if (row[k] > row[best]) {
                    best = k;
                }
            }
            counts[best]++;
        }
        return counts;
    }

    /** Classes holding at least {@code minShare} of all counted samples. */
    public static int classesCovered(int[] histogram, double minShare) {
        if (!(minShare > 0 && minShare <= 1)) {
            throw new IllegalArgumentException("the minimum share must be in (0, 1], got " + minShare);
        }
        long total = Arrays.stream(histogram).asLongStream().sum();
        if (total == 0) {
            return 0;
        }
        return (int) Arrays.stream(histogram).filter(c -> c >= minShare * total).count();
    }

    public static int classesCovered(int[] histogram) {
        return classesCovered(histogram, DEFAULT_MIN_SHARE);
    }

    /**
     * exp(mean_i KL(p(y|x_i) ‖ p̄(y))), p̄ the mean of the rows: 1 when every sample gets the same distribution, the
     * number of classes when each is certain of one class and the classes are equally often chosen.
     */
    public static double inceptionScore(INDArray probabilities) {
        double[][] p = rows(probabilities, "probabilities");
        int n = p.length;
        int classes = p[0].length;
        double[] mean = new double[classes];
        for (double[] row : p) {
            for (int k = 0; k < classes; k++) {
                mean[k] += row[k] / n;
            }
        }
        double kl = 0;
        for (double[] row : p) {
            for (int k = 0; k < classes; k++) {
                // 0 ln 0 = 0; where p > 0 the mean is > 0 too, so no log of zero is taken.
                if (row[k] > 0) {
                    kl += row[k] * (Math.log(row[k]) - Math.log(mean[k]));
                }
            }
        }
        return Math.exp(kl / n);
    }

    /**
     * ‖μ₁ − μ₂‖² + Tr(S₁ + S₂ − 2 (S₁^½ S₂ S₁^½)^½) between two sets of feature rows, with unbiased covariances.
     * (S₁^½ S₂ S₁^½)^½ has the trace of (S₁ S₂)^½ but is symmetric, so a symmetric eigen-decomposition suffices.
     */
    public static double frechetDistance(INDArray featuresA, INDArray featuresB) {
        double[][] a = rows(featuresA, "features");
        double[][] b = rows(featuresB, "features");
        if (a[0].length != b[0].length) {
            throw new IllegalArgumentException("the two sets have " + a[0].length + " and " + b[0].length
                    + " features per row");
        }
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("a covariance needs at least 2 rows per set, got " + a.length + " and "
                    + b.length);
        }
        double[] muA = mean(a);
        double[] muB = mean(b);
        double meanTerm = 0;
        for (int j = 0; j < muA.length; j++) {
            meanTerm += (muA[j] - muB[j]) * (muA[j] - muB[j]);
        }
        RealMatrix sA = new Covariance(a, true).getCovarianceMatrix();
        RealMatrix sB = new Covariance(b, true).getCovarianceMatrix();
        RealMatrix root = sqrtPsd(sA);
        RealMatrix product = root.multiply(sB).multiply(root);
        double crossTrace = 0;
        for (double lambda : new EigenDecomposition(symmetrized(product)).getRealEigenvalues()) {
            crossTrace += Math.sqrt(Math.max(lambda, 0));
        }
        // Exactly 0 for equal sets; rounding can leave a tiny negative.
        return Math.max(0, meanTerm + sA.getTrace() + sB.getTrace() - 2 * crossTrace);
    }

    /**
     * The symmetric square root V diag(√max(λ, 0)) Vᵀ of a positive semi-definite matrix. Eigenvalues a little below
     * zero, as rounding leaves in a singular covariance matrix, count as zero (commons-math's own square root refuses
     * them).
     */
    static RealMatrix sqrtPsd(RealMatrix m) {
        EigenDecomposition e = new EigenDecomposition(symmetrized(m));
        double[] roots = Arrays.stream(e.getRealEigenvalues()).map(l -> Math.sqrt(Math.max(l, 0))).toArray();
        return symmetrized(e.getV().multiply(MatrixUtils.createRealDiagonalMatrix(roots)).multiply(e.getVT()));
    }

    /** (M + Mᵀ) / 2: products like S½ S S½ are symmetric only up to rounding, and the symmetric solver needs exact. */
    private static RealMatrix symmetrized(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }

    private static double[][] rows(INDArray x, String what) {
        if (x.rank() != 2 || x.rows() < 1 || x.columns() < 1) {
            throw new IllegalArgumentException(what + " must be at least one row of values, got shape "
                    + Arrays.toString(x.shape()));
        }
        double[][] m = x.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (double[] row : m) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " hold a value that is not finite");
                }
            }
        }
        return m;
    }

    private static double[] mean(double[][] x) {
        double[] mu = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += row[j];
            }
        }
        for (int j = 0; j < mu.length; j++) {
            mu[j] /= x.length;
        }
        return mu;
    }
}
