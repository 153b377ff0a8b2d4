package org.latentexplorer.ui.base;

/** A data set the learner can pick: a bundled one by id, or an IDX file they opened. */
public record DataChoice(String spec, String labelsPath, String displayName) {
    /** The names of the ten classes of a data set by its spec: Fashion-MNIST's garments, otherwise the digits. */
    public static java.util.List<String> classNames(String spec, I18n i18n) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            names.add("fashion".equals(spec) ? i18n.get("classes.fashion." + i) : Integer.toString(i));
        }
        return names;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
