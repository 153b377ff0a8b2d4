package org.latentexplorer.data;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.latentexplorer.data.MnistStyle.Polarity;

/**
 * A folder of pictures (or a zip of one) named as a data set, with the way its grey levels are turned: written
 * {@code folder:PATH}, {@code folder:keep:PATH} or {@code folder:invert:PATH}. The prefix keeps a folder apart from
 * an IDX file even once it is gone, so a saved model or experiment that names it is refused with the right words; the
 * polarity travels with it, so {@code eval} and a reopened experiment read the pictures the way training did.
 */
public record FolderSpec(Path source, Polarity polarity) {
    public static final String PREFIX = "folder:";

    public FolderSpec {
        source = source.toAbsolutePath().normalize();
    }

    /** The folder spec {@code spec} writes, or null when it names no folder. */
    public static FolderSpec parse(String spec) throws DataException {
        if (spec == null || !spec.startsWith(PREFIX)) {
            return null;
        }
        String rest = spec.substring(PREFIX.length());
        Polarity polarity = Polarity.AUTO;
        for (Polarity p : new Polarity[] {Polarity.KEEP, Polarity.INVERT}) {
            String word = p.name().toLowerCase(Locale.ROOT) + ":";
            if (rest.startsWith(word)) {
                polarity = p;
                rest = rest.substring(word.length());
            }
        }
        try {
            return new FolderSpec(Path.of(rest), polarity);
        } catch (InvalidPathException e) {
            throw new DataException("data.error.unknown", spec);
        }
    }

    /** Whether a path the user gave names a folder or a zip of one, rather than an IDX file. */
    public static boolean isFolderOrZip(Path path) {
        return java.nio.file.Files.isDirectory(path) || isZip(path);
    }

    static boolean isZip(Path path) {
        return IdxReader.fileName(path).toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    public boolean zip() {
        return isZip(source);
    }

    /** The same pictures turned another way. */
    public FolderSpec with(Polarity other) {
        return new FolderSpec(source, other);
    }

    /** What lists and messages call the set: the folder's (or zip's) name. */
    public String displayName() {
        return IdxReader.fileName(source);
    }

    /** The spec string, which {@link #parse} reads back. */
    public String spec() {
        String word = polarity == Polarity.AUTO ? "" : polarity.name().toLowerCase(Locale.ROOT) + ":";
        return PREFIX + word + source;
    }

    @Override
    public String toString() {
        return spec();
    }
}
