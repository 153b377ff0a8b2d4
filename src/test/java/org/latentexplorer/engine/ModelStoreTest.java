package org.latentexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.i18n.Messages;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelStoreTest {
    @TempDir
    static Path shared;

    private static ImageSet train;
    private static INDArray probe;
    /** A model trained a few steps, so its parameters are not what its seed alone would give. */
    private static Autoencoder trained;
    private static ModelManifest trainedManifest;
    /** {@link #trained} saved under {@code shared/trained}. */
    private static Path savedBase;

    @BeforeAll
    static void trainAndSave() throws Exception {
        Nd4jRuntime.configureThreads(1);
        Split split = Split.of(BundledDataset.MNIST.load(), 1000, 42);
        train = split.train();
        probe = Tensors.rows(split.heldOut().gather(IntStream.range(0, 20).toArray()), 20);
        trained = new Autoencoder(new Autoencoder.Config(784, Autoencoder.Config.DEFAULT_HIDDEN, 3, 2e-3, 11));
        trainSteps(trained, 10, 0);
        trainedManifest = ModelManifest.describe(trained, "mnist", 11, 4, 10,
                Map.of("heldout_recon_bce", 187.25, "other", 1.5));
        savedBase = shared.resolve("trained");
        ModelStore.save(trained, trainedManifest, savedBase, false);
    }

    private static void trainSteps(GenerativeModel model, int steps, int offset) {
        for (int s = 0; s < steps; s++) {
            int from = offset + 64 * s;
            int[] idx = IntStream.range(from, from + 64).toArray();
            model.trainBatch(Tensors.rows(train.gather(idx), 64));
        }
    }

    private static String[] names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void saveThenLoadGivesTheSameModelAndManifest(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("sub/model");
        ModelStore.save(trained, trainedManifest, base, true);
        assertThat(names(dir.resolve("sub"))).containsExactly("model.json", "model.zip");

        ModelStore.Loaded loaded = ModelStore.load(base);
        GenerativeModel model = loaded.model();
        assertThat(model).isInstanceOf(Autoencoder.class);
        assertThat(((Autoencoder) model).config().latentSize()).isEqualTo(3);
        assertThat(model.parameters()).isEqualTo(trained.parameters());
        assertThat(model.reconstruct(probe)).isEqualTo(trained.reconstruct(probe));
        assertThat(model.encode(probe)).isEqualTo(trained.encode(probe));
        // Not just the seed's initial network.
        assertThat(model.parameters())
                .isNotEqualTo(new Autoencoder(new Autoencoder.Config(784, Autoencoder.Config.DEFAULT_HIDDEN, 3, 2e-3, 11))
                        .parameters());

        ModelManifest m = loaded.manifest();
        assertThat(m.format()).isEqualTo(ModelManifest.FORMAT);
        assertThat(m.kind()).isEqualTo("ae");
        assertThat(m.dataset()).isEqualTo("mnist");
        assertThat(m.seed()).isEqualTo(11);
        assertThat(m.epochs()).isEqualTo(4);
        assertThat(m.steps()).isEqualTo(10);
        assertThat(m.appVersion()).isEqualTo(trainedManifest.appVersion());
        assertThat(m.created()).isEqualTo(trainedManifest.created());
        assertThat(m.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of("heldout_recon_bce", 187.25, "other", 1.5));
        Map<String, Object> hp = m.hyperParameters();
        assertThat(hp.keySet()).containsExactly("input_size", "hidden", "latent_size", "learning_rate", "seed");
        assertThat(((Number) hp.get("input_size")).intValue()).isEqualTo(784);
        assertThat(((List<?>) hp.get("hidden"))).extracting(o -> ((Number) o).intValue()).containsExactly(512, 256);
        assertThat(((Number) hp.get("latent_size")).intValue()).isEqualTo(3);
        assertThat(((Number) hp.get("learning_rate")).doubleValue()).isEqualTo(2e-3);
        assertThat(((Number) hp.get("seed")).longValue()).isEqualTo(11);

        // Any of the three names reaches it.
        assertThat(ModelStore.load(dir.resolve("sub/model.zip")).model().parameters()).isEqualTo(trained.parameters());
        assertThat(ModelStore.load(dir.resolve("sub/model.json")).manifest().steps()).isEqualTo(10);
    }

    @Test
    void theThreeNamesOfAModel() {
        Path dir = Path.of("some", "dir");
        for (String given : new String[] {"x", "x.zip", "x.json"}) {
            Path p = dir.resolve(given);
            assertThat(ModelStore.base(p)).as(given).isEqualTo(dir.resolve("x"));
            assertThat(ModelStore.modelFile(p)).as(given).isEqualTo(dir.resolve("x.zip"));
            assertThat(ModelStore.manifestFile(p)).as(given).isEqualTo(dir.resolve("x.json"));
        }
        assertThat(ModelStore.modelFile(Path.of("ae-mnist"))).isEqualTo(Path.of("ae-mnist.zip"));
        assertThat(ModelStore.base(Path.of("a.b.zip"))).isEqualTo(Path.of("a.b"));
        assertThat(ModelStore.modelFile(Path.of("y.tar"))).isEqualTo(Path.of("y.tar.zip"));
    }

    @Test
    void savingOverAModelReplacesItAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("m");
        ModelStore.save(trained, trainedManifest, base, false);
        Autoencoder other = new Autoencoder(Autoencoder.Config.defaults(3));
        trainSteps(other, 3, 1000);
        ModelStore.save(other, ModelManifest.describe(other, "fashion", 42, 1, 3, Map.of()), base.resolveSibling("m.zip"),
                false);

        assertThat(names(dir)).containsExactly("m.json", "m.zip");
        ModelStore.Loaded loaded = ModelStore.load(base);
        assertThat(loaded.manifest().dataset()).isEqualTo("fashion");
        assertThat(loaded.model().reconstruct(probe)).isEqualTo(other.reconstruct(probe));
        assertThat(loaded.model().reconstruct(probe)).isNotEqualTo(trained.reconstruct(probe));
    }

    @Test
    void aFailedSaveKeepsTheOldModelIntactAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("m");
        ModelStore.save(trained, trainedManifest, base, false);
        byte[] zipBefore = Files.readAllBytes(dir.resolve("m.zip"));
        byte[] jsonBefore = Files.readAllBytes(dir.resolve("m.json"));

        FakeModel failing = new FakeModel(784, 4);
        failing.failWriteAfter = 1000;
        ModelFileException e = catchThrowableOfType(ModelFileException.class,
                () -> ModelStore.save(failing, ModelManifest.describe(failing, "mnist", 1, 1, 1, Map.of()), base, false));
        assertThat(e.messageKey()).isEqualTo("model.error.write");
        assertThat(e.getMessage()).contains("m.zip");

        assertThat(names(dir)).containsExactly("m.json", "m.zip");
        assertThat(Files.readAllBytes(dir.resolve("m.zip"))).isEqualTo(zipBefore);
        assertThat(Files.readAllBytes(dir.resolve("m.json"))).isEqualTo(jsonBefore);
        assertThat(ModelStore.load(base).model().reconstruct(probe)).isEqualTo(trained.reconstruct(probe));
    }

    @Test
    void aMissingFileIsReportedByName(@TempDir Path dir) throws Exception {
        ModelFileException e = catchThrowableOfType(ModelFileException.class, () -> ModelStore.load(dir.resolve("nothing")));
        assertThat(e.messageKey()).isEqualTo("model.error.missing");
        assertThat(e.getMessage()).contains("nothing");
        assertThat(Messages.describe(Messages.JAPANESE, e)).contains("nothing").contains("見つかりません");

        // A manifest without its model file.
        Files.copy(ModelStore.manifestFile(savedBase), dir.resolve("half.json"));
        ModelFileException half = catchThrowableOfType(ModelFileException.class, () -> ModelStore.load(dir.resolve("half")));
        assertThat(half.messageKey()).isEqualTo("model.error.missing");
        assertThat(half.getMessage()).contains("half.zip");

        ModelFileException bundled = catchThrowableOfType(ModelFileException.class,
                () -> ModelStore.loadBundled("no-such-model"));
        assertThat(bundled.messageKey()).isEqualTo("model.error.missing");
        assertThat(bundled.getMessage()).contains("no-such-model");
        assertThat(ModelStore.bundledExists("no-such-model")).isFalse();
    }

    /** Copies the saved model to {@code dir/name}, then lets the test damage one of its two files. */
    private static Path copyOfSaved(Path dir, String name) throws IOException {
        Path base = dir.resolve(name);
        Files.copy(ModelStore.modelFile(savedBase), ModelStore.modelFile(base));
        Files.copy(ModelStore.manifestFile(savedBase), ModelStore.manifestFile(base));
        return base;
    }

    private static void assertCorrupt(Path base, String fileName) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ModelStore.load(base));
        assertThat(thrown).as("what loading %s threw", fileName).isExactlyInstanceOf(ModelFileException.class);
        ModelFileException e = (ModelFileException) thrown;
        assertThat(e.messageKey()).isEqualTo("model.error.corrupt");
        assertThat(e.getMessage()).contains(fileName);
        assertThat(Messages.describe(Locale.ENGLISH, e)).contains(fileName).contains("corrupt");
        assertThat(Messages.describe(Messages.JAPANESE, e)).contains(fileName).contains("壊れて");
    }

    @Test
    void garbageInsteadOfAModelFileIsCorrupt(@TempDir Path dir) throws Exception {
        Path base = copyOfSaved(dir, "garbage");
        byte[] noise = new byte[50_000];
        new java.util.Random(5).nextBytes(noise);
        Files.write(ModelStore.modelFile(base), noise);
        assertCorrupt(base, "garbage.zip");
    }

    @Test
    void aTruncatedModelFileIsCorrupt(@TempDir Path dir) throws Exception {
        Path base = copyOfSaved(dir, "truncated");
        byte[] whole = Files.readAllBytes(ModelStore.modelFile(base));
        Files.write(ModelStore.modelFile(base), Arrays.copyOf(whole, whole.length / 2));
        assertCorrupt(base, "truncated.zip");
    }

    @Test
    void anEmptyModelFileIsCorrupt(@TempDir Path dir) throws Exception {
        Path base = copyOfSaved(dir, "empty");
        Files.write(ModelStore.modelFile(base), new byte[0]);
        assertCorrupt(base, "empty.zip");
    }

    @Test
    void aZipWithoutEntriesIsCorrupt(@TempDir Path dir) throws Exception {
        Path base = copyOfSaved(dir, "noentries");
        try (OutputStream out = Files.newOutputStream(ModelStore.modelFile(base));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.finish();
        }
        assertCorrupt(base, "noentries.zip");
    }

    @Test
    void aManifestThatIsNotJsonIsCorrupt(@TempDir Path dir) throws Exception {
        Path base = copyOfSaved(dir, "notjson");
        Files.writeString(ModelStore.manifestFile(base), "this is { not json", StandardCharsets.UTF_8);
        assertCorrupt(base, "notjson");
    }

    @Test
    void anEmptyJsonObjectIsCorrupt(@TempDir Path dir) throws Exception {
        Path base = copyOfSaved(dir, "emptyjson");
        Files.writeString(ModelStore.manifestFile(base), "{}", StandardCharsets.UTF_8);
        assertCorrupt(base, "emptyjson");
    }

    private static void editManifest(Path base, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(ModelStore.manifestFile(base).toFile());
        edit.accept(root);
        mapper.writeValue(ModelStore.manifestFile(base).toFile(), root);
    }

    @Test
    void aManifestOfAnUnknownKindIsCorrupt(@TempDir Path dir) throws Exception {
        Path base = copyOfSaved(dir, "unknownkind");
        editManifest(base, root -> root.put("kind", "wormhole"));
        assertCorrupt(base, "unknownkind");
    }

    @Test
    void aManifestOfALaterFormatIsCorrupt(@TempDir Path dir) throws Exception {
        Path base = copyOfSaved(dir, "future");
        editManifest(base, root -> root.put("format", ModelManifest.FORMAT + 1));
        assertCorrupt(base, "future");
    }

    @Test
    void hyperParametersThatDoNotMatchTheNetworkAreCorrupt(@TempDir Path dir) throws Exception {
        Path base = copyOfSaved(dir, "mismatch");
        editManifest(base, root -> ((ObjectNode) root.get("hyper_parameters")).put("latent_size", 5));
        assertCorrupt(base, "mismatch");

        Path hidden = copyOfSaved(dir, "hidden");
        editManifest(hidden, root -> ((ObjectNode) root.get("hyper_parameters")).putArray("hidden").add(512).add(128));
        assertCorrupt(hidden, "hidden");

        Path missing = copyOfSaved(dir, "nohidden");
        editManifest(missing, root -> ((ObjectNode) root.get("hyper_parameters")).remove("hidden"));
        assertCorrupt(missing, "nohidden");
    }

    /** An untrained VAE saved as {@code dir/name}. */
    private static Path savedVae(Path dir, String name) throws ModelFileException {
        VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoder.Config.defaults(2));
        Path base = dir.resolve(name);
        ModelStore.save(vae, ModelManifest.describe(vae, "mnist", 42, 0, 0, Map.of()), base, false);
        return base;
    }

    @Test
    void aVaeFileWithoutItsDecoderIsCorrupt(@TempDir Path dir) throws Exception {
        Path base = savedVae(dir, "nodecoder");
        byte[] encoder = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(ModelStore.modelFile(base)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("encoder.zip")) {
                    encoder = in.readAllBytes();
                }
            }
        }
        assertThat(encoder).isNotNull();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(ModelStore.modelFile(base)))) {
            zip.putNextEntry(new ZipEntry("encoder.zip"));
            zip.write(encoder);
            zip.closeEntry();
        }
        assertCorrupt(base, "nodecoder.zip");
    }

    @Test
    void aModelFileOfTheOtherKindIsCorrupt(@TempDir Path dir) throws Exception {
        Path vae = savedVae(dir, "vae");
        Path aeWithVaeFile = copyOfSaved(dir, "aewithvae");
        Files.copy(ModelStore.modelFile(vae), ModelStore.modelFile(aeWithVaeFile), StandardCopyOption.REPLACE_EXISTING);
        assertCorrupt(aeWithVaeFile, "aewithvae");

        Path vaeWithAeFile = savedVae(dir, "vaewithae");
        Files.copy(ModelStore.modelFile(savedBase), ModelStore.modelFile(vaeWithAeFile), StandardCopyOption.REPLACE_EXISTING);
        assertCorrupt(vaeWithAeFile, "vaewithae");
    }

    @Test
    void vaeHyperParametersThatDoNotMatchItsNetworksAreCorrupt(@TempDir Path dir) throws Exception {
        Path latent = savedVae(dir, "vaelatent");
        editManifest(latent, root -> ((ObjectNode) root.get("hyper_parameters")).put("latent_size", 3));
        assertCorrupt(latent, "vaelatent");

        Path hidden = savedVae(dir, "vaehidden");
        editManifest(hidden, root -> ((ObjectNode) root.get("hyper_parameters")).putArray("hidden").add(512).add(128));
        assertCorrupt(hidden, "vaehidden");

        Path beta = savedVae(dir, "vaebeta");
        editManifest(beta, root -> ((ObjectNode) root.get("hyper_parameters")).put("beta", -1));
        assertCorrupt(beta, "vaebeta");

        // The untouched file loads: the failures above come from the edits.
        assertThat(ModelStore.load(savedVae(dir, "intact")).model()).isInstanceOf(VariationalAutoencoder.class);
    }

    @Test
    void theBundledModelsLoadAndReachTheirRecordedHeldOutLoss() throws Exception {
        checkBundled("ae-mnist", ModelKind.AE, 30, BundledDataset.MNIST, "mnist", Autoencoder.RECON_BCE, 160);
        checkBundled("ae-fashion", ModelKind.AE, 30, BundledDataset.FASHION_MNIST, "fashion", Autoencoder.RECON_BCE, 270);
    }

    @Test
    void theBundledVaesLoadAndReachTheirRecordedNegativeElbo() throws Exception {
        checkBundled("vae-mnist", ModelKind.VAE, 100, BundledDataset.MNIST, "mnist", VariationalAutoencoder.NEG_ELBO, 160);
        // Trained to 258.1 nats: Fashion-MNIST's grey levels cost more under a Bernoulli likelihood than MNIST's strokes.
        checkBundled("vae-fashion", ModelKind.VAE, 100, BundledDataset.FASHION_MNIST, "fashion",
                VariationalAutoencoder.NEG_ELBO, 263);
    }

    private static void checkBundled(String name, ModelKind kind, int epochs, BundledDataset data, String dataId,
            String term, double limit) throws Exception {
        assertThat(ModelStore.bundledExists(name)).isTrue();
        ModelStore.Loaded loaded = ModelStore.loadBundled(name);
        ModelManifest m = loaded.manifest();
        assertThat(m.kind()).isEqualTo(kind.id());
        assertThat(loaded.model().kind()).isEqualTo(kind);
        assertThat(m.dataset()).isEqualTo(dataId);
        assertThat(m.epochs()).isEqualTo(epochs);
        assertThat(loaded.model().latentSize()).isEqualTo(2);
        double recorded = m.metrics().get("heldout_" + term);
        assertThat(recorded).as("%s manifest metric", name).isLessThan(limit);

        ImageSet heldOut = Split.of(data.load(), 1000, 42).heldOut();
        double measured = Trainer.evaluate(loaded.model(), heldOut).get(term);
        assertThat(measured).as("%s held-out %s", name, term).isFinite().isLessThan(limit);
        assertThat(measured).as("%s: recomputed vs manifest", name).isCloseTo(recorded, within(0.5));
    }
}
