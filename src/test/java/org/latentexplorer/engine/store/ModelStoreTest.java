package org.latentexplorer.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.latentexplorer.engine.ae.Autoencoder;
import org.latentexplorer.engine.core.FakeModel;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.TestImages;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.vae.VariationalAutoencoder;
import org.latentexplorer.i18n.Messages;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
        Split split = TestImages.mnist();
        train = split.train();
        probe = TestImages.batch(split.heldOut(), 20);
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
        assertThat(loaded.model()).isInstanceOf(Autoencoder.class);
        Autoencoder model = (Autoencoder) loaded.model();
        assertThat(model.config().latentSize()).isEqualTo(3);
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
        assertThat(((Autoencoder) loaded.model()).reconstruct(probe)).isEqualTo(other.reconstruct(probe));
        assertThat(((Autoencoder) loaded.model()).reconstruct(probe)).isNotEqualTo(trained.reconstruct(probe));
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
        assertThat(((Autoencoder) ModelStore.load(base).model()).reconstruct(probe)).isEqualTo(trained.reconstruct(probe));
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
        Path empty = copyOfSaved(dir, "emptyjson");
        Files.write(ModelStore.manifestFile(empty), new byte[0]);
        assertCorrupt(empty, "emptyjson.json");
    }

    private static void editManifest(Path base, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(ModelStore.manifestFile(base).toFile());
        edit.accept(root);
        mapper.writeValue(ModelStore.manifestFile(base).toFile(), root);
    }

    /** Loading fails with the key given, and a message in both languages that names the file and the field. */
    private static ModelFileException assertRefused(Path base, String key, String fileName, String field) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ModelStore.load(base));
        assertThat(thrown).as("what loading %s threw", fileName).isExactlyInstanceOf(ModelFileException.class);
        ModelFileException e = (ModelFileException) thrown;
        assertThat(e.messageKey()).as(fileName).isEqualTo(key);
        assertThat(e.getMessage()).as(fileName).contains(fileName, field).doesNotContain("{");
        assertThat(Messages.describe(Messages.JAPANESE, e)).as(fileName).contains(fileName, field).contains("開けません");
        return e;
    }

    @Test
    void everyManifestFieldIsCheckedAndTheFieldIsNamed(@TempDir Path dir) throws Exception {
        record Edit(String name, java.util.function.Consumer<ObjectNode> edit, String key, String field) {
        }
        String missing = "model.error.field.missing";
        String type = "model.error.field.type";
        String range = "model.error.field.range";
        String unknown = "model.error.field.unknown";
        List<Edit> edits = List.of(
                new Edit("nodataset", r -> r.remove("dataset"), missing, "dataset"),
                new Edit("blankdataset", r -> r.put("dataset", " "), missing, "dataset"),
                new Edit("numberdataset", r -> r.put("dataset", 42), type, "dataset"),
                new Edit("emptyobject", r -> r.removeAll(), missing, "format"),
                new Edit("textformat", r -> r.put("format", "1"), type, "format"),
                new Edit("laterformat", r -> r.put("format", ModelManifest.FORMAT + 1), unknown, "format"),
                new Edit("nokind", r -> r.putNull("kind"), missing, "kind"),
                new Edit("numberkind", r -> r.put("kind", 3), type, "kind"),
                new Edit("unknownkind", r -> r.put("kind", "wormhole"), unknown, "wormhole"),
                new Edit("noseed", r -> r.remove("seed"), missing, "seed"),
                new Edit("textseed", r -> r.put("seed", "x"), type, "seed"),
                new Edit("negativeepochs", r -> r.put("epochs", -1), "model.error.field.negative", "epochs"),
                new Edit("negativesteps", r -> r.put("steps", -3), "model.error.field.negative", "steps"),
                new Edit("hugeepochs", r -> r.put("epochs", 1L << 40), range, "epochs"),
                new Edit("fractionsteps", r -> r.put("steps", 1.5), type, "steps"),
                new Edit("nohyper", r -> r.remove("hyper_parameters"), missing, "hyper_parameters"),
                new Edit("listhyper", r -> r.putArray("hyper_parameters"), type, "hyper_parameters"),
                new Edit("textmetric", r -> ((ObjectNode) r.get("metrics")).put("other", "high"), type, "metrics.other"),
                new Edit("textmetrics", r -> r.put("metrics", "none"), type, "metrics"),
                new Edit("numberversion", r -> r.put("app_version", 2), type, "app_version"),
                new Edit("baddigest", r -> r.put(ModelFiles.DIGEST_FIELD, "abc"), type, ModelFiles.DIGEST_FIELD));
        for (Edit edit : edits) {
            Path base = copyOfSaved(dir, edit.name());
            editManifest(base, edit.edit());
            assertRefused(base, edit.key(), edit.name() + ".json", edit.field());
        }
        Path array = copyOfSaved(dir, "array");
        Files.writeString(ModelStore.manifestFile(array), "[1, 2]");
        assertRefused(array, "model.error.field.type", "array.json", "manifest");
        // A figure that is not a number is still a number, and optional fields may be left out.
        Path nan = copyOfSaved(dir, "nanmetric");
        editManifest(nan, r -> {
            ((ObjectNode) r.get("metrics")).put("other", "NaN");
            r.remove("created");
            r.remove("app_version");
        });
        ModelManifest m = ModelStore.load(nan).manifest();
        assertThat(m.metrics().get("other")).isNaN();
        assertThat(m.created()).isNull();
        assertThat(ModelStore.kindOf(nan)).isEqualTo("ae");
        ModelFileException e = catchThrowableOfType(ModelFileException.class, () -> ModelStore.kindOf(dir.resolve("nodataset")));
        assertThat(e.messageKey()).isEqualTo(missing);
    }

    @Test
    void aManifestThatDoesNotDescribeItsWeightsIsNamedWithTheMismatch(@TempDir Path dir) throws Exception {
        Path latent = copyOfSaved(dir, "latent");
        editManifest(latent, root -> ((ObjectNode) root.get("hyper_parameters")).put("latent_size", 5));
        assertRefused(latent, "model.error.mismatch", "latent.json", "latent.zip");

        Path hidden = copyOfSaved(dir, "hidden");
        editManifest(hidden, root -> ((ObjectNode) root.get("hyper_parameters")).putArray("hidden").add(512).add(128));
        assertRefused(hidden, "model.error.mismatch", "hidden.json", "hidden.zip");

        Path missing = copyOfSaved(dir, "nohidden");
        editManifest(missing, root -> ((ObjectNode) root.get("hyper_parameters")).remove("hidden"));
        assertRefused(missing, "model.error.mismatch", "nohidden.json", "hidden");

        Path kind = copyOfSaved(dir, "kind");
        editManifest(kind, root -> root.put("kind", "vae"));
        ModelFileException e = assertRefused(kind, "model.error.mismatch", "kind.json", "kind.zip");
        assertThat(e.getMessage()).contains("corrupt or was edited");
        assertThat(Messages.describe(Messages.JAPANESE, e)).contains("編集");
    }

    /** An untrained VAE saved as {@code dir/name}. */
    private static Path savedVae(Path dir, String name) throws ModelFileException {
        VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoder.Config.defaults(2));
        Path base = dir.resolve(name);
        ModelStore.save(vae, ModelManifest.describe(vae, "mnist", 42, 0, 0, Map.of()), base, false);
        return base;
    }

    @Test
    void aVaeFileWithoutItsDecoderIsRefused(@TempDir Path dir) throws Exception {
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
        // The manifest records other weights than these.
        assertRefused(base, "model.error.notPair", "nodecoder.zip", "nodecoder.json");
        // Without that record (a model saved before it existed), the networks' check finds the decoder missing.
        editManifest(base, root -> root.remove(ModelFiles.DIGEST_FIELD));
        assertRefused(base, "model.error.mismatch", "nodecoder.json", "decoder.zip");
    }

    @Test
    void aModelFileOfTheOtherKindIsNotThePairOfItsManifest(@TempDir Path dir) throws Exception {
        Path vae = savedVae(dir, "vae");
        Path aeWithVaeFile = copyOfSaved(dir, "aewithvae");
        Files.copy(ModelStore.modelFile(vae), ModelStore.modelFile(aeWithVaeFile), StandardCopyOption.REPLACE_EXISTING);
        assertRefused(aeWithVaeFile, "model.error.notPair", "aewithvae.zip", "aewithvae.json");

        Path vaeWithAeFile = savedVae(dir, "vaewithae");
        Files.copy(ModelStore.modelFile(savedBase), ModelStore.modelFile(vaeWithAeFile), StandardCopyOption.REPLACE_EXISTING);
        assertRefused(vaeWithAeFile, "model.error.notPair", "vaewithae.zip", "vaewithae.json");
    }

    @Test
    void vaeHyperParametersThatDoNotMatchItsNetworksAreRefused(@TempDir Path dir) throws Exception {
        Path latent = savedVae(dir, "vaelatent");
        editManifest(latent, root -> ((ObjectNode) root.get("hyper_parameters")).put("latent_size", 3));
        assertRefused(latent, "model.error.mismatch", "vaelatent.json", "vaelatent.zip");

        Path hidden = savedVae(dir, "vaehidden");
        editManifest(hidden, root -> ((ObjectNode) root.get("hyper_parameters")).putArray("hidden").add(512).add(128));
        assertRefused(hidden, "model.error.mismatch", "vaehidden.json", "vaehidden.zip");

        Path beta = savedVae(dir, "vaebeta");
        editManifest(beta, root -> ((ObjectNode) root.get("hyper_parameters")).put("beta", -1));
        assertRefused(beta, "model.error.mismatch", "vaebeta.json", "beta");

        // The untouched file loads: the failures above come from the edits.
        assertThat(ModelStore.load(savedVae(dir, "intact")).model()).isInstanceOf(VariationalAutoencoder.class);
    }

    /** A small autoencoder whose every parameter is {@code value}: which save a file holds shows in its weights. */
    private static Autoencoder filledWith(float value) {
        Autoencoder model = new Autoencoder(new Autoencoder.Config(16, new int[] {8}, 2, 1e-3, 3));
        model.setParameters(Nd4j.valueArrayOf(model.parameters().shape(), value));
        return model;
    }

    private static ModelManifest manifestOf(GenerativeModel model, long steps) {
        return ModelManifest.describe(model, "mnist", 3, 1, steps, Map.of());
    }

    private static void assertHolds(Path base, float value, long steps) throws ModelFileException {
        ModelStore.Loaded loaded = ModelStore.load(base);
        assertThat(loaded.manifest().steps()).isEqualTo(steps);
        assertThat(loaded.model().parameters().minNumber().floatValue()).isEqualTo(value);
        assertThat(loaded.model().parameters().maxNumber().floatValue()).isEqualTo(value);
    }

    /** A folder that is not empty where the file was: a save's move onto it must fail. */
    private static void replaceWithAFolder(Path file) throws IOException {
        Files.delete(file);
        Files.createDirectory(file);
        Files.writeString(file.resolve("inside"), "x");
    }

    @Test
    void aManifestThatCannotBeReplacedLeavesTheOldModelFile(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("m");
        ModelStore.save(filledWith(1), manifestOf(filledWith(1), 1), base, false);
        byte[] zipBefore = Files.readAllBytes(ModelStore.modelFile(base));
        replaceWithAFolder(ModelStore.manifestFile(base));

        ModelFileException e = catchThrowableOfType(ModelFileException.class,
                () -> ModelStore.save(filledWith(2), manifestOf(filledWith(2), 2), base, false));
        assertThat(e.messageKey()).isEqualTo("model.error.write");
        assertThat(Files.readAllBytes(ModelStore.modelFile(base))).isEqualTo(zipBefore);
        assertThat(names(dir)).containsExactly("m.json", "m.zip");
    }

    @Test
    void aModelFileThatCannotBeReplacedPutsTheOldManifestBack(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("m");
        ModelStore.save(filledWith(1), manifestOf(filledWith(1), 1), base, false);
        byte[] jsonBefore = Files.readAllBytes(ModelStore.manifestFile(base));
        replaceWithAFolder(ModelStore.modelFile(base));

        ModelFileException e = catchThrowableOfType(ModelFileException.class,
                () -> ModelStore.save(filledWith(2), manifestOf(filledWith(2), 2), base, false));
        assertThat(e.messageKey()).isEqualTo("model.error.write");
        assertThat(e.getMessage()).contains("m.zip");
        assertThat(Files.readAllBytes(ModelStore.manifestFile(base))).isEqualTo(jsonBefore);
        assertThat(names(dir)).containsExactly("m.json", "m.zip");
    }

    @Test
    void aSaveCutShortAfterItsManifestIsFinishedByTheNextLoad(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("m");
        ModelStore.save(filledWith(1), manifestOf(filledWith(1), 1), base, false);
        Path other = dir.resolve("other/n");
        ModelStore.save(filledWith(2), manifestOf(filledWith(2), 2), other, false);
        // What a save of the second model over the first leaves when killed between its two moves.
        String digest = ModelStore.JSON.readTree(ModelStore.manifestFile(other).toFile()).get(ModelFiles.DIGEST_FIELD).asText();
        Files.copy(ModelStore.modelFile(other), dir.resolve(".m.zip.sha256-" + digest + ".tmp"));
        Files.copy(ModelStore.manifestFile(other), ModelStore.manifestFile(base), StandardCopyOption.REPLACE_EXISTING);

        assertHolds(base, 2, 2);
        assertThat(names(dir)).containsExactly("m.json", "m.zip", "other");
        assertThat(Files.readAllBytes(ModelStore.modelFile(base))).isEqualTo(Files.readAllBytes(ModelStore.modelFile(other)));
    }

    @Test
    void aSaveCutShortBeforeItsManifestLeavesTheOldModelAndTheNextSaveClearsItsLeftovers(@TempDir Path dir)
            throws Exception {
        Path base = dir.resolve("m");
        ModelStore.save(filledWith(1), manifestOf(filledWith(1), 1), base, false);
        Path other = dir.resolve("other/n");
        ModelStore.save(filledWith(2), manifestOf(filledWith(2), 2), other, false);
        String digest = ModelStore.JSON.readTree(ModelStore.manifestFile(other).toFile()).get(ModelFiles.DIGEST_FIELD).asText();
        Files.copy(ModelStore.modelFile(other), dir.resolve(".m.zip.sha256-" + digest + ".tmp"));
        Files.writeString(dir.resolve(".m.zip.12345.tmp"), "half a zi");
        Files.writeString(dir.resolve(".m.json.12345.tmp"), "{\"form");

        assertHolds(base, 1, 1);
        ModelStore.save(filledWith(3), manifestOf(filledWith(3), 3), base, false);
        assertThat(names(dir)).containsExactly("m.json", "m.zip", "other");
        assertHolds(base, 3, 3);
    }

    @Test
    void aModelFileSavedWithAnotherManifestIsFoundOut(@TempDir Path dir) throws Exception {
        // The tester's case: new weights beside the manifest of the model they replaced.
        Path base = dir.resolve("m");
        ModelStore.save(filledWith(1), manifestOf(filledWith(1), 1), base, false);
        byte[] oldManifest = Files.readAllBytes(ModelStore.manifestFile(base));
        ModelStore.save(filledWith(2), manifestOf(filledWith(2), 2), base, false);
        Files.write(ModelStore.manifestFile(base), oldManifest);

        ModelFileException e = assertRefused(base, "model.error.notPair", "m.zip", "m.json");
        assertThat(e.getMessage()).contains("SHA-256");
    }

    @Test
    void aManifestWithoutADigestStillLoads(@TempDir Path dir) throws Exception {
        // As the shipped models, saved before manifests recorded their weights.
        Path base = dir.resolve("m");
        ModelStore.save(filledWith(4), manifestOf(filledWith(4), 4), base, false);
        editManifest(base, root -> root.remove(ModelFiles.DIGEST_FIELD));
        assertHolds(base, 4, 4);
        assertThat(ModelStore.bundledKindOf("vae-mnist")).isEqualTo("vae");
    }

    @Test
    void weightsThatAreNotFiniteAreNeitherSavedNorLoaded(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("m");
        ModelStore.save(filledWith(1), manifestOf(filledWith(1), 1), base, false);
        byte[] zipBefore = Files.readAllBytes(ModelStore.modelFile(base));
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            Autoencoder diverged = filledWith(1);
            diverged.parameters().putScalar(5, bad);
            ModelFileException e = catchThrowableOfType(ModelFileException.class,
                    () -> ModelStore.save(diverged, manifestOf(diverged, 9), base, false));
            assertThat(e.messageKey()).isEqualTo("model.error.saveNotFinite");
            assertThat(e.getMessage()).contains("m.zip", "NaN");
            assertThat(Files.readAllBytes(ModelStore.modelFile(base))).isEqualTo(zipBefore);
            assertThat(names(dir)).containsExactly("m.json", "m.zip");

            // Written by hand, as another program might: refused when opened.
            Path written = dir.resolve("hand/" + bad);
            Files.createDirectories(written.getParent());
            java.io.ByteArrayOutputStream weights = new java.io.ByteArrayOutputStream();
            diverged.write(weights, false);
            Files.write(ModelStore.modelFile(written), weights.toByteArray());
            Files.write(ModelStore.manifestFile(written), ModelStore.JSON.writeValueAsBytes(
                    ModelFiles.sealed(manifestOf(diverged, 9), ModelFiles.digestOf(weights.toByteArray()))));
            assertRefused(written, "model.error.notFinite", bad + ".zip", "NaN");
            Files.delete(ModelStore.modelFile(written));
            Files.delete(ModelStore.manifestFile(written));
            Files.delete(written.getParent());
        }
    }

    @Test
    void theBundledModelsLoadAndReachTheirRecordedHeldOutLoss() throws Exception {
        checkBundled("ae-mnist", ModelKind.AE, 30, BundledDataset.MNIST, "mnist", Autoencoder.RECON_BCE, 160);
        checkBundled("ae-fashion", ModelKind.AE, 30, BundledDataset.FASHION_MNIST, "fashion", Autoencoder.RECON_BCE, 270);
    }

    @Test
    void theBundledVaesLoadAndReachTheirRecordedNegativeElbo() throws Exception {
        checkBundled("vae-mnist", ModelKind.VAE, 100, BundledDataset.MNIST, "mnist", VariationalAutoencoder.NEG_ELBO, 160);
        // Trained to 257.8 nats: Fashion-MNIST's grey levels cost more under a Bernoulli likelihood than MNIST's strokes.
        checkBundled("vae-fashion", ModelKind.VAE, 100, BundledDataset.FASHION_MNIST, "fashion",
                VariationalAutoencoder.NEG_ELBO, 263);
    }

    /**
     * Every shipped model but the classifiers opens with the run that trained it: its curves to the manifest's last
     * step, and for a GAN the quality scores over the run and a timeline of samples to scrub.
     */
    @Test
    void everyShippedModelCarriesTheRunThatTrainedIt() throws Exception {
        List<String> names;
        try (Stream<Path> files = Files.list(Path.of("models"))) {
            names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .filter(n -> !n.startsWith("classifier-")).sorted().toList();
        }
        assertThat(names).contains("ae-mnist", "vae-mnist", "vqvae-mnist", "gan-mnist", "gan-fashion", "dcgan-mnist",
                "dcgan-fashion", "dae-mnist");
        for (String name : names) {
            ModelManifest m = ModelManifest.check(new ObjectMapper().readTree(Path.of("models", name + ".json").toFile()),
                    name + ".json");
            Experiment history = HistoryFile.loadBundled(name);
            assertThat(history).as("%s history", name).isNotNull();
            assertThat(history.kind()).as(name).isEqualTo(m.kind());
            assertThat(history.dataset()).as(name).isEqualTo(m.dataset());
            List<String> trainCurves = history.curves().keySet().stream()
                    .filter(k -> k.startsWith(TrainingHistory.TRAIN + ":")).toList();
            assertThat(trainCurves).as("%s train curves", name).isNotEmpty();
            for (String key : trainCurves) {
                List<double[]> curve = history.curves().get(key);
                assertThat(curve.get(curve.size() - 1)[0]).as("%s %s ends at the last step", name, key)
                        .isEqualTo(m.steps());
            }
            if (m.kind().equals(ModelKind.GAN.id()) || m.kind().equals(ModelKind.DCGAN.id())) {
                for (String term : TrainingHistory.QUALITY_TERMS) {
                    List<double[]> quality = history.curves().get(TrainingHistory.key(TrainingHistory.QUALITY, term));
                    assertThat(quality).as("%s %s over the run", name, term).hasSizeGreaterThan(20);
                    assertThat(quality.get(quality.size() - 1)[0]).isEqualTo(m.steps());
                }
                assertThat(org.latentexplorer.engine.gan.SampleTimeline.restored(history.view()))
                        .as("%s timeline", name).hasSizeGreaterThan(20);
            }
        }
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

        // It ships with the run that trained it: a point per step until the curve was thinned, and the held-out
        // curve ending at the manifest's figure.
        Experiment history = HistoryFile.loadBundled(name);
        assertThat(history).as("%s history", name).isNotNull();
        assertThat(history.kind()).isEqualTo(kind.id());
        List<double[]> train = history.curves().get(TrainingHistory.key(TrainingHistory.TRAIN,
                loaded.model().evaluate(TestImages.batch(heldOut, 8)).asMap().keySet().iterator().next()));
        assertThat(train.size()).isBetween((int) Math.min(m.steps(), TrainingHistory.MAX_CURVE_POINTS / 2),
                TrainingHistory.MAX_CURVE_POINTS);
        assertThat(train.get(train.size() - 1)[0]).isEqualTo(m.steps());
        List<double[]> held = history.curves().get(TrainingHistory.key(TrainingHistory.HELD_OUT, term));
        assertThat(held.get(held.size() - 1)[1]).as("%s history vs manifest", name).isCloseTo(recorded, within(1e-9));
    }
}
