package org.latentexplorer.ui.widgets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LaTeX formula typeset by JLaTeXMath. It is a Label so that the theme's CSS styles it like text: its font size sets
 * the formula's size and its text fill the ink, so the formula follows light and dark themes and the view's font size.
 * The image is drawn at the window's output scale and shown at 1/scale, so it stays sharp on HiDPI screens. A formula
 * JLaTeXMath cannot parse shows its source as plain text (and logs a warning) rather than failing the view.
 */
public final class Formula extends Label {
    /**
     * The size, relative to the font, at which formulas look as large as the text around them: Computer Modern's
     * x-height is about four fifths of a UI sans-serif's at the same font size.
     */
    public static final double TEXT_MATCHING_SIZE = 1.2;
    private static final Logger LOG = LoggerFactory.getLogger(Formula.class);
    /** Enough for every formula and tensor shape of all views at two sizes and both themes. */
    private static final int CACHE_SIZE = 512;
    private static final Map<Key, Image> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Image> eldest) {
            return size() > CACHE_SIZE;
        }
    });
    /** The smallest share of its size a formula shrinks to in a narrow column; below that it stays legible and clips. */
    private static final double MIN_SHRINK = 0.6;
    /** Sources already reported, so a broken formula warns once, not at every theme or size change. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private record Key(String latex, int style, long sizeMillipixels, int argb) {
    }

    private final StringProperty latex = new SimpleStringProperty(this, "latex", "");
    private final double relativeSize;
    private final ObservableValue<Number> outputScale;
    private final int style;
    private final ImageView view = new ImageView();
    private boolean fallback;
    /** The image's size on screen at full size, in layout units. */
    private double naturalWidth;
    private double naturalHeight;

    /** A displayed formula (limits under sums, full-size fractions) as large as the text around it. */
    public Formula(String latex) {
        this(latex, TEXT_MATCHING_SIZE, true);
    }

    /**
     * @param relativeSize the formula's size as a multiple of the label's font size
     * @param display display style (limits under sums); false for inline symbols and shapes
     */
    public Formula(String latex, double relativeSize, boolean display) {
        this.style = display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT;
        getStyleClass().add("latex");
        view.setSmooth(true);
        view.setPreserveRatio(true);
        outputScale = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::outputScaleXProperty).orElse(1.0);
        this.latex.set(latex == null ? "" : latex);
        this.relativeSize = relativeSize;
        this.latex.addListener((o, a, b) -> render());
        textFillProperty().addListener((o, a, b) -> render());
        fontProperty().addListener((o, a, b) -> render());
        outputScale.addListener((o, a, b) -> render());
        render();
    }

    public StringProperty latexProperty() {
        return latex;
    }

    public String getLatex() {
        return latex.get();
    }

    public void setLatex(String value) {
        latex.set(value == null ? "" : value);
    }

    /** Whether the source could not be typeset and shows as plain text. */
    public boolean isFallback() {
        return fallback;
    }

    /** The typeset image in device pixels, or null while the fallback text shows. */
    Image image() {
        return fallback ? null : view.getImage();
    }

    private void render() {
        String source = latex.get();
        setAccessibleText(source);
        double scale = Math.max(1, outputScale.getValue().doubleValue());
        float size = (float) (getFont().getSize() * relativeSize * scale);
        Color ink = getTextFill() instanceof Color c ? c : Color.BLACK;
        Key key = new Key(source, style, Math.round(size * 1000), argb(ink));
        Image image = CACHE.get(key);
        if (image == null) {
            try {
                image = typeset(source, style, size, ink);
                CACHE.put(key, image);
            } catch (RuntimeException e) {
                // JLaTeXMath signals bad input with unchecked ParseException (and the odd other runtime error).
                if (WARNED.add(source)) {
                    LOG.warn("Cannot typeset formula, showing its source instead: {} ({})", source, e.getMessage());
                }
                showSource(source);
                return;
            }
        }
        fallback = false;
        naturalWidth = image.getWidth() / scale;
        naturalHeight = image.getHeight() / scale;
        view.setImage(image);
        view.setFitWidth(naturalWidth);
        setText("");
        setGraphic(view);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // The sizes above come from the image, which the skin does not watch.
        requestLayout();
    }

    // A typeset formula cannot wrap, so in a column narrower than itself it shrinks (to MIN_SHRINK at most) instead of
    // overflowing: its width asks for the natural size, its height follows the width it gets.

    @Override
    public Orientation getContentBias() {
        return fallback ? super.getContentBias() : Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return fallback ? super.computePrefWidth(height) : naturalWidth + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return fallback ? super.computeMinWidth(height)
                : naturalWidth * MIN_SHRINK + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return fallback ? super.computePrefHeight(width)
                : naturalHeight * shrink(width) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return fallback ? super.computeMinHeight(width) : computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        if (!fallback) {
            view.setFitWidth(naturalWidth * shrink(getWidth()));
        }
        super.layoutChildren();
    }

    /** The share of the natural size that fits in {@code width} (all of it for an unknown width). */
    private double shrink(double width) {
        double inner = width - snappedLeftInset() - snappedRightInset();
        return width < 0 || naturalWidth <= 0 ? 1 : Math.max(MIN_SHRINK, Math.min(1, inner / naturalWidth));
    }

    private void showSource(String source) {
        fallback = true;
        view.setImage(null);
        setGraphic(null);
        setText(source);
        setContentDisplay(ContentDisplay.TEXT_ONLY);
    }

    private static Image typeset(String source, int style, float size, Color ink) {
        return SwingFXUtils.toFXImage(Typesetting.paint(source, style, size, new java.awt.Color((float) ink.getRed(),
                (float) ink.getGreen(), (float) ink.getBlue(), (float) ink.getOpacity())), null);
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
