package org.latentexplorer.ui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** Images tiled in a square-celled grid of a given number of columns, on a Canvas with crisp pixels. */
public final class ImageTiles extends Region {
    private static final double GAP = 2;
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<ImageGrid> images = new SimpleObjectProperty<>(this, "images");
    private final IntegerProperty columns = new SimpleIntegerProperty(this, "columns", 8);

    public ImageTiles(int columns) {
        this.columns.set(columns);
        getChildren().add(canvas);
        getStyleClass().add("image-tiles");
        images.addListener((o, a, b) -> draw());
        this.columns.addListener((o, a, b) -> draw());
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
        setMinSize(120, 120);
        setPrefSize(360, 360);
    }

    public ObjectProperty<ImageGrid> imagesProperty() {
        return images;
    }

    public IntegerProperty columnsProperty() {
        return columns;
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
        int cols = Math.max(1, columns.get());
        int count = grid == null ? cols * cols : grid.size();
        int rows = Math.max(1, (count + cols - 1) / cols);
        double cell = Math.max(1, Math.min((getWidth() - GAP * (cols - 1)) / cols, (getHeight() - GAP * (rows - 1)) / rows));
        for (int i = 0; i < count; i++) {
            double x = (i % cols) * (cell + GAP);
            double y = (i / cols) * (cell + GAP);
            if (grid != null) {
                g.drawImage(ImageStrip.toImage(grid.images().get(i), grid.rows(), grid.cols()), x, y, cell, cell);
            } else {
                g.setFill(Color.gray(0.5, 0.25));
                g.fillRect(x, y, cell, cell);
            }
        }
    }
}
