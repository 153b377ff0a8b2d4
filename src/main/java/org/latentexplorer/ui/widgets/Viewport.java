package org.latentexplorer.ui.widgets;

/**
 * Where a canvas shows a plane: plane point ({@code centerX}, {@code centerY}) at screen point ({@code screenX},
 * {@code screenY}), {@code scaleX} and {@code scaleY} pixels per plane unit, plane y upwards. Immutable; zooming,
 * panning and fitting give a new one.
 */
public record Viewport(double centerX, double centerY, double screenX, double screenY, double scaleX, double scaleY) {

    /** A plane with square units, {@code span} plane units across {@code width} pixels, centred on the screen. */
    private static Viewport centred(double width, double height, double centerX, double centerY, double span) {
        double scale = width / span;
        return new Viewport(centerX, centerY, width / 2, height / 2, scale, scale);
    }

    /** The plane rectangle filling the screen rectangle exactly, each axis with its own scale. */
    public static Viewport stretched(double left, double top, double width, double height, double minX, double maxX,
            double minY, double maxY) {
        return new Viewport((minX + maxX) / 2, (minY + maxY) / 2, left + width / 2, top + height / 2,
                width / (maxX - minX), height / (maxY - minY));
    }

    /**
     * Square units on a {@code width} by {@code height} screen with the whole plane rectangle in view, centred, and
     * {@code margin} times its extent along the tighter axis added on each side of it.
     */
    static Viewport square(double width, double height, double minX, double maxX, double minY, double maxY,
            double margin) {
        double span = Math.max(maxX - minX, (maxY - minY) * width / height) * (1 + 2 * margin);
        return centred(width, height, (minX + maxX) / 2, (minY + maxY) / 2, span);
    }

    public double toScreenX(double x) {
        return screenX + (x - centerX) * scaleX;
    }

    public double toScreenY(double y) {
        return screenY - (y - centerY) * scaleY;
    }

    public double toPlaneX(double px) {
        return centerX + (px - screenX) / scaleX;
    }

    public double toPlaneY(double py) {
        return centerY - (py - screenY) / scaleY;
    }

    /** {@code factor} times as many pixels per unit, the plane point under ({@code px}, {@code py}) staying there. */
    public Viewport zoomedAbout(double px, double py, double factor) {
        double sx = scaleX * factor;
        double sy = scaleY * factor;
        return new Viewport(toPlaneX(px) - (px - screenX) / sx, toPlaneY(py) + (py - screenY) / sy, screenX, screenY,
                sx, sy);
    }

    /** The plane moved with the mouse by ({@code dx}, {@code dy}) pixels: what was under it stays under it. */
    public Viewport panned(double dx, double dy) {
        return new Viewport(centerX - dx / scaleX, centerY + dy / scaleY, screenX, screenY, scaleX, scaleY);
    }
}
