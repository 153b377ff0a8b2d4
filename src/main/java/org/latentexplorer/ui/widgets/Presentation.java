package org.latentexplorer.ui.widgets;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * How much larger canvases draw their lines, points and texts: 1 normally, more in classroom mode. CSS scales
 * everything else with the root's font size, but a Canvas draws in pixels, so the planes read this instead. One for
 * the app, since there is one window; UI thread only.
 */
public final class Presentation {
    private static final DoubleProperty SCALE = new SimpleDoubleProperty(Presentation.class, "scale", 1);

    private Presentation() {
    }

    public static DoubleProperty scaleProperty() {
        return SCALE;
    }

    public static double scale() {
        return SCALE.get();
    }

    /** A canvas's font at the presentation scale: same face, larger. */
    public static javafx.scene.text.Font font(javafx.scene.text.Font base) {
        double s = scale();
        return s == 1 ? base : new javafx.scene.text.Font(base.getName(), base.getSize() * s);
    }

    /**
     * Runs {@code redraw} whenever the scale or the theme ({@link Palette#darkProperty()}) changes, for as long as the
     * returned listener is reachable: a canvas keeps it in a field, so a view that is gone is not kept alive by the
     * app-wide scale.
     */
    public static InvalidationListener redrawOnChange(Runnable redraw) {
        InvalidationListener listener = o -> redraw.run();
        SCALE.addListener(new WeakInvalidationListener(listener));
        Palette.darkProperty().addListener(new WeakInvalidationListener(listener));
        return listener;
    }
}
