package org.latentexplorer.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** A row of images drawn on a Canvas, each scaled up with crisp pixels; redrawn when the images or the size change. */
public final class ImageStrip extends Region {
    private static final double GAP = 4;
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<ImageGrid> images = new SimpleObjectProperty<>(this, "images");
    private final int slots;

    /** @param slots how many cells the row has, so an empty row keeps its layout */
    public ImageStrip(int slots) {
        this.slots = slots;
        getChildren().add(canvas);
        getStyleClass().add("image-strip");
        images.addListener((o, a, b) -> draw());
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
        setMinHeight(40);
        setPrefHeight(96);
    }

    public ObjectProperty<ImageGrid> imagesProperty() {
        return images;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    /** Side of one cell in pixels, given the current size. */
    public double cellSize() {
        return Math.max(1, Math.min(getHeight(), (getWidth() - GAP * (slots - 1)) / slots));
    }

    private void draw() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setImageSmoothing(false);
        double cell = cellSize();
        ImageGrid grid = images.get();
        for (int i = 0; i < slots; i++) {
            double x = i * (cell + GAP);
            if (grid != null && i < grid.size()) {
                g.drawImage(toImage(grid.images().get(i), grid.rows(), grid.cols()), x, 0, cell, cell);
            } else {
                g.setFill(Color.gray(0.5, 0.25));
                g.fillRect(x, 0, cell, cell);
            }
        }
    }

    /** Ink on paper: 1 draws black on white, as the digits look in print. */
    static WritableImage toImage(float[] pixels, int rows, int cols) {
        WritableImage image = new WritableImage(cols, rows);
        PixelWriter w = image.getPixelWriter();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = Math.max(0, Math.min(1, pixels[r * cols + c]));
                w.setColor(c, r, Color.gray(1 - v));
            }
        }
        return image;
    }
}
