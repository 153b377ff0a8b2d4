package org.latentexplorer.cli;

import java.nio.file.Path;
import org.latentexplorer.data.DataException;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.DataSource;
import picocli.CommandLine.Option;

/** The data options shared by the commands: which images, and the seeded train / held-out split. */
final class DataOptions {
    @Option(names = "--data", description = "mnist, fashion, or the path of an IDX images file (default: ${DEFAULT-VALUE})",
            defaultValue = "mnist")
    String data;

    @Option(names = "--labels", description = "IDX labels file for --data (default: found beside the images file)")
    Path labels;

    @Option(names = "--held-out", description = "images held out for evaluation (default: ${DEFAULT-VALUE})",
            defaultValue = "" + Split.DEFAULT_HELD_OUT)
    int heldOut;

    @Option(names = "--split-seed", description = "seed of the train / held-out split (default: ${DEFAULT-VALUE})",
            defaultValue = "" + Split.DEFAULT_SEED)
    long splitSeed;

    Split split() throws DataException {
        ImageSet all = DataSource.load(data, labels);
        return Split.of(all, heldOut, splitSeed);
    }
}
