package org.latentexplorer.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.i18n.Messages;
import org.nd4j.linalg.api.ndarray.INDArray;

class ExperimentFileTest {
    @TempDir
    Path dir;

    private static GenerativeModel model;
    private static ModelManifest manifest;
    private static Experiment experiment;

    @BeforeAll
    static void trainedModel() {
        model = Models.create(ModelKind.AE, 16, 2, 1e-2, 5);
        INDArray x = Tensors.rows(new float[16 * 8], 8);
        for (int i = 0; i < 5; i++) {
            model.trainBatch(x.add(0.1f * i));
        }
        manifest = ModelManifest.describe(model, "mnist", 5, 1, 5, Map.of("heldout_loss", 0.25));
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        curves.put("train:loss", List.of(new double[] {1, 0.6931471805599453}, new double[] {2, 0.1 + 0.2}));
        curves.put("heldout:loss", List.of(new double[] {2, 1e-300}));
        experiment = Experiment.of("autoencoder", "ae", "mnist", null,
                new Experiment.Training(2, 3, 64, 1e-3, 5, true), Map.of("input_noise", "masking", "input_noise_level", 0.3),
                curves, Map.of("scribble", List.of(0.0, 0.5, 1.0), "clusters", 7));
    }

    private static INDArray params(GenerativeModel m) {
        return m.parameters().dup();
    }

    @Test
    void anExperimentAndItsModelComeBackExactly() throws Exception {
        Path file = dir.resolve("run.lexp");
        ExperimentFile.save(file, experiment, model, manifest);
        ExperimentFile.Loaded loaded = ExperimentFile.load(file);

        Experiment back = loaded.experiment();
        assertThat(ModelStore.JSON.writeValueAsString(back)).isEqualTo(ModelStore.JSON.writeValueAsString(experiment));
        assertThat(back.training()).isEqualTo(experiment.training());
        assertThat(back.curves().get("train:loss").get(1)[1]).isEqualTo(0.1 + 0.2);
        assertThat(back.curves().get("heldout:loss").get(0)[1]).isEqualTo(1e-300);
        assertThat(ModelStore.JSON.writeValueAsString(loaded.model().manifest()))
                .isEqualTo(ModelStore.JSON.writeValueAsString(manifest));
        assertThat(params(loaded.model().model())).isEqualTo(params(model));
        // Saving what was opened gives the same file contents.
        Path again = dir.resolve("again.lexp");
        ExperimentFile.save(again, back, loaded.model().model(), loaded.model().manifest());
        assertThat(entries(again).get(ExperimentFile.EXPERIMENT_ENTRY)).isEqualTo(entries(file).get(ExperimentFile.EXPERIMENT_ENTRY));
        // The manifests differ only in the digest: DL4J stamps the time into the weights' zip.
        assertThat(unsealed(entries(again))).isEqualTo(unsealed(entries(file)));
    }

    private static com.fasterxml.jackson.databind.JsonNode unsealed(Map<String, byte[]> entries) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode manifest = (com.fasterxml.jackson.databind.node.ObjectNode)
                ModelStore.JSON.readTree(entries.get(ExperimentFile.MANIFEST_ENTRY));
        assertThat(manifest.remove(ModelFiles.DIGEST_FIELD).asText())
                .isEqualTo(ModelFiles.digestOf(entries.get(ExperimentFile.MODEL_ENTRY)));
        return manifest;
    }

    @Test
    void aLabRunComesBackWithItsNetworksAndANotYetFiniteLossStaysNaN() throws Exception {
        org.latentexplorer.engine.ganlab.LabSettings settings = org.latentexplorer.engine.ganlab.LabSettings.vanilla();
        org.latentexplorer.engine.ganlab.GanLab lab = new org.latentexplorer.engine.ganlab.GanLab(
                org.latentexplorer.data.Distribution2D.of(org.latentexplorer.data.Distribution2D.Kind.RING), settings);
        org.latentexplorer.engine.ganlab.GanLab.State fresh = lab.state();
        assertThat(fresh.losses().dLoss()).isNaN();
        for (int i = 0; i < 3; i++) {
            lab.step();
        }
        Path file = dir.resolve("lab.lexp");
        Map<String, List<double[]>> curves = Map.of("jsd", List.of(new double[] {0, Double.NaN}, new double[] {3, 0.5}));
        ExperimentFile.save(file, Experiment.ofLab("ganProblems", "RING", new Experiment.LabRun(settings, fresh),
                curves, Map.of()), null, null);
        Experiment back = ExperimentFile.load(file).experiment();
        assertThat(back.kind()).isNull();
        assertThat(back.lab().settings()).isEqualTo(settings);
        assertThat(back.lab().state().losses().dLoss()).isNaN();
        assertThat(back.curves().get("jsd").get(0)[1]).isNaN();
        assertThat(back.lab().state().generator()).containsExactly(fresh.generator());
        // The networks go back into a lab of the same settings: it draws what the saved one drew.
        org.latentexplorer.engine.ganlab.GanLab again = new org.latentexplorer.engine.ganlab.GanLab(
                org.latentexplorer.data.Distribution2D.of(org.latentexplorer.data.Distribution2D.Kind.RING), settings);
        again.restore(lab.state());
        assertThat(again.shownSamples()).containsExactly(lab.shownSamples());
        assertThat(again.steps()).isEqualTo(3);
        assertThat(again.losses()).isEqualTo(lab.losses());
    }

    @Test
    void aLabRunKeepsDsHeadStartAndAFileWrittenBeforeItReadsAsNone() throws Exception {
        org.latentexplorer.engine.ganlab.LabSettings settings = org.latentexplorer.engine.ganlab.LabSettings
                .strongDiscriminator().withHeadStart(1234);
        org.latentexplorer.engine.ganlab.GanLab lab = new org.latentexplorer.engine.ganlab.GanLab(
                org.latentexplorer.data.Distribution2D.ring(), settings);
        lab.step();
        Experiment saved = Experiment.ofLab("ganProblems", "RING", new Experiment.LabRun(settings, lab.state()),
                Map.of(), Map.of());
        Path file = dir.resolve("head-start.lexp");
        ExperimentFile.save(file, saved, null, null);
        assertThat(ExperimentFile.load(file).experiment().lab().settings()).isEqualTo(settings);

        // The same run as a version without the head start wrote it: no d_head_start in its settings.
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                ModelStore.JSON.readTree(entries(file).get(ExperimentFile.EXPERIMENT_ENTRY));
        com.fasterxml.jackson.databind.node.ObjectNode labSettings =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.get("lab").get("settings");
        assertThat(labSettings.remove("d_head_start").asInt()).isEqualTo(1234);
        Path old = dir.resolve("old.lexp");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(old))) {
            zip.putNextEntry(new ZipEntry(ExperimentFile.EXPERIMENT_ENTRY));
            zip.write(ModelStore.JSON.writeValueAsBytes(json));
            zip.closeEntry();
        }
        assertThat(ExperimentFile.load(old).experiment().lab().settings()).isEqualTo(settings.withHeadStart(0));
    }

    @Test
    void anExperimentWithoutAModelHasNone() throws Exception {
        Path file = dir.resolve("empty.lexp");
        ExperimentFile.save(file, experiment, null, null);
        ExperimentFile.Loaded loaded = ExperimentFile.load(file);
        assertThat(loaded.model()).isNull();
        assertThat(loaded.experiment().dataset()).isEqualTo("mnist");
    }

    @Test
    void aSaveReplacesTheOldFileWholeAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("run.lexp");
        Files.writeString(file, "an older file");
        ExperimentFile.save(file, experiment, model, manifest);
        assertThat(ExperimentFile.load(file).experiment().kind()).isEqualTo("ae");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        // A target that is a folder cannot be written: a clear error, and the folder is untouched.
        Path folder = Files.createDirectory(dir.resolve("folder.lexp"));
        ModelFileException e = catchThrowableOfType(() -> ExperimentFile.save(folder, experiment, model, manifest),
                ModelFileException.class);
        assertThat(e.messageKey()).isEqualTo("experiment.error.write");
        assertThat(Files.isDirectory(folder)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(file, folder);
        }
    }

    @Test
    void everyKindOfDamageIsOneClearError() throws Exception {
        Path good = dir.resolve("good.lexp");
        ExperimentFile.save(good, experiment, model, manifest);
        Map<String, byte[]> parts = entries(good);
        byte[] whole = Files.readAllBytes(good);

        assertCorrupt("random.lexp", "not a zip at all".getBytes(StandardCharsets.UTF_8));
        assertCorrupt("truncated.lexp", java.util.Arrays.copyOf(whole, whole.length / 2));
        assertCorrupt("no-experiment.lexp", zip(Map.of(ExperimentFile.MANIFEST_ENTRY, parts.get(ExperimentFile.MANIFEST_ENTRY),
                ExperimentFile.MODEL_ENTRY, parts.get(ExperimentFile.MODEL_ENTRY))));
        assertCorrupt("model-without-manifest.lexp", zip(Map.of(ExperimentFile.EXPERIMENT_ENTRY,
                parts.get(ExperimentFile.EXPERIMENT_ENTRY), ExperimentFile.MODEL_ENTRY, parts.get(ExperimentFile.MODEL_ENTRY))));
        String json = new String(parts.get(ExperimentFile.EXPERIMENT_ENTRY), StandardCharsets.UTF_8);
        assertCorrupt("future-format.lexp", withExperiment(parts, json.replace("\"format\" : 1", "\"format\" : 99")));
        assertCorrupt("unknown-kind.lexp", withExperiment(parts, json.replace("\"kind\" : \"ae\"", "\"kind\" : \"diffusion\"")));
        assertCorrupt("other-kind.lexp", withExperiment(parts, json.replace("\"kind\" : \"ae\"", "\"kind\" : \"vae\"")));
        assertCorrupt("bad-json.lexp", withExperiment(parts, json.substring(0, json.length() / 2)));
        // Cut short where one entry ends and the next begins: every entry read is whole, yet one is missing.
        for (int at = 4; (at = indexOf(whole, LOCAL_HEADER, at)) > 0; at += 4) {
            assertCorrupt("cut-at-" + at + ".lexp", java.util.Arrays.copyOf(whole, at));
        }
        assertCorrupt("no-central-directory.lexp", java.util.Arrays.copyOf(whole, indexOf(whole, CENTRAL_HEADER, 0)));

        ModelFileException missing = catchThrowableOfType(() -> ExperimentFile.load(dir.resolve("nowhere.lexp")),
                ModelFileException.class);
        assertThat(missing.messageKey()).isEqualTo("experiment.error.missing");
    }

    private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};
    private static final byte[] CENTRAL_HEADER = {'P', 'K', 1, 2};

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aModelInsideThatCannotBeUsedIsNamedWithItsReason() throws Exception {
        Path good = dir.resolve("good.lexp");
        ExperimentFile.save(good, experiment, model, manifest);
        Map<String, byte[]> parts = entries(good);

        // Damaged weights, and whole weights other than those its manifest was saved with.
        byte[] weights = parts.get(ExperimentFile.MODEL_ENTRY);
        Map<String, byte[]> damaged = new LinkedHashMap<>(parts);
        damaged.put(ExperimentFile.MODEL_ENTRY, java.util.Arrays.copyOf(weights, weights.length / 3));
        assertModelRefused("damaged-weights.lexp", zip(damaged), "model.error.corrupt", ExperimentFile.MODEL_ENTRY);
        Map<String, byte[]> swapped = new LinkedHashMap<>(parts);
        ByteArrayOutputStream otherWeights = new ByteArrayOutputStream();
        Models.create(ModelKind.AE, 16, 2, 1e-2, 6).write(otherWeights, true);
        swapped.put(ExperimentFile.MODEL_ENTRY, otherWeights.toByteArray());
        assertModelRefused("swapped-weights.lexp", zip(swapped), "model.error.notPair", ExperimentFile.MODEL_ENTRY);

        // A manifest edited to another architecture.
        String json = new String(parts.get(ExperimentFile.MANIFEST_ENTRY), StandardCharsets.UTF_8);
        Map<String, byte[]> edited = new LinkedHashMap<>(parts);
        edited.put(ExperimentFile.MANIFEST_ENTRY, json.replace("\"latent_size\" : 2", "\"latent_size\" : 3")
                .getBytes(StandardCharsets.UTF_8));
        assertModelRefused("edited-manifest.lexp", zip(edited), "model.error.mismatch", ExperimentFile.MANIFEST_ENTRY);

        Map<String, byte[]> noDataset = new LinkedHashMap<>(parts);
        noDataset.put(ExperimentFile.MANIFEST_ENTRY, json.replace("\"dataset\" : \"mnist\",", "")
                .getBytes(StandardCharsets.UTF_8));
        assertModelRefused("no-dataset.lexp", zip(noDataset), "model.error.field.missing", ExperimentFile.MANIFEST_ENTRY);

        // Weights that are NaN, sealed as if saved so.
        GenerativeModel diverged = Models.create(ModelKind.AE, 16, 2, 1e-2, 5);
        diverged.parameters().putScalar(0, Float.NaN);
        ByteArrayOutputStream nanWeights = new ByteArrayOutputStream();
        diverged.write(nanWeights, true);
        Map<String, byte[]> nan = new LinkedHashMap<>(parts);
        nan.put(ExperimentFile.MODEL_ENTRY, nanWeights.toByteArray());
        nan.put(ExperimentFile.MANIFEST_ENTRY, ModelStore.JSON.writeValueAsBytes(
                ModelFiles.sealed(manifest, ModelFiles.digestOf(nanWeights.toByteArray()))));
        assertModelRefused("nan.lexp", zip(nan), "model.error.notFinite", ExperimentFile.MODEL_ENTRY);
    }

    private void assertModelRefused(String name, byte[] bytes, String modelKey, String entry) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        ModelFileException e = catchThrowableOfType(() -> ExperimentFile.load(file), ModelFileException.class);
        assertThat(e).as(name).isNotNull();
        assertThat(e.messageKey()).as(name).isEqualTo("experiment.error.model");
        ModelFileException inside = (ModelFileException) e.args()[1];
        assertThat(inside.messageKey()).as(name).isEqualTo(modelKey);
        assertThat(e.getMessage()).as(name).contains(name, entry, "Nothing that is open has changed");
        assertThat(e.localized(Messages.JAPANESE)).as(name).contains(name, entry, "中のモデル")
                .contains(inside.localized(Messages.JAPANESE));
    }

    @Test
    void aModelWhoseWeightsAreNotFiniteIsNotSaved() throws Exception {
        GenerativeModel diverged = Models.create(ModelKind.AE, 16, 2, 1e-2, 5);
        diverged.parameters().putScalar(3, Float.POSITIVE_INFINITY);
        Path file = dir.resolve("run.lexp");
        ModelFileException e = catchThrowableOfType(() -> ExperimentFile.save(file, experiment, diverged, manifest),
                ModelFileException.class);
        assertThat(e.messageKey()).isEqualTo("experiment.error.saveNotFinite");
        assertThat(e.getMessage()).contains("run.lexp", "model's weights", "NaN");
        assertThat(file).doesNotExist();
    }

    @Test
    void aSaveClearsWhatAKilledSaveLeftBehind() throws Exception {
        Path file = dir.resolve("run.lexp");
        Files.writeString(dir.resolve(".run.lexp.123.tmp"), "half an experim");
        Files.writeString(dir.resolve(".other.lexp.123.tmp"), "another file's");
        ExperimentFile.save(file, experiment, model, manifest);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run.lexp",
                    ".other.lexp.123.tmp");
        }
    }

    private void assertCorrupt(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        ModelFileException e = catchThrowableOfType(() -> ExperimentFile.load(file), ModelFileException.class);
        assertThat(e).as(name).isNotNull();
        assertThat(e.messageKey()).as(name).isEqualTo("experiment.error.corrupt");
        assertThat(e.args()).as(name).containsExactly(file.toString());
    }

    private static byte[] withExperiment(Map<String, byte[]> parts, String json) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>(parts);
        m.put(ExperimentFile.EXPERIMENT_ENTRY, json.getBytes(StandardCharsets.UTF_8));
        return zip(m);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                m.put(e.getName(), zip.readAllBytes());
            }
        }
        return m;
    }
}
