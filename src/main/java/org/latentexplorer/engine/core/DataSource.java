package org.latentexplorer.engine.core;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.DataException;
import org.latentexplorer.data.IdxReader;
import org.latentexplorer.data.ImageSet;

/** Resolves what a user names as data: a bundled set's id ("mnist", "fashion") or the path of an IDX images file. */
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
