package org.latentexplorer.ui.widgets;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A square pad to draw on with the mouse like a pen on paper: the left button draws smooth round strokes a tenth of
 * the pad wide, the right button erases, Undo (or Ctrl+Z) takes back the last stroke and Clear gives a blank sheet.
 * Every move sends the image a model takes of the drawing ({@link Drawing#pixels()}) into the pixels property, null
 * for a blank sheet. An image put into that property from outside becomes the picture the next strokes go over, such
 * as a held-out digit to scribble noise onto. Black on white in either theme, as the app shows every image.
 */
public final class DrawingPad extends CanvasRegion {
    /** Mouse moves shorter than this (in pixels) add no point to a stroke. */
    private static final double MIN_STEP = 1.5;
    private final ObjectProperty<float[]> pixels;
    private final int side;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final StringProperty placeholder = new SimpleStringProperty(this, "placeholder", "");
    private Drawing drawing;
    /** Set while the pad itself writes the pixels, so its own image is not taken for a new picture. */
    private boolean emitting;
    private boolean stroking;
    private double lastX;
    private double lastY;

    /**
     * @param pixels where the drawing goes out (and a picture to draw over comes in), side × side values
     * @param side the image's width and height
     * @param id the pad's node id; its buttons' ids add "-undo" and "-clear"
     */
    public DrawingPad(ObjectProperty<float[]> pixels, int side, String id) {
        super(true, false);
        this.pixels = pixels;
        this.side = side;
        setId(id);
        getStyleClass().add("drawing-pad");
        setMinSize(100, 100);
        setPrefWidth(196);
        setCursor(Cursor.CROSSHAIR);
        setFocusTraversable(true);
        take(pixels.get());
        pixels.addListener((o, a, b) -> {
            if (!emitting) {
                take(b);
            }
        });
        placeholder.addListener((o, a, b) -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            stroking = false;
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
                undo();
                e.consume();
            }
        });
    }

    /** Square: as tall as it is wide, so a narrow column leaves no gap under it. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        return width >= 0 ? width : prefWidth(-1);
    }

    /** Undo and Clear for this pad, in the current language; under each other where the column is narrow. */
    public FlowPane tools(Controls c) {
        Button undo = c.button("draw.undo", this::undo);
        undo.setId(getId() + "-undo");
        undo.disableProperty().bind(canUndo.not());
        Button clear = c.button("draw.clear", this::clear);
        clear.setId(getId() + "-clear");
        clear.disableProperty().bind(empty);
        undo.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        return new FlowPane(6, 6, undo, clear);
    }

    /** Takes back the last stroke. */
    public void undo() {
        change(drawing.undo());
    }

    /** A blank sheet: the strokes and any picture go. */
    public void clear() {
        change(Drawing.blank(side));
    }

    /** Whether there is a stroke to take back. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** Whether the pad is a blank sheet. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** Written faintly across a blank sheet, e.g. "Draw a digit here". */
    public StringProperty placeholderProperty() {
        return placeholder;
    }

    /** An image from outside: the picture to draw over, or a blank sheet for null. */
    private void take(float[] picture) {
        drawing = picture == null || picture.length != side * side ? Drawing.blank(side) : Drawing.over(picture, side);
        showState();
    }

    private void change(Drawing next) {
        drawing = next;
        showState();
        emitting = true;
        try {
            pixels.set(next.pixels());
        } finally {
            emitting = false;
        }
    }

    private void showState() {
        canUndo.set(!drawing.strokes().isEmpty());
        empty.set(drawing.isEmpty());
        draw();
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY && e.getButton() != MouseButton.SECONDARY) {
            return;
        }
        double s = canvas.getWidth();
        if (s <= 0) {
            return;
        }
        stroking = true;
        lastX = e.getX();
        lastY = e.getY();
        change(drawing.begin(e.getButton() == MouseButton.SECONDARY, clamp(lastX / s), clamp(lastY / s)));
        e.consume();
    }

    private void dragged(MouseEvent e) {
        double s = canvas.getWidth();
        if (!stroking || s <= 0) {
            return;
        }
        if (Math.hypot(e.getX() - lastX, e.getY() - lastY) >= MIN_STEP) {
            lastX = e.getX();
            lastY = e.getY();
            change(drawing.extend(clamp(lastX / s), clamp(lastY / s)));
        }
        e.consume();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double s = canvas.getWidth();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, s, s);
        if (drawing == null || s <= 0) {
            return;
        }
        if (drawing.picture() != null) {
            g.setImageSmoothing(false);
            g.drawImage(ImageTiles.toImage(drawing.picture(), side, side), 0, 0, s, s);
        } else if (drawing.strokes().isEmpty() && !placeholder.get().isEmpty()) {
            g.setFill(Color.gray(0.6));
            g.setFont(Presentation.font(Font.font(13)));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(placeholder.get(), s / 2, s / 2, s - 12);
        }
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        double width = Drawing.PEN * s;
        g.setLineWidth(width);
        for (Drawing.Stroke stroke : drawing.strokes()) {
            Color ink = stroke.erase() ? Color.WHITE : Color.BLACK;
            float[] p = stroke.points();
            int n = p.length / 2;
            if (n == 1) {
                g.setFill(ink);
                g.fillOval(p[0] * s - width / 2, p[1] * s - width / 2, width, width);
                continue;
            }
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = p[2 * i] * s;
                ys[i] = p[2 * i + 1] * s;
            }
            g.setStroke(ink);
            g.strokePolyline(xs, ys, n);
        }
        g.setLineWidth(1);
        g.setStroke(Color.gray(0.7));
        g.strokeRect(0.5, 0.5, s - 1, s - 1);
    }
}
