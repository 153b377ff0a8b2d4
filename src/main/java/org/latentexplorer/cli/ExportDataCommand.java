package org.latentexplorer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.data.IdxWriter;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.PngFolderWriter;
import org.latentexplorer.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A data set written for other tools: a folder of pictures (converted as training reads it) as IDX files, or any set
 * (an IDX pair, a bundled one, a folder) as a folder of PNG pictures in label sub-folders, which reads back as a folder.
 */
@Command(name = "export-data", mixinStandardHelpOptions = true,
        description = "Write a data set as IDX files (images and labels, the MNIST format) or as a folder of 28 x 28 PNG"
                + " pictures in one sub-folder per label.")
final class ExportDataCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--idx-out", description = "write PREFIX-images-idx3-ubyte.gz and PREFIX-labels-idx1-ubyte.gz")
    Path idxOut;

    @Option(names = "--folder-out", description = "write a new (or empty) folder of PNG pictures, one sub-folder per"
            + " label")
    Path folderOut;

    @Override
    public Integer call() throws Exception {
        if ((idxOut == null) == (folderOut == null)) {
            throw new BadOption("cli.error.exportTarget", "--idx-out", "--folder-out");
        }
        if (data.data == null) {
            throw new BadOption("cli.error.needs", "export-data", "--data");
        }
        if (data.heldOut != null) {
            throw BadOption.notFor("--held-out", "export-data");
        }
        if (data.splitSeed != null) {
            throw BadOption.notFor("--split-seed", "export-data");
        }
        if (idxOut != null) {
            ModelPaths.checkNamed("--idx-out", idxOut);
        }
        String spec = data.spec(null);
        data.check(spec);
        ImageSet set = data.read(spec);
        Locale locale = Locale.getDefault();
        if (folderOut != null) {
            int written = PngFolderWriter.write(set, folderOut);
            System.out.println(Messages.format(locale, "export.folder.done", written, folderOut.toAbsolutePath()));
            return 0;
        }
        Path prefix = idxOut.toAbsolutePath();
        try {
            Files.createDirectories(prefix.getParent());
        } catch (IOException e) {
            // AtomicFiles.save names the folder that is missing or cannot be written.
        }
        Path images = prefix.resolveSibling(prefix.getFileName() + "-images-idx3-ubyte.gz");
        Path labels = prefix.resolveSibling(prefix.getFileName() + "-labels-idx1-ubyte.gz");
        IdxWriter.writeImages(set, images);
        if (set.size() > 0 && set.label(0) < 0) {
            System.out.println(Messages.format(locale, "export.idx.done", set.size(), images, "–"));
            System.err.println(Messages.format(locale, "export.error.noLabelsToWrite", set.name()));
            return 0;
        }
        IdxWriter.writeLabels(set, labels);
        System.out.println(Messages.format(locale, "export.idx.done", set.size(), images, labels));
        if (!set.classNames().isEmpty()) {
            System.out.println(Messages.format(locale, "export.idx.classes", String.join(", ", set.classNames())));
        }
        return 0;
    }
}
