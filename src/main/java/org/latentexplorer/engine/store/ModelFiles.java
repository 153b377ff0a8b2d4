package org.latentexplorer.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.latentexplorer.data.AtomicFiles;

/**
 * The two files of a saved model, replaced together or not at all. The manifest records the SHA-256 of the weights
 * it was saved with, so a pair that does not belong together is found out when it is opened.
 *
 * <p>A save writes the new weights beside the target under a temporary name that carries their digest, then moves the
 * new manifest into place (the commit), then the weights. Killed before the commit, the old pair is untouched; killed
 * after it, the manifest names weights that wait under that temporary name, and the next load or save of the model
 * finishes the move. A save that fails after the commit (the zip cannot be replaced) puts the old manifest back.
 */
final class ModelFiles {
    /** The manifest's record of its weights; models saved before it existed (the shipped ones) have none. */
    static final String DIGEST_FIELD = "model_sha256";

    private ModelFiles() {
    }

    /** Replaces the model at {@code path} (any of its three names) by these weights and this manifest. */
    static void write(Path path, AtomicFiles.Content weights, ModelManifest manifest) throws IOException {
        Path modelFile = ModelStore.modelFile(path);
        Path manifestFile = ModelStore.manifestFile(path);
        Files.createDirectories(modelFile.toAbsolutePath().getParent());
        // A save cut short after its commit is finished first: only then are the leftovers beside it garbage.
        if (!weightsOf(path).equals(modelFile)) {
            throw new IOException("the weights of an interrupted save cannot be moved to " + modelFile);
        }
        AtomicFiles.removeTemporaries(modelFile);
        MessageDigest sha = sha256();
        Path written = AtomicFiles.writeTemporary(modelFile, out -> weights.write(new DigestOutputStream(out, sha)));
        String digest = HexFormat.of().formatHex(sha.digest());
        Path pending = pending(path, digest);
        boolean committed = false;
        try {
            AtomicFiles.moveIntoPlace(written, pending);
            byte[] oldManifest = Files.isRegularFile(manifestFile) ? Files.readAllBytes(manifestFile) : null;
            AtomicFiles.write(manifestFile, out -> ModelStore.JSON.writeValue(out, sealed(manifest, digest)));
            committed = true;
            try {
                AtomicFiles.moveIntoPlace(pending, modelFile);
            } catch (IOException e) {
                if (!digest.equals(digestOf(modelFile))) { // unless a load finished the move meanwhile
                    restore(manifestFile, oldManifest);
                    committed = false;
                    throw e;
                }
            }
        } finally {
            if (!committed) {
                Files.deleteIfExists(written);
                Files.deleteIfExists(pending);
            }
        }
    }

    /** The manifest as saved: its own fields and the digest of the weights it goes with. */
    static ObjectNode sealed(ModelManifest manifest, String digest) {
        ObjectNode node = ModelStore.JSON.valueToTree(manifest);
        node.put(DIGEST_FIELD, digest);
        return node;
    }

    /**
     * The file that holds the weights the manifest at {@code path} names: the model file, after finishing a save that
     * was cut short between its commit and its last move; the weights where they wait, if they cannot be moved.
     */
    static Path weightsOf(Path path) {
        Path modelFile = ModelStore.modelFile(path);
        String digest = recordedDigest(ModelStore.manifestFile(path));
        if (digest == null || digest.equals(digestOf(modelFile))) {
            return modelFile;
        }
        Path pending = pending(path, digest);
        if (!digest.equals(digestOf(pending))) {
            return modelFile; // not an interrupted save: opening the pair says what is wrong with it
        }
        try {
            AtomicFiles.moveIntoPlace(pending, modelFile);
            return modelFile;
        } catch (IOException e) {
            return pending; // a folder we may not write: read the weights where they are
        }
    }

    /** Where a save puts the new weights until its manifest is in place. */
    private static Path pending(Path path, String digest) {
        return AtomicFiles.temporary(ModelStore.modelFile(path), "sha256-" + digest);
    }

    /** Puts back the manifest a failed save replaced (none, if there was none), so the old pair is whole again. */
    private static void restore(Path manifestFile, byte[] old) throws IOException {
        if (old == null) {
            Files.deleteIfExists(manifestFile);
        } else {
            AtomicFiles.write(manifestFile, out -> out.write(old));
        }
    }

    /** The digest a manifest file records, or null when it records none or cannot be read. */
    private static String recordedDigest(Path manifestFile) {
        try {
            JsonNode d = ModelStore.JSON.readTree(manifestFile.toFile()).get(DIGEST_FIELD);
            return d != null && d.isTextual() ? d.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The file's SHA-256 in hexadecimal, or null when there is no such file or it cannot be read. */
    private static String digestOf(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            return null;
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String digestOf(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
