package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.latentexplorer.data.DataException;
import org.latentexplorer.data.FolderSet;
import org.latentexplorer.data.FolderSpec;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.MnistStyle.Polarity;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.DataSource;
import org.latentexplorer.i18n.Messages;
import picocli.CommandLine.Option;

/** The data options shared by the commands: which images, and the seeded train / held-out split. */
final class DataOptions {
    /** Skipped files listed one a line before the rest are only counted. */
    static final int SKIPPED_SHOWN = 20;

    @Option(names = "--data", description = "mnist, fashion, the path of an IDX images file, or a folder of pictures"
            + " (PNG, JPEG, GIF, BMP; one sub-folder per label) or a zip of one (default: mnist for train; for eval,"
            + " the data set the model was trained on)")
    String data;

    @Option(names = "--labels", description = "IDX labels file for an images file given with --data (default: found"
            + " beside it)")
    Path labels;

    @Option(names = "--invert", description = "for a folder of pictures: auto (invert when most pictures are dark"
            + " strokes on a light ground), keep or invert the grey levels (default: auto)")
    String invert;

    @Option(names = "--held-out", description = "images held out for evaluation (default: " + Split.DEFAULT_HELD_OUT
            + ", or a tenth of a smaller set)")
    Integer heldOut;

    // No defaultValue: a command that splits nothing refuses it when it is given.
    @Option(names = "--split-seed", description = "seed of the train / held-out split (default: " + Split.DEFAULT_SEED
            + ")")
    Long splitSeed;

    /**
     * What --data names, or {@code otherwise} when it is not given, as the spec to read and record: a folder's
     * absolute path with the polarity --invert asks for.
     */
    String spec(String otherwise) throws DataException {
        String given = data != null ? data : otherwise;
        if (given.isBlank()) {
            throw new BadOption("cli.error.dataEmpty", "--data");
        }
        return DataSource.canonical(given, polarity());
    }

    private Polarity polarity() {
        return invert == null ? null : BadOption.choice("--invert", invert, Polarity.values(),
                p -> p.name().toLowerCase(Locale.ROOT));
    }

    /** Refuses what can be refused without reading anything, so a command fails before its slow work starts. */
    void check(String spec) {
        if (spec.isBlank()) {
            throw new BadOption("cli.error.dataEmpty", "--data");
        }
        if (labels != null && DataSource.isBundled(spec)) {
            throw new BadOption("cli.error.labelsWithBundled", "--labels", spec);
        }
        if (labels != null && DataSource.isFolder(spec)) {
            throw new BadOption("cli.error.labelsWithFolder", "--labels");
        }
        if (invert != null && !DataSource.isFolder(spec)) {
            throw new BadOption("cli.error.invertNotFolder", "--invert", spec);
        }
        // The upper bound depends on the set's size, known once it is read.
        if (heldOut != null) {
            BadOption.atLeast("--held-out", heldOut, 1);
        }
    }

    /** Reads the data set {@code spec} names, with a progress line for a large one, and splits it. */
    Split split(String spec) throws DataException {
        check(spec);
        ImageSet all = read(spec);
        int held = heldOut != null ? BadOption.inRange("--held-out", heldOut, 1, all.size() - 1)
                : Split.defaultHeldOut(all.size());
        return Split.of(all, held, splitSeed != null ? splitSeed : Split.DEFAULT_SEED);
    }

    /** The set; a folder's is told on stderr: its size and labels, how it was turned, and each file skipped. */
    ImageSet read(String spec) throws DataException {
        FolderSpec folder = FolderSpec.parse(spec);
        if (folder == null) {
            return DataSource.load(spec, labels, new ProgressLine(spec));
        }
        FolderSet set = DataSource.loadFolder(folder, new ProgressLine(folder.displayName()), () -> false);
        report(set);
        return set.images();
    }

    static void report(FolderSet set) {
        Locale locale = Locale.getDefault();
        System.err.println(Messages.format(locale, "data.folder.report", set.spec().displayName(), set.images().size(),
                set.classNames().size(), set.skipped().size(), set.inverted() ? 1 : 0));
        List<FolderSet.Skipped> skipped = set.skipped();
        for (int i = 0; i < Math.min(SKIPPED_SHOWN, skipped.size()); i++) {
            System.err.println(Messages.format(locale, "data.skipped.line", skipped.get(i).localized(locale)));
        }
        if (skipped.size() > SKIPPED_SHOWN) {
            System.err.println(Messages.format(locale, "data.skipped.more", skipped.size() - SKIPPED_SHOWN));
        }
    }
}
