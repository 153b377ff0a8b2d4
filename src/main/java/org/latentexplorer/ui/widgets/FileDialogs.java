package org.latentexplorer.ui.widgets;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.latentexplorer.engine.store.ExperimentFile;
import org.latentexplorer.ui.base.I18n;

/** The file choosers the menus and buttons share. */
public final class FileDialogs {
    /** The folder the last export went to, so a series of exports lands together. */
    private static File exportFolder;

    private FileDialogs() {
    }

    static Path openModel(Window owner, I18n i18n) {
        FileChooser c = chooser(i18n, "dialog.openModel");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("dialog.modelFiles"), "*.zip", "*.json"));
        return path(c.showOpenDialog(owner));
    }

    static Path saveModel(Window owner, I18n i18n, String defaultName) {
        FileChooser c = chooser(i18n, "dialog.saveModel");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("dialog.modelFiles"), "*.zip"));
        c.setInitialFileName(defaultName + ".zip");
        return path(c.showSaveDialog(owner));
    }

    /** An IDX images file, or a zip of a folder of pictures. */
    static Path openImages(Window owner, I18n i18n) {
        FileChooser c = chooser(i18n, "dialog.openImages");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(i18n.get("dialog.idxFiles"), "*.gz", "*idx*"),
                new FileChooser.ExtensionFilter(i18n.get("dialog.zipFiles"), "*.zip"),
                new FileChooser.ExtensionFilter(i18n.get("dialog.allFiles"), "*"));
        return path(c.showOpenDialog(owner));
    }

    /** A folder of pictures, one sub-folder per label. */
    static Path openFolder(Window owner, I18n i18n) {
        javafx.stage.DirectoryChooser c = new javafx.stage.DirectoryChooser();
        c.setTitle(i18n.get("dialog.openFolder"));
        return path(c.showDialog(owner));
    }

    static Path openLabels(Window owner, I18n i18n) {
        FileChooser c = chooser(i18n, "dialog.openLabels");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("dialog.allFiles"), "*"));
        return path(c.showOpenDialog(owner));
    }

    public static Path openExperiment(Window owner, I18n i18n) {
        FileChooser c = chooser(i18n, "dialog.openExperiment");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("dialog.experimentFiles"),
                "*" + ExperimentFile.EXTENSION));
        return path(c.showOpenDialog(owner));
    }

    public static Path saveExperiment(Window owner, I18n i18n, String defaultName) {
        FileChooser c = chooser(i18n, "dialog.saveExperiment");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("dialog.experimentFiles"),
                "*" + ExperimentFile.EXTENSION));
        c.setInitialFileName(defaultName + ExperimentFile.EXTENSION);
        return withExtension(c.showSaveDialog(owner), ExperimentFile.EXTENSION);
    }

    /** Where to save an exported picture or table ({@code png}, {@code csv}, {@code gif}); null when cancelled. */
    static Path saveExport(Window owner, I18n i18n, String extension, String defaultName) {
        FileChooser c = chooser(i18n, "export.title." + extension);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("export.filter." + extension),
                "*." + extension));
        c.setInitialFileName(defaultName);
        if (exportFolder != null && exportFolder.isDirectory()) {
            c.setInitialDirectory(exportFolder);
        }
        File f = c.showSaveDialog(owner);
        if (f == null) {
            return null;
        }
        exportFolder = f.getParentFile();
        return withExtension(f, "." + extension);
    }

    /** Some platforms' choosers return the name as typed: the extension tells other programs what the file is. */
    private static Path withExtension(File f, String extension) {
        if (f == null) {
            return null;
        }
        return f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? f.toPath()
                : f.toPath().resolveSibling(f.getName() + extension);
    }

    private static FileChooser chooser(I18n i18n, String titleKey) {
        FileChooser c = new FileChooser();
        c.setTitle(i18n.get(titleKey));
        return c;
    }

    private static Path path(File f) {
        return f == null ? null : f.toPath();
    }
}
