package org.latentexplorer.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A section that is not built yet says so plainly, and what it will show. */
public final class PlaceholderView extends VBox {
    public PlaceholderView(Section section, I18n i18n) {
        super(12);
        setId("placeholder-" + section.name().toLowerCase());
        Label title = new Label();
        title.textProperty().bind(i18n.text(section.titleKey()));
        title.getStyleClass().add("section-title");
        Label summary = new Label();
        summary.textProperty().bind(i18n.text(section.summaryKey()));
        summary.setWrapText(true);
        Label notYet = new Label();
        notYet.setId("not-built");
        notYet.textProperty().bind(i18n.text("section.notBuilt"));
        notYet.getStyleClass().add("not-built");
        notYet.setWrapText(true);
        getChildren().addAll(title, summary, notYet);
        setPadding(new Insets(16));
        setMaxWidth(820);
    }
}
