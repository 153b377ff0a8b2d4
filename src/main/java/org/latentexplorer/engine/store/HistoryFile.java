package org.latentexplorer.engine.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.latentexplorer.data.AtomicFiles;

/**
 * The history a model ships with, beside its model file: the run that made it as an experiment without weights (its
 * settings, curves and view), so the model's section opens with full charts. Gzipped JSON: a GAN's timeline of sample
 * grids is most of it.
 */
public final class HistoryFile {
    public static final String EXTENSION = ".history.json.gz";

    private HistoryFile() {
    }

    /** {@code models/gan-mnist.history.json.gz} for any name of the model {@code models/gan-mnist}. */
    public static Path of(Path modelPath) {
        Path base = ModelStore.base(modelPath);
        return base.resolveSibling(base.getFileName() + EXTENSION);
    }

    /** Written atomically, as the model files are. */
    public static void save(Experiment history, Path modelPath) throws ModelFileException {
        Path file = of(modelPath);
        try {
            AtomicFiles.write(file, out -> {
                GZIPOutputStream zip = new GZIPOutputStream(out);
                zip.write(ModelStore.JSON.writeValueAsBytes(history));
                zip.finish();
            });
        } catch (IOException | RuntimeException e) {
            throw ModelFileException.of("model.error.write", e, file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** The history saved beside the model {@code modelPath} names. */
    public static Experiment read(Path modelPath) throws ModelFileException {
        Path file = of(modelPath);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw corrupt(file.toString(), e);
        }
    }

    /** The history of a model shipped inside the app, or null when it ships without one. */
    public static Experiment loadBundled(String name) throws ModelFileException {
        String file = name + EXTENSION;
        try (InputStream in = HistoryFile.class.getResourceAsStream(ModelStore.BUNDLED_FOLDER + file)) {
            return in == null ? null : read(in, file);
        } catch (IOException e) {
            throw corrupt(file, e);
        }
    }

    static Experiment read(InputStream in, String fileName) throws ModelFileException {
        Experiment history;
        try (InputStream json = new GZIPInputStream(in)) {
            history = ModelStore.JSON.readValue(json, Experiment.class);
        } catch (IOException | RuntimeException e) {
            throw corrupt(fileName, e);
        }
        if (!ExperimentFile.complete(history)) {
            throw corrupt(fileName, null);
        }
        return history;
    }

    private static ModelFileException corrupt(String fileName, Throwable cause) {
        return ModelFileException.of("experiment.error.corrupt", cause, fileName);
    }
}
