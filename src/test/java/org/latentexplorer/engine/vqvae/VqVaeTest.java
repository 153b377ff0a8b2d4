package org.latentexplorer.engine.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.core.TrainingSteps;
import org.latentexplorer.engine.store.ModelFileException;
import org.latentexplorer.engine.store.ModelManifest;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.engine.store.Models;
import org.nd4j.linalg.api.ndarray.INDArray;

class VqVaeTest {
    private static final int BATCH = 64;
    private static final int STEPS = 60;

    private static ImageSet train;
    private static ImageSet heldOut;
    /** 16 held-out images as one batch. */
    private static INDArray probe;
    /** A model of the default config trained {@value #STEPS} steps, shared by the checks that only read it. */
    private static VqVae trained;

    @BeforeAll
    static void trainOnce() throws Exception {
        Nd4jRuntime.configureThreads(1);
        Split split = Split.of(BundledDataset.MNIST.load(), 1000, 42);
        train = split.train();
        heldOut = split.heldOut().subset("held out 500", IntStream.range(0, 500).toArray());
        probe = Tensors.rows(heldOut.gather(IntStream.range(0, 16).toArray()), 16);
        trained = new VqVae(VqVaeConfig.defaults());
        TrainingSteps.run(trained, train, STEPS, BATCH, 42);
    }

    private static VqVaeConfig config(int k, int d, double beta, boolean restart) {
        return new VqVaeConfig(784, k, d, 1e-3, 42, beta, restart);
    }

    private static float[][] rows(INDArray a, int cols) {
        float[] flat = Tensors.toFloats(a);
        float[][] out = new float[flat.length / cols][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
        }
        return out;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    @Test
    void theEncoderGivesASevenBySevenGridOfCodesThatTheDecoderTurnsBackIntoImages() {
        int d = trained.codeDimension();
        assertThat(trained.gridHeight()).isEqualTo(7);
        assertThat(trained.gridWidth()).isEqualTo(7);
        assertThat(trained.codebookSize()).isEqualTo(32);
        assertThat(trained.latentSize()).isEqualTo(49 * d);
        assertThat(trained.encode(probe).shape()).containsExactly(16, 49 * d);
        int[][] maps = trained.codeIndices(probe);
        assertThat(maps).hasDimensions(16, 49);
        assertThat(Arrays.stream(maps).flatMapToInt(Arrays::stream).allMatch(c -> c >= 0 && c < 32)).isTrue();

        // Reconstructing, decoding z_q and decoding the code maps are one path.
        float[] reconstructed = Tensors.toFloats(trained.reconstruct(probe));
        assertThat(reconstructed).hasSize(16 * 784);
        assertThat(Tensors.toFloats(trained.decode(trained.encode(probe)))).containsExactly(reconstructed, within(1e-5f));
        assertThat(Tensors.toFloats(trained.decodeCodes(maps))).containsExactly(reconstructed, within(1e-5f));
        // encode gives each position's code vector.
        float[][] codebook = rows(trained.codebook(), d);
        float[][] zq = rows(trained.encode(probe), d);
        for (int i = 0; i < zq.length; i++) {
            assertThat(zq[i]).containsExactly(codebook[maps[i / 49][i % 49]], within(1e-6f));
        }

        assertThat(trained.decodeSingleCode(5).shape()).containsExactly(1, 784);
        assertThat(trained.sample(3, 1).shape()).containsExactly(3, 784);
        assertThatThrownBy(() -> trained.decodeCodes(new int[][] {new int[48]}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("49");
        assertThatThrownBy(() -> trained.decodeSingleCode(32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code 32");
    }

    /** Every term, recomputed from z_e, the Codebook and the Decoder's output, with the nearest codes found by brute force. */
    @Test
    void theCodebookAndCommitmentTermsMatchTheirFormulas() {
        VqVae model = new VqVae(config(32, 8, 0.4, true));
        TrainingSteps.run(model, train, 5, BATCH, 7);
        int n = (int) probe.rows();
        float[][] ze = rows(model.encodeContinuous(probe), 8);
        float[][] codebook = rows(model.codebook(), 8);
        int[][] maps = model.codeIndices(probe);
        double quantization = 0;
        for (int i = 0; i < ze.length; i++) {
            int nearest = 0;
            for (int k = 1; k < codebook.length; k++) {
                if (squaredDistance(ze[i], codebook[k]) < squaredDistance(ze[i], codebook[nearest])) {
                    nearest = k;
                }
            }
            assertThat(maps[i / 49][i % 49]).isEqualTo(nearest);
            quantization += squaredDistance(ze[i], codebook[nearest]);
        }
        quantization /= n;
        double recon = squaredDistance(Tensors.toFloats(model.reconstruct(probe)), Tensors.toFloats(probe)) / n;

        LossTerms terms = model.evaluate(probe);
        assertThat(terms.asMap().keySet()).containsExactly(VqVae.LOSS, VqVae.RECON, VqVae.CODEBOOK, VqVae.COMMITMENT,
                VqVae.RECON_MSE);
        // ‖sg[z_e] − e‖² and ‖z_e − sg[e]‖² have the same value; they differ in where their gradients go (below).
        assertThat(terms.get(VqVae.CODEBOOK)).isPositive().isCloseTo(quantization, within(1e-4 * quantization));
        assertThat(terms.get(VqVae.COMMITMENT)).isCloseTo(quantization, within(1e-4 * quantization));
        assertThat(terms.get(VqVae.RECON)).isCloseTo(recon, within(1e-4 * recon));
        assertThat(terms.get(VqVae.RECON_MSE)).isCloseTo(recon / 784, within(1e-6 * recon));
        assertThat(terms.get(VqVae.LOSS)).isCloseTo(recon + quantization + 0.4 * quantization, within(1e-4 * recon));
        assertThat(terms.primary()).isEqualTo(terms.get(VqVae.LOSS));

        // The Codebook's gradient is the codebook term's alone: Σ over the vectors that chose e_k of 2 (e_k − z_e) / n.
        float[][] gradient = rows(model.gradients(probe, List.of("codebook")).get("codebook"), 8);
        double[][] expected = new double[codebook.length][8];
        for (int i = 0; i < ze.length; i++) {
            int k = maps[i / 49][i % 49];
            for (int j = 0; j < 8; j++) {
                expected[k][j] += 2.0 * (codebook[k][j] - ze[i][j]) / n;
            }
        }
        for (int k = 0; k < codebook.length; k++) {
            for (int j = 0; j < 8; j++) {
                assertThat((double) gradient[k][j]).as("code %d, dimension %d", k, j)
                        .isCloseTo(expected[k][j], within(1e-4 + 1e-3 * Math.abs(expected[k][j])));
            }
        }
    }

    @Test
    void theStraightThroughGradientAtTheEncoderEqualsTheGradientAtTheDecodersInput() {
        VqVae model = new VqVae(config(32, 8, 0.0, true));
        TrainingSteps.run(model, train, 5, BATCH, 9);
        Map<String, INDArray> g = model.gradients(probe, List.of(VqVaeGraph.Z_E, VqVaeGraph.DECODER_INPUT));
        float[] atEncoder = Tensors.toFloats(g.get(VqVaeGraph.Z_E));
        float[] atDecoder = Tensors.toFloats(g.get(VqVaeGraph.DECODER_INPUT));
        assertThat(atDecoder).hasSize(16 * 49 * 8);
        assertThat(Arrays.stream(box(atDecoder)).anyMatch(v -> v != 0)).isTrue();
        assertThat(atEncoder).containsExactly(atDecoder, within(1e-7f));

        // With β > 0 the Encoder also gets the commitment term's own gradient, β · 2 (z_e − e) / n, and nothing else.
        model.setBeta(0.5);
        g = model.gradients(probe, List.of(VqVaeGraph.Z_E, VqVaeGraph.DECODER_INPUT));
        float[] ze = Tensors.toFloats(model.encodeContinuous(probe));
        float[] zq = Tensors.toFloats(model.encode(probe));
        atEncoder = Tensors.toFloats(g.get(VqVaeGraph.Z_E));
        atDecoder = Tensors.toFloats(g.get(VqVaeGraph.DECODER_INPUT));
        for (int i = 0; i < ze.length; i++) {
            double commitment = 0.5 * 2 * (ze[i] - zq[i]) / 16;
            assertThat((double) atEncoder[i] - atDecoder[i]).isCloseTo(commitment, within(1e-6));
        }
    }

    private static Float[] box(float[] a) {
        Float[] out = new Float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    @Test
    void trainingReducesTheHeldOutErrorAndReportsEveryTerm() {
        VqVae fresh = new VqVae(VqVaeConfig.defaults());
        double before = Trainer.evaluate(fresh, heldOut).get(VqVae.RECON_MSE);
        LossTerms after = Trainer.evaluate(trained, heldOut);
        // A sigmoid output near 0.5 is off by about 0.5 on MNIST's mostly black pixels.
        assertThat(before).isGreaterThan(0.15);
        assertThat(after.get(VqVae.RECON_MSE)).isLessThan(0.5 * before);
        assertThat(after.get(VqVae.RECON)).isCloseTo(784 * after.get(VqVae.RECON_MSE), within(1e-6));
        INDArray batch = Tensors.rows(train.gather(IntStream.range(0, BATCH).toArray()), BATCH);
        LossTerms step = trained.copyForInference().trainBatch(batch);
        assertThat(step.asMap().keySet()).containsExactly(VqVae.LOSS, VqVae.RECON, VqVae.CODEBOOK, VqVae.COMMITMENT,
                VqVae.PERPLEXITY);
        assertThat(step.get(VqVae.PERPLEXITY)).isBetween(1.0, 32.0);
    }

    @Test
    void restartRevivesUnusedCodes() {
        // The same seed with and without restart: without it, codes no vector chose at first stay unused.
        VqVae without = new VqVae(config(32, 8, 0.25, false));
        VqVae with = new VqVae(config(32, 8, 0.25, true));
        int steps = VqVae.RESTART_AFTER + 5;
        TrainingSteps.run(without, train, steps, BATCH, 3);
        TrainingSteps.run(with, train, steps, BATCH, 3);
        INDArray images = Tensors.rows(heldOut.gather(IntStream.range(0, 300).toArray()), 300);
        int usedWithout = without.usage(images).codesUsed();
        int usedWith = with.usage(images).codesUsed();
        assertThat(without.codesRestarted()).isZero();
        assertThat(with.codesRestarted()).isPositive();
        assertThat(usedWithout).isLessThan(32);
        assertThat(usedWith).isGreaterThan(usedWithout + 5);
        assertThat(with.usage(images).perplexity()).isGreaterThan(without.usage(images).perplexity());
    }

    @Test
    void aDeadCodeRestartsAtAnEncoderOutputWithProbabilityByItsError() {
        Codebook book = new Codebook(3, 2, 1);
        book.record(new long[] {0, 0, 1});
        assertThat(book.dead()).isEmpty();
        book.record(new long[] {0, 1});
        assertThat(book.dead()).containsExactly(2);
        book.record(new long[] {1});
        book.record(new long[] {1, 1});
        assertThat(book.dead()).containsExactly(0, 2);
        // Only rows 1 and 3 are away from their codes: the two dead codes get those two, never one row twice.
        int[] rows = book.restartRows(book.dead(), new double[] {0, 4, 0, 1});
        assertThat(rows).containsExactlyInAnyOrder(1, 3);
        assertThat(book.restarted()).isEqualTo(2);
        // Restarted codes get their full grace period again.
        assertThat(book.dead()).isEmpty();
        book.record(new long[] {1});
        assertThat(book.dead()).isEmpty();
        book.record(new long[] {1});
        assertThat(book.dead()).containsExactly(0, 2);
    }

    @Test
    void usageCountsAndPerplexity() {
        Codebook.Usage even = Codebook.Usage.of(new int[][] {{0, 1, 2, 3}}, 4);
        assertThat(even.codesUsed()).isEqualTo(4);
        assertThat(even.perplexity()).isCloseTo(4.0, within(1e-12));
        Codebook.Usage one = Codebook.Usage.of(new int[][] {{2, 2}, {2, 2}}, 4);
        assertThat(one.counts()).containsExactly(0, 0, 4, 0);
        assertThat(one.codesUsed()).isEqualTo(1);
        assertThat(one.perplexity()).isCloseTo(1.0, within(1e-12));
        // p = (1/2, 1/4, 1/4): exp(H) = 2^1.5.
        assertThat(Codebook.Usage.of(new int[][] {{0, 0, 1, 2}}, 3).perplexity()).isCloseTo(Math.pow(2, 1.5),
                within(1e-12));
    }

    @Test
    void samplingUsesTheFittedPriorAndTheReportGivesItsBits() {
        VqVae model = trained.copyForInference();
        assertThat(model.prior(CodePrior.Kind.AUTOREGRESSIVE)).isEmpty();
        int[][] trainMaps = model.codeIndices(train.subset("2000", IntStream.range(0, 2000).toArray()));
        model.fitPriors(trainMaps, 4);
        CodePrior ar = model.prior(CodePrior.Kind.AUTOREGRESSIVE).orElseThrow();
        assertThat(model.prior(CodePrior.Kind.PER_POSITION)).isPresent();
        assertThat(model.sampleCodes(4, 11)).isDeepEqualTo(ar.sample(4, new java.util.Random(11)));
        assertThat(Tensors.toFloats(model.sample(4, 11))).isEqualTo(Tensors.toFloats(model.decodeCodes(model.sampleCodes(4, 11))));

        Map<String, Number> report = model.codebookReport(heldOut);
        assertThat(report.keySet()).containsExactly(VqVae.CODEBOOK_SIZE_SETTING, VqVae.CODES_USED, VqVae.PERPLEXITY,
                VqVae.UNIFORM_NLL_BITS, VqVae.priorNllName(CodePrior.Kind.PER_POSITION),
                VqVae.priorNllName(CodePrior.Kind.AUTOREGRESSIVE));
        assertThat(report.get(VqVae.CODEBOOK_SIZE_SETTING)).isEqualTo(32);
        assertThat(report.get(VqVae.UNIFORM_NLL_BITS).doubleValue()).isCloseTo(49 * 5.0, within(1e-9));
        double perPosition = report.get(VqVae.priorNllName(CodePrior.Kind.PER_POSITION)).doubleValue();
        double autoregressive = report.get(VqVae.priorNllName(CodePrior.Kind.AUTOREGRESSIVE)).doubleValue();
        assertThat(perPosition).isLessThan(49 * 5.0);
        assertThat(autoregressive).isLessThan(perPosition);
        assertThatThrownBy(() -> model.setPrior(CodePrior.fitPerPosition(new int[][] {{0}}, 1, 1, 32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 × 1");
    }

    @Test
    void theSameSeedTrainsTheSameAndACopyIsIndependent() {
        VqVae a = new VqVae(config(16, 4, 0.25, true));
        VqVae b = new VqVae(config(16, 4, 0.25, true));
        assertThat(Tensors.toFloats(a.parameters())).isEqualTo(Tensors.toFloats(b.parameters()));
        INDArray batch = Tensors.rows(train.gather(IntStream.range(0, BATCH).toArray()), BATCH);
        assertThat(a.trainBatch(batch).asMap()).isEqualTo(b.trainBatch(batch).asMap());

        VqVae copy = a.copyForInference();
        float[] before = Tensors.toFloats(copy.reconstruct(probe));
        assertThat(before).isEqualTo(Tensors.toFloats(a.reconstruct(probe)));
        a.trainBatch(batch);
        assertThat(Tensors.toFloats(copy.reconstruct(probe))).isEqualTo(before);
        copy.setParameters(a.parameters());
        assertThat(Tensors.toFloats(copy.reconstruct(probe))).isEqualTo(Tensors.toFloats(a.reconstruct(probe)));
        assertThat(a.parameterCount()).isEqualTo(a.parameters().length());
    }

    @Test
    void nonsenseSettingsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> config(0, 8, 0.25, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("codebook size").hasMessageContaining("0");
        assertThatThrownBy(() -> config(5000, 8, 0.25, true)).hasMessageContaining("codebook size");
        assertThatThrownBy(() -> config(32, 0, 0.25, true)).hasMessageContaining("code dimension");
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> config(32, 8, bad, true)).hasMessageContaining("beta");
            assertThatThrownBy(() -> trained.setBeta(bad)).hasMessageContaining("beta");
        }
        assertThatThrownBy(() -> new VqVaeConfig(100, 32, 8, 1e-3, 1, 0.25, true)).hasMessageContaining("784");

        VqVae model = (VqVae) Models.create(ModelKind.VQVAE, 784, 4, 1e-3, 8,
                Map.of("codebook_size", 16, "beta", 0.5, "restart_dead_codes", false));
        assertThat(model.codebookSize()).isEqualTo(16);
        assertThat(model.codeDimension()).isEqualTo(4);
        assertThat(model.beta()).isEqualTo(0.5);
        assertThat(model.restartDeadCodes()).isFalse();
        VqVae defaults = (VqVae) Models.create(ModelKind.VQVAE, 784, 8, 1e-3, 8);
        assertThat(defaults.config()).isEqualTo(new VqVaeConfig(784, 32, 8, 1e-3, 8, 0.25, true));
        assertThatThrownBy(() -> Models.create(ModelKind.VQVAE, 784, 8, 1e-3, 8, Map.of("reconstruction", "bce")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reconstruction");
        assertThatThrownBy(() -> Models.create(ModelKind.VQVAE, 784, 8, 1e-3, 8, Map.of("restart_dead_codes", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> Models.create(ModelKind.VAE, 784, 2, 1e-3, 8, Map.of("codebook_size", 16)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codebook_size");
    }

    @Test
    void saveThenLoadGivesTheSameModelWithItsSettingsAndPriors(@TempDir Path dir) throws Exception {
        VqVae model = trained.copyForInference();
        model.setBeta(0.75);
        model.setRestartDeadCodes(false);
        model.fitPriors(model.codeIndices(probe), 2);
        ModelStore.save(model, ModelManifest.describe(model, "mnist", 42, 1, STEPS, Map.of()), dir.resolve("vq"), true);

        ModelStore.Loaded loaded = ModelStore.load(dir.resolve("vq"));

        assertThat(loaded.manifest().kind()).isEqualTo("vqvae");
        VqVae back = (VqVae) loaded.model();
        assertThat(back.beta()).isEqualTo(0.75);
        assertThat(back.restartDeadCodes()).isFalse();
        assertThat(Tensors.toFloats(back.parameters())).isEqualTo(Tensors.toFloats(model.parameters()));
        assertThat(back.codeIndices(probe)).isDeepEqualTo(model.codeIndices(probe));
        assertThat(back.evaluate(probe).asMap()).isEqualTo(model.evaluate(probe).asMap());
        for (CodePrior.Kind kind : CodePrior.Kind.values()) {
            int[][] maps = model.codeIndices(probe);
            assertThat(back.prior(kind).orElseThrow().negativeLogLikelihood(maps))
                    .isEqualTo(model.prior(kind).orElseThrow().negativeLogLikelihood(maps));
        }
        assertThat(back.sampleCodes(3, 5)).isDeepEqualTo(model.sampleCodes(3, 5));
    }

    @Test
    void aFileThatDoesNotMatchItsManifestIsCorrupt(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("vq");
        ModelStore.save(trained, ModelManifest.describe(trained, "mnist", 42, 1, STEPS, Map.of()), base, false);
        ObjectMapper json = new ObjectMapper();
        for (Object[] edit : new Object[][] {{"codebook_size", 16}, {"code_dimension", 4}, {"codebook_size", -3}}) {
            Path copy = dir.resolve("edited" + edit[0] + edit[1]);
            Files.copy(ModelStore.modelFile(base), ModelStore.modelFile(copy));
            ObjectNode manifest = (ObjectNode) json.readTree(ModelStore.manifestFile(base).toFile());
            ((ObjectNode) manifest.get("hyper_parameters")).put((String) edit[0], (Integer) edit[1]);
            json.writeValue(ModelStore.manifestFile(copy).toFile(), manifest);
            assertThatThrownBy(() -> ModelStore.load(copy)).isInstanceOf(ModelFileException.class)
                    .hasMessageContaining(copy.getFileName().toString()).hasMessageContaining("corrupt");
        }
        Path truncated = dir.resolve("truncated");
        Files.copy(ModelStore.manifestFile(base), ModelStore.manifestFile(truncated));
        byte[] bytes = Files.readAllBytes(ModelStore.modelFile(base));
        Files.write(ModelStore.modelFile(truncated), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelStore.load(truncated)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("corrupt");
    }

    /** The shipped model: trained by {@code train vqvae --epochs 50}, its recorded figures hold on the held-out set. */
    @Test
    void theBundledVqVaeReachesItsRecordedFigures() throws Exception {
        ModelStore.Loaded loaded = ModelStore.loadBundled("vqvae-mnist");
        ModelManifest m = loaded.manifest();
        assertThat(m.kind()).isEqualTo("vqvae");
        assertThat(m.dataset()).isEqualTo("mnist");
        VqVae model = (VqVae) loaded.model();
        assertThat(model.restartDeadCodes()).isTrue();
        ImageSet all = Split.of(BundledDataset.MNIST.load(), 1000, 42).heldOut();
        double mse = Trainer.evaluate(model, all).get(VqVae.RECON_MSE);
        // Far below the mean image's 0.067 on the same images.
        assertThat(mse).isLessThan(0.01).isCloseTo(m.metrics().get("heldout_recon_mse"), within(1e-5));
        Map<String, Number> report = model.codebookReport(all);
        assertThat(report.get(VqVae.PERPLEXITY).doubleValue()).as("perplexity")
                .isGreaterThanOrEqualTo(model.codebookSize() / 2.0)
                .isCloseTo(m.metrics().get(VqVae.PERPLEXITY), within(1e-6));
        assertThat(report.get(VqVae.priorNllName(CodePrior.Kind.AUTOREGRESSIVE)).doubleValue())
                .isLessThan(report.get(VqVae.priorNllName(CodePrior.Kind.PER_POSITION)).doubleValue() - 20);
    }

    @Test
    void aCodebookDownToOneCodeHasCollapsed() {
        assertThat(VqVae.ofCodebook(2, 32)).isEmpty();
        assertThat(VqVae.ofCodebook(1, 32)).singleElement().satisfies(w -> {
            assertThat(w.localized(Locale.ENGLISH)).startsWith("Warning: the codebook collapsed: 1 of its 32 codes");
            assertThat(w.localized(Locale.JAPANESE)).contains("コードブック", "32", "1");
        });
    }
}
