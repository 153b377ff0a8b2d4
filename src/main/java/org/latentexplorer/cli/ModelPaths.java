package org.latentexplorer.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.latentexplorer.engine.store.ModelStore;

/** A saved model's path as the user gives it: one that names a model, and a destination that can take one. */
final class ModelPaths {
    private ModelPaths() {
    }

    /**
     * Where {@code train} saves, checked before training starts: a run of minutes or hours is never lost at the end to
     * a destination that cannot take it. Nothing that exists is changed; missing folders are made, as saving would.
     *
     * @param out the --out value: the model's name, with or without .zip or .json
     */
    static void checkWritable(Path out) {
        checkNamed("--out", out);
        Path model = ModelStore.modelFile(out).toAbsolutePath();
        Path folder = model.getParent();
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new BadOption("cli.error.outUnderFile", out.toString(), p.toString());
                }
                break;
            }
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw notWritable(out, folder, e);
        }
        for (Path file : List.of(model, ModelStore.manifestFile(out).toAbsolutePath())) {
            if (Files.isDirectory(file)) {
                throw new BadOption("cli.error.outIsFolder", out.toString(), file.toString());
            }
        }
        // The only sure test of a folder's permissions, read-only mounts and quotas: write there.
        try {
            Files.delete(Files.createTempFile(folder, ".latent-explorer-", ".probe"));
        } catch (IOException e) {
            throw notWritable(out, folder, e);
        }
    }

    /**
     * Refuses a path whose last part names no model: "", ".", ".." and "/" name folders, ".zip" an empty name.
     *
     * @param what the option or command the path was given to, as the message names it
     */
    static void checkNamed(String what, Path path) {
        Path name = path.getFileName();
        String text = name == null ? "" : name.toString();
        if (List.of("", ".", "..", ModelStore.MODEL_EXTENSION, ModelStore.MANIFEST_EXTENSION).contains(text)) {
            throw new BadOption("cli.error.noFileName", what, path.toString());
        }
    }

    /** With the system's own reason where it gives one ("Read-only file system"); a refusal without one is denied. */
    private static BadOption notWritable(Path out, Path folder, IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null && !(e instanceof AccessDeniedException)) {
            return new BadOption("cli.error.outNotWritable", out.toString(), folder.toString(), f.getReason());
        }
        return new BadOption("cli.error.outDenied", out.toString(), folder.toString());
    }
}
