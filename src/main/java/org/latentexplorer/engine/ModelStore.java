package org.latentexplorer.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentexplorer.data.AtomicFiles;

/**
 * Saves a model as its DL4J file ({@code name.zip}) plus a manifest ({@code name.json}), each written to a
 * temporary file and moved into place; loads them back with every failure mapped to one clear error.
 */
public final class ModelStore {
    public static final String MODEL_EXTENSION = ".zip";
    public static final String MANIFEST_EXTENSION = ".json";
    /** Classpath folder of the pre-trained models shipped with the app. */
    public static final String BUNDLED_FOLDER = "/org/latentexplorer/models/";

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record Loaded(GenerativeModel model, ModelManifest manifest) {
    }

    private ModelStore() {
    }

    /** {@code models/ae-mnist}, {@code models/ae-mnist.zip} and {@code models/ae-mnist.json} all name the same model. */
    public static Path base(Path path) {
        String name = path.getFileName().toString();
        for (String ext : new String[] {MODEL_EXTENSION, MANIFEST_EXTENSION}) {
            if (name.endsWith(ext)) {
                return path.resolveSibling(name.substring(0, name.length() - ext.length()));
            }
        }
        return path;
    }

    public static Path modelFile(Path path) {
        return withSuffix(base(path), MODEL_EXTENSION);
    }

    public static Path manifestFile(Path path) {
        return withSuffix(base(path), MANIFEST_EXTENSION);
    }

    private static Path withSuffix(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    public static void save(GenerativeModel model, ModelManifest manifest, Path path, boolean withOptimizerState)
            throws ModelFileException {
        save(out -> model.write(out, withOptimizerState), manifest, path);
    }

    /** The shipped classifier that measures generated samples; saved like a model, without optimiser state. */
    public static void saveClassifier(Classifier classifier, ModelManifest manifest, Path path) throws ModelFileException {
        save(classifier::write, manifest, path);
    }

    private static void save(AtomicFiles.Content modelWriter, ModelManifest manifest, Path path) throws ModelFileException {
        Path modelFile = modelFile(path);
        try {
            Path parent = modelFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Both files are complete on disk before either replaces an existing model.
            Path modelTmp = AtomicFiles.writeTemporary(modelFile, modelWriter);
            Path manifestTmp = null;
            try {
                manifestTmp = AtomicFiles.writeTemporary(manifestFile(path), out -> JSON.writeValue(out, manifest));
                AtomicFiles.moveIntoPlace(modelTmp, modelFile);
                AtomicFiles.moveIntoPlace(manifestTmp, manifestFile(path));
            } finally {
                Files.deleteIfExists(modelTmp);
                if (manifestTmp != null) {
                    Files.deleteIfExists(manifestTmp);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException("model.error.write", "Could not save the model to " + modelFile + ": "
                    + e.getMessage(), e, modelFile.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Reads a model's files once their manifest is known: the one step that differs between what is stored. */
    private interface Reader<T> {
        T read(ModelManifest manifest, InputStream modelIn) throws Exception;
    }

    private static final Reader<Loaded> GENERATIVE = (manifest, in) -> new Loaded(Models.read(manifest, in), manifest);
    private static final Reader<Classifier> CLASSIFIER = (manifest, in) -> {
        if (!Classifier.KIND.equals(manifest.kind())) {
            throw new IllegalStateException("not a classifier: " + manifest.kind());
        }
        return Classifier.read(in);
    };

    public static Loaded load(Path path) throws ModelFileException {
        return load(path, GENERATIVE);
    }

    public static Classifier loadClassifier(Path path) throws ModelFileException {
        return load(path, CLASSIFIER);
    }

    private static <T> T load(Path path, Reader<T> reader) throws ModelFileException {
        Path manifestFile = manifestFile(path);
        Path modelFile = modelFile(path);
        for (Path p : new Path[] {manifestFile, modelFile}) {
            if (!Files.isRegularFile(p)) {
                throw new ModelFileException("model.error.missing", "Model file not found: " + p, null, p.toString());
            }
        }
        try (InputStream manifestIn = Files.newInputStream(manifestFile);
                InputStream modelIn = Files.newInputStream(modelFile)) {
            return read(manifestIn, modelIn, modelFile.toString(), reader);
        } catch (IOException e) {
            throw corrupt(modelFile.toString(), e);
        }
    }

    /** A pre-trained model shipped inside the app, by its base name (for example {@code ae-mnist}). */
    public static Loaded loadBundled(String name) throws ModelFileException {
        return loadBundled(name, GENERATIVE);
    }

    /** A shipped classifier, by its base name (for example {@code classifier-mnist}). */
    public static Classifier loadBundledClassifier(String name) throws ModelFileException {
        return loadBundled(name, CLASSIFIER);
    }

    private static <T> T loadBundled(String name, Reader<T> reader) throws ModelFileException {
        String base = BUNDLED_FOLDER + name;
        try (InputStream manifestIn = ModelStore.class.getResourceAsStream(base + MANIFEST_EXTENSION);
                InputStream modelIn = ModelStore.class.getResourceAsStream(base + MODEL_EXTENSION)) {
            if (manifestIn == null || modelIn == null) {
                throw new ModelFileException("model.error.missing", "Model file not found: " + name, null, name);
            }
            return read(manifestIn, modelIn, name, reader);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw corrupt(name, e);
        }
    }

    /** The kind a saved model's manifest declares, to choose how to open it; the manifest alone is read. */
    public static String kindOf(Path path) throws ModelFileException {
        Path manifestFile = manifestFile(path);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ModelFileException("model.error.missing", "Model file not found: " + manifestFile, null,
                    manifestFile.toString());
        }
        try (InputStream in = Files.newInputStream(manifestFile)) {
            return readManifest(in, manifestFile.toString()).kind();
        } catch (IOException e) {
            throw corrupt(manifestFile.toString(), e);
        }
    }

    /** The kind a shipped model's manifest declares. */
    public static String bundledKindOf(String name) throws ModelFileException {
        try (InputStream in = ModelStore.class.getResourceAsStream(BUNDLED_FOLDER + name + MANIFEST_EXTENSION)) {
            if (in == null) {
                throw new ModelFileException("model.error.missing", "Model file not found: " + name, null, name);
            }
            return readManifest(in, name).kind();
        } catch (IOException e) {
            throw corrupt(name, e);
        }
    }

    public static boolean bundledExists(String name) {
        return ModelStore.class.getResource(BUNDLED_FOLDER + name + MANIFEST_EXTENSION) != null;
    }

    /** A model from its manifest's and its weights' bytes, wherever they are stored (an experiment file holds both). */
    static Loaded read(InputStream manifestIn, InputStream modelIn, String fileName) throws ModelFileException {
        return read(manifestIn, modelIn, fileName, GENERATIVE);
    }

    private static <T> T read(InputStream manifestIn, InputStream modelIn, String fileName, Reader<T> reader)
            throws ModelFileException {
        ModelManifest manifest = readManifest(manifestIn, fileName);
        try {
            return reader.read(manifest, modelIn);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // DL4J reports a damaged zip as EOFException, ZipException, IllegalStateException or worse.
            throw corrupt(fileName, e);
        }
    }

    private static ModelManifest readManifest(InputStream in, String fileName) throws ModelFileException {
        ModelManifest manifest;
        try {
            manifest = JSON.readValue(in, ModelManifest.class);
        } catch (IOException | RuntimeException e) {
            throw corrupt(fileName, e);
        }
        if (manifest == null || manifest.kind() == null || manifest.format() != ModelManifest.FORMAT) {
            throw corrupt(fileName, null);
        }
        return manifest;
    }

    private static ModelFileException corrupt(String fileName, Throwable cause) {
        return new ModelFileException("model.error.corrupt", "Cannot open " + fileName
                + ": the file is corrupt or is not a Latent Explorer model of a kind this version knows.", cause, fileName);
    }
}
