package org.latentexplorer.engine.vqvae;

import static org.latentexplorer.engine.vqvae.VqVaeGraph.POSITIONS;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.core.TrainingCheck;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
 * the Codebook at {@value AdamUpdaters#CODEBOOK_RATE_FACTOR} times the networks' learning rate.
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
    /** Images encoded at once when mapping a whole set, as the Trainer evaluates. */
    private static final int ENCODE_BATCH = 500;

    private final VqVaeConfig config;
    private final VqVaeGraph graph;
    private final AdamUpdaters updaters;
    private final Codebook codebookState;
    private final CodePriors priors;
    private volatile double beta;
    private volatile boolean restartDeadCodes;
    private volatile long codesRestarted;

    public VqVae(VqVaeConfig config) {
        this.config = config;
        this.beta = config.beta();
        this.restartDeadCodes = config.restartDeadCodes();
        this.codebookState = new Codebook(config.codebookSize(), RESTART_AFTER, config.seed() + 3);
        this.graph = new VqVaeGraph(config.codeDimension(), config.codebookSize(), config.seed());
        this.updaters = new AdamUpdaters(graph, config.learningRate());
        this.priors = new CodePriors(config.codebookSize());
    }

    VqVaeGraph graph() {
        return graph;
    }

    AdamUpdaters updaters() {
        return updaters;
    }

    // ---- settings ----

    public VqVaeConfig config() {
        return config;
    }

    public double beta() {
        return beta;
    }

    /** β may change while training; the next step uses it. */
    public void setBeta(double beta) {
        VqVaeConfig.checkBeta(beta);
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
        return graph.array(VqVaeGraph.CODEBOOK).dup();
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
        return VqVaeGraph.inputs(x, beta);
    }

    @Override
    public LossTerms trainBatch(INDArray x) {
        OutAndGrad result = graph.outputsAndGradients(inputs(x), List.of(VqVaeGraph.LOSS, VqVaeGraph.RECON,
                VqVaeGraph.CODEBOOK_TERM, VqVaeGraph.COMMITMENT, VqVaeGraph.CODES, VqVaeGraph.Z_E, VqVaeGraph.Z_Q));
        updaters.step(result.getGradients());
        Map<String, INDArray> out = result.getOutputs();
        long[] codes = out.get(VqVaeGraph.CODES).toLongVector();
        codebookState.record(codes);
        if (restartDeadCodes) {
            restartDead(out.get(VqVaeGraph.Z_E), out.get(VqVaeGraph.Z_Q));
        }
        Map<String, Double> terms = terms(out);
        terms.put(PERPLEXITY, Codebook.Usage.of(Codebook.maps(codes, POSITIONS), codebookSize()).perplexity());
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
        INDArray codebook = graph.array(VqVaeGraph.CODEBOOK);
        for (int i = 0; i < dead.length; i++) {
            codebook.putRow(dead[i], ze.getRow(rows[i]));
            updaters.resetRow(VqVaeGraph.CODEBOOK, dead[i]);
        }
        codesRestarted = codebookState.restarted();
    }

    private Map<String, Double> terms(Map<String, INDArray> out) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(LOSS, out.get(VqVaeGraph.LOSS).getDouble(0));
        m.put(RECON, out.get(VqVaeGraph.RECON).getDouble(0));
        m.put(CODEBOOK, out.get(VqVaeGraph.CODEBOOK_TERM).getDouble(0));
        m.put(COMMITMENT, out.get(VqVaeGraph.COMMITMENT).getDouble(0));
        return m;
    }

    @Override
    public LossTerms evaluate(INDArray x) {
        Map<String, Double> m = terms(graph.output(inputs(x), VqVaeGraph.LOSS, VqVaeGraph.RECON,
                VqVaeGraph.CODEBOOK_TERM, VqVaeGraph.COMMITMENT));
        m.put(RECON_MSE, m.get(RECON) / PIXELS);
        return LossTerms.of(m);
    }

    /** The gradients of the total loss at the named variables (see {@link VqVaeGraph#gradients}). */
    Map<String, INDArray> gradients(INDArray x, List<String> names) {
        return graph.gradients(inputs(x), names);
    }

    @Override
    public INDArray reconstruct(INDArray x) {
        return graph.output(inputs(x), VqVaeGraph.Y).get(VqVaeGraph.Y);
    }

    /** The latent dimension D of every one of the grid's 49 positions. */
    @Override
    public int latentSize() {
        return POSITIONS * codeDimension();
    }

    /** z_q(x): each image's 49 nearest code vectors in raster order, as one row of 49 · D. */
    @Override
    public INDArray encode(INDArray x) {
        return graph.output(inputs(x), VqVaeGraph.Z_Q).get(VqVaeGraph.Z_Q).reshape(x.rows(), latentSize());
    }

    /** The Encoder's output z_e(x) before quantization, laid out like {@link #encode}. */
    public INDArray encodeContinuous(INDArray x) {
        return graph.output(inputs(x), VqVaeGraph.Z_E).get(VqVaeGraph.Z_E).reshape(x.rows(), latentSize());
    }

    /** The Decoder on rows of 49 · D, as {@link #encode} lays them out; the rows need not be codes. */
    @Override
    public INDArray decode(INDArray z) {
        if (z.rank() != 2 || z.columns() != latentSize()) {
            throw new IllegalArgumentException("the VQ-VAE decodes rows of " + latentSize() + " (49 vectors of "
                    + codeDimension() + "), got " + Arrays.toString(z.shape()));
        }
        return graph.decodeRows(z.castTo(DataType.FLOAT).reshape(z.rows() * POSITIONS, codeDimension()));
    }

    /** Each image's map of code indices, n rows of 49 in raster order (row r, column c at r · 7 + c). */
    public int[][] codeIndices(INDArray x) {
        return Codebook.maps(graph.output(inputs(x), VqVaeGraph.CODES).get(VqVaeGraph.CODES).toLongVector(),
                POSITIONS);
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
        int[] flat = Codebook.indices(codeMaps, GRID, GRID, codebookSize());
        if (flat.length == 0) {
            return Nd4j.zeros(DataType.FLOAT, 0, PIXELS);
        }
        return graph.decodeRows(graph.array(VqVaeGraph.CODEBOOK).getRows(flat));
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
        priors.set(prior);
    }

    public Optional<CodePrior> prior(CodePrior.Kind kind) {
        return priors.get(kind);
    }

    /** Fits both priors on these code maps (the training set's) and keeps them. */
    public void fitPriors(int[][] trainingMaps, long seed) {
        priors.fit(trainingMaps, seed);
    }

    /** Code maps from the best prior there is (autoregressive, per-position), or uniform codes without one. */
    public int[][] sampleCodes(int n, long seed) {
        return priors.sample(n, seed);
    }

    @Override
    public INDArray sample(int n, long seed) {
        return decodeCodes(sampleCodes(n, seed));
    }

    // ---- parameters and files ----

    @Override
    public INDArray parameters() {
        return graph.parameters();
    }

    @Override
    public void setParameters(INDArray parameters) {
        graph.setParameters(parameters);
    }

    @Override
    public long parameterCount() {
        return graph.parameterCount();
    }

    @Override
    public VqVae copyForInference() {
        VqVae copy = new VqVae(config);
        copy.setParameters(parameters());
        copy.beta = beta;
        copy.restartDeadCodes = restartDeadCodes;
        priors.copyTo(copy.priors);
        return copy;
    }

    /** See {@link VqVaeGraph#denseLayerShapes}. */
    @Override
    public List<int[]> denseLayerShapes() {
        return VqVaeGraph.denseLayerShapes(codeDimension(), codebookSize());
    }

    /** Forward plus the two backward products of each, 2 flops per multiply-add: 6 · Σ inputs · outputs · rows. */
    @Override
    public double trainingFlopsPerSample() {
        return denseLayerShapes().stream().mapToDouble(s -> 6.0 * s[0] * s[1] * s[2]).sum();
    }

    /** One zip, as {@link VqVaeFile} lays it out. */
    @Override
    public void write(OutputStream out, boolean withOptimizerState) throws IOException {
        VqVaeFile.write(this, out, withOptimizerState);
    }

    public static VqVae read(Map<String, Object> hyperParameters, InputStream in) throws IOException {
        return VqVaeFile.read(hyperParameters, in);
    }
}
