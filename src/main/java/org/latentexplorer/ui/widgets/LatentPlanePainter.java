package org.latentexplorer.ui.widgets;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.LatentPoints;
import org.latentexplorer.ui.base.Manifold;

/**
 * Draws a latent plane: the manifold, the grid, the points by label, the selection, the drawing's nearest codes, tick
 * labels, the cursor, the drawing's marker and the legend, in the theme's colours. Keeps what is costly to work out per frame until the data it comes from changes.
 */
final class LatentPlanePainter {
    private static final double TICK_SPACING = 80;
    private static final Color CURSOR = Color.web("#d6006e");
    private static final Color FOCUS = Color.web("#0a84ff");
    /** The drawing's marker: a diamond this many pixels from its centre to a corner, at scale 1. */
    private static final double MARKER_RADIUS = 13;
    private static final Font TICK_FONT = Font.font(11);
    private static final Font AXIS_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);
    private static final Font LEGEND_FONT = Font.font(12);
    private static final Font MARKER_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);

    private final LatentPlane plane;
    /** Point indices grouped by colour, so a frame changes the fill a dozen times rather than once per point. */
    private int[] drawOrder;
    private List<Image> tiles;
    private double legendTextWidth;
    /** The marker's label and its width, measured once per text rather than per frame. */
    private String measuredLabel;
    private double measuredLabelWidth;
    /** The view being drawn, fixed for one frame. */
    private Viewport v;

    LatentPlanePainter(LatentPlane plane) {
        this.plane = plane;
        plane.pointsProperty().addListener((o, a, b) -> drawOrder = null);
        plane.manifoldProperty().addListener((o, a, b) -> tiles = null);
        plane.classNamesProperty().addListener((o, a, b) -> legendTextWidth = measureLegend(b));
    }

    private static Color grid() {
        return Palette.grey(0.88);
    }

    private static Color axis() {
        return Palette.grey(0.65);
    }

    private static Color text() {
        return Palette.grey(0.25);
    }

    /** Behind lines and texts, so they read over points and images. */
    private static Color halo() {
        return Palette.grey(1, 0.85);
    }

    void draw(Canvas canvas, boolean focusFrame) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Palette.paper());
        g.fillRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        v = plane.view();
        Manifold m = plane.manifoldProperty().get();
        boolean withManifold = plane.showManifoldProperty().get() && m != null;
        if (withManifold) {
            drawManifold(g, m, w, h);
        }
        double step = niceStep(TICK_SPACING / v.scaleX());
        drawGrid(g, w, h, step);
        drawPoints(g, w, h, withManifold);
        drawSelection(g);
        drawTickLabels(g, w, h, step);
        drawCursor(g);
        drawMarker(g, w);
        drawNeighbours(g);
        drawLegend(g, w, h);
        if (focusFrame && plane.isFocused()) {
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
            double top = Math.round(v.toScreenY(m.maxY() - r * tileH));
            double bottom = Math.round(v.toScreenY(m.maxY() - (r + 1) * tileH));
            if (bottom <= 0 || top >= h) {
                continue;
            }
            for (int c = 0; c < n; c++) {
                double left = Math.round(v.toScreenX(m.minX() + c * tileW));
                double right = Math.round(v.toScreenX(m.minX() + (c + 1) * tileW));
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
        for (long k = (long) Math.ceil(v.toPlaneX(0) / step), last = (long) Math.floor(v.toPlaneX(w) / step);
                k <= last; k++) {
            double x = Math.floor(v.toScreenX(k * step)) + 0.5;
            g.setStroke(k == 0 ? axis() : grid());
            g.strokeLine(x, 0, x, h);
        }
        for (long k = (long) Math.ceil(v.toPlaneY(h) / step), last = (long) Math.floor(v.toPlaneY(0) / step);
                k <= last; k++) {
            double y = Math.floor(v.toScreenY(k * step)) + 0.5;
            g.setStroke(k == 0 ? axis() : grid());
            g.strokeLine(0, y, w, y);
        }
    }

    private void drawPoints(GraphicsContext g, double w, double h, boolean overManifold) {
        LatentPoints p = plane.pointsProperty().get();
        if (p == null) {
            return;
        }
        if (drawOrder == null) {
            drawOrder = orderByColour(p.labels());
        }
        double size = (overManifold ? 2 : 3) * Presentation.scale();
        double s = v.scaleX();
        double originX = v.toScreenX(0);
        double originY = v.toScreenY(0);
        float[] xs = p.x();
        float[] ys = p.y();
        int[] labels = p.labels();
        g.setGlobalAlpha(overManifold ? 0.75 : 1);
        for (int i : drawOrder) {
            double sx = originX + xs[i] * s;
            double sy = originY - ys[i] * s;
            // Also skips NaN codes, for which every comparison is false.
            if (sx > -size && sx < w + size && sy > -size && sy < h + size) {
                g.setFill(Palette.classColour(labels[i]));
                g.fillRect(Math.floor(sx - size / 2), Math.floor(sy - size / 2), size, size);
            }
        }
        g.setGlobalAlpha(1);
    }

    /** Counting sort by colour, unlabelled first so labelled points are drawn over them. */
    private static int[] orderByColour(int[] labels) {
        int[] starts = new int[Palette.classCount() + 2];
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
        return label < 0 ? 0 : 1 + label % Palette.classCount();
    }

    private void drawSelection(GraphicsContext g) {
        LatentPoints p = plane.pointsProperty().get();
        int i = plane.selectedIndexProperty().get();
        if (p == null || i < 0 || i >= p.size()) {
            return;
        }
        double x = v.toScreenX(p.x()[i]);
        double y = v.toScreenY(p.y()[i]);
        if (Double.isFinite(x) && Double.isFinite(y)) {
            double r = 7 * Presentation.scale();
            g.setStroke(halo());
            g.setLineWidth(4 * Presentation.scale());
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            g.setStroke(Palette.grey(0));
            g.setLineWidth(2 * Presentation.scale());
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    /**
     * The marker's nearest held-out codes: each point drawn larger in its class colour with an ink frame, over the
     * marker (they often lie within its outline), and a line to it from the marker's edge when it lies farther out.
     */
    private void drawNeighbours(GraphicsContext g) {
        LatentPoints p = plane.pointsProperty().get();
        int[] near = plane.neighboursProperty().get();
        double mx = v.toScreenX(plane.markerXProperty().get());
        double my = v.toScreenY(plane.markerYProperty().get());
        if (p == null || near == null || !Double.isFinite(mx) || !Double.isFinite(my)) {
            return;
        }
        double s = Presentation.scale();
        double edge = MARKER_RADIUS * s;
        double half = 3 * s;
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? halo() : Palette.grey(0.1));
            g.setLineWidth((pass == 0 ? 3.5 : 1.5) * s);
            for (int i : near) {
                if (i >= 0 && i < p.size()) {
                    double x = v.toScreenX(p.x()[i]);
                    double y = v.toScreenY(p.y()[i]);
                    double d = Math.hypot(x - mx, y - my);
                    if (d > edge + half) {
                        g.strokeLine(mx + (x - mx) * edge / d, my + (y - my) * edge / d, x - (x - mx) * half / d,
                                y - (y - my) * half / d);
                    }
                    if (pass == 1) {
                        g.setFill(Palette.classColour(p.labels()[i]));
                        g.fillRect(x - half, y - half, 2 * half, 2 * half);
                    }
                    g.strokeRect(x - half, y - half, 2 * half, 2 * half);
                }
            }
        }
    }

    /** An open diamond in the theme's ink, ringed by the paper so it reads over the points, and its label. */
    private void drawMarker(GraphicsContext g, double w) {
        double x = v.toScreenX(plane.markerXProperty().get());
        double y = v.toScreenY(plane.markerYProperty().get());
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        double s = Presentation.scale();
        double r = MARKER_RADIUS * s;
        double[] xs = {x, x + r, x, x - r};
        double[] ys = {y - r, y, y + r, y};
        g.setStroke(halo());
        g.setLineWidth(6 * s);
        g.strokePolygon(xs, ys, 4);
        g.setStroke(Palette.grey(0));
        g.setLineWidth(2.5 * s);
        g.strokePolygon(xs, ys, 4);
        g.setFill(Palette.grey(0));
        g.fillOval(x - 1.5 * s, y - 1.5 * s, 3 * s, 3 * s);
        String label = plane.markerLabelProperty().get();
        if (label != null && !label.isEmpty()) {
            g.setFont(Presentation.font(MARKER_FONT));
            g.setLineWidth(3 * s);
            g.setTextBaseline(VPos.BOTTOM);
            boolean right = x + r + 4 * s + markerLabelWidth(label) * s < w;
            g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
            haloText(g, label, right ? x + r + 2 * s : x - r - 2 * s, y - r / 2);
        }
    }

    /** The label's width in the marker font at scale 1, measured again only when the text changes. */
    private double markerLabelWidth(String label) {
        if (!label.equals(measuredLabel)) {
            Text probe = new Text(label);
            probe.setFont(MARKER_FONT);
            measuredLabel = label;
            measuredLabelWidth = probe.getLayoutBounds().getWidth();
        }
        return measuredLabelWidth;
    }

    private void drawCursor(GraphicsContext g) {
        double x = v.toScreenX(plane.cursorXProperty().get());
        double y = v.toScreenY(plane.cursorYProperty().get());
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        double p = Presentation.scale();
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? halo() : CURSOR);
            g.setLineWidth((pass == 0 ? 4 : 2) * p);
            g.strokeLine(x - 18 * p, y, x - 9 * p, y);
            g.strokeLine(x + 9 * p, y, x + 18 * p, y);
            g.strokeLine(x, y - 18 * p, x, y - 9 * p);
            g.strokeLine(x, y + 9 * p, x, y + 18 * p);
            g.strokeOval(x - 6 * p, y - 6 * p, 12 * p, 12 * p);
        }
    }

    private void drawTickLabels(GraphicsContext g, double w, double h, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        String format = "%." + decimals + "f";
        double p = Presentation.scale();
        g.setFont(Presentation.font(TICK_FONT));
        g.setLineWidth(3 * p);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (long k = (long) Math.ceil(v.toPlaneX(0) / step), last = (long) Math.floor(v.toPlaneX(w) / step);
                k <= last; k++) {
            double x = v.toScreenX(k * step);
            // Leaves the bottom-left corner to the left edge's labels.
            if (x > 28 * p && x < w - 12 * p) {
                haloText(g, String.format(Locale.ROOT, format, k * step), x, h - 3);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (long k = (long) Math.ceil(v.toPlaneY(h) / step), last = (long) Math.floor(v.toPlaneY(0) / step);
                k <= last; k++) {
            double y = v.toScreenY(k * step);
            // Leaves the top-left corner to the y-axis label and the bottom strip to the x labels.
            if (y > 30 * p && y < h - 20 * p) {
                haloText(g, String.format(Locale.ROOT, format, k * step), 4, y);
            }
        }
        g.setFont(Presentation.font(AXIS_FONT));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.RIGHT);
        haloText(g, plane.xAxisLabelProperty().get(), w - 6, h - 18 * p);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        haloText(g, plane.yAxisLabelProperty().get(), 6, 6);
    }

    private static void haloText(GraphicsContext g, String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setStroke(halo());
        g.strokeText(text, x, y);
        g.setFill(text());
        g.fillText(text, x, y);
    }

    private void drawLegend(GraphicsContext g, double w, double h) {
        List<String> names = plane.classNamesProperty().get();
        if (names == null || names.isEmpty()) {
            return;
        }
        // The text's width grows with the font, which grows with the presentation scale.
        double p = Presentation.scale();
        double row = 16 * p;
        double swatch = 10 * p;
        double pad = 6 * p;
        // A folder may have dozens of labels: as many rows as fit, the last one saying how many more there are.
        int fit = Math.max(1, (int) ((h - 16 - 2 * pad) / row));
        int shown = names.size() <= fit ? names.size() : fit - 1;
        int rows = names.size() <= fit ? shown : fit;
        double boxW = pad + swatch + pad + legendTextWidth * p + pad;
        double boxH = pad * 2 + row * rows;
        double left = w - boxW - 8;
        double top = 8;
        g.setFill(halo());
        g.fillRect(left, top, boxW, boxH);
        g.setStroke(grid());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, boxW - 1, boxH - 1);
        g.setFont(Presentation.font(LEGEND_FONT));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < shown; i++) {
            double y = top + pad + row * i + row / 2;
            g.setFill(Palette.classColour(i));
            g.fillRect(left + pad, y - swatch / 2, swatch, swatch);
            g.setFill(text());
            g.fillText(names.get(i), left + pad + swatch + pad, y);
        }
        if (rows > shown) {
            g.setFill(text());
            g.fillText("+" + (names.size() - shown) + " …", left + pad + swatch + pad, top + pad + row * shown + row / 2);
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
