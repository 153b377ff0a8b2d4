package org.latentexplorer.engine.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Reconstruction;
import org.latentexplorer.engine.core.TestImages;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.core.TrainingSteps;
import org.latentexplorer.engine.store.ModelManifest;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.engine.store.Models;
import org.latentexplorer.engine.vae.VariationalAutoencoder.Config;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class VariationalAutoencoderTest {
    private static final int BATCH = 64;

    private static ImageSet train;
    private static ImageSet heldOut;
    /** 16 held-out images as one batch, for the checks that need no training. */
    private static INDArray probe;

    @BeforeAll
    static void loadData() throws Exception {
        Split split = TestImages.mnist();
        train = split.train();
        heldOut = TestImages.first(split.heldOut(), 500);
        probe = TestImages.batch(heldOut, 16);
    }

    private static Config config(long seed, double beta, Reconstruction reconstruction) {
        return new Config(784, Config.DEFAULT_HIDDEN, 2, 1e-3, seed, beta, reconstruction);
    }

    private static VariationalAutoencoder trained(Config config, int steps) {
        VariationalAutoencoder model = new VariationalAutoencoder(config);
        TrainingSteps.run(model, train, steps, BATCH, config.seed());
        return model;
    }

    private static long encoderParameterCount(GenerativeModel model) {
        // The Encoder's layers come first: the hidden ones, then the layer to [μ | log σ²].
        return model.denseLayerShapes().stream().limit(Config.DEFAULT_HIDDEN.length + 1)
                .mapToLong(s -> (long) s[0] * s[1] + s[1]).sum();
    }

    private static float[] encoderParameters(GenerativeModel model) {
        return Arrays.copyOfRange(Tensors.toFloats(model.parameters()), 0, (int) encoderParameterCount(model));
    }

    private static float[] decoderParameters(GenerativeModel model) {
        float[] all = Tensors.toFloats(model.parameters());
        return Arrays.copyOfRange(all, (int) encoderParameterCount(model), all.length);
    }

    @Test
    void encoderAndDecoderHaveTheChaptersShapes() {
        VariationalAutoencoder model = new VariationalAutoencoder(Config.defaults(2));
        // Encoder 784-512-256 to μ and log σ² (2 + 2); Decoder 2-256-512-784.
        assertThat(model.denseLayerShapes()).containsExactly(new int[] {784, 512}, new int[] {512, 256},
                new int[] {256, 4}, new int[] {2, 256}, new int[] {256, 512}, new int[] {512, 784});
        long expected = model.denseLayerShapes().stream().mapToLong(s -> (long) s[0] * s[1] + s[1]).sum();
        assertThat(model.parameterCount()).isEqualTo(expected);
        assertThat(model.parameters().length()).isEqualTo(expected);
        assertThat(model.encode(probe).shape()).containsExactly(16, 2);
        assertThat(model.encodeDistribution(probe).shape()).containsExactly(16, 4);
        assertThat(model.decode(model.encode(probe)).shape()).containsExactly(16, 784);
        assertThat(model.sample(3, 5).shape()).containsExactly(3, 784);
    }

    // Whole parameter vectors are compared with isEqualTo: containsExactly is quadratic in AssertJ.

    /** Every term evaluate reports, recomputed here from the Encoder's output, the fixed ε and the Decoder. */
    @Test
    void evaluateIsKlPlusBetaTimesReconstructionFromTheFixedNoise() {
        VariationalAutoencoder model = trained(config(3, 0.5, Reconstruction.SQUARED_ERROR), 20);
        int n = (int) probe.rows();
        float[] h = Tensors.toFloats(model.encodeDistribution(probe));
        float[] eps = Tensors.toFloats(Tensors.standardNormal(n, 2, VariationalAutoencoder.EVAL_NOISE_SEED));
        float[] z = new float[n * 2];
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                double mu = h[i * 4 + j];
                double logVar = h[i * 4 + 2 + j];
                z[i * 2 + j] = (float) (mu + Math.exp(0.5 * logVar) * eps[i * 2 + j]);
                kl += 0.5 * (Math.exp(logVar) + mu * mu - 1 - logVar);
            }
        }
        float[] x = Tensors.toFloats(probe);
        float[] y = Tensors.toFloats(model.decode(Tensors.rows(z, n)));
        double squared = 0;
        double bce = 0;
        for (int k = 0; k < x.length; k++) {
            squared += (y[k] - x[k]) * (y[k] - x[k]);
            bce -= x[k] * Math.log(y[k]) + (1 - x[k]) * Math.log(1 - y[k]);
        }
        kl /= n;
        squared /= n;
        bce /= n;

        LossTerms terms = model.evaluate(probe);
        assertThat(terms.asMap().keySet()).containsExactly(VariationalAutoencoder.LOSS, VariationalAutoencoder.KL,
                VariationalAutoencoder.RECON, VariationalAutoencoder.RECON_BCE, VariationalAutoencoder.NEG_ELBO);
        assertThat(terms.get(VariationalAutoencoder.KL)).isPositive().isCloseTo(kl, within(1e-4 * kl));
        assertThat(terms.get(VariationalAutoencoder.RECON)).isCloseTo(squared, within(1e-4 * squared));
        assertThat(terms.get(VariationalAutoencoder.RECON_BCE)).isCloseTo(bce, within(1e-4 * bce));
        assertThat(terms.get(VariationalAutoencoder.LOSS)).isCloseTo(kl + 0.5 * squared, within(1e-4 * squared));
        assertThat(terms.get(VariationalAutoencoder.NEG_ELBO)).isCloseTo(kl + bce, within(1e-4 * bce));
        assertThat(terms.primary()).isEqualTo(terms.get(VariationalAutoencoder.LOSS));
    }

    @Test
    void evaluateIsDeterministicAndChangesNothing() {
        VariationalAutoencoder model = trained(Config.defaults(2), 5);
        INDArray params = model.parameters().dup();
        Map<String, Double> first = model.evaluate(probe).asMap();
        assertThat(model.evaluate(probe).asMap()).isEqualTo(first);
        assertThat(Tensors.toFloats(model.parameters())).isEqualTo(Tensors.toFloats(params));
        // Training draws its own ε: evaluating in between does not change what the next steps do.
        VariationalAutoencoder twin = trained(Config.defaults(2), 5);
        model.evaluate(probe);
        INDArray batch = Tensors.rows(train.gather(IntStream.range(0, BATCH).toArray()), BATCH);
        assertThat(model.trainBatch(batch).asMap()).isEqualTo(twin.trainBatch(batch).asMap());
    }

    @Test
    void lossIsKlPlusBetaTimesReconAndForBceReconIsTheBce() {
        VariationalAutoencoder model = new VariationalAutoencoder(config(4, 0.25, Reconstruction.BCE));
        INDArray batch = Tensors.rows(train.gather(IntStream.range(0, BATCH).toArray()), BATCH);
        for (LossTerms terms : new LossTerms[] {model.trainBatch(batch), model.evaluate(probe)}) {
            double kl = terms.get(VariationalAutoencoder.KL);
            double recon = terms.get(VariationalAutoencoder.RECON);
            assertThat(kl).isPositive();
            assertThat(terms.get(VariationalAutoencoder.LOSS)).isCloseTo(kl + 0.25 * recon, within(1e-9 * recon));
        }
        LossTerms held = model.evaluate(probe);
        assertThat(held.get(VariationalAutoencoder.RECON)).isEqualTo(held.get(VariationalAutoencoder.RECON_BCE));
        // Training steps report the trained terms only; −ELBO is a held-out figure.
        assertThat(model.trainBatch(batch).asMap().keySet()).containsExactly(VariationalAutoencoder.LOSS,
                VariationalAutoencoder.KL, VariationalAutoencoder.RECON);
    }

    @Test
    void theReconstructionGradientReachesTheEncoderThroughZAndOnlyItReachesTheDecoder() {
        INDArray batch = Tensors.rows(train.gather(IntStream.range(0, BATCH).toArray()), BATCH);
        VariationalAutoencoder initial = new VariationalAutoencoder(config(5, 1.0, Reconstruction.BCE));
        VariationalAutoencoder withRecon = new VariationalAutoencoder(config(5, 1.0, Reconstruction.BCE));
        VariationalAutoencoder klOnly = new VariationalAutoencoder(config(5, 0.0, Reconstruction.BCE));
        assertThat(Tensors.toFloats(klOnly.parameters())).isEqualTo(Tensors.toFloats(withRecon.parameters()));

        withRecon.trainBatch(batch);
        klOnly.trainBatch(batch);

        float[] encoder0 = encoderParameters(initial);
        // At β = 0 the KL gradient alone moves the Encoder; at β = 1 the reconstruction's gradient, which can
        // only come back through the sampled z, moves it differently.
        assertThat(encoderParameters(klOnly)).isNotEqualTo(encoder0);
        assertThat(encoderParameters(withRecon)).isNotEqualTo(encoder0).isNotEqualTo(encoderParameters(klOnly));
        // The Decoder's only gradient is β times the reconstruction's: zero at β = 0, so Adam leaves it exactly as it was.
        assertThat(decoderParameters(klOnly)).isEqualTo(decoderParameters(initial));
        assertThat(decoderParameters(withRecon)).isNotEqualTo(decoderParameters(initial));
    }

    @Test
    void aLowerBetaGivesALowerHeldOutKl() {
        // β weights the reconstruction (the chapter's form), so a lower β leaves the KL term more weight.
        double lowBeta = Trainer.evaluate(trained(config(42, 0.2, Reconstruction.BCE), 150), heldOut)
                .get(VariationalAutoencoder.KL);
        double highBeta = Trainer.evaluate(trained(config(42, 1.0, Reconstruction.BCE), 150), heldOut)
                .get(VariationalAutoencoder.KL);
        assertThat(lowBeta).isPositive().isLessThan(0.6 * highBeta);
    }

    @Test
    void heldOutNegativeElboFallsClearly() {
        VariationalAutoencoder model = new VariationalAutoencoder(Config.defaults(2));
        double before = Trainer.evaluate(model, heldOut).get(VariationalAutoencoder.NEG_ELBO);
        // A sigmoid output near 0.5 costs ln 2 per pixel: about 784 ln 2 = 543 nats per image.
        assertThat(before).isBetween(450.0, 650.0);
        TrainingSteps.run(model, train, 200, BATCH, 42);
        double after = Trainer.evaluate(model, heldOut).get(VariationalAutoencoder.NEG_ELBO);
        assertThat(after).isFinite().isLessThan(0.5 * before);
    }

    @Test
    void aSquaredErrorModelTrainsAndReportsItsBceSeparately() {
        VariationalAutoencoder model = new VariationalAutoencoder(config(42, 1.0, Reconstruction.SQUARED_ERROR));
        LossTerms before = Trainer.evaluate(model, heldOut);
        TrainingSteps.run(model, train, 150, BATCH, 42);
        LossTerms after = Trainer.evaluate(model, heldOut);
        assertThat(after.get(VariationalAutoencoder.LOSS)).isLessThan(0.5 * before.get(VariationalAutoencoder.LOSS));
        // Σ (y − x)² per image is far below the Bernoulli −log p(x | z) of the same reconstructions.
        assertThat(after.get(VariationalAutoencoder.RECON)).isLessThan(0.5 * after.get(VariationalAutoencoder.RECON_BCE));
        assertThat(after.get(VariationalAutoencoder.NEG_ELBO)).isCloseTo(
                after.get(VariationalAutoencoder.KL) + after.get(VariationalAutoencoder.RECON_BCE), within(1e-9));
        assertThat(after.get(VariationalAutoencoder.NEG_ELBO)).isLessThan(before.get(VariationalAutoencoder.NEG_ELBO));
    }

    @Test
    void reconstructionGradientsMatchFiniteDifferences() {
        INDArray x = Nd4j.createFromArray(new double[][] {{0, 0.3, 1}, {1, 0.7, 0}});
        double[][] y = {{0.2, 0.6, 0.9}, {0.45, 0.1, 0.3}};
        double h = 1e-6;
        for (Reconstruction r : Reconstruction.values()) {
            INDArray analytic = r.gradient(x, Nd4j.createFromArray(y));
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    double[] sums = new double[2];
                    for (int side = 0; side < 2; side++) {
                        INDArray moved = Nd4j.createFromArray(y);
                        moved.putScalar(i, j, y[i][j] + (side == 0 ? h : -h));
                        sums[side] = r.perRow(x, moved).sumNumber().doubleValue();
                    }
                    double numeric = (sums[0] - sums[1]) / (2 * h);
                    assertThat(analytic.getDouble(i, j)).as("%s [%d][%d]", r, i, j)
                            .isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
                }
            }
        }
    }

    @Test
    void setBetaTakesEffectAtTheNextStepAndIsRecorded() {
        VariationalAutoencoder model = new VariationalAutoencoder(Config.defaults(2));
        INDArray batch = Tensors.rows(train.gather(IntStream.range(0, BATCH).toArray()), BATCH);
        model.trainBatch(batch);

        model.setBeta(0.0);

        assertThat(model.beta()).isEqualTo(0.0);
        assertThat(model.hyperParameters().get("beta")).isEqualTo(0.0);
        LossTerms next = model.trainBatch(batch);
        assertThat(next.get(VariationalAutoencoder.LOSS)).isEqualTo(next.get(VariationalAutoencoder.KL));
        assertThat(next.get(VariationalAutoencoder.RECON)).isPositive();

        model.setBeta(2.5);
        LossTerms third = model.trainBatch(batch);
        assertThat(third.get(VariationalAutoencoder.LOSS)).isCloseTo(
                third.get(VariationalAutoencoder.KL) + 2.5 * third.get(VariationalAutoencoder.RECON), within(1e-6));
        assertThat(model.hyperParameters().get("beta")).isEqualTo(2.5);
        assertThat(model.config().beta()).as("the configured starting β").isEqualTo(1.0);
        assertThat(model.copyForInference().beta()).isEqualTo(2.5);
    }

    @Test
    void betaMustBeANonNegativeNumber() {
        VariationalAutoencoder model = new VariationalAutoencoder(Config.defaults(2));
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> model.setBeta(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("beta");
            assertThatThrownBy(() -> config(1, bad, Reconstruction.BCE)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("beta");
        }
        assertThat(model.beta()).isEqualTo(1.0);
        assertThatThrownBy(() -> Reconstruction.byId("l1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("l1").hasMessageContaining("squared_error");
        assertThat(Reconstruction.byId("SQUARED_ERROR")).isEqualTo(Reconstruction.SQUARED_ERROR);
    }

    @Test
    void modelsCreateAppliesTheVaeSettingsAndRefusesThemForOtherKinds() {
        VariationalAutoencoder vae = (VariationalAutoencoder) Models.create(ModelKind.VAE, 784, 2, 1e-3, 8,
                Map.of("beta", 0.3, "reconstruction", "squared_error"));
        assertThat(vae.beta()).isEqualTo(0.3);
        assertThat(vae.config().reconstruction()).isEqualTo(Reconstruction.SQUARED_ERROR);
        assertThat(vae.config().seed()).isEqualTo(8);
        VariationalAutoencoder defaults = (VariationalAutoencoder) Models.create(ModelKind.VAE, 784, 2, 1e-3, 8);
        assertThat(defaults.beta()).isEqualTo(1.0);
        assertThat(defaults.config().reconstruction()).isEqualTo(Reconstruction.BCE);

        assertThatThrownBy(() -> Models.create(ModelKind.AE, 784, 2, 1e-3, 8, Map.of("beta", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta").hasMessageContaining("ae");
        assertThatThrownBy(() -> Models.create(ModelKind.VAE, 784, 2, 1e-3, 8, Map.of("gamma", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma");
        assertThatThrownBy(() -> Models.create(ModelKind.VAE, 784, 2, 1e-3, 8, Map.of("beta", "high")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
    }

    @Test
    void saveThenLoadGivesTheSameModelWithItsBetaAndReconstruction(@TempDir Path dir) throws Exception {
        VariationalAutoencoder model = trained(config(9, 1.0, Reconstruction.SQUARED_ERROR), 10);
        model.setBeta(0.4);
        ModelStore.save(model, ModelManifest.describe(model, "mnist", 9, 1, 10, Map.of()), dir.resolve("vae"), false);

        ModelStore.Loaded loaded = ModelStore.load(dir.resolve("vae"));

        assertThat(loaded.manifest().kind()).isEqualTo("vae");
        assertThat(loaded.model()).isInstanceOf(VariationalAutoencoder.class);
        VariationalAutoencoder back = (VariationalAutoencoder) loaded.model();
        assertThat(back.beta()).isEqualTo(0.4);
        assertThat(back.config().reconstruction()).isEqualTo(Reconstruction.SQUARED_ERROR);
        assertThat(back.config().seed()).isEqualTo(9);
        assertThat(Tensors.toFloats(back.parameters())).isEqualTo(Tensors.toFloats(model.parameters()));
        assertThat(Tensors.toFloats(back.encodeDistribution(probe)))
                .isEqualTo(Tensors.toFloats(model.encodeDistribution(probe)));
        INDArray z = Tensors.standardNormal(8, 2, 3);
        assertThat(Tensors.toFloats(back.decode(z))).isEqualTo(Tensors.toFloats(model.decode(z)));
        assertThat(back.evaluate(probe).asMap()).isEqualTo(model.evaluate(probe).asMap());
        // Not just the seed's initial networks.
        assertThat(back.parameters()).isNotEqualTo(new VariationalAutoencoder(config(9, 1.0, Reconstruction.SQUARED_ERROR))
                .parameters());
    }
}
