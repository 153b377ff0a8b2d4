package org.latentexplorer.ui.widgets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.LatentPoints;
import org.latentexplorer.ui.base.Manifold;

/**
 * A 2-D latent plane on one Canvas: held-out codes coloured by label, an optional decoded manifold behind them, and a
 * cursor the learner drags (or moves with the arrow keys) while a view model decodes whatever lies under it. Knows
 * nothing of models: data comes in through properties and the user's moves go out through them.
 */
public final class LatentPlane extends Region {
    private static final double DEFAULT_SPAN = 8;
    private static final double MIN_SPAN = 1e-3;
    private static final double MAX_SPAN = 1e4;
    private static final double ZOOM_PER_NOTCH = 1.15;
    private static final double PICK_RADIUS = 6;
    private static final double CLICK_SLOP = 4;
    private static final double NUDGE = 0.01;
    private static final double FIT_MARGIN = 0.08;
    private static final double TICK_SPACING = 80;

    /** Tableau 10: distinct on white and for the common forms of colour blindness. */
    private static final Color[] PALETTE = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
        Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
        Color.web("#9c755f"), Color.web("#bab0ac"),
    };
    private static final Color UNLABELLED = Color.gray(0.45);
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color GRID = Color.gray(0.88);
    private static final Color AXIS = Color.gray(0.65);
    private static final Color TEXT = Color.gray(0.25);
    private static final Color HALO = Color.rgb(255, 255, 255, 0.85);
    private static final Color CURSOR = Color.web("#d6006e");
    private static final Color FOCUS = Color.web("#0a84ff");
    private static final Font TICK_FONT = Font.font(11);
    private static final Font AXIS_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);
    private static final Font LEGEND_FONT = Font.font(12);

    private enum Gesture { CURSOR, PAN }

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<LatentPoints> points = new SimpleObjectProperty<>(this, "points");
    private final ObjectProperty<List<String>> classNames = new SimpleObjectProperty<>(this, "classNames");
    private final ObjectProperty<Manifold> manifold = new SimpleObjectProperty<>(this, "manifold");
    private final BooleanProperty showManifold = new SimpleBooleanProperty(this, "showManifold");
    private final DoubleProperty cursorX = new SimpleDoubleProperty(this, "cursorX");
    private final DoubleProperty cursorY = new SimpleDoubleProperty(this, "cursorY");
    private final DoubleProperty centerX = new SimpleDoubleProperty(this, "centerX");
    private final DoubleProperty centerY = new SimpleDoubleProperty(this, "centerY");
    private final DoubleProperty span = new SimpleDoubleProperty(this, "span", DEFAULT_SPAN);
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final StringProperty xAxisLabel = new SimpleStringProperty(this, "xAxisLabel", "z₁");
    private final StringProperty yAxisLabel = new SimpleStringProperty(this, "yAxisLabel", "z₂");
    private final BooleanProperty interactive = new SimpleBooleanProperty(this, "interactive", true);
    private final ReadOnlyObjectWrapper<double[]> visibleRange = new ReadOnlyObjectWrapper<>(this, "visibleRange");

    private boolean dirty = true;
    private boolean focusFrame = true;
    /** Redraws larger in classroom mode; held here so the app-wide scale does not keep a closed view alive. */
    private final javafx.beans.InvalidationListener rescaled = Presentation.redrawOnChange(this::invalidate);
    /** Point indices grouped by colour, so a frame changes the fill a dozen times rather than once per point. */
    private int[] drawOrder;
    private List<Image> tiles;
    private double legendTextWidth;

    private Gesture gesture;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean movedSincePress;

    public LatentPlane() {
        getChildren().add(canvas);
        getStyleClass().add("latent-plane");
        setPrefSize(420, 420);
        setMinSize(200, 200);
        // A display-only plane (interactive = false) should not take keyboard focus either.
        focusTraversableProperty().bind(interactive);
        cursorProperty().bind(Bindings.when(interactive).then(Cursor.CROSSHAIR).otherwise(Cursor.DEFAULT));

        points.addListener((o, a, b) -> {
            drawOrder = null;
            if (b == null || selectedIndex.get() >= b.size()) {
                selectedIndex.set(-1);
            }
        });
        manifold.addListener((o, a, b) -> tiles = null);
        classNames.addListener((o, a, b) -> legendTextWidth = measureLegend(b));
        for (ObservableValue<?> v : List.of(widthProperty(), heightProperty(), centerX, centerY, span)) {
            v.addListener((o, a, b) -> updateVisibleRange());
        }
        for (ObservableValue<?> v : List.of(points, classNames, manifold, showManifold, cursorX, cursorY,
                selectedIndex, xAxisLabel, yAxisLabel, focusedProperty(), visibleRange)) {
            v.addListener((o, a, b) -> invalidate());
        }
        updateVisibleRange();

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::menuRequested);
        // Saved without the focus frame: it shows where the keys go, it is not part of the picture.
        Export.offer(this, new Export.Action(Export.Format.PNG, null, () -> true, file -> {
            focusFrame = false;
            draw();
            try {
                return Export.png(this, file);
            } finally {
                focusFrame = true;
                draw();
            }
        }));
    }

    public ObjectProperty<LatentPoints> pointsProperty() {
        return points;
    }

    /** Legend entries for labels 0..n-1; no legend when null or empty. */
    public ObjectProperty<List<String>> classNamesProperty() {
        return classNames;
    }

    public ObjectProperty<Manifold> manifoldProperty() {
        return manifold;
    }

    /** Draws the manifold behind the points, which then shrink and fade so the images stay readable. */
    public BooleanProperty showManifoldProperty() {
        return showManifold;
    }

    /** Cursor position in latent units; NaN hides the cursor. */
    public DoubleProperty cursorXProperty() {
        return cursorX;
    }

    public DoubleProperty cursorYProperty() {
        return cursorY;
    }

    public DoubleProperty centerXProperty() {
        return centerX;
    }

    public DoubleProperty centerYProperty() {
        return centerY;
    }

    /** The latent width visible; the height follows the aspect ratio, so units are square. */
    public DoubleProperty spanProperty() {
        return span;
    }

    /** Index into the points of the one the user clicked, -1 for none. */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public StringProperty xAxisLabelProperty() {
        return xAxisLabel;
    }

    public StringProperty yAxisLabelProperty() {
        return yAxisLabel;
    }

    /** When false the plane only displays: mouse and keys do nothing. */
    public BooleanProperty interactiveProperty() {
        return interactive;
    }

    /** {minX, maxX, minY, maxY} in latent units; a new array on every change. */
    public ReadOnlyObjectProperty<double[]> visibleRangeProperty() {
        return visibleRange.getReadOnlyProperty();
    }

    /** Centres the view on the points with a margin around them; span 8 about the origin when there are none. */
    public void fitToPoints() {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        LatentPoints p = points.get();
        for (int i = 0, n = p == null ? 0 : p.size(); i < n; i++) {
            float x = p.x()[i];
            float y = p.y()[i];
            if (Float.isFinite(x) && Float.isFinite(y)) {
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        if (minX > maxX) {
            setView(0, 0, DEFAULT_SPAN);
            return;
        }
        double needed = Math.max(maxX - minX, (maxY - minY) / aspect()) * (1 + 2 * FIT_MARGIN);
        setView((minX + maxX) / 2, (minY + maxY) / 2, needed > 0 ? needed : DEFAULT_SPAN);
    }

    public double toLatentX(double px) {
        return centerX.get() + (px - getWidth() / 2) / scale();
    }

    public double toLatentY(double py) {
        return centerY.get() - (py - getHeight() / 2) / scale();
    }

    public double toScreenX(double lx) {
        return getWidth() / 2 + (lx - centerX.get()) * scale();
    }

    public double toScreenY(double ly) {
        return getHeight() / 2 - (ly - centerY.get()) * scale();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        if (dirty) {
            draw();
        }
    }

    /** Marks the picture stale; the next layout pass (once per pulse) redraws it, however many changes came first. */
    private void invalidate() {
        if (!dirty) {
            dirty = true;
            setNeedsLayout(true);
        }
    }

    private double span() {
        double s = span.get();
        return Double.isNaN(s) ? DEFAULT_SPAN : Math.max(MIN_SPAN, Math.min(MAX_SPAN, s));
    }

    /** Pixels per latent unit; with no width yet, a unit of one pixel keeps the transforms finite. */
    private double scale() {
        return (getWidth() > 0 ? getWidth() : 1) / span();
    }

    /** Visible height over width; square before the plane has a size. */
    private double aspect() {
        return getWidth() > 0 && getHeight() > 0 ? getHeight() / getWidth() : 1;
    }

    private void setView(double cx, double cy, double s) {
        span.set(Math.max(MIN_SPAN, Math.min(MAX_SPAN, s)));
        centerX.set(cx);
        centerY.set(cy);
    }

    private void updateVisibleRange() {
        double halfW = span() / 2;
        double halfH = halfW * aspect();
        double[] range = {centerX.get() - halfW, centerX.get() + halfW, centerY.get() - halfH, centerY.get() + halfH};
        if (!Arrays.equals(range, visibleRange.get())) {
            visibleRange.set(range);
        }
    }

    private void pressed(MouseEvent e) {
        if (!interactive.get()) {
            return;
        }
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        movedSincePress = false;
        if (e.getButton() == MouseButton.PRIMARY) {
            gesture = Gesture.CURSOR;
            moveCursorTo(e.getX(), e.getY());
        } else {
            // Every press starts afresh, so a release lost outside the window cannot leave a gesture stuck.
            boolean pan = e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE;
            gesture = pan ? Gesture.PAN : null;
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (!interactive.get() || gesture == null) {
            return;
        }
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) >= CLICK_SLOP) {
            movedSincePress = true;
        }
        if (gesture == Gesture.CURSOR) {
            moveCursorTo(e.getX(), e.getY());
        } else {
            // The latent point under the mouse travels with it.
            double s = scale();
            centerX.set(centerX.get() - (e.getX() - lastX) / s);
            centerY.set(centerY.get() + (e.getY() - lastY) / s);
        }
        lastX = e.getX();
        lastY = e.getY();
        e.consume();
    }

    private void released(MouseEvent e) {
        if (gesture == null || !gestureButton(e.getButton())) {
            return;
        }
        if (gesture == Gesture.CURSOR && !movedSincePress && interactive.get()) {
            selectedIndex.set(nearestPoint(pressX, pressY));
        }
        if (gesture == Gesture.PAN && e.getButton() == MouseButton.SECONDARY && !movedSincePress) {
            Export.showMenu(this, e.getScreenX(), e.getScreenY());
        }
        gesture = null;
        e.consume();
    }

    private boolean gestureButton(MouseButton b) {
        return gesture == Gesture.CURSOR ? b == MouseButton.PRIMARY
                : b == MouseButton.SECONDARY || b == MouseButton.MIDDLE;
    }

    /**
     * A right drag pans an interactive plane, so its export menu opens on a right click that did not move (see
     * {@link #released}) rather than on the platform's request at the press; the keyboard's menu key still opens it.
     */
    private void menuRequested(ContextMenuEvent e) {
        if (interactive.get() && !e.isKeyboardTrigger()) {
            e.consume();
        }
    }

    private void clicked(MouseEvent e) {
        if (interactive.get() && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                && e.isStillSincePress()) {
            fitToPoints();
            e.consume();
        }
    }

    private void scrolled(ScrollEvent e) {
        if (!interactive.get() || e.getDeltaY() == 0) {
            return;
        }
        // Wheel up (positive delta) zooms in, as in map viewers; the latent point under the mouse stays put.
        // Delta over multiplier counts wheel notches (fractions from touchpads) whatever pixels a platform uses.
        double notches = e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : Math.signum(e.getDeltaY());
        double lx = toLatentX(e.getX());
        double ly = toLatentY(e.getY());
        double s = span() * Math.pow(ZOOM_PER_NOTCH, -notches);
        span.set(Math.max(MIN_SPAN, Math.min(MAX_SPAN, s)));
        centerX.set(lx - (e.getX() - getWidth() / 2) / scale());
        centerY.set(ly + (e.getY() - getHeight() / 2) / scale());
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (!interactive.get()) {
            return;
        }
        double step = NUDGE * span();
        switch (e.getCode()) {
            case LEFT -> nudge(-step, 0);
            case RIGHT -> nudge(step, 0);
            case UP -> nudge(0, step);
            case DOWN -> nudge(0, -step);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void nudge(double dx, double dy) {
        // A hidden (NaN) cursor reappears at the centre of the view.
        double x = Double.isFinite(cursorX.get()) ? cursorX.get() : centerX.get();
        double y = Double.isFinite(cursorY.get()) ? cursorY.get() : centerY.get();
        cursorX.set(x + dx);
        cursorY.set(y + dy);
    }

    private void moveCursorTo(double px, double py) {
        cursorX.set(toLatentX(px));
        cursorY.set(toLatentY(py));
    }

    /** The point nearest to the screen position within the pick radius, or -1. */
    private int nearestPoint(double px, double py) {
        LatentPoints p = points.get();
        int best = -1;
        double bestDist = PICK_RADIUS * PICK_RADIUS;
        for (int i = 0, n = p == null ? 0 : p.size(); i < n; i++) {
            double dx = toScreenX(p.x()[i]) - px;
            double dy = toScreenY(p.y()[i]) - py;
            double d = dx * dx + dy * dy;
            if (d <= bestDist) {
                bestDist = d;
                best = i;
            }
        }
        return best;
    }

    private void draw() {
        dirty = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        Manifold m = manifold.get();
        boolean withManifold = showManifold.get() && m != null;
        if (withManifold) {
            drawManifold(g, m, w, h);
        }
        double step = niceStep(TICK_SPACING / scale());
        drawGrid(g, w, h, step);
        drawPoints(g, w, h, withManifold);
        drawSelection(g);
        drawTickLabels(g, w, h, step);
        drawCursor(g);
        drawLegend(g, w);
        if (focusFrame && isFocused()) {
            g.setStroke(FOCUS);
            g.setLineWidth(2);
            g.strokeRect(1, 1, w - 2, h - 2);
        }
    }

    private void drawManifold(GraphicsContext g, Manifold m, double w, double h) {
        if (tiles == null) {
            ImageGrid grid = m.images();
            tiles = grid.images().stream().map(px -> (Image) ImageTiles.toImage(px, grid.rows(), grid.cols())).toList();
        }
        g.setImageSmoothing(false);
        int n = m.n();
        double tileW = (m.maxX() - m.minX()) / n;
        double tileH = (m.maxY() - m.minY()) / n;
        for (int r = 0; r < n; r++) {
            // Edges rounded to whole pixels and shared by neighbours, so no seams show between tiles.
            double top = Math.round(toScreenY(m.maxY() - r * tileH));
            double bottom = Math.round(toScreenY(m.maxY() - (r + 1) * tileH));
            if (bottom <= 0 || top >= h) {
                continue;
            }
            for (int c = 0; c < n; c++) {
                double left = Math.round(toScreenX(m.minX() + c * tileW));
                double right = Math.round(toScreenX(m.minX() + (c + 1) * tileW));
                if (right > 0 && left < w) {
                    g.drawImage(tiles.get(r * n + c), left, top, right - left, bottom - top);
                }
            }
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    private void drawGrid(GraphicsContext g, double w, double h, double step) {
        g.setLineWidth(1);
        for (long k = (long) Math.ceil(toLatentX(0) / step), last = (long) Math.floor(toLatentX(w) / step);
                k <= last; k++) {
            double x = Math.floor(toScreenX(k * step)) + 0.5;
            g.setStroke(k == 0 ? AXIS : GRID);
            g.strokeLine(x, 0, x, h);
        }
        for (long k = (long) Math.ceil(toLatentY(h) / step), last = (long) Math.floor(toLatentY(0) / step);
                k <= last; k++) {
            double y = Math.floor(toScreenY(k * step)) + 0.5;
            g.setStroke(k == 0 ? AXIS : GRID);
            g.strokeLine(0, y, w, y);
        }
    }

    private void drawPoints(GraphicsContext g, double w, double h, boolean overManifold) {
        LatentPoints p = points.get();
        if (p == null) {
            return;
        }
        if (drawOrder == null) {
            drawOrder = orderByColour(p.labels());
        }
        double size = (overManifold ? 2 : 3) * Presentation.scale();
        double s = scale();
        double originX = w / 2 - centerX.get() * s;
        double originY = h / 2 + centerY.get() * s;
        float[] xs = p.x();
        float[] ys = p.y();
        int[] labels = p.labels();
        g.setGlobalAlpha(overManifold ? 0.75 : 1);
        for (int i : drawOrder) {
            double sx = originX + xs[i] * s;
            double sy = originY - ys[i] * s;
            // Also skips NaN codes, for which every comparison is false.
            if (sx > -size && sx < w + size && sy > -size && sy < h + size) {
                g.setFill(colourOf(labels[i]));
                g.fillRect(Math.floor(sx - size / 2), Math.floor(sy - size / 2), size, size);
            }
        }
        g.setGlobalAlpha(1);
    }

    private static Color colourOf(int label) {
        return label < 0 ? UNLABELLED : PALETTE[label % PALETTE.length];
    }

    /** Counting sort by colour, unlabelled first so labelled points are drawn over them. */
    private static int[] orderByColour(int[] labels) {
        int[] starts = new int[PALETTE.length + 2];
        for (int label : labels) {
            starts[colourSlot(label) + 1]++;
        }
        for (int k = 1; k < starts.length; k++) {
            starts[k] += starts[k - 1];
        }
        int[] order = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            order[starts[colourSlot(labels[i])]++] = i;
        }
        return order;
    }

    private static int colourSlot(int label) {
        return label < 0 ? 0 : 1 + label % PALETTE.length;
    }

    private void drawSelection(GraphicsContext g) {
        LatentPoints p = points.get();
        int i = selectedIndex.get();
        if (p == null || i < 0 || i >= p.size()) {
            return;
        }
        double x = toScreenX(p.x()[i]);
        double y = toScreenY(p.y()[i]);
        if (Double.isFinite(x) && Double.isFinite(y)) {
            ringWithHalo(g, x, y, 7 * Presentation.scale(), Color.BLACK);
        }
    }

    private void drawCursor(GraphicsContext g) {
        double x = toScreenX(cursorX.get());
        double y = toScreenY(cursorY.get());
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        double p = Presentation.scale();
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? HALO : CURSOR);
            g.setLineWidth((pass == 0 ? 4 : 2) * p);
            g.strokeLine(x - 18 * p, y, x - 9 * p, y);
            g.strokeLine(x + 9 * p, y, x + 18 * p, y);
            g.strokeLine(x, y - 18 * p, x, y - 9 * p);
            g.strokeLine(x, y + 9 * p, x, y + 18 * p);
            g.strokeOval(x - 6 * p, y - 6 * p, 12 * p, 12 * p);
        }
    }

    private static void ringWithHalo(GraphicsContext g, double x, double y, double r, Color colour) {
        g.setStroke(HALO);
        g.setLineWidth(4 * Presentation.scale());
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(colour);
        g.setLineWidth(2 * Presentation.scale());
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }

    private void drawTickLabels(GraphicsContext g, double w, double h, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        String format = "%." + decimals + "f";
        double p = Presentation.scale();
        g.setFont(Presentation.font(TICK_FONT));
        g.setLineWidth(3 * p);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (long k = (long) Math.ceil(toLatentX(0) / step), last = (long) Math.floor(toLatentX(w) / step);
                k <= last; k++) {
            double x = toScreenX(k * step);
            // Leaves the bottom-left corner to the left edge's labels.
            if (x > 28 * p && x < w - 12 * p) {
                haloText(g, String.format(Locale.ROOT, format, k * step), x, h - 3);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (long k = (long) Math.ceil(toLatentY(h) / step), last = (long) Math.floor(toLatentY(0) / step);
                k <= last; k++) {
            double y = toScreenY(k * step);
            // Leaves the top-left corner to the y-axis label and the bottom strip to the x labels.
            if (y > 30 * p && y < h - 20 * p) {
                haloText(g, String.format(Locale.ROOT, format, k * step), 4, y);
            }
        }
        g.setFont(Presentation.font(AXIS_FONT));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.RIGHT);
        haloText(g, xAxisLabel.get(), w - 6, h - 18 * p);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        haloText(g, yAxisLabel.get(), 6, 6);
    }

    private static void haloText(GraphicsContext g, String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setStroke(HALO);
        g.strokeText(text, x, y);
        g.setFill(TEXT);
        g.fillText(text, x, y);
    }

    private void drawLegend(GraphicsContext g, double w) {
        List<String> names = classNames.get();
        if (names == null || names.isEmpty()) {
            return;
        }
        // The text's width grows with the font, which grows with the presentation scale.
        double p = Presentation.scale();
        double row = 16 * p;
        double swatch = 10 * p;
        double pad = 6 * p;
        double boxW = pad + swatch + pad + legendTextWidth * p + pad;
        double boxH = pad * 2 + row * names.size();
        double left = w - boxW - 8;
        double top = 8;
        g.setFill(HALO);
        g.fillRect(left, top, boxW, boxH);
        g.setStroke(GRID);
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, boxW - 1, boxH - 1);
        g.setFont(Presentation.font(LEGEND_FONT));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < names.size(); i++) {
            double y = top + pad + row * i + row / 2;
            g.setFill(colourOf(i));
            g.fillRect(left + pad, y - swatch / 2, swatch, swatch);
            g.setFill(TEXT);
            g.fillText(names.get(i), left + pad + swatch + pad, y);
        }
    }

    /** Widest class name in the legend font, measured once per change rather than per frame. */
    private static double measureLegend(List<String> names) {
        if (names == null) {
            return 0;
        }
        Text probe = new Text();
        probe.setFont(LEGEND_FONT);
        double widest = 0;
        for (String name : names) {
            probe.setText(name);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest);
    }
}
