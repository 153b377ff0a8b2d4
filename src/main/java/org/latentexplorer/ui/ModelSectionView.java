package org.latentexplorer.ui;

/** A section view with a model the File menu can open and save. */
interface ModelSectionView {
    void openModel();

    void saveModel();

    void openDataset();
}
