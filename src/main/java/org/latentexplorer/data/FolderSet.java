package org.latentexplorer.data;

import java.util.List;
import org.latentexplorer.i18n.Localizable;

/**
 * A folder of pictures as it was read: the images (28 × 28, ink bright), the label names (its sub-folders' names, in
 * order; none when the pictures lie in the folder itself), how many images each label has, the files that were left
 * out and why, and how the grey levels were turned.
 *
 * @param pictures    picture files found (by their extension), used or not
 * @param darkOnLight usable pictures whose border is light: dark strokes on paper
 * @param inverted    whether the grey levels were turned over, as the spec's polarity asked or, for AUTO, as most
 *                    pictures' borders said
 */
public record FolderSet(FolderSpec spec, ImageSet images, int[] counts, List<Skipped> skipped, int pictures,
        int darkOnLight, boolean inverted) {
    /** At least this many usable pictures, or the folder is refused: fewer train nothing worth seeing. */
    public static final int MIN_IMAGES = 50;

    public FolderSet {
        counts = counts.clone();
        skipped = List.copyOf(skipped);
    }

    /** A file left out, with why: its message's first argument is the path, relative to the folder, with / between names. */
    public record Skipped(String path, String messageKey, List<Object> reasonArgs) implements Localizable {
        public Skipped {
            reasonArgs = List.copyOf(reasonArgs);
        }

        @Override
        public Object[] args() {
            Object[] args = new Object[reasonArgs.size() + 1];
            args[0] = path;
            for (int i = 0; i < reasonArgs.size(); i++) {
                args[i + 1] = reasonArgs.get(i);
            }
            return args;
        }
    }

    public List<String> classNames() {
        return images.classNames();
    }

    /** Images per label, in the order of {@link #classNames()}; one count of all when there are no labels. */
    @Override
    public int[] counts() {
        return counts.clone();
    }

    public boolean labelled() {
        return !classNames().isEmpty();
    }

    /** The indices of up to {@code n} images of a label (-1: any, for a set without labels), first ones first. */
    public int[] samples(int label, int n) {
        int[] out = new int[n];
        int found = 0;
        for (int i = 0; i < images.size() && found < n; i++) {
            if (label < 0 || images.label(i) == label) {
                out[found++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, found);
    }
}
