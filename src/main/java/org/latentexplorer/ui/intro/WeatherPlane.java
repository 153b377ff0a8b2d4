package org.latentexplorer.ui.intro;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.widgets.CanvasRegion;
import org.latentexplorer.ui.widgets.Palette;
import org.latentexplorer.ui.widgets.Presentation;
import org.latentexplorer.ui.widgets.Viewport;

/**
 * The season's temperature-humidity plane: the twelve months, the Decoder's curve, PCA's line, the reconstructions
 * and the generated point; a press or drag picks the z whose generated point lies nearest.
 */
final class WeatherPlane extends CanvasRegion {
    private static final double LEFT = 48;
    private static final double BOTTOM = 36;
    private static final double PAD = 12;

    private final SeasonViewModel vm;
    private final I18n i18n;
    /** Redraws larger in classroom mode and in the theme's colours; held so app-wide settings keep no closed view. */
    private final InvalidationListener rescaled = Presentation.redrawOnChange(this::draw);
    private double tMin;
    private double tMax;
    private double hMin;
    private double hMax;
    /** Temperature across, humidity up, as of the last drawing; null before the first fit is drawn. */
    private Viewport view;

    WeatherPlane(SeasonViewModel vm, I18n i18n) {
        super(false);
        this.vm = vm;
        this.i18n = i18n;
        setMinSize(300, 260);
        setPrefSize(760, 440);
        canvas.setOnMousePressed(this::pick);
        canvas.setOnMouseDragged(this::pick);
    }

    // The margins hold the tick labels and axis titles, so they grow with them in classroom mode.
    private static double left() {
        return LEFT * Presentation.scale();
    }

    private static double bottom() {
        return BOTTOM * Presentation.scale();
    }

    private static double pad() {
        return PAD * Presentation.scale();
    }

    /** Where a (temperature, humidity) point is drawn, in this plane's coordinates, as of the last drawing. */
    Point2D pointOf(double temperature, double humidity) {
        return new Point2D(toX(temperature), toY(humidity));
    }

    private void pick(MouseEvent e) {
        // The secondary button opens the export menu; it must not move the season first.
        if (!e.isPrimaryButtonDown()) {
            return;
        }
        if (vm.fitProperty().get() != null && view != null) {
            vm.seasonNearest(view.toPlaneX(e.getX()), view.toPlaneY(e.getY()), tMax - tMin, hMax - hMin);
        }
    }

    private double plotWidth() {
        return getWidth() - left() - pad();
    }

    private double plotHeight() {
        return getHeight() - bottom() - pad();
    }

    private double toX(double t) {
        return view.toScreenX(t);
    }

    private double toY(double h) {
        return view.toScreenY(h);
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        SeasonViewModel.Fit f = vm.fitProperty().get();
        if (f == null || getWidth() <= left() + pad() || getHeight() <= bottom() + pad()) {
            return;
        }
        bounds(f);
        view = Viewport.stretched(left(), pad(), plotWidth(), plotHeight(), tMin, tMax, hMin, hMax);
        grid(g);
        g.save();
        g.beginPath();
        g.rect(left(), pad(), plotWidth(), plotHeight());
        g.clip();
        double[] m = f.months();
        if (vm.showPcaProperty().get()) {
            g.setStroke(SeasonView.PCA);
            g.setLineWidth(2 * Presentation.scale());
            g.setLineDashes(6, 4);
            g.strokeLine(toX(f.pcaLine()[0]), toY(f.pcaLine()[1]), toX(f.pcaLine()[2]), toY(f.pcaLine()[3]));
            g.setLineDashes();
            if (vm.showReconstructionsProperty().get()) {
                reconstructions(g, m, f.pcaReconstructions(), SeasonView.PCA, true);
            }
        }
        g.setStroke(SeasonView.CURVE);
        g.setLineWidth(2.5 * Presentation.scale());
        g.beginPath();
        for (int i = 0; i < f.curve().length; i += 2) {
            if (i == 0) {
                g.moveTo(toX(f.curve()[i]), toY(f.curve()[i + 1]));
            } else {
                g.lineTo(toX(f.curve()[i]), toY(f.curve()[i + 1]));
            }
        }
        g.stroke();
        if (vm.showReconstructionsProperty().get()) {
            reconstructions(g, m, f.reconstructions(), SeasonView.CURVE, false);
        }
        months(g, m);
        double[] p = vm.generatedProperty().get();
        if (p != null) {
            g.setFill(SeasonView.CURVE);
            g.setStroke(Palette.paper());
            g.setLineWidth(2.5 * Presentation.scale());
            double r = 8 * Presentation.scale();
            g.fillOval(toX(p[0]) - r, toY(p[1]) - r, 2 * r, 2 * r);
            g.strokeOval(toX(p[0]) - r, toY(p[1]) - r, 2 * r, 2 * r);
        }
        g.restore();
    }

    /** The months, the curve and the line with a margin, in whole steps of 5 °C and 5 %. */
    private void bounds(SeasonViewModel.Fit f) {
        tMin = Double.POSITIVE_INFINITY;
        tMax = Double.NEGATIVE_INFINITY;
        hMin = Double.POSITIVE_INFINITY;
        hMax = Double.NEGATIVE_INFINITY;
        for (double[] xy : new double[][] {f.months(), f.curve()}) {
            for (int i = 0; i < xy.length; i += 2) {
                tMin = Math.min(tMin, xy[i]);
                tMax = Math.max(tMax, xy[i]);
                hMin = Math.min(hMin, xy[i + 1]);
                hMax = Math.max(hMax, xy[i + 1]);
            }
        }
        tMin = 5 * Math.floor((tMin - 1) / 5);
        tMax = 5 * Math.ceil((tMax + 1) / 5);
        hMin = 5 * Math.floor((hMin - 1) / 5);
        hMax = 5 * Math.ceil((hMax + 1) / 5);
    }

    private void grid(GraphicsContext g) {
        double bottom = getHeight() - bottom();
        g.setLineWidth(1 * Presentation.scale());
        g.setFont(Presentation.font(SeasonView.TICK_FONT));
        g.setFill(Palette.grey(0.45));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double t = tMin; t <= tMax + 1e-9; t += 5) {
            g.setStroke(Palette.grey(0.5, 0.2));
            g.strokeLine(toX(t), pad(), toX(t), bottom);
            g.fillText(String.format("%.0f", t), toX(t), bottom + 3 * Presentation.scale());
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double h = hMin; h <= hMax + 1e-9; h += 5) {
            g.setStroke(Palette.grey(0.5, 0.2));
            g.strokeLine(left(), toY(h), getWidth() - pad(), toY(h));
            g.fillText(String.format("%.0f", h), left() - 5 * Presentation.scale(), toY(h));
        }
        g.setStroke(Palette.grey(0.45));
        g.strokeRect(left(), pad(), plotWidth(), bottom - pad());
        g.setFont(Presentation.font(SeasonView.AXIS_FONT));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(i18n.get("latent.axis.temperature"), left() + plotWidth() / 2, getHeight() - 1);
        g.save();
        g.translate(12 * Presentation.scale(), pad() + (bottom - pad()) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(i18n.get("latent.axis.humidity"), 0, 0);
        g.restore();
    }

    /** Each month joined to where the model puts it back: the length of the join is its reconstruction error. */
    private void reconstructions(GraphicsContext g, double[] m, double[] r, Color colour, boolean square) {
        g.setStroke(colour);
        g.setLineWidth(1 * Presentation.scale());
        for (int i = 0; i < m.length; i += 2) {
            g.strokeLine(toX(m[i]), toY(m[i + 1]), toX(r[i]), toY(r[i + 1]));
            double s = 3.5 * Presentation.scale();
            if (square) {
                g.strokeRect(toX(r[i]) - s, toY(r[i + 1]) - s, 2 * s, 2 * s);
            } else {
                g.strokeOval(toX(r[i]) - s, toY(r[i + 1]) - s, 2 * s, 2 * s);
            }
        }
    }

    private void months(GraphicsContext g, double[] m) {
        double coldest = Double.POSITIVE_INFINITY;
        double warmest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m.length; i += 2) {
            coldest = Math.min(coldest, m[i]);
            warmest = Math.max(warmest, m[i]);
        }
        int n = m.length / 2;
        double sc = Presentation.scale();
        double dot = 5 * sc;
        for (int k = 0; k < n; k++) {
            g.setFill(SeasonView.warmth(m[2 * k], coldest, warmest));
            g.fillOval(toX(m[2 * k]) - dot, toY(m[2 * k + 1]) - dot, 2 * dot, 2 * dot);
        }
        g.setFont(Presentation.font(SeasonView.LABEL_FONT));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Palette.grey(0.15));
        // Each label goes right, left, above or below its dot, whichever first overlaps no dot and no label
        // placed before it: months of the same humidity (June and September) sit side by side.
        List<Rectangle2D> taken = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            taken.add(new Rectangle2D(toX(m[2 * k]) - dot, toY(m[2 * k + 1]) - dot, 2 * dot, 2 * dot));
        }
        Text measure = new Text();
        measure.setFont(Presentation.font(SeasonView.LABEL_FONT));
        for (int k = 0; k < n; k++) {
            String month = SeasonView.month(i18n, k);
            measure.setText(month);
            double w = measure.getLayoutBounds().getWidth();
            double h = measure.getLayoutBounds().getHeight();
            double x = toX(m[2 * k]);
            double y = toY(m[2 * k + 1]);
            Rectangle2D[] places = {new Rectangle2D(x + 8 * sc, y - h / 2, w, h),
                    new Rectangle2D(x - 8 * sc - w, y - h / 2, w, h),
                    new Rectangle2D(x - w / 2, y - 7 * sc - h, w, h),
                    new Rectangle2D(x - w / 2, y + 7 * sc, w, h)};
            Rectangle2D place = places[0];
            for (Rectangle2D p : places) {
                if (taken.stream().noneMatch(p::intersects)) {
                    place = p;
                    break;
                }
            }
            taken.add(place);
            g.fillText(month, place.getMinX(), place.getMinY());
        }
    }
}
