package org.latentexplorer.ui.widgets;

/** A section view with a model the File menu can open and save, through the section's inspector. */
public interface ModelSectionView {
    TrainingPanel panel();

    default void openModel() {
        panel().openModel();
    }

    default void saveModel() {
        panel().saveModel();
    }

    default void openDataset() {
        panel().openDataset();
    }

    default void openFolder() {
        panel().openFolder();
    }
}
