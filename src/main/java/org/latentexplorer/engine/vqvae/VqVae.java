package org.latentexplorer.engine.vqvae;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.HyperParameters;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.core.TrainingCheck;
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
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The chapter's VQ-VAE. The Encoder turns a 28 × 28 image into a 7 × 7 grid of vectors z_e(x) of dimension D; each
 * is replaced by its nearest code in the Codebook e_1 … e_K (z_q(x)); the Decoder turns the grid of codes back into
 * pixels. The nearest-code choice has no gradient, so the Decoder's input gradient is copied to the Encoder's output
 * unchanged (the straight-through estimator, z_e + sg[z_q − z_e]), and
 * L = ‖Y − X‖² + ‖sg[z_e] − e‖² + β ‖z_e − sg[e]‖², each term per image summed over its pixels or its 49 vectors:
 * the codebook term moves the codes towards the Encoder's outputs, the commitment term keeps the Encoder near its codes.
 * Both have the same value ‖z_e − e‖²; they differ in where their gradient goes. The reconstruction is the chapter's
 * squared error on a sigmoid output (a Gaussian log p(x | z_q) up to constants).
 *
 * <p>Encoder: two convolutions with 2 × 2 kernels and stride 2 (28 → 14 → 7, 16 then 32 channels, ReLU), a 3 × 3 one
 * over the grid (32 channels), then a 1 × 1 one to D: each vector describes one 4 × 4 patch in the light of its
 * neighbours (so blank patches near a stroke, at the border or in the open get different codes). Decoder: a 3 × 3
 * convolution over the grid of codes (32 channels, so a patch is drawn knowing its neighbours), then two transposed
 * convolutions with 2 × 2 kernels and stride 2 (16 channels, then the sigmoid image). A 2 × 2 stride-2 window never
 * overlaps the next, so these are exact matrix products on blocks (space-to-depth, depth-to-space): measured here,
 * that ran 2-3 times faster than the same convolutions through im2col. All is one SameDiff graph trained by Adam,
 * the Codebook at {@value #CODEBOOK_RATE_FACTOR} times the networks' learning rate.
 *
 * <p>Dead codes: with restart on, a code no vector has chosen for {@value #RESTART_AFTER} batches moves onto an
 * Encoder output of the current batch, one that its nearest code serves badly (see {@link Codebook}); without restart
 * the Codebook tends to collapse onto a few codes.
 *
 * <p>Against the {@link GenerativeModel} contract: the latent code of an image is z_q flattened, the 49 code vectors
 * of its grid in raster order ({@link #latentSize()} = 49 · D); {@link #decode} runs the Decoder on such rows as they
 * are, quantized or not; {@link #sample} draws code maps from the fitted {@link CodePrior} (the autoregressive one if
 * present, else the per-position one, else uniform codes) and decodes them.
 */
public final class VqVae implements EncodingModel {
    public static final String LOSS = "loss";
    public static final String RECON = "recon";
    public static final String CODEBOOK = "codebook";
    public static final String COMMITMENT = "commitment";
    /** Of the batch's code choices; a training figure, not a loss term. */
    public static final String PERPLEXITY = "perplexity";
    /** Held-out only: the reconstruction's mean squared error per pixel. */
    public static final String RECON_MSE = "recon_mse";
    /** The names of {@link #codebookReport}'s figures (with {@link #CODEBOOK_SIZE_SETTING} and {@link #PERPLEXITY}). */
    public static final String CODES_USED = "codes_used";
    public static final String UNIFORM_NLL_BITS = "uniform_nll_bits";

    /** The settings' names in manifests and in {@link Models#create}'s settings. */
    public static final String CODEBOOK_SIZE_SETTING = "codebook_size";
    public static final String BETA_SETTING = "beta";
    public static final String RESTART_SETTING = "restart_dead_codes";
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int GRID = SIDE / 4;
    /** Batches a code may go unchosen before it is restarted. */
    public static final int RESTART_AFTER = 20;
    /**
     * The Codebook learns this many times faster than the networks. Adam moves each code by about one learning rate a
     * step whatever its gradient, and the codes must keep up with the Encoder's outputs (as k-means centres follow their
     * points): at the same rate the codebook term stayed twice as large and fewer codes shared the work (perplexity
     * 17.4 against 20.9 of 32 after 400 steps).
     */
    static final double CODEBOOK_RATE_FACTOR = 10;

    private static final int[] CHANNELS = {16, 32};
    private static final int POSITIONS = GRID * GRID;
    private static final String X = "x";
    private static final String Z = "z";
    private static final String BETA = "beta";
    private static final String CODEBOOK_VARIABLE = "codebook";
    static final String Z_E = "z_e";
    static final String DECODER_INPUT = "decoder_input";
    private static final String Z_Q = "z_q";
    private static final String CODES = "codes";
    private static final String Y = "y";
    private static final String Y_FROM_Z = "y_from_z";
    private static final String LOSS_VAR = "loss_total";
    private static final String RECON_VAR = "loss_recon";
    private static final String CODEBOOK_TERM_VAR = "loss_codebook";
    private static final String COMMITMENT_VAR = "loss_commitment";
    private static final String VARIABLE_ENTRY = "variables/";
    private static final String OPTIMIZER_ENTRY = "optimizer/";
    private static final String ITERATION_ENTRY = "optimizer/.iteration";
    private static final String PRIOR_ENTRY = "prior/";
    private static final String GRADIENT_CHATTER = "Added differentiated op";
    /** Images encoded at once when mapping a whole set, as the Trainer evaluates. */
    private static final int ENCODE_BATCH = 500;

    public record Config(int inputSize, int codebookSize, int codeDimension, double learningRate, long seed,
            double beta, boolean restartDeadCodes) {
        public static final int DEFAULT_CODEBOOK_SIZE = 32;
        public static final int DEFAULT_CODE_DIMENSION = 8;
        public static final double DEFAULT_BETA = 0.25;
        public static final int MAX_CODEBOOK_SIZE = 1024;
        public static final int MAX_CODE_DIMENSION = 64;
        public static final double MAX_BETA = 100;

        public Config {
            if (inputSize != PIXELS) {
                throw new IllegalArgumentException("the VQ-VAE takes " + SIDE + " × " + SIDE + " images (" + PIXELS
                        + " pixels); the data has " + inputSize);
            }
            if (codebookSize < 2 || codebookSize > MAX_CODEBOOK_SIZE) {
                throw new IllegalArgumentException("the codebook size K must be between 2 and " + MAX_CODEBOOK_SIZE
                        + ", got " + codebookSize);
            }
            if (codeDimension < 1 || codeDimension > MAX_CODE_DIMENSION) {
                throw new IllegalArgumentException("the code dimension D must be between 1 and " + MAX_CODE_DIMENSION
                        + ", got " + codeDimension);
            }
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
            }
            checkBeta(beta);
        }

        public static Config defaults() {
            return new Config(PIXELS, DEFAULT_CODEBOOK_SIZE, DEFAULT_CODE_DIMENSION, 1e-3, 42, DEFAULT_BETA, true);
        }

        Map<String, Object> toMap(double currentBeta, boolean currentRestart) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input_size", inputSize);
            m.put("channels", CHANNELS.clone());
            m.put(CODEBOOK_SIZE_SETTING, codebookSize);
            m.put("code_dimension", codeDimension);
            m.put("learning_rate", learningRate);
            m.put("seed", seed);
            m.put(BETA_SETTING, currentBeta);
            m.put(RESTART_SETTING, currentRestart);
            return m;
        }

        static Config fromMap(Map<String, Object> m) {
            if (!Arrays.equals(HyperParameters.ints(m, "channels"), CHANNELS)) {
                throw new IllegalArgumentException("this version builds VQ-VAEs with channels "
                        + Arrays.toString(CHANNELS) + ", the file's has " + m.get("channels"));
            }
            return new Config(HyperParameters.number(m, "input_size").intValue(),
                    HyperParameters.number(m, CODEBOOK_SIZE_SETTING).intValue(),
                    HyperParameters.number(m, "code_dimension").intValue(),
                    HyperParameters.number(m, "learning_rate").doubleValue(), HyperParameters.number(m, "seed").longValue(),
                    HyperParameters.number(m, BETA_SETTING).doubleValue(), flag(m, RESTART_SETTING));
        }
    }

    public static boolean flag(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("'" + key + "' must be true or false, got " + m.get(key));
    }

    static void checkBeta(double beta) {
        if (!(beta >= 0 && beta <= Config.MAX_BETA)) {
            throw new IllegalArgumentException("beta (the commitment weight) must be between 0 and " + Config.MAX_BETA
                    + ", got " + beta);
        }
    }

    private final Config config;
    private final SameDiff sd;
    /** The trainable variables in a fixed order: that of {@link #parameters()} and of the file. */
    private final List<String> trainable = new ArrayList<>();
    private final Map<String, INDArray> optimizerState = new LinkedHashMap<>();
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final Codebook codebookState;
    private volatile double beta;
    private volatile boolean restartDeadCodes;
    private volatile long codesRestarted;
    private volatile CodePrior perPositionPrior;
    private volatile CodePrior autoregressivePrior;
    private int iteration;

    public VqVae(Config config) {
        this.config = config;
        this.beta = config.beta();
        this.restartDeadCodes = config.restartDeadCodes();
        this.codebookState = new Codebook(config.codebookSize(), RESTART_AFTER, config.seed() + 3);
        this.sd = SameDiff.create();
        build(new SplittableRandom(config.seed()));
        for (String name : trainable) {
            Adam adam = new Adam(config.learningRate() * (name.equals(CODEBOOK_VARIABLE) ? CODEBOOK_RATE_FACTOR : 1));
            long n = sd.getVariable(name).getArr().length();
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(n));
            optimizerState.put(name, state);
            updaters.put(name, adam.instantiate(state, true));
        }
    }

    // ---- the graph ----

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

    private void build(SplittableRandom init) {
        int c0 = CHANNELS[0];
        int c1 = CHANNELS[1];
        int d = config.codeDimension();
        int k = config.codebookSize();
        denseWeights("encoder_1", init, 4, c0);
        denseWeights("encoder_2", init, 4 * c0, c1);
        weight("encoder_3_w", init, 9L * c1, 9L * c1, 3, 3, c1, c1);
        bias("encoder_3_b", c1);
        denseWeights("encoder_4", init, c1, d);
        weight(CODEBOOK_VARIABLE, init, d, k, k, d);
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
        SDVariable codebook = sd.getVariable(CODEBOOK_VARIABLE);
        SDVariable distances = ze.mul(ze).sum(true, 1).sub(sd.mmul(ze, codebook, false, true, false).mul(2))
                .add(codebook.mul(codebook).sum(1));
        SDVariable codes = sd.argmin(CODES, distances, 1);
        SDVariable zq = sd.oneHot(codes, k).castTo(DataType.FLOAT).mmul(codebook).rename(Z_Q);

        // Per image: mean over the n·49 vectors, times 49.
        SDVariable codebookTerm = sd.math.squaredDifference(stopGradient(ze), zq).sum(1).mean().mul(POSITIONS)
                .rename(CODEBOOK_TERM_VAR);
        SDVariable commitment = sd.math.squaredDifference(ze, stopGradient(zq)).sum(1).mean().mul(POSITIONS)
                .rename(COMMITMENT_VAR);
        // Straight through: the value of z_q, the gradient of z_e.
        SDVariable decoderInput = ze.add(stopGradient(zq.sub(ze))).rename(DECODER_INPUT);
        SDVariable y = decoder(decoderInput).rename(Y);
        SDVariable recon = sd.math.squaredDifference(y, x).sum(1).mean().rename(RECON_VAR);
        recon.add(codebookTerm).add(commitment.mul(betaIn)).rename(LOSS_VAR);
        sd.setLossVariables(LOSS_VAR);

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
        SDVariable g = sd.nn.relu(conv3x3(rows.reshape(-1, GRID, GRID, config.codeDimension()), "decoder_1"), 0);
        g = sd.nn.relu(dense(g.reshape(-1, c1), "decoder_2"), 0);
        g = sd.cnn.depthToSpace(g.reshape(-1, GRID, GRID, 4 * c0), 2, DataFormat.NHWC);
        g = dense(g.reshape(-1, c0), "decoder_3");
        g = sd.cnn.depthToSpace(g.reshape(-1, SIDE / 2, SIDE / 2, 4), 2, DataFormat.NHWC);
        return sd.nn.sigmoid(g.reshape(-1, PIXELS));
    }

    // ---- settings ----

    public Config config() {
        return config;
    }

    public double beta() {
        return beta;
    }

    /** β may change while training; the next step uses it. */
    public void setBeta(double beta) {
        checkBeta(beta);
        this.beta = beta;
    }

    public boolean restartDeadCodes() {
        return restartDeadCodes;
    }

    /** Takes effect at the next step. */
    public void setRestartDeadCodes(boolean restart) {
        this.restartDeadCodes = restart;
    }

    /** Codes restarted since this model began training here (not saved). */
    public long codesRestarted() {
        return codesRestarted;
    }

    public int gridHeight() {
        return GRID;
    }

    public int gridWidth() {
        return GRID;
    }

    public int codebookSize() {
        return config.codebookSize();
    }

    /** A codebook whose held-out images all take one code: the Decoder then draws one image for every input. */
    @Override
    public List<TrainingCheck.Warning> warnings(ImageSet heldOut) {
        return ofCodebook(Codebook.Usage.of(codeIndices(heldOut), codebookSize()).codesUsed(), codebookSize());
    }

    static List<TrainingCheck.Warning> ofCodebook(int codesUsed, int codebookSize) {
        return codesUsed > 1 ? List.of()
                : List.of(new TrainingCheck.Warning("train.warning.oneCode", new Object[] {codesUsed, codebookSize}));
    }

    public int codeDimension() {
        return config.codeDimension();
    }

    /** A copy of the Codebook, K rows of D. */
    public INDArray codebook() {
        return sd.getVariable(CODEBOOK_VARIABLE).getArr().dup();
    }

    // ---- the contract ----

    @Override
    public ModelKind kind() {
        return ModelKind.VQVAE;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        return config.toMap(beta, restartDeadCodes);
    }

    @Override
    public int inputSize() {
        return PIXELS;
    }

    private Map<String, INDArray> inputs(INDArray x) {
        checkImages(x);
        return Map.of(X, x.castTo(DataType.FLOAT), BETA, Nd4j.scalar(DataType.FLOAT, beta));
    }

    private static void checkImages(INDArray x) {
        if (x.rank() != 2 || x.columns() != PIXELS) {
            throw new IllegalArgumentException("the VQ-VAE takes rows of " + PIXELS + " pixels, got "
                    + Arrays.toString(x.shape()));
        }
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

    @Override
    public LossTerms trainBatch(INDArray x) {
        ensureGradientFunction();
        OutAndGrad result = sd.calculateGradientsAndOutputs(inputs(x),
                List.of(LOSS_VAR, RECON_VAR, CODEBOOK_TERM_VAR, COMMITMENT_VAR, CODES, Z_E, Z_Q), trainable);
        Map<String, INDArray> gradients = result.getGradients();
        for (String name : trainable) {
            INDArray parameter = sd.getVariable(name).getArr();
            // Adam's state is a [1, 2n] view: it updates a gradient of the same row shape, in place.
            INDArray step = gradients.get(name).dup('c').reshape(1, parameter.length());
            updaters.get(name).applyUpdater(step, iteration, 0);
            parameter.subi(step.reshape(parameter.shape()));
        }
        iteration++;
        Map<String, INDArray> out = result.getOutputs();
        long[] codes = out.get(CODES).toLongVector();
        codebookState.record(codes);
        if (restartDeadCodes) {
            restartDead(out.get(Z_E), out.get(Z_Q));
        }
        Map<String, Double> terms = terms(out);
        long[] counts = new long[codebookSize()];
        for (long c : codes) {
            counts[(int) c]++;
        }
        terms.put(PERPLEXITY, new Codebook.Usage(counts).perplexity());
        return LossTerms.of(terms);
    }

    /** Moves each dead code onto an Encoder output of this batch, with a fresh Adam state for its row. */
    private void restartDead(INDArray ze, INDArray zq) {
        int[] dead = codebookState.dead();
        if (dead.length == 0) {
            return;
        }
        INDArray error = ze.sub(zq);
        int[] rows = codebookState.restartRows(dead, error.muli(error).sum(1).toDoubleVector());
        INDArray codebook = sd.getVariable(CODEBOOK_VARIABLE).getArr();
        INDArray state = optimizerState.get(CODEBOOK_VARIABLE);
        long half = codebook.length();
        int d = codeDimension();
        for (int i = 0; i < dead.length; i++) {
            codebook.putRow(dead[i], ze.getRow(rows[i]));
            for (long offset : new long[] {0, half}) {
                long from = offset + (long) dead[i] * d;
                state.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, from + d)).assign(0);
            }
        }
        codesRestarted = codebookState.restarted();
    }

    private Map<String, Double> terms(Map<String, INDArray> out) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(LOSS, out.get(LOSS_VAR).getDouble(0));
        m.put(RECON, out.get(RECON_VAR).getDouble(0));
        m.put(CODEBOOK, out.get(CODEBOOK_TERM_VAR).getDouble(0));
        m.put(COMMITMENT, out.get(COMMITMENT_VAR).getDouble(0));
        return m;
    }

    @Override
    public LossTerms evaluate(INDArray x) {
        Map<String, Double> m = terms(sd.output(inputs(x), LOSS_VAR, RECON_VAR, CODEBOOK_TERM_VAR, COMMITMENT_VAR));
        m.put(RECON_MSE, m.get(RECON) / PIXELS);
        return LossTerms.of(m);
    }

    /** The gradients of the total loss at the named variables (trainable ones, {@link #Z_E}, {@link #DECODER_INPUT}). */
    Map<String, INDArray> gradients(INDArray x, List<String> names) {
        ensureGradientFunction();
        return sd.calculateGradients(inputs(x), names);
    }

    @Override
    public INDArray reconstruct(INDArray x) {
        return sd.output(inputs(x), Y).get(Y);
    }

    /** The latent dimension D of every one of the grid's 49 positions. */
    @Override
    public int latentSize() {
        return POSITIONS * codeDimension();
    }

    /** z_q(x): each image's 49 nearest code vectors in raster order, as one row of 49 · D. */
    @Override
    public INDArray encode(INDArray x) {
        return sd.output(inputs(x), Z_Q).get(Z_Q).reshape(x.rows(), latentSize());
    }

    /** The Encoder's output z_e(x) before quantization, laid out like {@link #encode}. */
    public INDArray encodeContinuous(INDArray x) {
        return sd.output(inputs(x), Z_E).get(Z_E).reshape(x.rows(), latentSize());
    }

    /** The Decoder on rows of 49 · D, as {@link #encode} lays them out; the rows need not be codes. */
    @Override
    public INDArray decode(INDArray z) {
        if (z.rank() != 2 || z.columns() != latentSize()) {
            throw new IllegalArgumentException("the VQ-VAE decodes rows of " + latentSize() + " (49 vectors of "
                    + codeDimension() + "), got " + Arrays.toString(z.shape()));
        }
        INDArray rows = z.castTo(DataType.FLOAT).reshape(z.rows() * POSITIONS, codeDimension());
        return sd.output(Map.of(Z, rows), Y_FROM_Z).get(Y_FROM_Z);
    }

    /** Each image's map of code indices, n rows of 49 in raster order (row r, column c at r · 7 + c). */
    public int[][] codeIndices(INDArray x) {
        long[] codes = sd.output(inputs(x), CODES).get(CODES).toLongVector();
        int n = (int) x.rows();
        int[][] maps = new int[n][POSITIONS];
        for (int i = 0; i < codes.length; i++) {
            maps[i / POSITIONS][i % POSITIONS] = (int) codes[i];
        }
        return maps;
    }

    /** The code maps of a whole image set, in batches so memory stays small. */
    public int[][] codeIndices(ImageSet images) {
        int[][] maps = new int[images.size()][];
        for (int from = 0; from < images.size(); from += ENCODE_BATCH) {
            int[] idx = IntStream.range(from, Math.min(images.size(), from + ENCODE_BATCH)).toArray();
            int[][] part = codeIndices(Tensors.rows(images.gather(idx), idx.length));
            System.arraycopy(part, 0, maps, from, part.length);
        }
        return maps;
    }

    /** How often each code is chosen over these images. */
    public Codebook.Usage usage(INDArray x) {
        return Codebook.Usage.of(codeIndices(x), codebookSize());
    }

    /** Images decoded from code maps (each 49 indices in raster order). */
    public INDArray decodeCodes(int[][] codeMaps) {
        int[] flat = new int[codeMaps.length * POSITIONS];
        for (int i = 0; i < codeMaps.length; i++) {
            if (codeMaps[i].length != POSITIONS) {
                throw new IllegalArgumentException("a code map has " + POSITIONS + " codes (" + GRID + " × " + GRID
                        + "), got " + codeMaps[i].length);
            }
            for (int p = 0; p < POSITIONS; p++) {
                int c = codeMaps[i][p];
                if (c < 0 || c >= codebookSize()) {
                    throw new IllegalArgumentException("code " + c + " is outside the codebook (0 to "
                            + (codebookSize() - 1) + ")");
                }
                flat[i * POSITIONS + p] = c;
            }
        }
        if (flat.length == 0) {
            return Nd4j.zeros(DataType.FLOAT, 0, PIXELS);
        }
        INDArray rows = sd.getVariable(CODEBOOK_VARIABLE).getArr().getRows(flat);
        return sd.output(Map.of(Z, rows), Y_FROM_Z).get(Y_FROM_Z);
    }

    /** The image of a grid filled with one code: what that code draws on its own. */
    public INDArray decodeSingleCode(int code) {
        int[] map = new int[POSITIONS];
        Arrays.fill(map, code);
        return decodeCodes(new int[][] {map});
    }

    /** The name of a prior's figure in {@link #codebookReport}: {@code prior_per_position_nll_bits} and so on. */
    public static String priorNllName(CodePrior.Kind kind) {
        return "prior_" + kind.id() + "_nll_bits";
    }

    /**
     * Figures of these images' code maps: the codebook size, how many codes they use and the perplexity of that use,
     * and −log₂ p(map) per map under uniform codes (49 log₂ K) and under each fitted prior.
     */
    public Map<String, Number> codebookReport(ImageSet images) {
        return codebookReport(codeIndices(images));
    }

    /** {@link #codebookReport(ImageSet)} of code maps already computed. */
    public Map<String, Number> codebookReport(int[][] maps) {
        Codebook.Usage usage = Codebook.Usage.of(maps, codebookSize());
        Map<String, Number> m = new LinkedHashMap<>();
        m.put(CODEBOOK_SIZE_SETTING, codebookSize());
        m.put(CODES_USED, usage.codesUsed());
        m.put(PERPLEXITY, usage.perplexity());
        m.put(UNIFORM_NLL_BITS, POSITIONS * Math.log(codebookSize()) / Math.log(2));
        for (CodePrior.Kind kind : CodePrior.Kind.values()) {
            prior(kind).ifPresent(p -> m.put(priorNllName(kind), p.negativeLogLikelihood(maps)));
        }
        return m;
    }

    // ---- the prior over code maps ----

    /** Keeps a prior fitted on this model's code maps; one of each kind. */
    public void setPrior(CodePrior prior) {
        if (prior.height() != GRID || prior.width() != GRID || prior.codebookSize() != codebookSize()) {
            throw new IllegalArgumentException("a prior over " + prior.height() + " × " + prior.width() + " maps of "
                    + prior.codebookSize() + " codes does not fit this model's " + GRID + " × " + GRID + " maps of "
                    + codebookSize());
        }
        if (prior.kind() == CodePrior.Kind.PER_POSITION) {
            perPositionPrior = prior;
        } else {
            autoregressivePrior = prior;
        }
    }

    public Optional<CodePrior> prior(CodePrior.Kind kind) {
        return Optional.ofNullable(kind == CodePrior.Kind.PER_POSITION ? perPositionPrior : autoregressivePrior);
    }

    /** Fits both priors on these code maps (the training set's) and keeps them. */
    public void fitPriors(int[][] trainingMaps, long seed) {
        for (CodePrior.Kind kind : CodePrior.Kind.values()) {
            setPrior(CodePrior.fit(kind, trainingMaps, GRID, GRID, codebookSize(), seed));
        }
    }

    /** Code maps from the best prior there is (autoregressive, per-position), or uniform codes without one. */
    public int[][] sampleCodes(int n, long seed) {
        Random random = new Random(seed);
        CodePrior prior = autoregressivePrior != null ? autoregressivePrior : perPositionPrior;
        if (prior != null) {
            return prior.sample(n, random);
        }
        int[][] maps = new int[n][POSITIONS];
        for (int[] map : maps) {
            for (int p = 0; p < POSITIONS; p++) {
                map[p] = random.nextInt(codebookSize());
            }
        }
        return maps;
    }

    @Override
    public INDArray sample(int n, long seed) {
        return decodeCodes(sampleCodes(n, seed));
    }

    // ---- parameters and files ----

    @Override
    public INDArray parameters() {
        INDArray[] rows = trainable.stream().map(name -> {
            INDArray a = sd.getVariable(name).getArr();
            return a.reshape('c', 1, a.length());
        }).toArray(INDArray[]::new);
        return Nd4j.hstack(rows);
    }

    @Override
    public void setParameters(INDArray parameters) {
        if (parameters.length() != parameterCount()) {
            throw new IllegalArgumentException("this model has " + parameterCount() + " parameters, got "
                    + parameters.length());
        }
        INDArray flat = parameters.reshape('c', 1, parameters.length());
        long offset = 0;
        for (String name : trainable) {
            INDArray target = sd.getVariable(name).getArr();
            long n = target.length();
            target.assign(flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + n)).reshape('c',
                    target.shape()));
            offset += n;
        }
    }

    @Override
    public long parameterCount() {
        return trainable.stream().mapToLong(name -> sd.getVariable(name).getArr().length()).sum();
    }

    @Override
    public VqVae copyForInference() {
        VqVae copy = new VqVae(config);
        copy.setParameters(parameters());
        copy.beta = beta;
        copy.restartDeadCodes = restartDeadCodes;
        copy.perPositionPrior = perPositionPrior;
        copy.autoregressivePrior = autoregressivePrior;
        return copy;
    }

    /**
     * The matrix products of one image: each 2 × 2 block product ({inputs, outputs, blocks}), the distances to the K
     * codes, and the 3 × 3 convolution as im2col computes it.
     */
    @Override
    public List<int[]> denseLayerShapes() {
        int c0 = CHANNELS[0];
        int c1 = CHANNELS[1];
        int d = codeDimension();
        int half = (SIDE / 2) * (SIDE / 2);
        return List.of(new int[] {4, c0, half}, new int[] {4 * c0, c1, POSITIONS}, new int[] {9 * c1, c1, POSITIONS},
                new int[] {c1, d, POSITIONS},
                new int[] {d, codebookSize(), POSITIONS}, new int[] {9 * d, c1, POSITIONS},
                new int[] {c1, 4 * c0, POSITIONS}, new int[] {c0, 4, half});
    }

    /** Forward plus the two backward products of each, 2 flops per multiply-add: 6 · Σ inputs · outputs · rows. */
    @Override
    public double trainingFlopsPerSample() {
        return denseLayerShapes().stream().mapToDouble(s -> 6.0 * s[0] * s[1] * s[2]).sum();
    }

    /** One zip: each variable (shape, then floats), the priors, and Adam's state if asked. */
    @Override
    public void write(OutputStream out, boolean withOptimizerState) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (String name : trainable) {
            putArray(zip, VARIABLE_ENTRY + name, sd.getVariable(name).getArr());
        }
        if (withOptimizerState) {
            for (Map.Entry<String, INDArray> e : optimizerState.entrySet()) {
                putArray(zip, OPTIMIZER_ENTRY + e.getKey(), e.getValue());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(bytes);
            data.writeInt(iteration);
            data.flush();
            put(zip, ITERATION_ENTRY, bytes);
        }
        for (CodePrior prior : new CodePrior[] {perPositionPrior, autoregressivePrior}) {
            if (prior != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                prior.write(new DataOutputStream(bytes));
                put(zip, PRIOR_ENTRY + prior.kind().id(), bytes);
            }
        }
        zip.finish();
    }

    private static void putArray(ZipOutputStream zip, String name, INDArray array) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        long[] shape = array.shape();
        data.writeInt(shape.length);
        for (long s : shape) {
            data.writeLong(s);
        }
        for (float f : Tensors.toFloats(array)) {
            data.writeFloat(f);
        }
        data.flush();
        put(zip, name, bytes);
    }

    private static void put(ZipOutputStream zip, String name, ByteArrayOutputStream bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        bytes.writeTo(zip);
        zip.closeEntry();
    }

    /** An array written by {@link #putArray}, accepted only with the shape expected (so nothing huge is allocated). */
    private static INDArray readArray(byte[] bytes, long[] expected, String name) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int rank = in.readInt();
        long[] shape = new long[Math.max(0, Math.min(rank, 8))];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.readLong();
        }
        if (rank != expected.length || !Arrays.equals(shape, expected)) {
            throw new IllegalStateException("'" + name + "' has shape " + Arrays.toString(shape) + ", the manifest's"
                    + " hyper-parameters give " + Arrays.toString(expected));
        }
        float[] values = new float[(int) Arrays.stream(expected).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return Nd4j.create(values, expected, 'c');
    }

    public static VqVae read(Map<String, Object> hyperParameters, InputStream in) throws IOException {
        VqVae model = new VqVae(Config.fromMap(hyperParameters));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            entries.put(e.getName(), zip.readAllBytes());
        }
        for (String name : model.trainable) {
            byte[] bytes = entries.get(VARIABLE_ENTRY + name);
            if (bytes == null) {
                throw new IOException("not a VQ-VAE file: '" + name + "' is missing");
            }
            INDArray target = model.sd.getVariable(name).getArr();
            target.assign(readArray(bytes, target.shape(), name));
            byte[] state = entries.get(OPTIMIZER_ENTRY + name);
            if (state != null) {
                INDArray view = model.optimizerState.get(name);
                view.assign(readArray(state, view.shape(), OPTIMIZER_ENTRY + name));
            }
        }
        byte[] iteration = entries.get(ITERATION_ENTRY);
        if (iteration != null) {
            model.iteration = new DataInputStream(new ByteArrayInputStream(iteration)).readInt();
        }
        for (CodePrior.Kind kind : CodePrior.Kind.values()) {
            byte[] bytes = entries.get(PRIOR_ENTRY + kind.id());
            if (bytes != null) {
                CodePrior prior = CodePrior.read(new DataInputStream(new ByteArrayInputStream(bytes)));
                if (prior.kind() != kind) {
                    throw new IOException("the " + kind.id() + " prior's entry holds a " + prior.kind().id() + " prior");
                }
                model.setPrior(prior);
            }
        }
        return model;
    }
}
