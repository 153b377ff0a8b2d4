package org.latentexplorer.ui;

/** A data set the learner can pick: a bundled one by id, or an IDX file they opened. */
public record DataChoice(String spec, String labelsPath, String displayName) {
    @Override
    public String toString() {
        return displayName;
    }
}
