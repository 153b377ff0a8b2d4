package org.latentexplorer.engine.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.latentexplorer.data.AtomicFiles;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;

/**
 * An experiment as one file: a zip holding {@code experiment.json} (the {@link Experiment}) and, when a model was
 * open, the model as {@link ModelStore} saves it ({@code model.json} and {@code model.zip}, with optimiser state so
 * training can go on). Written atomically; read completely and checked before anything is handed back, so a bad
 * file changes nothing.
 */
public final class ExperimentFile {
    public static final String EXTENSION = ".lexp";
    static final String EXPERIMENT_ENTRY = "experiment.json";
    static final String MANIFEST_ENTRY = "model.json";
    static final String MODEL_ENTRY = "model.zip";
    /** Far above any model of this app; guards against a hostile zip inflating without end. */
    private static final long MAX_ENTRY_BYTES = 1L << 30;

    /** An opened experiment; {@code model} is null when none was open when it was saved. */
    public record Loaded(Experiment experiment, ModelStore.Loaded model) {
    }

    private ExperimentFile() {
    }

    /** Refuses, like {@link ModelStore#save}, a model whose weights hold NaN or infinity. */
    public static void save(Path path, Experiment experiment, GenerativeModel model, ModelManifest manifest)
            throws ModelFileException {
        if (model != null && !ModelStore.finite(model)) {
            throw ModelFileException.of("experiment.error.saveNotFinite", null, path.toString());
        }
        try {
            byte[] modelBytes = model == null ? null : weights(model);
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            AtomicFiles.write(path, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                entry(zip, EXPERIMENT_ENTRY, ModelStore.JSON.writeValueAsBytes(experiment));
                if (modelBytes != null) {
                    // Sealed with the weights' digest, as beside a model file: a swapped entry is found out.
                    entry(zip, MANIFEST_ENTRY, ModelStore.JSON.writeValueAsBytes(
                            ModelFiles.sealed(manifest, ModelFiles.digestOf(modelBytes))));
                    entry(zip, MODEL_ENTRY, modelBytes);
                }
                zip.finish();
            });
        } catch (IOException | RuntimeException e) {
            throw ModelFileException.of("experiment.error.write", e, path.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** The model as its own zip, in memory: it goes into the experiment's zip as one entry. */
    private static byte[] weights(GenerativeModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out, true);
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    public static Loaded load(Path path) throws ModelFileException {
        if (!Files.isRegularFile(path)) {
            throw ModelFileException.of("experiment.error.missing", null, path.toString());
        }
        Map<String, byte[]> entries;
        try (InputStream in = Files.newInputStream(path); ZipFile zip = new ZipFile(path.toFile())) {
            entries = entries(in);
            // The central directory at the end lists every entry: a file cut short between two entries is found out.
            if (zip.size() != entries.size()) {
                throw new IOException("the central directory lists " + zip.size() + " entries, " + entries.size()
                        + " were read");
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt(path, e);
        }
        Experiment experiment;
        try {
            byte[] json = entries.get(EXPERIMENT_ENTRY);
            experiment = json == null ? null : ModelStore.JSON.readValue(json, Experiment.class);
        } catch (IOException | RuntimeException e) {
            throw corrupt(path, e);
        }
        if (!complete(experiment)) {
            throw corrupt(path, null);
        }
        byte[] manifest = entries.get(MANIFEST_ENTRY);
        byte[] weights = entries.get(MODEL_ENTRY);
        if ((manifest == null) != (weights == null)) {
            throw corrupt(path, null);
        }
        ModelStore.Loaded model = null;
        if (manifest != null) {
            try {
                model = ModelStore.read(manifest, weights, path + " (" + MANIFEST_ENTRY + ")",
                        path + " (" + MODEL_ENTRY + ")");
            } catch (ModelFileException e) {
                throw ModelFileException.of("experiment.error.model", e, path.toString(), e);
            }
            if (!model.manifest().kind().equals(experiment.kind())) {
                throw corrupt(path, null);
            }
        }
        return new Loaded(experiment, model);
    }

    private static Map<String, byte[]> entries(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        byte[] buffer = new byte[1 << 16];
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int n; (n = zip.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > MAX_ENTRY_BYTES) {
                    throw new IOException("entry " + e.getName() + " is too large");
                }
            }
            entries.put(e.getName(), bytes.toByteArray());
        }
        return entries;
    }

    /**
     * Whether what was read is an experiment this version can reproduce: a format it knows, every part named, and
     * either a model section's run (a known kind with its training settings) or the lab's (its settings and state).
     */
    static boolean complete(Experiment e) {
        if (e == null || e.format() != Experiment.FORMAT || e.section() == null || e.dataset() == null) {
            return false;
        }
        boolean modelRun = e.kind() != null && e.training() != null && e.lab() == null;
        boolean labRun = e.kind() == null && e.lab() != null && e.lab().settings() != null && e.lab().state() != null;
        if (!modelRun && !labRun) {
            return false;
        }
        if (modelRun) {
            try {
                ModelKind.byId(e.kind());
            } catch (IllegalArgumentException unknown) {
                return false;
            }
        }
        return e.curves().values().stream().allMatch(c -> c != null && c.stream().allMatch(p -> p != null && p.length == 2));
    }

    private static ModelFileException corrupt(Path path, Throwable cause) {
        return ModelFileException.of("experiment.error.corrupt", cause, path.toString());
    }
}
