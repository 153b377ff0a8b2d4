package org.latentexplorer.ui.ganlab;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.latentexplorer.engine.ganlab.DivergenceDemo;
import org.latentexplorer.engine.ganlab.DivergenceDemo.Shape;

/**
 * JSD against EMD as the learner slides P_g away from P_r: the two numbers and their slopes at the current shift θ,
 * and both as curves over every θ the slider reaches. Everything is cheap enough to compute on the UI thread.
 */
public final class JsdEmdViewModel {
    public static final double MIN_THETA = -4;
    public static final double MAX_THETA = 4;
    public static final double MIN_WIDTH = 0.05;
    public static final double MAX_WIDTH = 2;
    public static final double DEFAULT_WIDTH = 0.3;
    /** Points per curve: steps of 0.02 in θ, fine enough to show the JSD's rise with the narrowest bumps. */
    static final int CURVE_POINTS = 401;
    /** A JSD slope below the 4 decimals shown is 0 here, so a vanished gradient reads 0.0000, never −0.0000. */
    static final double SHOWN_AS_ZERO = 5e-5;

    private final ObjectProperty<Shape> shape = new SimpleObjectProperty<>(this, "shape", Shape.BUMPS);
    private final DoubleProperty theta = new SimpleDoubleProperty(this, "theta", 0);
    private final DoubleProperty width = new SimpleDoubleProperty(this, "width", DEFAULT_WIDTH);
    private final ReadOnlyDoubleWrapper jsd = new ReadOnlyDoubleWrapper(this, "jsd");
    private final ReadOnlyDoubleWrapper emd = new ReadOnlyDoubleWrapper(this, "emd");
    private final ReadOnlyDoubleWrapper jsdSlope = new ReadOnlyDoubleWrapper(this, "jsdSlope");
    private final ReadOnlyDoubleWrapper emdSlope = new ReadOnlyDoubleWrapper(this, "emdSlope");
    private final ObservableList<XYChart.Data<Number, Number>> jsdCurve = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> emdCurve = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> marker = FXCollections.observableArrayList();

    public JsdEmdViewModel() {
        guard(theta, MIN_THETA, MAX_THETA, this::updateNumbers);
        guard(width, MIN_WIDTH, MAX_WIDTH, this::updateAll);
        shape.addListener((o, a, b) -> {
            if (b == null) {
                shape.set(a);
            } else {
                updateAll();
            }
        });
        updateAll();
    }

    /** Runs update on each valid value; one out of range snaps to the nearest allowed, NaN to the previous. */
    private static void guard(DoubleProperty p, double min, double max, Runnable update) {
        p.addListener((o, a, b) -> {
            double v = b.doubleValue();
            if (Double.isNaN(v)) {
                p.set(a.doubleValue());
            } else if (v < min || v > max) {
                p.set(Math.max(min, Math.min(max, v)));
            } else {
                update.run();
            }
        });
    }

    private void updateAll() {
        List<XYChart.Data<Number, Number>> j = new ArrayList<>(CURVE_POINTS);
        List<XYChart.Data<Number, Number>> e = new ArrayList<>(CURVE_POINTS);
        int half = CURVE_POINTS / 2;
        for (int i = 0; i < CURVE_POINTS; i++) {
            // Counted from the middle, so θ = 0 is a sample and the segments' drop to 0 there shows.
            double t = MAX_THETA * (i - half) / half;
            j.add(new XYChart.Data<>(t, DivergenceDemo.jsd(shape.get(), t, width.get())));
            e.add(new XYChart.Data<>(t, DivergenceDemo.emd(shape.get(), t, width.get())));
        }
        jsdCurve.setAll(j);
        emdCurve.setAll(e);
        updateNumbers();
    }

    private void updateNumbers() {
        Shape s = shape.get();
        double t = theta.get();
        double w = width.get();
        jsd.set(DivergenceDemo.jsd(s, t, w));
        emd.set(DivergenceDemo.emd(s, t, w));
        double slope = DivergenceDemo.jsdSlope(s, t, w);
        jsdSlope.set(Math.abs(slope) < SHOWN_AS_ZERO ? 0 : slope);
        emdSlope.set(DivergenceDemo.emdSlope(s, t, w));
        marker.setAll(List.of(new XYChart.Data<>(t, 0), new XYChart.Data<>(t, MAX_THETA)));
    }

    /** Which pair of distributions: two Gaussian bumps or the WGAN paper's two segments. */
    public ObjectProperty<Shape> shapeProperty() {
        return shape;
    }

    /** How far P_g sits from P_r, in [{@value #MIN_THETA}, {@value #MAX_THETA}]. */
    public DoubleProperty thetaProperty() {
        return theta;
    }

    /** The bumps' standard deviation w, in [{@value #MIN_WIDTH}, {@value #MAX_WIDTH}]; the segments ignore it. */
    public DoubleProperty widthProperty() {
        return width;
    }

    /** JSD(P_r ‖ P_g) at the current θ, in nats. */
    public ReadOnlyDoubleProperty jsdProperty() {
        return jsd.getReadOnlyProperty();
    }

    /** EMD(P_r, P_g) at the current θ, in units of x. */
    public ReadOnlyDoubleProperty emdProperty() {
        return emd.getReadOnlyProperty();
    }

    /** dJSD/dθ at the current θ, in nats per unit of θ: what a Generator trained on the JSD would follow. */
    public ReadOnlyDoubleProperty jsdSlopeProperty() {
        return jsdSlope.getReadOnlyProperty();
    }

    /** dEMD/dθ at the current θ. */
    public ReadOnlyDoubleProperty emdSlopeProperty() {
        return emdSlope.getReadOnlyProperty();
    }

    /** JSD(θ) over the slider's whole range; recomputed when the shape or width changes. */
    public ObservableList<XYChart.Data<Number, Number>> jsdCurve() {
        return jsdCurve;
    }

    /** EMD(θ) over the slider's whole range. */
    public ObservableList<XYChart.Data<Number, Number>> emdCurve() {
        return emdCurve;
    }

    /** A vertical line at the current θ, from 0 to the top of the EMD's range. */
    public ObservableList<XYChart.Data<Number, Number>> marker() {
        return marker;
    }
}
