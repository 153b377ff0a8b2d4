package org.latentexplorer.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** A square Canvas as large as the region allows, redrawn by the subclass whenever its size changes. */
abstract class SquareCanvas extends Region {
    protected final Canvas canvas = new Canvas();

    SquareCanvas() {
        getChildren().add(canvas);
    }

    @Override
    protected void layoutChildren() {
        double s = Math.min(getWidth(), getHeight());
        canvas.setWidth(s);
        canvas.setHeight(s);
        draw();
    }

    /** Paints the whole canvas, {@code canvas.getWidth()} square. */
    protected abstract void draw();
}
