package org.latentexplorer.ui.ae;

import javafx.beans.property.ObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.latentexplorer.ui.widgets.CanvasRegion;

/**
 * A digit the learner scribbles on: a left drag paints white noise, a right drag paints black, each stroke a
 * two-pixel brush. The pixels live in a property, so the view model sees every change.
 */
final class ScribblePad extends CanvasRegion {
    private final ObjectProperty<float[]> pixels;
    private final int side;

    ScribblePad(ObjectProperty<float[]> pixels, int side) {
        super(true, false);
        this.pixels = pixels;
        this.side = side;
        setMinSize(140, 140);
        setPrefSize(196, 196);
        setCursor(javafx.scene.Cursor.CROSSHAIR);
        pixels.addListener((o, a, b) -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::paint);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::paint);
    }

    private void paint(MouseEvent e) {
        float[] current = pixels.get();
        double cell = canvas.getWidth() / side;
        if (current == null || cell <= 0) {
            return;
        }
        int col = (int) (e.getX() / cell);
        int row = (int) (e.getY() / cell);
        float value = e.getButton() == MouseButton.SECONDARY ? 0f : 1f;
        float[] next = current.clone();
        boolean changed = false;
        for (int r = row; r <= row + 1; r++) {
            for (int c = col; c <= col + 1; c++) {
                if (r >= 0 && c >= 0 && r < side && c < side && next[r * side + c] != value) {
                    next[r * side + c] = value;
                    changed = true;
                }
            }
        }
        if (changed) {
            pixels.set(next);
        }
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double s = canvas.getWidth();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, s, s);
        float[] p = pixels.get();
        if (p == null) {
            return;
        }
        double cell = s / side;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double v = Math.max(0, Math.min(1, p[r * side + c]));
                if (v > 0) {
                    g.setFill(Color.gray(v));
                    g.fillRect(c * cell, r * cell, Math.ceil(cell), Math.ceil(cell));
                }
            }
        }
    }
}
