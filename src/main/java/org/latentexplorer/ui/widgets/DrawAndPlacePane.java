package org.latentexplorer.ui.widgets;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentexplorer.data.MnistStyle;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.DrawAndPlace;

/**
 * Draw and place, as the autoencoder and VAE sections show it: a drawing pad with the drawing's reconstruction beside
 * it, Undo and Clear, and the section's latent plane bound to the drawing's marker and nearest codes.
 */
public final class DrawAndPlacePane extends VBox {
    /** @param id the pad's id; the reconstruction's is the id with "-reconstruction" */
    public DrawAndPlacePane(DrawAndPlace model, LatentPlane plane, I18n i18n, String id) {
        super(6);
        Controls c = new Controls(i18n);
        DrawingPad pad = new DrawingPad(model.drawingProperty(), MnistStyle.SIDE, id);
        pad.placeholderProperty().bind(i18n.text("draw.placeholder"));
        pad.setMinWidth(100);
        pad.setPrefWidth(130);
        ImageTiles reconstruction = ImageTiles.row(1);
        reconstruction.setId(id + "-reconstruction");
        reconstruction.imagesProperty().bind(model.reconstructionProperty());
        reconstruction.setMinSize(72, 72);
        reconstruction.setPrefSize(72, 72);
        reconstruction.setMaxSize(72, 72);
        Label caption = c.label("draw.reconstruction");
        caption.getStyleClass().add("hint");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        // Beside the pad where the column is wide enough, under it where it is not.
        FlowPane row = new FlowPane(8, 6, pad, new VBox(2, caption, reconstruction));
        Label heading = c.heading("draw.heading");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        ImageTiles nearest = ImageTiles.row(DrawAndPlace.NEIGHBOURS);
        nearest.setId(id + "-neighbours");
        nearest.imagesProperty().bind(model.neighbourImagesProperty());
        nearest.setMinHeight(30);
        nearest.setPrefHeight(40);
        Label nearestHeading = c.label("draw.neighbours");
        nearestHeading.setWrapText(true);
        nearestHeading.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(heading, row, pad.tools(c), nearestHeading, nearest,
                c.paragraph("draw.place.tip", "hint"));

        plane.markerXProperty().bindBidirectional(model.markerXProperty());
        plane.markerYProperty().bindBidirectional(model.markerYProperty());
        plane.neighboursProperty().bind(model.neighboursProperty());
        plane.markerLabelProperty().bind(i18n.text("draw.marker"));
    }
}
