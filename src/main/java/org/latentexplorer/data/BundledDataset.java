package org.latentexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The data sets shipped with the app (see assets/data/LICENSES.md). */
public enum BundledDataset {
    MNIST("mnist", "MNIST", "mnist10k"),
    FASHION_MNIST("fashion", "Fashion-MNIST", "fashion10k");

    private static final String RESOURCE_DIR = "/org/latentexplorer/assets/data/";
    /** Where the files sit in a source checkout, for runs without the packaged resources. */
    private static final Path ASSETS_DIR = Path.of("assets", "data");

    private final String id;
    private final String displayName;
    private final String filePrefix;
    /** Loaded once: the UI and the command line ask for the same set many times. */
    private ImageSet cached;

    BundledDataset(String id, String displayName, String filePrefix) {
        this.id = id;
        this.displayName = displayName;
        this.filePrefix = filePrefix;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public synchronized ImageSet load() throws DataException {
        if (cached == null) {
            cached = read();
        }
        return cached;
    }

    public static BundledDataset byId(String id) {
        for (BundledDataset dataset : values()) {
            if (dataset.id.equals(id)) {
                return dataset;
            }
        }
        throw new IllegalArgumentException("Unknown data set '" + id + "'; valid ids are: "
                + Arrays.stream(values()).map(BundledDataset::id).collect(Collectors.joining(", ")));
    }

    private ImageSet read() throws DataException {
        String imagesName = filePrefix + "-images-idx3-ubyte.gz";
        String labelsName = filePrefix + "-labels-idx1-ubyte.gz";
        try (InputStream images = BundledDataset.class.getResourceAsStream(RESOURCE_DIR + imagesName);
                InputStream labels = BundledDataset.class.getResourceAsStream(RESOURCE_DIR + labelsName)) {
            if (images == null || labels == null) {
                return IdxReader.read(ASSETS_DIR.resolve(imagesName), ASSETS_DIR.resolve(labelsName), displayName);
            }
            return IdxReader.read(images, imagesName, labels, labelsName, displayName);
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            // Only closing a resource stream can get here; the data is already read.
            throw IdxReader.unreadable(imagesName, e);
        }
    }
}
