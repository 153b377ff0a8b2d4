package org.latentexplorer.ui.widgets;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;

/**
 * The app's colours: ten class colours (labels, and the series every section draws) and the inks of the theme the
 * shell has set, light or dark, which canvases paint with. One for the app, since there is one window; UI thread only.
 */
public final class Palette {
    /** Tableau 10: distinct on white and for the common forms of colour blindness. */
    private static final Color[] CLASSES = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
        Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
        Color.web("#9c755f"), Color.web("#bab0ac"),
    };
    public static final Color BLUE = CLASSES[0];
    public static final Color ORANGE = CLASSES[1];
    public static final Color RED = CLASSES[2];
    public static final Color GREEN = CLASSES[4];
    /** A point without a label. */
    private static final Color UNLABELLED = Color.gray(0.45);

    // Primer's (the AtlantaFX themes') page background and text colours.
    private static final Color LIGHT_PAPER = Color.WHITE;
    private static final Color LIGHT_FOREGROUND = Color.web("#24292f");
    private static final Color DARK_PAPER = Color.web("#0d1117");
    private static final Color DARK_FOREGROUND = Color.web("#c9d1d9");

    private static final BooleanProperty DARK = new SimpleBooleanProperty(Palette.class, "dark", false);

    private Palette() {
    }

    /** Whether the window shows the dark theme; the shell sets it, canvases redraw when it changes. */
    public static BooleanProperty darkProperty() {
        return DARK;
    }

    /** The colour of class {@code label}, grey for a negative label (none); the ten colours repeat beyond ten. */
    static Color classColour(int label) {
        return label < 0 ? UNLABELLED : CLASSES[label % CLASSES.length];
    }

    static int classCount() {
        return CLASSES.length;
    }

    /** What a canvas is painted on: the theme's background. */
    public static Color paper() {
        return DARK.get() ? DARK_PAPER : LIGHT_PAPER;
    }

    /** The theme's text colour. */
    public static Color foreground() {
        return DARK.get() ? DARK_FOREGROUND : LIGHT_FOREGROUND;
    }

    /**
     * An ink as far from the paper as grey {@code level} is from white: {@code Color.gray(level)} on the light theme,
     * the same step from the dark paper towards the dark theme's text on the dark one.
     */
    public static Color grey(double level) {
        return grey(level, 1);
    }

    public static Color grey(double level, double opacity) {
        if (!DARK.get()) {
            return Color.gray(level, opacity);
        }
        Color c = DARK_FOREGROUND.interpolate(DARK_PAPER, level);
        return Color.color(c.getRed(), c.getGreen(), c.getBlue(), opacity);
    }

    /** A colour for text in that hue: darker on light paper, lighter on dark. */
    public static Color legible(Color colour) {
        return DARK.get() ? colour.brighter() : colour.darker();
    }

    /** A colour that follows the theme, for a node's fill or stroke to bind to. */
    public static ObjectBinding<Color> themed(Supplier<Color> colour) {
        return Bindings.createObjectBinding(colour::get, DARK);
    }

    /** {@code #rrggbb}, for a style sheet. */
    public static String web(Color colour) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(colour.getRed() * 255),
                Math.round(colour.getGreen() * 255), Math.round(colour.getBlue() * 255));
    }
}
