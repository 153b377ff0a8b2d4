package org.latentexplorer.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        if (isBundled(spec)) {
            return BundledDataset.byId(spec).load();
        }
        Path images = Path.of(spec);
        Path labelFile = labels != null ? labels : IdxReader.labelsFileFor(images);
        if (labelFile == null || !Files.exists(labelFile)) {
            String name = images.getFileName().toString();
            throw new DataException("data.error.noLabels", name);
        }
        return IdxReader.read(images, labelFile, images.getFileName().toString());
    }
}
