package org.latentexplorer.engine.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.Bench;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.core.LossTerms;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.core.TestImages;
import org.latentexplorer.engine.core.TrainingSteps;
import org.latentexplorer.engine.store.ModelFileException;
import org.latentexplorer.engine.store.ModelManifest;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.engine.store.Models;
import org.nd4j.linalg.api.ndarray.INDArray;

class GanTest {
    private static ImageSet train;
    private static ImageSet heldOut;
    /** 32 training images as one batch, for the single-step checks. */
    private static INDArray batch;
    /** 16 held-out images. */
    private static INDArray probe;

    @BeforeAll
    static void loadData() throws Exception {
        Split split = TestImages.mnist();
        train = split.train();
        heldOut = split.heldOut();
        batch = TestImages.batch(train, 32);
        probe = TestImages.batch(heldOut, 16);
    }

    private static GanConfig config(Architecture architecture, GeneratorLoss loss, int k) {
        return new GanConfig(architecture, 100, Noise.UNIFORM, loss, k, 2e-4, 2e-4, 0, 1, 42);
    }

    private static float[] generatorParameters(Gan gan) {
        return Arrays.copyOfRange(Tensors.toFloats(gan.parameters()), 0, (int) gan.generatorParameterCount());
    }

    private static float[] discriminatorParameters(Gan gan) {
        float[] all = Tensors.toFloats(gan.parameters());
        return Arrays.copyOfRange(all, (int) gan.generatorParameterCount(), all.length);
    }

    /** Bitwise equality without printing half a million floats when it fails. */
    private static boolean same(float[] a, float[] b) {
        return Arrays.equals(a, b);
    }

    private static double mean(INDArray a) {
        return a.meanNumber().doubleValue();
    }

    @Test
    void theMlpGanHasTheChaptersLayers() {
        Gan gan = new Gan(GanConfig.defaults(Architecture.MLP));
        // Generator 100-256-512-784, Discriminator 784-512-256-1.
        assertThat(gan.denseLayerShapes()).containsExactly(new int[] {100, 256}, new int[] {256, 512},
                new int[] {512, 784}, new int[] {784, 512}, new int[] {512, 256}, new int[] {256, 1});
        assertThat(gan.generatorParameterCount()).isEqualTo(100 * 256 + 256 + 256 * 512 + 512 + 512 * 784 + 784);
        assertThat(gan.discriminatorParameterCount()).isEqualTo(784 * 512 + 512 + 512 * 256 + 256 + 256 + 1);
        assertThat(gan.parameterCount()).isEqualTo(gan.parameters().length())
                .isEqualTo(gan.generatorParameterCount() + gan.discriminatorParameterCount());
        assertThat(gan.kind()).isEqualTo(ModelKind.GAN);
        assertThat(gan.latentSize()).isEqualTo(100);
        assertThat(gan.inputSize()).isEqualTo(784);

        Gan narrow = new Gan(new GanConfig(Architecture.MLP, 100, Noise.UNIFORM, GeneratorLoss.MINIMAX, 1, 2e-4, 2e-4,
                0, 0.5, 42));
        assertThat(narrow.denseLayerShapes()).endsWith(new int[] {784, 256}, new int[] {256, 128}, new int[] {128, 1});
        assertThat(narrow.generatorParameterCount()).isEqualTo(gan.generatorParameterCount());
    }

    @Test
    void decodeAndSampleGiveImagesInTheUnitRangeAndThereIsNoEncoder() {
        Gan gan = new Gan(GanConfig.defaults(Architecture.MLP));
        INDArray images = gan.decode(gan.noise(5, 3));
        assertThat(images.shape()).containsExactly(5, 784);
        assertThat(images.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(images.maxNumber().doubleValue()).isLessThanOrEqualTo(1);
        assertThat(gan.sample(5, 3)).isEqualTo(images);
        assertThat(gan.sample(5, 4)).isNotEqualTo(images);
        INDArray d = gan.discriminate(probe);
        assertThat(d.shape()).containsExactly(16, 1);
        assertThat(d.minNumber().doubleValue()).isGreaterThan(0);
        assertThat(d.maxNumber().doubleValue()).isLessThan(1);
        // A GAN has no Encoder, so it has no encode or reconstruct to refuse.
        assertThat(gan).isNotInstanceOf(EncodingModel.class);
    }

    @Test
    void noiseComesFromTheChosenDistributionAndItsSeed() {
        Gan uniform = new Gan(GanConfig.defaults(Architecture.MLP));
        INDArray u = uniform.noise(200, 1);
        assertThat(u.shape()).containsExactly(200, 100);
        assertThat(u.minNumber().doubleValue()).isGreaterThanOrEqualTo(-1).isLessThan(-0.99);
        assertThat(u.maxNumber().doubleValue()).isLessThanOrEqualTo(1).isGreaterThan(0.99);
        assertThat(mean(u)).isCloseTo(0, within(0.02));
        // U(-1, 1) has variance 1/3.
        assertThat(u.stdNumber().doubleValue()).isCloseTo(Math.sqrt(1 / 3.0), within(0.01));

        Gan normal = new Gan(new GanConfig(Architecture.MLP, 100, Noise.NORMAL, GeneratorLoss.MINIMAX, 1, 2e-4, 2e-4,
                0, 1, 42));
        INDArray n = normal.noise(200, 1);
        assertThat(mean(n)).isCloseTo(0, within(0.03));
        assertThat(n.stdNumber().doubleValue()).isCloseTo(1, within(0.02));
        assertThat(n.maxNumber().doubleValue()).isGreaterThan(3);

        assertThat(normal.noise(4, 9)).isEqualTo(normal.noise(4, 9));
        assertThat(normal.noise(4, 9)).isNotEqualTo(normal.noise(4, 10));
        assertThat(uniform.noise(4, 9)).isEqualTo(uniform.noise(4, 9)).isNotEqualTo(normal.noise(4, 9));
    }

    @Test
    void oneDiscriminatorStepLowersItsLossAndLeavesTheGeneratorUntouched() {
        for (Architecture a : Architecture.values()) {
            // k = 20: the first call takes no Generator step.
            Gan gan = new Gan(config(a, GeneratorLoss.MINIMAX, 20));
            double before = gan.evaluate(batch).get(Gan.D_LOSS);
            float[] g = generatorParameters(gan);
            float[] d = discriminatorParameters(gan);
            LossTerms terms = gan.trainBatch(batch);
            assertThat(terms.asMap().keySet()).containsExactly(Gan.D_LOSS, Gan.G_LOSS, Gan.D_REAL, Gan.D_FAKE);
            assertThat(terms.isFinite()).isTrue();
            assertThat(same(generatorParameters(gan), g)).as("%s G", a).isTrue();
            assertThat(same(discriminatorParameters(gan), d)).as("%s D", a).isFalse();
            assertThat(gan.evaluate(batch).get(Gan.D_LOSS)).as("%s D loss", a).isLessThan(before);
        }
    }

    @Test
    void oneGeneratorStepLeavesTheDiscriminatorUntouchedAndLowersTheGeneratorLoss() {
        for (GeneratorLoss loss : GeneratorLoss.values()) {
            for (Architecture a : Architecture.values()) {
                // Twins from one seed take the same Discriminator step; only the one with k = 1 then steps G.
                Gan both = new Gan(config(a, loss, 1));
                Gan dOnly = new Gan(config(a, loss, 20));
                float[] g = generatorParameters(both);
                both.trainBatch(batch);
                dOnly.trainBatch(batch);
                assertThat(same(discriminatorParameters(both), discriminatorParameters(dOnly))).as("%s %s D", a, loss)
                        .isTrue();
                assertThat(same(generatorParameters(both), g)).isFalse();
                assertThat(same(generatorParameters(dOnly), g)).isTrue();
                // The same D judges both Generators on the same z: the one that stepped fools it more.
                assertThat(both.evaluate(batch).get(Gan.G_LOSS)).as("%s %s G loss", a, loss)
                        .isLessThan(dOnly.evaluate(batch).get(Gan.G_LOSS));
            }
        }
    }

    @Test
    void evaluateGivesTheChaptersTermsRecomputedFromDecodeAndDiscriminate() {
        Gan gan = new Gan(config(Architecture.MLP, GeneratorLoss.MINIMAX, 1));
        TrainingSteps.run(gan, train, 5, 32, 1);
        INDArray dx = gan.discriminate(probe);
        INDArray dgz = gan.discriminate(gan.decode(gan.noise(16, AdversarialStep.EVAL_NOISE_SEED)));
        double logDx = mean(org.nd4j.linalg.ops.transforms.Transforms.log(dx, true));
        double log1mDgz = mean(org.nd4j.linalg.ops.transforms.Transforms.log(dgz.rsub(1.0), true));
        double logDgz = mean(org.nd4j.linalg.ops.transforms.Transforms.log(dgz, true));

        LossTerms minimax = gan.evaluate(probe);
        assertThat(minimax.get(Gan.G_LOSS)).isNegative().isCloseTo(log1mDgz, within(1e-4));
        // D's BCE over the 2m images: minus half the chapter's (1/m) Σ [log D(x) + log(1 − D(G(z)))].
        assertThat(minimax.get(Gan.D_LOSS)).isCloseTo(-(logDx + log1mDgz) / 2, within(1e-4));
        assertThat(minimax.get(Gan.D_REAL)).isCloseTo(mean(dx), within(1e-5));
        assertThat(minimax.get(Gan.D_FAKE)).isCloseTo(mean(dgz), within(1e-5));
        assertThat(minimax.primary()).isEqualTo(minimax.get(Gan.D_LOSS));

        gan.setGeneratorLoss(GeneratorLoss.NON_SATURATING);
        LossTerms nonSaturating = gan.evaluate(probe);
        assertThat(nonSaturating.get(Gan.G_LOSS)).isPositive().isCloseTo(-logDgz, within(1e-4));
        assertThat(nonSaturating.get(Gan.D_LOSS)).isEqualTo(minimax.get(Gan.D_LOSS));
        // Deterministic and leaves the model alone.
        float[] params = Tensors.toFloats(gan.parameters());
        assertThat(gan.evaluate(probe).asMap()).isEqualTo(nonSaturating.asMap());
        assertThat(same(Tensors.toFloats(gan.parameters()), params)).isTrue();
    }

    @Test
    void withKThreeTheGeneratorStepsOnEveryThirdCall() {
        Gan gan = new Gan(config(Architecture.MLP, GeneratorLoss.NON_SATURATING, 3));
        for (int call = 1; call <= 6; call++) {
            float[] g = generatorParameters(gan);
            float[] d = discriminatorParameters(gan);
            gan.trainBatch(batch);
            assertThat(same(discriminatorParameters(gan), d)).as("call %d: D", call).isFalse();
            if (call % 3 == 0) {
                assertThat(same(generatorParameters(gan), g)).as("call %d: G", call).isFalse();
            } else {
                assertThat(same(generatorParameters(gan), g)).as("call %d: G", call).isTrue();
            }
        }
    }

    @Test
    void liveSettingsTakeEffectAtTheNextStep() {
        Gan gan = new Gan(config(Architecture.MLP, GeneratorLoss.NON_SATURATING, 1));
        gan.trainBatch(batch);

        // A learning rate of 0 freezes that network's weights.
        gan.setLearningRates(2e-4, 0);
        float[] g = generatorParameters(gan);
        float[] d = discriminatorParameters(gan);
        gan.trainBatch(batch);
        assertThat(same(generatorParameters(gan), g)).isTrue();
        assertThat(same(discriminatorParameters(gan), d)).isFalse();

        gan.setLearningRates(0, 1e-3);
        d = discriminatorParameters(gan);
        gan.trainBatch(batch);
        assertThat(same(discriminatorParameters(gan), d)).isTrue();
        assertThat(same(generatorParameters(gan), g)).isFalse();

        gan.setLearningRates(2e-4, 2e-4);
        gan.setK(2);
        g = generatorParameters(gan);
        gan.trainBatch(batch);
        assertThat(same(generatorParameters(gan), g)).as("first call with k = 2").isTrue();
        gan.trainBatch(batch);
        assertThat(same(generatorParameters(gan), g)).as("second call with k = 2").isFalse();

        gan.setGeneratorLoss(GeneratorLoss.MINIMAX);
        assertThat(gan.k()).isEqualTo(2);
        assertThat(gan.generatorLoss()).isEqualTo(GeneratorLoss.MINIMAX);
        assertThat(gan.hyperParameters()).containsEntry("k", 2).containsEntry("generator_loss", "minimax")
                .containsEntry("learning_rate_d", 2e-4).containsEntry("learning_rate_g", 2e-4);

        assertThatThrownBy(() -> gan.setK(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k");
        assertThatThrownBy(() -> gan.setK(21)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("21");
        assertThatThrownBy(() -> gan.setLearningRates(-1, 1e-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Discriminator").hasMessageContaining("-1");
        assertThatThrownBy(() -> gan.setLearningRates(1e-3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Generator");
        assertThat(gan.k()).isEqualTo(2);
    }

    @Test
    void aConfigOutOfRangeIsRefusedWithItsName() {
        GanConfig d = GanConfig.defaults(Architecture.MLP);
        assertThatThrownBy(() -> new GanConfig(Architecture.MLP, 0, d.noise(), d.generatorLoss(), 1, 2e-4, 2e-4, 0, 1,
                1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise size");
        assertThatThrownBy(() -> new GanConfig(Architecture.MLP, 513, d.noise(), d.generatorLoss(), 1, 2e-4, 2e-4, 0,
                1, 1))
                .hasMessageContaining("513");
        assertThatThrownBy(() -> new GanConfig(Architecture.MLP, 100, d.noise(), d.generatorLoss(), 0, 2e-4, 2e-4, 0,
                1, 1))
                .hasMessageContaining("k must");
        assertThatThrownBy(() -> new GanConfig(Architecture.MLP, 100, d.noise(), d.generatorLoss(), 1, Double.NaN,
                2e-4, 0, 1, 1)).hasMessageContaining("Discriminator's learning rate");
        assertThatThrownBy(() -> new GanConfig(Architecture.MLP, 100, d.noise(), d.generatorLoss(), 1, 2e-4, 2e-4,
                0.95, 1, 1)).hasMessageContaining("dropout");
        assertThatThrownBy(() -> new GanConfig(Architecture.MLP, 100, d.noise(), d.generatorLoss(), 1, 2e-4, 2e-4, 0,
                0.1, 1)).hasMessageContaining("width");
        assertThatThrownBy(() -> new GanConfig(Architecture.MLP, 100, d.noise(), d.generatorLoss(), 1, 2e-4, 2e-4, 0,
                5, 1))
                .hasMessageContaining("width");
    }

    @Test
    void modelsCreatesBothGansWithTheirSettings() {
        Gan gan = (Gan) Models.create(ModelKind.GAN, 784, 100, 1e-3, 7);
        assertThat(gan.config()).isEqualTo(new GanConfig(Architecture.MLP, 100, Noise.UNIFORM,
                GanConfig.defaults(Architecture.MLP).generatorLoss(), 1, 2e-4, 2e-4, 0, 1, 7));
        Gan dcgan = (Gan) Models.create(ModelKind.DCGAN, 784, 2, 1e-3, 7, Map.of("k", 3, "generator_loss",
                "minimax", "noise", "normal", "learning_rate_d", 1e-4, "learning_rate_g", 3e-4, "d_dropout", 0.25,
                "d_width", 2.0));
        assertThat(dcgan.kind()).isEqualTo(ModelKind.DCGAN);
        assertThat(dcgan.config()).isEqualTo(new GanConfig(Architecture.DCGAN, 2, Noise.NORMAL, GeneratorLoss.MINIMAX,
                3, 1e-4, 3e-4, 0.25, 2, 7));
        assertThatThrownBy(() -> Models.create(ModelKind.GAN, 784, 100, 1e-3, 7, Map.of("beta", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta").hasMessageContaining("gan");
        assertThatThrownBy(() -> Models.create(ModelKind.GAN, 784, 100, 1e-3, 7, Map.of("noise", "cauchy")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cauchy");
        assertThatThrownBy(() -> Models.create(ModelKind.DCGAN, 100, 100, 1e-3, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("784");
    }

    @Test
    void theDcganMakesFlatImagesFromTransposedConvolutionsAndTrains() {
        Gan gan = new Gan(GanConfig.defaults(Architecture.DCGAN));
        INDArray images = gan.decode(gan.noise(3, 1));
        assertThat(images.shape()).containsExactly(3, 784);
        assertThat(images.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(images.maxNumber().doubleValue()).isLessThanOrEqualTo(1);
        assertThat(gan.discriminate(probe).shape()).containsExactly(16, 1);
        // Convolutions appear as their im2col products: rows per image third.
        assertThat(gan.denseLayerShapes()).anySatisfy(s -> assertThat(s).hasSize(3));
        LossTerms terms = gan.trainBatch(batch);
        assertThat(terms.isFinite()).isTrue();
        assertThat(terms.get(Gan.D_REAL)).isBetween(0.0, 1.0);
        assertThat(terms.get(Gan.D_FAKE)).isBetween(0.0, 1.0);
    }

    @Test
    void trainingFlopsCountBothStepsAndFollowK() {
        Gan gan = new Gan(config(Architecture.MLP, GeneratorLoss.NON_SATURATING, 1));
        List<int[]> shapes = gan.denseLayerShapes();
        double g = shapes.subList(0, 3).stream().mapToDouble(s -> 2.0 * s[0] * s[1]).sum();
        double d = shapes.subList(3, 6).stream().mapToDouble(s -> 2.0 * s[0] * s[1]).sum();
        assertThat(gan.trainingFlopsPerSample()).isCloseTo(4 * g + 9 * d, within(1.0));
        gan.setK(3);
        assertThat(gan.trainingFlopsPerSample()).isCloseTo(g + 6 * d + (g + d), within(1.0));

        Gan dcgan = new Gan(GanConfig.defaults(Architecture.DCGAN));
        double convFlops = dcgan.denseLayerShapes().stream()
                .mapToDouble(s -> 2.0 * s[0] * s[1] * (s.length > 2 ? s[2] : 1)).sum();
        // Far more than 6 per parameter: each convolution weight is used once per output position.
        assertThat(dcgan.trainingFlopsPerSample()).isGreaterThan(4 * convFlops)
                .isGreaterThan(20 * dcgan.parameterCount());

        Bench.Result r = Bench.training("gan", gan, train.subset("256", IntStream.range(0, 256).toArray()), 64, 1, 2);
        assertThat(r.modelGflops()).isCloseTo(gan.trainingFlopsPerSample() * r.samplesPerSec() / 1e9,
                within(1e-9 * r.modelGflops()));
    }

    @Test
    void copyForInferenceIsIndependentAndKeepsTheLiveSettings() {
        Gan gan = new Gan(config(Architecture.MLP, GeneratorLoss.MINIMAX, 1));
        gan.trainBatch(batch);
        gan.setK(4);
        gan.setLearningRates(1e-4, 3e-4);
        gan.setGeneratorLoss(GeneratorLoss.NON_SATURATING);
        Gan copy = gan.copyForInference();
        INDArray z = gan.noise(8, 5);
        assertThat(copy.decode(z)).isEqualTo(gan.decode(z));
        assertThat(copy.discriminate(probe)).isEqualTo(gan.discriminate(probe));
        assertThat(copy.hyperParameters()).isEqualTo(gan.hyperParameters());
        // With k = 4 the fourth call steps G.
        for (int call = 0; call < 4; call++) {
            gan.trainBatch(batch);
        }
        assertThat(copy.decode(z)).isNotEqualTo(gan.decode(z));
        assertThat(copy.discriminate(probe)).isNotEqualTo(gan.discriminate(probe));
    }

    @Test
    void saveAndLoadGiveTheSameSamplesAndSettings(@TempDir Path dir) throws Exception {
        for (Architecture a : Architecture.values()) {
            Gan gan = new Gan(new GanConfig(a, 16, Noise.NORMAL, GeneratorLoss.MINIMAX, 2, 1e-4, 3e-4, 0.3, 0.5, 9));
            TrainingSteps.run(gan, train, 2, 16, 9);
            gan.setK(5);
            Path base = dir.resolve(a.id());
            ModelStore.save(gan, ModelManifest.describe(gan, "mnist", 9, 1, 2, Map.of()), base, true);

            ModelStore.Loaded loaded = ModelStore.load(base);
            Gan back = (Gan) loaded.model();
            assertThat(back.kind()).isEqualTo(a.kind());
            assertThat(loaded.manifest().kind()).isEqualTo(a.kind().id());
            INDArray z = gan.noise(8, 3);
            assertThat(back.decode(z)).as("%s samples", a).isEqualTo(gan.decode(z));
            assertThat(back.discriminate(probe)).isEqualTo(gan.discriminate(probe));
            assertThat(back.parameters()).isEqualTo(gan.parameters());
            assertThat(back.hyperParameters()).isEqualTo(gan.hyperParameters());
            assertThat(back.k()).isEqualTo(5);
            assertThat(back.config().dDropout()).isEqualTo(0.3);
            // Not just the seed's initial networks.
            assertThat(back.parameters()).isNotEqualTo(new Gan(gan.config()).parameters());
            assertThat(back.trainBatch(batch).isFinite()).isTrue();
        }
    }

    @Test
    void aManifestThatDoesNotMatchTheNetworksIsCorrupt(@TempDir Path dir) throws Exception {
        Gan gan = new Gan(config(Architecture.MLP, GeneratorLoss.MINIMAX, 1));
        Path base = dir.resolve("gan");
        ModelStore.save(gan, ModelManifest.describe(gan, "mnist", 42, 0, 0, Map.of()), base, false);
        ObjectMapper mapper = new ObjectMapper();
        for (Map.Entry<String, Object> edit : Map.<String, Object>of("noise_size", 50, "d_width", 2.0, "d_dropout", 0.5,
                "architecture", "dcgan", "k", 0).entrySet()) {
            ObjectNode root = (ObjectNode) mapper.readTree(ModelStore.manifestFile(base).toFile());
            ObjectNode hp = (ObjectNode) root.get("hyper_parameters");
            hp.set(edit.getKey(), mapper.valueToTree(edit.getValue()));
            Path edited = dir.resolve("edited-" + edit.getKey());
            mapper.writeValue(ModelStore.manifestFile(edited).toFile(), root);
            java.nio.file.Files.copy(ModelStore.modelFile(base), ModelStore.modelFile(edited));
            assertThatThrownBy(() -> ModelStore.load(edited)).as(edit.getKey()).isInstanceOf(ModelFileException.class)
                    .hasMessageContaining("corrupt");
        }
        assertThat(ModelStore.load(base).model()).isInstanceOf(Gan.class);
    }

    @Test
    void aShortRunTeachesTheDiscriminatorAndTheGeneratorMakesVariedImages() {
        Gan gan = new Gan(GanConfig.defaults(Architecture.MLP));
        TrainingSteps.run(gan, train, 150, 64, 3);
        INDArray held = Tensors.rows(heldOut.gather(IntStream.range(0, 500).toArray()), 500);
        LossTerms terms = gan.evaluate(held);
        assertThat(terms.isFinite()).isTrue();
        assertThat(terms.get(Gan.D_REAL)).isGreaterThan(terms.get(Gan.D_FAKE) + 0.1);
        INDArray samples = gan.sample(16, 11);
        // Images, not one grey level: pixels spread, and samples differ from each other.
        assertThat(samples.stdNumber().doubleValue()).isGreaterThan(0.1);
        assertThat(samples.std(0).meanNumber().doubleValue()).isGreaterThan(0.02);
    }

    @Test
    void theSameSeedTrainsTheSameGanWithDropoutInD() throws Exception {
        // Dropout's masks come from ND4J's generator of the Trainer's thread, which the Trainer seeds.
        float[][] runs = new float[2][];
        for (int r = 0; r < 2; r++) {
            Gan gan = new Gan(new GanConfig(Architecture.MLP, 100, Noise.UNIFORM, GeneratorLoss.NON_SATURATING, 1,
                    2e-4, 2e-4, 0.5, 1, 42));
            org.latentexplorer.engine.core.Trainer trainer = new org.latentexplorer.engine.core.Trainer(gan,
                    train.subset("first 256", IntStream.range(0, 256).toArray()), heldOut,
                    org.latentexplorer.engine.core.TrainingConfig.of(1, 32, 7));
            trainer.start();
            assertThat(trainer.await(120_000)).isTrue();
            assertThat(trainer.state()).isEqualTo(org.latentexplorer.engine.core.Trainer.State.FINISHED);
            runs[r] = Tensors.toFloats(gan.parameters());
        }
        assertThat(runs[1]).isEqualTo(runs[0]);
    }
}
