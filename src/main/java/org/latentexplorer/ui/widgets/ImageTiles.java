package org.latentexplorer.ui.widgets;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.latentexplorer.data.Raster;
import org.latentexplorer.ui.base.ImageGrid;

/**
 * Images tiled in square cells, a given number to a row, on a Canvas with crisp pixels; redrawn when the
 * images or the size change. Empty cells keep the layout until images arrive. Can be saved as PNG.
 */
public final class ImageTiles extends Region {
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<ImageGrid> images = new SimpleObjectProperty<>(this, "images");
    private final int columns;
    private final int slots;
    private final double gap;
    /** The size of the cells drawn last, gaps included. */
    private double drawnWidth;
    private double drawnHeight;

    /**
     * @param columns cells per row
     * @param slots how many cells to draw at least, so an empty grid keeps its layout
     */
    public ImageTiles(int columns, int slots, double gap) {
        this.columns = Math.max(1, columns);
        this.slots = slots;
        this.gap = gap;
        getChildren().add(canvas);
        images.addListener((o, a, b) -> draw());
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
        // Saved as the cells drawn, without the room the layout leaves around them.
        Export.offerImage(this, () -> new Rectangle2D(0, 0, drawnWidth, drawnHeight));
    }

    /** One row of cells, as under a chart: input images, reconstructions, samples. */
    public static ImageTiles row(int slots) {
        ImageTiles t = new ImageTiles(slots, slots, 4);
        t.getStyleClass().add("image-strip");
        t.setMinHeight(40);
        t.setPrefHeight(96);
        return t;
    }

    /** A square grid, as of a GAN's samples. */
    public static ImageTiles grid(int columns, int slots) {
        ImageTiles t = new ImageTiles(columns, slots, 2);
        t.getStyleClass().add("image-tiles");
        t.setMinSize(120, 120);
        t.setPrefSize(360, 360);
        return t;
    }

    public ObjectProperty<ImageGrid> imagesProperty() {
        return images;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private void draw() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setImageSmoothing(false);
        ImageGrid grid = images.get();
        int count = Math.max(slots, grid == null ? 0 : grid.size());
        int rows = Math.max(1, (count + columns - 1) / columns);
        double cell = Math.max(1, Math.min((getWidth() - gap * (columns - 1)) / columns,
                (getHeight() - gap * (rows - 1)) / rows));
        int across = Math.min(columns, count);
        drawnWidth = Math.max(0, across * cell + (across - 1) * gap);
        drawnHeight = rows * cell + (rows - 1) * gap;
        for (int i = 0; i < count; i++) {
            double x = (i % columns) * (cell + gap);
            double y = (i / columns) * (cell + gap);
            if (grid != null && i < grid.size()) {
                g.drawImage(toImage(grid.images().get(i), grid.rows(), grid.cols()), x, y, cell, cell);
            } else {
                g.setFill(Color.gray(0.5, 0.25));
                g.fillRect(x, y, cell, cell);
            }
        }
    }

    /** Ink on paper: 1 draws black on white, as the digits look in print. */
    static WritableImage toImage(float[] pixels, int rows, int cols) {
        WritableImage image = new WritableImage(cols, rows);
        PixelWriter w = image.getPixelWriter();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w.setArgb(c, r, Raster.ink(pixels[r * cols + c]));
            }
        }
        return image;
    }
}
