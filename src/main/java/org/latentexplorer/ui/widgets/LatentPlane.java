package org.latentexplorer.ui.widgets;

import java.util.Arrays;
import java.util.List;
import javafx.beans.InvalidationListener;
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
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.latentexplorer.ui.base.LatentPoints;
import org.latentexplorer.ui.base.Manifold;

/**
 * A 2-D latent plane on one Canvas: held-out codes coloured by label, an optional decoded manifold behind them, and a
 * cursor the learner drags (or moves with the arrow keys) while a view model decodes whatever lies under it, and a
 * marker for the code of the learner's drawing with lines to its nearest held-out codes (dragging the marker carries
 * the cursor along). Knows
 * nothing of models: data comes in through properties and the user's moves go out through them. The mouse and keys
 * are handled by {@link LatentPlaneGestures}, the picture drawn by {@link LatentPlanePainter}.
 */
public final class LatentPlane extends Region {
    private static final double DEFAULT_SPAN = 8;
    private static final double MIN_SPAN = 1e-3;
    private static final double MAX_SPAN = 1e4;
    private static final double FIT_MARGIN = 0.08;

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
    private final DoubleProperty markerX = new SimpleDoubleProperty(this, "markerX", Double.NaN);
    private final DoubleProperty markerY = new SimpleDoubleProperty(this, "markerY", Double.NaN);
    private final StringProperty markerLabel = new SimpleStringProperty(this, "markerLabel", "");
    private final ObjectProperty<int[]> neighbours = new SimpleObjectProperty<>(this, "neighbours");
    private final ReadOnlyObjectWrapper<double[]> visibleRange = new ReadOnlyObjectWrapper<>(this, "visibleRange");
    private final LatentPlanePainter painter = new LatentPlanePainter(this);

    private boolean dirty = true;
    private boolean focusFrame = true;
    /**
     * Redraws larger in classroom mode and in the theme's colours; held here so the app-wide scale and theme do not
     * keep a closed view alive.
     */
    private final InvalidationListener rescaled = Presentation.redrawOnChange(this::invalidate);

    public LatentPlane() {
        getChildren().add(canvas);
        getStyleClass().add("latent-plane");
        setPrefSize(420, 420);
        setMinSize(200, 200);
        // A display-only plane (interactive = false) should not take keyboard focus either.
        focusTraversableProperty().bind(interactive);
        cursorProperty().bind(Bindings.when(interactive).then(Cursor.CROSSHAIR).otherwise(Cursor.DEFAULT));

        points.addListener((o, a, b) -> {
            if (b == null || selectedIndex.get() >= b.size()) {
                selectedIndex.set(-1);
            }
        });
        for (ObservableValue<?> v : List.of(widthProperty(), heightProperty(), centerX, centerY, span)) {
            v.addListener((o, a, b) -> updateVisibleRange());
        }
        for (ObservableValue<?> v : List.of(points, classNames, manifold, showManifold, cursorX, cursorY,
                selectedIndex, xAxisLabel, yAxisLabel, focusedProperty(), visibleRange, markerX, markerY, markerLabel,
                neighbours)) {
            v.addListener((o, a, b) -> invalidate());
        }
        updateVisibleRange();
        LatentPlaneGestures.install(this);
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

    /** The marker's position in latent units (the code of the learner's drawing); NaN hides it. */
    public DoubleProperty markerXProperty() {
        return markerX;
    }

    public DoubleProperty markerYProperty() {
        return markerY;
    }

    /** Written beside the marker, e.g. "your drawing". */
    public StringProperty markerLabelProperty() {
        return markerLabel;
    }

    /** Indices into the points of the marker's nearest held-out codes, drawn ringed and joined to it; null for none. */
    public ObjectProperty<int[]> neighboursProperty() {
        return neighbours;
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
        double w = getWidth() > 0 ? getWidth() : 1;
        Viewport fit = Viewport.square(w, w * aspect(), minX, maxX, minY, maxY, FIT_MARGIN);
        double needed = w / fit.scaleX();
        setView(fit.centerX(), fit.centerY(), needed > 0 ? needed : DEFAULT_SPAN);
    }

    public double toLatentX(double px) {
        return view().toPlaneX(px);
    }

    public double toLatentY(double py) {
        return view().toPlaneY(py);
    }

    public double toScreenX(double lx) {
        return view().toScreenX(lx);
    }

    public double toScreenY(double ly) {
        return view().toScreenY(ly);
    }

    /** The view as it stands: centre and span; with no width yet, a unit of one pixel keeps the transforms finite. */
    Viewport view() {
        double scale = (getWidth() > 0 ? getWidth() : 1) / span();
        return new Viewport(centerX.get(), centerY.get(), getWidth() / 2, getHeight() / 2, scale, scale);
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

    private void draw() {
        dirty = false;
        painter.draw(canvas, focusFrame);
    }

    /** The visible width in latent units, within its bounds (the default for NaN). */
    double span() {
        return clampSpan(span.get());
    }

    static double clampSpan(double s) {
        return Double.isNaN(s) ? DEFAULT_SPAN : Math.max(MIN_SPAN, Math.min(MAX_SPAN, s));
    }

    /** Visible height over width; square before the plane has a size. */
    private double aspect() {
        return getWidth() > 0 && getHeight() > 0 ? getHeight() / getWidth() : 1;
    }

    void setView(double cx, double cy, double s) {
        span.set(clampSpan(s));
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
}
