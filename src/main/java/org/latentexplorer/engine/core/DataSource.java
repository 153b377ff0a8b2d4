package org.latentexplorer.engine.core;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.DataException;
import org.latentexplorer.data.FolderSet;
import org.latentexplorer.data.FolderSpec;
import org.latentexplorer.data.IdxReader;
import org.latentexplorer.data.ImageFolder;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.MnistStyle.Polarity;

/**
 * Resolves what a user names as data: a bundled set's id ("mnist", "fashion"), the path of an IDX images file, or a
 * folder of pictures (or a zip of one), which a spec names as {@link FolderSpec} writes it.
 */
public final class DataSource {
    private DataSource() {
    }

    public static boolean isBundled(String spec) {
        return Arrays.stream(BundledDataset.values()).anyMatch(d -> d.id().equalsIgnoreCase(spec));
    }

    /** @param labels the labels file, or null to look for it beside the images file */
    public static ImageSet load(String spec, Path labels) throws DataException {
        return load(spec, labels, fraction -> { });
    }

    /**
     * @param progress gets the share of an images file read so far, from 0 to 1, while a large one is read (a bundled
     *     set is read at once)
     */
    public static ImageSet load(String spec, Path labels, DoubleConsumer progress) throws DataException {
        // A folder's path as the user typed it reads as well as its spec.
        FolderSpec folder = FolderSpec.parse(canonical(spec, null));
        if (folder != null) {
            return ImageFolder.read(folder, progress, () -> false).images();
        }
        if (isBundled(spec)) {
            return BundledDataset.byId(spec.toLowerCase(Locale.ROOT)).load();
        }
        Path images = existingImages(spec);
        Path labelFile = labels != null ? labels : IdxReader.labelsFileFor(images);
        if (labelFile == null) {
            throw new DataException("data.error.noLabels", IdxReader.fileName(images));
        }
        return IdxReader.read(images, labelFile, IdxReader.fileName(images), progress);
    }

    /** A folder of pictures as it was read, with its skipped files; it can be cancelled (see {@link ImageFolder}). */
    public static FolderSet loadFolder(FolderSpec spec, DoubleConsumer progress, BooleanSupplier cancelled)
            throws DataException {
        return ImageFolder.read(spec, progress, cancelled);
    }

    /**
     * What a user typed as data, as a spec to load and to record: an existing folder or zip file becomes a
     * {@link FolderSpec} of its absolute path (turned as {@code polarity} says, or automatically when it is null); any
     * other name is kept as it is.
     */
    public static String canonical(String given, Polarity polarity) throws DataException {
        FolderSpec folder = FolderSpec.parse(given);
        if (folder == null && !isBundled(given)) {
            try {
                Path path = Path.of(given);
                if (Files.exists(path) && FolderSpec.isFolderOrZip(path)) {
                    folder = new FolderSpec(path, Polarity.AUTO);
                }
            } catch (InvalidPathException e) {
                return given;
            }
        }
        if (folder == null) {
            return given;
        }
        return (polarity == null ? folder : folder.with(polarity)).spec();
    }

    /** Whether a spec names a folder of pictures. */
    public static boolean isFolder(String spec) {
        return spec != null && spec.startsWith(FolderSpec.PREFIX);
    }

    /** What a list shows for a spec: a bundled set's name, a file's or folder's name. */
    public static String displayName(String spec) {
        if (isBundled(spec)) {
            return BundledDataset.byId(spec.toLowerCase(Locale.ROOT)).displayName();
        }
        try {
            FolderSpec folder = FolderSpec.parse(spec);
            return folder != null ? folder.displayName() : IdxReader.fileName(Path.of(spec));
        } catch (DataException | InvalidPathException e) {
            return spec;
        }
    }

    /**
     * The images file a spec names. A single word without an extension that names no file was meant as a bundled
     * set's id (a typo of "mnist"), so it is told apart from a path that is not there.
     */
    private static Path existingImages(String spec) throws DataException {
        Path images;
        try {
            images = Path.of(spec);
        } catch (InvalidPathException e) {
            throw new DataException("data.error.unknown", spec);
        }
        if (!Files.exists(images) && images.getNameCount() == 1 && !spec.contains(".")) {
            throw new DataException("data.error.unknown", spec);
        }
        IdxReader.checkFile(images);
        return images;
    }
}
