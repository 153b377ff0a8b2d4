package org.latentexplorer.ui.ganlab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.latentexplorer.ui.widgets.Export;
import org.latentexplorer.ui.widgets.Palette;
import org.latentexplorer.ui.widgets.Presentation;
import org.latentexplorer.ui.widgets.Viewport;

/**
 * The GAN lab's plane on a Canvas: D's output as a heatmap behind everything (green where D says real, purple where
 * it says generated, as GAN Lab colours them), the real points, the generated points, and arrows of where the
 * Generator's loss pushes its samples. In drawing mode a mouse drag draws a real distribution.
 */
final class LabPlane extends Region {
    static final Color REAL = Color.web("#1a9850");
    static final Color GENERATED = Color.web("#762a83");
    private static final Color JUDGED_REAL = Color.web("#a6dba0");
    private static final Color JUDGED_GENERATED = Color.web("#c2a5cf");

    private final Canvas canvas = new Canvas();
    private GanLabViewModel.Snapshot snapshot;
    private boolean showMap = true;
    private boolean showArrows;
    private boolean showReal = true;
    private boolean showGenerated = true;
    private boolean drawing;
    private double[] drawn = new double[0];
    private final List<Double> stroke = new ArrayList<>();
    private Consumer<double[]> onDrawn = xy -> { };
    /** Where the plane is drawn, fixed for one drawing. */
    private Viewport view;
    /** Redraws larger in classroom mode and in the theme's colours; held so app-wide settings keep no closed view. */
    private final javafx.beans.InvalidationListener rescaled = Presentation.redrawOnChange(this::draw);

    LabPlane() {
        getChildren().add(canvas);
        getStyleClass().add("lab-plane");
        setMinSize(260, 260);
        setPrefSize(520, 520);
        // Only the left button draws: the right one opens the export menu.
        canvas.setOnMousePressed(e -> {
            if (drawing && e.getButton() == MouseButton.PRIMARY) {
                stroke.clear();
                addStroke(e.getX(), e.getY());
            }
        });
        canvas.setOnMouseDragged(e -> {
            if (drawing && e.isPrimaryButtonDown()) {
                addStroke(e.getX(), e.getY());
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (drawing && e.getButton() == MouseButton.PRIMARY && !stroke.isEmpty()) {
                double[] xy = new double[drawn.length + stroke.size()];
                System.arraycopy(drawn, 0, xy, 0, drawn.length);
                for (int i = 0; i < stroke.size(); i++) {
                    xy[drawn.length + i] = stroke.get(i);
                }
                stroke.clear();
                onDrawn.accept(xy);
            }
        });
        Export.offerImage(this);
    }

    private double extent() {
        return snapshot == null ? org.latentexplorer.data.Distribution2D.DRAWING_EXTENT : snapshot.extent();
    }

    private double side() {
        return Math.min(canvas.getWidth(), canvas.getHeight());
    }

    /** The square from -extent to extent on both axes, filling the canvas. */
    private Viewport viewport() {
        double s = side();
        double e = extent();
        return Viewport.stretched(0, 0, s, s, -e, e, -e, e);
    }

    private double toScreenX(double x) {
        return view.toScreenX(x);
    }

    private double toScreenY(double y) {
        return view.toScreenY(y);
    }

    private void addStroke(double sx, double sy) {
        double s = side();
        if (s <= 0 || sx < 0 || sy < 0 || sx > s || sy > s) {
            return;
        }
        Viewport v = viewport();
        stroke.add(v.toPlaneX(sx));
        stroke.add(v.toPlaneY(sy));
        draw();
    }

    void setSnapshot(GanLabViewModel.Snapshot s) {
        snapshot = s;
        draw();
    }

    void setLayers(boolean map, boolean arrows, boolean real, boolean generated) {
        showMap = map;
        showArrows = arrows;
        showReal = real;
        showGenerated = generated;
        draw();
    }

    /** In drawing mode a drag adds a stroke; {@code onDrawn} receives all points drawn so far. */
    void setDrawing(boolean on, double[] points, Consumer<double[]> onDrawn) {
        drawing = on;
        drawn = points;
        this.onDrawn = onDrawn;
        setCursor(on ? javafx.scene.Cursor.CROSSHAIR : javafx.scene.Cursor.DEFAULT);
        draw();
    }

    /** Square: as tall as it is wide, so the controls below sit right under it. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        return width > 0 ? width : super.computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return width > 0 ? width : Double.MAX_VALUE;
    }

    @Override
    protected void layoutChildren() {
        double s = Math.min(getWidth(), getHeight());
        canvas.setWidth(s);
        canvas.setHeight(s);
        canvas.relocate((getWidth() - s) / 2, 0);
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double s = side();
        view = viewport();
        g.setFill(Palette.paper());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (s <= 0) {
            return;
        }
        if (snapshot != null && showMap && snapshot.map() != null) {
            g.setImageSmoothing(true);
            g.drawImage(heatmap(snapshot.map(), snapshot.critic()), 0, 0, s, s);
        }
        drawAxes(g, s);
        if (snapshot != null) {
            if (showReal) {
                dots(g, snapshot.real(), REAL, 3);
            }
            if (showGenerated) {
                dots(g, snapshot.generated(), GENERATED, 3.5);
            }
            if (showArrows && snapshot.arrows() != null) {
                arrows(g, snapshot.generated(), snapshot.arrows(), s);
            }
        }
        if (drawing) {
            dots(g, drawn, REAL, 4);
            for (int i = 0; i + 1 < stroke.size(); i += 2) {
                g.setFill(REAL);
                g.fillOval(toScreenX(stroke.get(i)) - 2, toScreenY(stroke.get(i + 1)) - 2, 4, 4);
            }
        }
        g.setStroke(Palette.grey(0.6));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, s - 1, s - 1);
    }

    private void drawAxes(GraphicsContext g, double s) {
        g.setStroke(Palette.grey(0.5, 0.35));
        g.setLineWidth(1);
        g.strokeLine(toScreenX(0), 0, toScreenX(0), s);
        g.strokeLine(0, toScreenY(0), s, toScreenY(0));
    }

    private void dots(GraphicsContext g, double[] xy, Color color, double baseSize) {
        double size = baseSize * Presentation.scale();
        g.setFill(color.deriveColor(0, 1, 1, 0.75));
        for (int i = 0; i + 1 < xy.length; i += 2) {
            g.fillOval(toScreenX(xy[i]) - size / 2, toScreenY(xy[i + 1]) - size / 2, size, size);
        }
    }

    private void arrows(GraphicsContext g, double[] from, double[] direction, double s) {
        double length = 0.06 * s;
        g.setStroke(Palette.grey(0.15, 0.8));
        double p = Presentation.scale();
        g.setLineWidth(1.2 * p);
        for (int i = 0; i + 1 < direction.length && i + 1 < from.length; i += 2) {
            double x = toScreenX(from[i]);
            double y = toScreenY(from[i + 1]);
            double dx = direction[i] * length;
            double dy = -direction[i + 1] * length;
            if (Math.hypot(dx, dy) < 1) {
                continue;
            }
            g.strokeLine(x, y, x + dx, y + dy);
            double a = Math.atan2(dy, dx);
            g.strokeLine(x + dx, y + dy, x + dx - 5 * p * Math.cos(a - 0.4), y + dy - 5 * p * Math.sin(a - 0.4));
            g.strokeLine(x + dx, y + dy, x + dx - 5 * p * Math.cos(a + 0.4), y + dy - 5 * p * Math.sin(a + 0.4));
        }
    }

    /**
     * D(x) in [0, 1] as purple through the paper's colour (white on the light theme) to green; a critic's values are
     * centred and scaled first.
     */
    private static WritableImage heatmap(double[] values, boolean critic) {
        int res = (int) Math.round(Math.sqrt(values.length));
        double[] v = values;
        if (critic) {
            double mean = 0;
            for (double x : values) {
                mean += x / values.length;
            }
            double spread = 1e-12;
            for (double x : values) {
                spread = Math.max(spread, Math.abs(x - mean));
            }
            v = new double[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.5 + 0.5 * (values[i] - mean) / spread;
            }
        }
        Color undecided = Palette.paper();
        WritableImage image = new WritableImage(res, res);
        PixelWriter w = image.getPixelWriter();
        for (int r = 0; r < res; r++) {
            for (int c = 0; c < res; c++) {
                double d = Math.max(0, Math.min(1, v[r * res + c]));
                Color color = d >= 0.5 ? undecided.interpolate(JUDGED_REAL, 2 * (d - 0.5))
                        : undecided.interpolate(JUDGED_GENERATED, 2 * (0.5 - d));
                w.setColor(c, r, color);
            }
        }
        return image;
    }
}
