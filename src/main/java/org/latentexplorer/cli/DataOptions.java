package org.latentexplorer.cli;

import java.nio.file.Path;
import org.latentexplorer.data.DataException;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.DataSource;
import picocli.CommandLine.Option;

/** The data options shared by the commands: which images, and the seeded train / held-out split. */
final class DataOptions {
    @Option(names = "--data", description = "mnist, fashion, or the path of an IDX images file (default: mnist for"
            + " train; for eval, the data set the model was trained on)")
    String data;

    @Option(names = "--labels", description = "IDX labels file for an images file given with --data (default: found"
            + " beside it)")
    Path labels;

    @Option(names = "--held-out", description = "images held out for evaluation (default: ${DEFAULT-VALUE})",
            defaultValue = "" + Split.DEFAULT_HELD_OUT)
    int heldOut;

    @Option(names = "--split-seed", description = "seed of the train / held-out split (default: ${DEFAULT-VALUE})",
            defaultValue = "" + Split.DEFAULT_SEED)
    long splitSeed;

    /** What --data names, or {@code otherwise} when it is not given. */
    String spec(String otherwise) {
        return data != null ? data : otherwise;
    }

    /** Refuses what can be refused without reading anything, so a command fails before its slow work starts. */
    void check(String spec) {
        if (spec.isBlank()) {
            throw new BadOption("cli.error.dataEmpty", "--data");
        }
        if (labels != null && DataSource.isBundled(spec)) {
            throw new BadOption("cli.error.labelsWithBundled", "--labels", spec);
        }
        // The upper bound depends on the set's size, known once it is read.
        BadOption.atLeast("--held-out", heldOut, 1);
    }

    /** Reads the data set {@code spec} names, with a progress line for a large file, and splits it. */
    Split split(String spec) throws DataException {
        check(spec);
        ImageSet all = DataSource.load(spec, labels, new ProgressLine(spec));
        BadOption.inRange("--held-out", heldOut, 1, all.size() - 1);
        return Split.of(all, heldOut, splitSeed);
    }
}
