package org.latentexplorer.engine.vqvae;

import static org.latentexplorer.engine.vqvae.VqVae.GRID;
import static org.latentexplorer.engine.vqvae.VqVae.PIXELS;
import static org.latentexplorer.engine.vqvae.VqVae.SIDE;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.engine.core.Tensors;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.enums.DataFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The {@link VqVae}'s SameDiff graph: Encoder, nearest code, straight-through estimator, Decoder and the three loss
 * terms, with a second way into the Decoder for given rows of code vectors. It owns the trainable variables, in the
 * fixed order of {@link #parameters()} and of the model's file.
 */
final class VqVaeGraph {
    static final int[] CHANNELS = {16, 32};
    static final int POSITIONS = GRID * GRID;
    static final String CODEBOOK = "codebook";
    static final String Z_E = "z_e";
    static final String DECODER_INPUT = "decoder_input";
    static final String Z_Q = "z_q";
    static final String CODES = "codes";
    static final String Y = "y";
    static final String LOSS = "loss_total";
    static final String RECON = "loss_recon";
    static final String CODEBOOK_TERM = "loss_codebook";
    static final String COMMITMENT = "loss_commitment";
    private static final String X = "x";
    private static final String Z = "z";
    private static final String BETA = "beta";
    private static final String Y_FROM_Z = "y_from_z";
    private static final String GRADIENT_CHATTER = "Added differentiated op";

    private final SameDiff sd = SameDiff.create();
    private final List<String> trainable = new ArrayList<>();
    private final int codeDimension;

    VqVaeGraph(int codeDimension, int codebookSize, long seed) {
        this.codeDimension = codeDimension;
        build(new SplittableRandom(seed), codebookSize);
    }

    private SDVariable weight(String name, SplittableRandom init, long fanIn, long fanOut, long... shape) {
        // Xavier normal, drawn from the model's seed so the same seed gives the same network.
        long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        INDArray w = Tensors.standardNormal(1, (int) count, init.nextLong()).muli(Math.sqrt(2.0 / (fanIn + fanOut)))
                .reshape('c', shape);
        trainable.add(name);
        return sd.var(name, w);
    }

    private SDVariable bias(String name, long size) {
        trainable.add(name);
        return sd.var(name, Nd4j.zeros(DataType.FLOAT, size));
    }

    /** Rows times a weight matrix plus a bias: a 1 × 1 convolution when each row is one position of a grid. */
    private SDVariable dense(SDVariable rows, String name) {
        return rows.mmul(sd.getVariable(name + "_w")).add(sd.getVariable(name + "_b"));
    }

    private void denseWeights(String name, SplittableRandom init, int in, int out) {
        weight(name + "_w", init, in, out, in, out);
        bias(name + "_b", out);
    }

    private static SDVariable stopGradient(SDVariable v) {
        return new StopGradient(v.getSameDiff(), v).outputVariable();
    }

    private void build(SplittableRandom init, int k) {
        int c0 = CHANNELS[0];
        int c1 = CHANNELS[1];
        int d = codeDimension;
        denseWeights("encoder_1", init, 4, c0);
        denseWeights("encoder_2", init, 4 * c0, c1);
        weight("encoder_3_w", init, 9L * c1, 9L * c1, 3, 3, c1, c1);
        bias("encoder_3_b", c1);
        denseWeights("encoder_4", init, c1, d);
        weight(CODEBOOK, init, d, k, k, d);
        weight("decoder_1_w", init, 9L * d, 9L * c1, 3, 3, d, c1);
        bias("decoder_1_b", c1);
        denseWeights("decoder_2", init, c1, 4 * c0);
        denseWeights("decoder_3", init, c0, 4);

        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, PIXELS);
        SDVariable betaIn = sd.placeHolder(BETA, DataType.FLOAT);
        // Encoder: [n, 784] → 2 × 2 blocks → [n·196, c0] → 2 × 2 blocks → [n·49, c1] → z_e [n·49, D].
        SDVariable h = sd.nn.relu(dense(blocks(x.reshape(-1, SIDE, SIDE, 1), 1), "encoder_1"), 0);
        h = sd.nn.relu(dense(blocks(h.reshape(-1, SIDE / 2, SIDE / 2, c0), c0), "encoder_2"), 0);
        h = sd.nn.relu(conv3x3(h.reshape(-1, GRID, GRID, c1), "encoder_3"), 0);
        SDVariable ze = dense(h.reshape(-1, c1), "encoder_4").rename(Z_E);

        // Nearest code: argmin_k ‖z_e − e_k‖² = ‖z_e‖² − 2 z_e·e_k + ‖e_k‖²; oneHot · codebook because gather fails
        // in backprop here (see STACK-NOTES).
        SDVariable codebook = sd.getVariable(CODEBOOK);
        SDVariable distances = ze.mul(ze).sum(true, 1).sub(sd.mmul(ze, codebook, false, true, false).mul(2))
                .add(codebook.mul(codebook).sum(1));
        SDVariable codes = sd.argmin(CODES, distances, 1);
        SDVariable zq = sd.oneHot(codes, k).castTo(DataType.FLOAT).mmul(codebook).rename(Z_Q);

        // Per image: mean over the n·49 vectors, times 49.
        SDVariable codebookTerm = sd.math.squaredDifference(stopGradient(ze), zq).sum(1).mean().mul(POSITIONS)
                .rename(CODEBOOK_TERM);
        SDVariable commitment = sd.math.squaredDifference(ze, stopGradient(zq)).sum(1).mean().mul(POSITIONS)
                .rename(COMMITMENT);
        // Straight through: the value of z_q, the gradient of z_e.
        SDVariable decoderInput = ze.add(stopGradient(zq.sub(ze))).rename(DECODER_INPUT);
        SDVariable y = decoder(decoderInput).rename(Y);
        SDVariable recon = sd.math.squaredDifference(y, x).sum(1).mean().rename(RECON);
        recon.add(codebookTerm).add(commitment.mul(betaIn)).rename(LOSS);
        sd.setLossVariables(LOSS);

        // The same Decoder on given rows, for decoding codes and latent points.
        decoder(sd.placeHolder(Z, DataType.FLOAT, -1, d)).rename(Y_FROM_Z);
    }

    /** [n, s, s, c] → [n·(s/2)², 4c]: each row one 2 × 2 block. */
    private SDVariable blocks(SDVariable image, int channels) {
        return sd.cnn.spaceToDepth(image, 2, DataFormat.NHWC).reshape(-1, 4L * channels);
    }

    /** A 3 × 3 convolution over the 7 × 7 grid, zero-padded to keep its size: each position sees its neighbours. */
    private SDVariable conv3x3(SDVariable grid, String name) {
        Conv2DConfig same = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).paddingMode(PaddingMode.SAME)
                .dataFormat("NHWC").build();
        return sd.cnn.conv2d(grid, sd.getVariable(name + "_w"), sd.getVariable(name + "_b"), same);
    }

    /** Decoder: rows of code vectors [n·49, D] → [n, 784]. */
    private SDVariable decoder(SDVariable rows) {
        int c0 = CHANNELS[0];
        int c1 = CHANNELS[1];
        SDVariable g = sd.nn.relu(conv3x3(rows.reshape(-1, GRID, GRID, codeDimension), "decoder_1"), 0);
        g = sd.nn.relu(dense(g.reshape(-1, c1), "decoder_2"), 0);
        g = sd.cnn.depthToSpace(g.reshape(-1, GRID, GRID, 4 * c0), 2, DataFormat.NHWC);
        g = dense(g.reshape(-1, c0), "decoder_3");
        g = sd.cnn.depthToSpace(g.reshape(-1, SIDE / 2, SIDE / 2, 4), 2, DataFormat.NHWC);
        return sd.nn.sigmoid(g.reshape(-1, PIXELS));
    }

    // ---- running it ----

    /** The trainable variables in their fixed order. */
    List<String> trainable() {
        return Collections.unmodifiableList(trainable);
    }

    /** A variable's array itself, not a copy: writing to it changes the model. */
    INDArray array(String name) {
        return sd.getVariable(name).getArr();
    }

    /** The placeholders for these images at this commitment weight β. */
    static Map<String, INDArray> inputs(INDArray x, double beta) {
        if (x.rank() != 2 || x.columns() != PIXELS) {
            throw new IllegalArgumentException("the VQ-VAE takes rows of " + PIXELS + " pixels, got "
                    + Arrays.toString(x.shape()));
        }
        return Map.of(X, x.castTo(DataType.FLOAT), BETA, Nd4j.scalar(DataType.FLOAT, beta));
    }

    Map<String, INDArray> output(Map<String, INDArray> inputs, String... names) {
        return sd.output(inputs, names);
    }

    /** The Decoder on rows of code vectors, [n·49, D] → [n, 784]. */
    INDArray decodeRows(INDArray rows) {
        return sd.output(Map.of(Z, rows), Y_FROM_Z).get(Y_FROM_Z);
    }

    /** The named outputs and the total loss's gradient at every trainable variable. */
    OutAndGrad outputsAndGradients(Map<String, INDArray> inputs, List<String> outputs) {
        ensureGradientFunction();
        return sd.calculateGradientsAndOutputs(inputs, outputs, trainable);
    }

    /** The total loss's gradient at the named variables (trainable ones, {@link #Z_E}, {@link #DECODER_INPUT}). */
    Map<String, INDArray> gradients(Map<String, INDArray> inputs, List<String> names) {
        ensureGradientFunction();
        return sd.calculateGradients(inputs, names);
    }

    /**
     * SameDiff prints one line per op to System.out while it first builds the gradient graph: those lines are dropped
     * (a command's output stays clean), anything else printed meanwhile passes through.
     */
    private void ensureGradientFunction() {
        if (sd.hasGradientFunction()) {
            return;
        }
        synchronized (System.class) {
            PrintStream original = System.out;
            System.setOut(new PrintStream(original, true) {
                @Override
                public void println(String line) {
                    if (line == null || !line.startsWith(GRADIENT_CHATTER)) {
                        super.println(line);
                    }
                }
            });
            try {
                sd.createGradFunction();
            } finally {
                System.setOut(original);
            }
        }
    }

    // ---- parameters ----

    /** Every trainable variable flattened into one row, in their fixed order. */
    INDArray parameters() {
        INDArray[] rows = trainable.stream().map(name -> {
            INDArray a = array(name);
            return a.reshape('c', 1, a.length());
        }).toArray(INDArray[]::new);
        return Nd4j.hstack(rows);
    }

    void setParameters(INDArray parameters) {
        if (parameters.length() != parameterCount()) {
            throw new IllegalArgumentException("this model has " + parameterCount() + " parameters, got "
                    + parameters.length());
        }
        INDArray flat = parameters.reshape('c', 1, parameters.length());
        long offset = 0;
        for (String name : trainable) {
            INDArray target = array(name);
            long n = target.length();
            target.assign(flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + n)).reshape('c',
                    target.shape()));
            offset += n;
        }
    }

    long parameterCount() {
        return trainable.stream().mapToLong(name -> array(name).length()).sum();
    }

    /**
     * The matrix products of one image: each 2 × 2 block product ({inputs, outputs, blocks}), the distances to the K
     * codes, and the 3 × 3 convolution as im2col computes it.
     */
    static List<int[]> denseLayerShapes(int d, int k) {
        int c0 = CHANNELS[0];
        int c1 = CHANNELS[1];
        int half = (SIDE / 2) * (SIDE / 2);
        return List.of(new int[] {4, c0, half}, new int[] {4 * c0, c1, POSITIONS}, new int[] {9 * c1, c1, POSITIONS},
                new int[] {c1, d, POSITIONS},
                new int[] {d, k, POSITIONS}, new int[] {9 * d, c1, POSITIONS},
                new int[] {c1, 4 * c0, POSITIONS}, new int[] {c0, 4, half});
    }
}
