package org.latentexplorer.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Files written under a temporary name beside the target and then moved into place, so a crash or an error
 * mid-write never leaves half a file under the real name (nor replaces a good one).
 */
public final class AtomicFiles {
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Writes a file's whole content to a stream. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** A hidden name beside the target, unique by its tag, that {@link #removeTemporaries} knows as a leftover. */
    public static Path temporary(Path target, String tag) {
        return target.resolveSibling("." + target.getFileName() + "." + tag + TEMPORARY_SUFFIX);
    }

    /**
     * Writes the content beside the target under a temporary name, which is deleted again if writing fails. The
     * content is on the disk, not only in the system's cache, when this returns: a move that follows never makes a
     * file whose content a power cut could still lose.
     */
    public static Path writeTemporary(Path target, Content content) throws IOException {
        Path tmp = temporary(target, Long.toString(System.nanoTime()));
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
                content.write(out);
            }
            try (FileChannel written = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                written.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /** Deletes the temporary files that writes of the target cut short (by a crash or a kill) left beside it. */
    public static void removeTemporaries(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX) && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes the whole file under a temporary name and moves it into place; the temporary file never stays behind, and
     * those of earlier writes that a kill cut short go first.
     */
    public static void write(Path target, Content content) throws IOException {
        removeTemporaries(target);
        Path tmp = writeTemporary(target, content);
        try {
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Saves a file the user chose (an exported image or table) into an existing folder, with the failures a user can
     * act on told apart: no such folder, no permission, anything else with the system's reason.
     */
    public static void save(Path file, Content content) throws DataException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new DataException("export.error.noFolder", target.toString(), String.valueOf(folder));
        }
        try {
            write(target, content);
        } catch (AccessDeniedException e) {
            throw new DataException("export.error.denied", target.toString(), folder.toString());
        } catch (IOException | RuntimeException e) {
            throw new DataException("export.error.write", target.toString(),
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }
}
