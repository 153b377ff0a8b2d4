package org.latentexplorer.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.latentexplorer.ui.base.I18n;

/** The Help menu's dialogs: the keyboard shortcuts and About, styled and sized like the window that opens them. */
final class HelpDialogs {
    private HelpDialogs() {
    }

    /** Every shortcut with its keys, as this platform writes them. */
    static void shortcuts(Region owner, I18n i18n) {
        GridPane grid = new GridPane();
        grid.setId("shortcuts");
        grid.setHgap(24);
        grid.setVgap(8);
        int row = 0;
        for (Shortcut s : Shortcut.values()) {
            grid.addRow(row++, keys(s.keys().getDisplayText()), description(i18n.get(s.labelKey())));
        }
        Section[] all = Section.values();
        grid.addRow(row, keys(Shortcut.section(all[0]).getDisplayText() + " … "
                + Shortcut.section(all[all.length - 1]).getDisplayText()),
                description(i18n.get("shortcut.section", all.length)));
        Dialog<Void> dialog = dialog(owner, i18n, "menu.help.shortcuts", grid);
        dialog.getDialogPane().setHeaderText(i18n.get("shortcut.header"));
        dialog.show();
    }

    /** The keys keep their width; the descriptions wrap beside them. */
    private static Label keys(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("keys");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label description(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setPrefWidth(460);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Versions and licences in a text area, so they can be selected and copied into a bug report. */
    static void about(Region owner, I18n i18n, String about) {
        TextArea text = new TextArea(about);
        text.setId("about-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(620, 420);
        Dialog<Void> dialog = dialog(owner, i18n, "menu.help.about", text);
        dialog.setResizable(true);
        dialog.show();
    }

    /** A dialog that looks like the window: same stylesheet, font and size, so it grows in classroom mode too. */
    private static Dialog<Void> dialog(Region owner, I18n i18n, String titleKey, Node body) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(i18n.get(titleKey));
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().setStyle(owner.getStyle());
        return dialog;
    }
}
