package org.latentexplorer.ui.widgets;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
    private final DrawingPad pad;

    /** @param id the pad's id; the reconstruction's is the id with "-reconstruction" */
    public DrawAndPlacePane(DrawAndPlace model, LatentPlane plane, I18n i18n, String id) {
        super(6);
        Controls c = new Controls(i18n);
        pad = new DrawingPad(model.drawingProperty(), MnistStyle.SIDE, id);
        pad.placeholderProperty().bind(i18n.text("draw.placeholder"));
        pad.setMinSize(110, 110);
        pad.setPrefSize(140, 140);
        ImageTiles reconstruction = ImageTiles.row(1);
        reconstruction.setId(id + "-reconstruction");
        reconstruction.imagesProperty().bind(model.reconstructionProperty());
        reconstruction.setMinSize(64, 64);
        reconstruction.setPrefSize(72, 72);
        reconstruction.setMaxSize(72, 72);
        HBox row = new HBox(8, pad, reconstruction);
        row.setAlignment(Pos.TOP_LEFT);
        // The reconstruction's caption sits over it, at the heading's right, where a narrow column has room for it.
        Label heading = c.heading("draw.heading");
        Label caption = c.label("draw.reconstruction");
        caption.getStyleClass().add("hint");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(6, heading, gap, caption);
        top.setAlignment(Pos.BASELINE_LEFT);
        ImageTiles nearest = ImageTiles.row(DrawAndPlace.NEIGHBOURS);
        nearest.setId(id + "-neighbours");
        nearest.imagesProperty().bind(model.neighbourImagesProperty());
        nearest.setMinHeight(30);
        nearest.setPrefHeight(40);
        getChildren().addAll(top, row, pad.tools(c), c.label("draw.neighbours"), nearest,
                c.paragraph("draw.place.tip", "hint"));

        plane.markerXProperty().bindBidirectional(model.markerXProperty());
        plane.markerYProperty().bindBidirectional(model.markerYProperty());
        plane.neighboursProperty().bind(model.neighboursProperty());
        plane.markerLabelProperty().bind(i18n.text("draw.marker"));
    }

    public DrawingPad pad() {
        return pad;
    }
}
