package org.latentexplorer.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file choosers the menus and buttons share. */
final class FileDialogs {
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

    static Path openImages(Window owner, I18n i18n) {
        FileChooser c = chooser(i18n, "dialog.openImages");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(i18n.get("dialog.idxFiles"), "*.gz", "*idx*"),
                new FileChooser.ExtensionFilter(i18n.get("dialog.allFiles"), "*"));
        return path(c.showOpenDialog(owner));
    }

    static Path openLabels(Window owner, I18n i18n) {
        FileChooser c = chooser(i18n, "dialog.openLabels");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("dialog.allFiles"), "*"));
        return path(c.showOpenDialog(owner));
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
