package org.latentexplorer.engine.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.latentexplorer.data.AtomicFiles;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.Classifier;
import org.latentexplorer.engine.core.DataSource;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.gan.QualityReference;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Saves a model as its DL4J file ({@code name.zip}) plus a manifest ({@code name.json}), both replaced together
 * ({@link ModelFiles}); loads them back with every failure mapped to one clear error that names the file at fault.
 */
public final class ModelStore {
    public static final String MODEL_EXTENSION = ".zip";
    public static final String MANIFEST_EXTENSION = ".json";
    /** Classpath folder of the pre-trained models shipped with the app. */
    public static final String BUNDLED_FOLDER = "/org/latentexplorer/models/";
    /** Far above any model of this app; a larger file is not read into memory. */
    private static final long MAX_MODEL_BYTES = 1L << 30;

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

    /** Refuses a model whose weights hold NaN or infinity (a diverged run): such a file could only mislead. */
    public static void save(GenerativeModel model, ModelManifest manifest, Path path, boolean withOptimizerState)
            throws ModelFileException {
        if (!finite(model)) {
            throw ModelFileException.of("model.error.saveNotFinite", null, modelFile(path).toString());
        }
        save(out -> model.write(out, withOptimizerState), manifest, path);
    }

    /** The shipped classifier that measures generated samples; saved like a model, without optimiser state. */
    public static void saveClassifier(Classifier classifier, ModelManifest manifest, Path path) throws ModelFileException {
        save(classifier::write, manifest, path);
    }

    private static void save(AtomicFiles.Content weights, ModelManifest manifest, Path path) throws ModelFileException {
        try {
            ModelFiles.write(path, weights, manifest);
        } catch (IOException | RuntimeException e) {
            throw ModelFileException.of("model.error.write", e, modelFile(path).toString(), reason(e));
        }
    }

    /** Whether every parameter is a finite number. */
    static boolean finite(GenerativeModel model) {
        INDArray p = model.parameters();
        return !p.isNaN().any() && !p.isInfinite().any();
    }

    /** Reads a model's files once their manifest is known: the one step that differs between what is stored. */
    private interface Reader<T> {
        T read(ModelManifest manifest, InputStream modelIn) throws Exception;
    }

    private static final Reader<Loaded> GENERATIVE = (manifest, in) -> new Loaded(Models.read(manifest, in), manifest);
    private static final Reader<Classifier> CLASSIFIER = (manifest, in) -> {
        if (!Classifier.KIND.equals(manifest.kind())) {
            throw new IllegalStateException("its kind is " + manifest.kind() + ", not " + Classifier.KIND);
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
        requireFile(manifestFile);
        byte[] manifest = bytes(manifestFile, manifestFile);
        Path weightsFile = ModelFiles.weightsOf(path);
        requireFile(weightsFile);
        byte[] weights = bytes(weightsFile, modelFile);
        // Opening it as a ZipFile reads the central directory at its end: a file cut short between two entries fails.
        try (ZipFile whole = new ZipFile(weightsFile.toFile())) {
            whole.size();
        } catch (IOException e) {
            throw corrupt(modelFile.toString(), e);
        }
        return read(manifest, weights, manifestFile.toString(), modelFile.toString(), reader);
    }

    private static void requireFile(Path p) throws ModelFileException {
        if (!Files.isRegularFile(p)) {
            throw ModelFileException.of("model.error.missing", null, p.toString());
        }
    }

    /** A file's bytes; a file too large to be a model of this app is corrupt rather than read. */
    private static byte[] bytes(Path file, Path named) throws ModelFileException {
        try {
            if (Files.size(file) > MAX_MODEL_BYTES) {
                throw new IOException("larger than " + MAX_MODEL_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw corrupt(named.toString(), e);
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

    /**
     * What a GAN's samples on this data set are scored against: the shipped classifier of a bundled data set and its
     * real-data figures; null for a data set without one (a user's own), whose samples go unscored.
     */
    public static QualityReference bundledQualityReference(String dataSpec, Split split) throws ModelFileException {
        String name = Classifier.KIND + "-" + dataSpec;
        if (!DataSource.isBundled(dataSpec) || !bundledExists(name)) {
            return null;
        }
        return QualityReference.of(loadBundledClassifier(name), split);
    }

    private static <T> T loadBundled(String name, Reader<T> reader) throws ModelFileException {
        String base = BUNDLED_FOLDER + name;
        try (InputStream manifestIn = ModelStore.class.getResourceAsStream(base + MANIFEST_EXTENSION);
                InputStream modelIn = ModelStore.class.getResourceAsStream(base + MODEL_EXTENSION)) {
            if (manifestIn == null || modelIn == null) {
                throw ModelFileException.of("model.error.missing", null, name);
            }
            return read(manifestIn.readAllBytes(), modelIn.readAllBytes(), name + MANIFEST_EXTENSION,
                    name + MODEL_EXTENSION, reader);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw corrupt(name, e);
        }
    }

    /** The kind a saved model's manifest declares, to choose how to open it; the manifest alone is read. */
    public static String kindOf(Path path) throws ModelFileException {
        Path manifestFile = manifestFile(path);
        requireFile(manifestFile);
        return manifest(bytes(manifestFile, manifestFile), manifestFile.toString()).kind();
    }

    /** The kind a shipped model's manifest declares. */
    public static String bundledKindOf(String name) throws ModelFileException {
        try (InputStream in = ModelStore.class.getResourceAsStream(BUNDLED_FOLDER + name + MANIFEST_EXTENSION)) {
            if (in == null) {
                throw ModelFileException.of("model.error.missing", null, name);
            }
            return manifest(in.readAllBytes(), name + MANIFEST_EXTENSION).kind();
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw corrupt(name, e);
        }
    }

    public static boolean bundledExists(String name) {
        return ModelStore.class.getResource(BUNDLED_FOLDER + name + MANIFEST_EXTENSION) != null;
    }

    /**
     * A model from its manifest's and its weights' bytes, wherever they are stored (an experiment file holds both);
     * the names are those the errors give the two parts.
     */
    static Loaded read(byte[] manifest, byte[] weights, String manifestName, String modelName) throws ModelFileException {
        return read(manifest, weights, manifestName, modelName, GENERATIVE);
    }

    /**
     * Checks in the order that tells which file is at fault: the manifest's own fields; whether the weights are a
     * whole zip; whether they are those the manifest was saved with; whether they fit the manifest; and whether they
     * are finite numbers.
     */
    private static <T> T read(byte[] manifestBytes, byte[] weights, String manifestName, String modelName,
            Reader<T> reader) throws ModelFileException {
        JsonNode root = tree(manifestBytes, manifestName);
        ModelManifest manifest = ModelManifest.check(root, manifestName);
        JsonNode digest = root.get(ModelFiles.DIGEST_FIELD);
        if (digest != null && !(digest.isTextual() && digest.asText().matches("[0-9a-f]{64}"))) {
            throw ModelManifest.typeError(manifestName, ModelFiles.DIGEST_FIELD, ModelManifest.Type.SHA256, digest);
        }
        if (!wholeZip(weights)) {
            throw corrupt(modelName, null);
        }
        if (digest != null && !digest.asText().equals(ModelFiles.digestOf(weights))) {
            throw ModelFileException.of("model.error.notPair", null, modelName, manifestName);
        }
        T model;
        try {
            model = reader.read(manifest, new ByteArrayInputStream(weights));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // The weights are a whole zip (and, where recorded, the very ones saved with this manifest): the
            // manifest describes a model they are not. DL4J words this as anything from EOFException to
            // IllegalStateException, so its reason is passed on as it is.
            throw ModelFileException.of("model.error.mismatch", e, manifestName, modelName, reason(e));
        }
        if (model instanceof Loaded loaded && !finite(loaded.model())) {
            throw ModelFileException.of("model.error.notFinite", null, modelName);
        }
        return model;
    }

    private static JsonNode tree(byte[] bytes, String fileName) throws ModelFileException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            throw corrupt(fileName, e);
        }
        if (root.isMissingNode()) {
            throw corrupt(fileName, null); // an empty file
        }
        return root;
    }

    private static ModelManifest manifest(byte[] bytes, String fileName) throws ModelFileException {
        return ModelManifest.check(tree(bytes, fileName), fileName);
    }

    /** Whether the bytes are a zip of at least one entry, each of which reads back with a correct checksum. */
    private static boolean wholeZip(byte[] bytes) {
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (; zip.getNextEntry() != null; entries++) {
                zip.transferTo(OutputStream.nullOutputStream()); // to the entry's end, where its CRC is checked
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return entries > 0;
    }

    private static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static ModelFileException corrupt(String fileName, Throwable cause) {
        return ModelFileException.of("model.error.corrupt", cause, fileName);
    }
}
