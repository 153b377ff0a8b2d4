package org.latentexplorer.ui.widgets;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.latentexplorer.data.MnistStyle.Polarity;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.DataOpening;
import org.latentexplorer.ui.training.DataOpening.Stage;

/**
 * The window a folder of pictures opens in before anything trains on it: the reading's progress with Cancel, then the
 * preview: a row of images and the count of each label, how the grey levels were turned (switchable), and every file
 * skipped with its reason. "Use this data set" chooses it; closing the window in any other way keeps the data set
 * that was in use.
 */
public final class FolderPreview {
    private FolderPreview() {
    }

    /** Shows the window for an opening that has just started reading; it closes itself when the opening ends. */
    public static Dialog<ButtonType> show(Window owner, I18n i18n, DataOpening opening, String folderName) {
        Controls c = new Controls(i18n);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.titleProperty().bind(i18n.text("folder.title", folderName));
        dialog.setResizable(true);
        ButtonType use = new ButtonType(i18n.get("folder.use"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(use, ButtonType.CANCEL);
        Button useButton = (Button) dialog.getDialogPane().lookupButton(use);
        useButton.setId("folder-use");
        useButton.disableProperty().bind(opening.stageProperty().isNotEqualTo(Stage.PREVIEW));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(i18n.get("folder.cancel"));
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        dialog.getDialogPane().setId("folder-preview");

        StackPane body = new StackPane(reading(c, i18n, opening), preview(c, i18n, opening), failed(opening));
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().setPrefSize(860, 720);
        // A dialog sizes its window to its first content, the short progress view: the preview needs more.
        dialog.setOnShown(e -> {
            dialog.setWidth(Math.max(dialog.getWidth(), 860));
            dialog.setHeight(Math.max(dialog.getHeight(), 760));
        });

        dialog.setResultConverter(b -> b);
        // Cancelled or accepted elsewhere (another folder opened): the window goes with it.
        javafx.beans.value.ChangeListener<Stage> ended = (o, a, b) -> {
            if (b == Stage.IDLE && dialog.isShowing()) {
                dialog.close();
            }
        };
        opening.stageProperty().addListener(ended);
        dialog.setOnHidden(e -> {
            opening.stageProperty().removeListener(ended);
            if (dialog.getResult() == use) {
                opening.accept();
            } else if (opening.stageProperty().get() != Stage.IDLE) {
                opening.cancel();
            }
        });
        dialog.show();
        return dialog;
    }

    private static Node reading(Controls c, I18n i18n, DataOpening opening) {
        ProgressBar bar = new ProgressBar();
        bar.setId("folder-progress");
        bar.progressProperty().bind(opening.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label what = new Label();
        what.textProperty().bind(i18n.text("folder.reading", opening.progressProperty()));
        VBox box = new VBox(10, what, bar, c.paragraph("folder.reading.tip", "hint"));
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.visibleProperty().bind(opening.stageProperty().isEqualTo(Stage.READING));
        return box;
    }

    private static Node preview(Controls c, I18n i18n, DataOpening opening) {
        Label summary = new Label();
        summary.setId("folder-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Label.USE_PREF_SIZE);
        summary.textProperty().bind(opening.summaryProperty());

        ComboBox<Polarity> polarity = c.enumBox("folder-polarity", Polarity.values(), opening.polarityProperty(),
                p -> "folder.polarity." + p.name().toLowerCase(java.util.Locale.ROOT));
        polarity.setMaxWidth(Double.MAX_VALUE);
        HBox turn = new HBox(8, c.tipped(c.label("folder.polarity"), "folder.polarity.tip"), polarity);
        turn.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(polarity, Priority.ALWAYS);

        GridPane labels = new GridPane();
        labels.setId("folder-labels");
        labels.setHgap(12);
        labels.setVgap(6);
        labels.setPadding(new Insets(4));
        opening.rows().addListener((ListChangeListener<DataOpening.LabelRow>) ch -> fill(labels, opening));
        ScrollPane scroll = new ScrollPane(labels);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        ListView<String> skipped = new ListView<>(opening.skipped());
        skipped.setId("folder-skipped");
        skipped.setPrefHeight(130);
        TitledPane skippedPane = new TitledPane();
        skippedPane.setContent(skipped);
        skippedPane.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("folder.skipped", opening.skipped().size()), opening.skipped(), i18n.localeProperty()));
        skippedPane.visibleProperty().bind(Bindings.isNotEmpty(opening.skipped()));
        skippedPane.managedProperty().bind(skippedPane.visibleProperty());

        Label heading = c.heading("folder.labels");
        heading.setWrapText(true);
        heading.setMinHeight(Label.USE_PREF_SIZE);
        VBox box = new VBox(8, summary, turn, heading, scroll, skippedPane);
        box.visibleProperty().bind(opening.stageProperty().isEqualTo(Stage.PREVIEW));
        return box;
    }

    /** One row a label: its name, its count and its first images, as the model will see them. */
    private static void fill(GridPane grid, DataOpening opening) {
        grid.getChildren().clear();
        int r = 0;
        for (DataOpening.LabelRow row : opening.rows()) {
            Label name = new Label(row.name());
            name.getStyleClass().add("folder-label-name");
            name.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
            Label count = new Label(String.format("%,d", row.count()));
            count.getStyleClass().add("number");
            ImageTiles tiles = ImageTiles.row(10);
            tiles.setPrefSize(480, 46);
            tiles.setMinHeight(40);
            tiles.imagesProperty().set(row.samples());
            GridPane.setHgrow(tiles, Priority.ALWAYS);
            grid.addRow(r++, name, count, tiles);
        }
    }

    private static Node failed(DataOpening opening) {
        Label message = new Label();
        message.setId("folder-error");
        message.setWrapText(true);
        message.textProperty().bind(opening.errorProperty());
        message.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"), true);
        VBox box = new VBox(message);
        box.setPadding(new Insets(20));
        box.visibleProperty().bind(opening.stageProperty().isEqualTo(Stage.FAILED));
        return box;
    }
}
