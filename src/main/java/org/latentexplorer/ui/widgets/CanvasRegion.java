package org.latentexplorer.ui.widgets;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A Canvas as large as its region allows (square, or filling it), redrawn by the subclass whenever the size changes;
 * a right click offers to save it as PNG.
 */
public abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();
    private final boolean square;

    public CanvasRegion(boolean square) {
        this(square, true);
    }

    /** @param exportable false for a canvas whose right button draws, where a menu would get in the way */
    public CanvasRegion(boolean square, boolean exportable) {
        this.square = square;
        getChildren().add(canvas);
        if (exportable) {
            Export.offerImage(this);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = square ? Math.min(getWidth(), getHeight()) : getWidth();
        double h = square ? w : getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        draw();
    }

    /** Paints the whole canvas, {@code canvas.getWidth()} by {@code canvas.getHeight()}. */
    protected abstract void draw();
}
