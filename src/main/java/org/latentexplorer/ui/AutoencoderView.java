package org.latentexplorer.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The autoencoder section: loss curves and held-out reconstructions in the middle, the inspector on the right. */
public final class AutoencoderView extends BorderPane implements ModelSectionView {
    private final TrainingPanel panel;

    public AutoencoderView(AutoencoderViewModel vm, I18n i18n) {
        setId("autoencoder-view");
        Controls c = new Controls(i18n);
        String term = AutoencoderViewModel.lossTerm();

        Label title = c.label("section.autoencoder.title");
        title.getStyleClass().add("section-title");
        Label structure = new Label();
        structure.textProperty().bind(i18n.text("ae.structure", vm.latentSizeProperty()));
        structure.getStyleClass().add("structure");
        structure.setWrapText(true);

        LossChart chart = new LossChart("loss-chart", vm, i18n, term, "ae.chart.loss");
        VBox.setVgrow(chart, Priority.ALWAYS);

        ImageTiles originals = ImageTiles.row(AutoencoderViewModel.PREVIEW_IMAGES);
        originals.setId("originals");
        originals.imagesProperty().bind(vm.originalsProperty());
        ImageTiles reconstructions = ImageTiles.row(AutoencoderViewModel.PREVIEW_IMAGES);
        reconstructions.setId("reconstructions");
        reconstructions.imagesProperty().bind(vm.reconstructionsProperty());
        Tooltip.install(reconstructions, c.tooltip("ae.reconstructions.tip"));

        VBox center = new VBox(8, title, c.paragraph("section.autoencoder.summary", null),
                c.paragraph("ae.formula", "formula"), structure, chart, c.label("ae.originals"), originals,
                c.label("ae.reconstructions"), reconstructions);
        center.setPadding(new Insets(12, 16, 12, 16));
        setCenter(center);

        panel = new TrainingPanel(vm, i18n, TrainingPanel.Options.of(32, "autoencoder"));
        panel.addNumber(c.tipped(c.label("ae.trainLoss"), "ae.loss.tip"),
                c.number("train-loss", "number.nats", vm.latest(TrainingViewModel.TRAIN, term)));
        panel.addNumber(c.tipped(c.label("ae.heldOutLoss"), "ae.loss.tip"),
                c.number("held-out-loss", "number.nats", vm.latest(TrainingViewModel.HELD_OUT, term)));
        ScrollPane inspector = new ScrollPane(panel);
        inspector.setFitToWidth(true);
        inspector.setPrefWidth(320);
        inspector.getStyleClass().add("inspector");
        setRight(inspector);
    }

    @Override
    public TrainingPanel panel() {
        return panel;
    }
}
