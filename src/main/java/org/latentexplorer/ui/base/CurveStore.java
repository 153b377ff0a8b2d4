package org.latentexplorer.ui.base;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.latentexplorer.engine.core.CurveThinning;
import org.latentexplorer.engine.store.TrainingHistory;

/**
 * A view model's live curves by key, with each curve's newest value: points queued from any thread join them at the
 * next UI update, thinned to {@link #MAX_POINTS}; an experiment file stores and restores them. UI thread, except
 * {@link #queue} and {@link #dropQueued}.
 */
public final class CurveStore implements CurveSource {
    /** Curves are thinned to this many points, which LineChart redraws smoothly; a shipped history keeps as many. */
    public static final int MAX_POINTS = TrainingHistory.MAX_CURVE_POINTS;

    private final Map<String, ObservableList<XYChart.Data<Number, Number>>> curves = new HashMap<>();
    private final Map<String, DoubleProperty> latest = new HashMap<>();
    /** How each curve growing in a run is thinned; a curve set whole (restored, or not over steps) has none. */
    private final Map<String, CurveThinning> thinnings = new HashMap<>();
    private final ConcurrentLinkedQueue<Point> queued = new ConcurrentLinkedQueue<>();

    private record Point(String key, long step, double value) {
    }

    /** The key of a split's curve of a term ("train:kl"), or the term alone for a curve of no split. */
    public static String key(String split, String term) {
        return split.isEmpty() ? term : split + ":" + term;
    }

    @Override
    public ObservableList<XYChart.Data<Number, Number>> curve(String split, String term) {
        return curve(key(split, term));
    }

    public ObservableList<XYChart.Data<Number, Number>> curve(String key) {
        return curves.computeIfAbsent(key, k -> FXCollections.observableArrayList());
    }

    /** The newest value of a curve; NaN before there is one. */
    public DoubleProperty latest(String key) {
        return latest.computeIfAbsent(key, k -> new SimpleDoubleProperty(this, k, Double.NaN));
    }

    /** Any thread: a point for the next {@link #applyQueued}. */
    public void queue(String key, long step, double value) {
        queued.add(new Point(key, step, value));
    }

    /** Any thread: points queued and not yet shown are dropped. */
    public void dropQueued() {
        queued.clear();
    }

    /** Appends the queued points, a batch per curve, and sets each curve's newest value. */
    public void applyQueued() {
        Map<String, List<XYChart.Data<Number, Number>>> added = new LinkedHashMap<>();
        for (Point p; (p = queued.poll()) != null; ) {
            added.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(new XYChart.Data<>(p.step(), p.value()));
        }
        added.forEach((k, points) -> {
            ObservableList<XYChart.Data<Number, Number>> curve = curve(k);
            CurveThinning thinning = thinnings.computeIfAbsent(k, key -> new CurveThinning(MAX_POINTS));
            points.forEach(p -> thinning.append(curve, p));
            latest(k).set(points.get(points.size() - 1).getYValue().doubleValue());
        });
    }

    /** Empties every curve; the newest values stay. */
    public void clear() {
        curves.values().forEach(List::clear);
        thinnings.clear();
    }

    /** Sets the newest values of the curves whose keys match back to NaN. */
    public void forgetLatest(Predicate<String> keys) {
        latest.forEach((k, p) -> {
            if (keys.test(k)) {
                p.set(Double.NaN);
            }
        });
    }

    /** Replaces a curve by (x, y) points that are not steps, e.g. (log N, log error). */
    public void setAll(String key, List<double[]> xy) {
        List<XYChart.Data<Number, Number>> d = new ArrayList<>(xy.size());
        for (double[] p : xy) {
            d.add(new XYChart.Data<>(p[0], p[1]));
        }
        curve(key).setAll(d);
    }

    /** The curves as an experiment file stores them: [step, value] pairs by key, empty curves left out. */
    public Map<String, List<double[]>> stored() {
        Map<String, List<double[]>> stored = new TreeMap<>();
        curves.forEach((key, points) -> {
            if (!points.isEmpty()) {
                stored.put(key, points.stream()
                        .map(d -> new double[] {d.getXValue().doubleValue(), d.getYValue().doubleValue()}).toList());
            }
        });
        return stored;
    }

    /** Empties every curve, then puts back the ones {@link #stored} kept, with their newest values. */
    public void restore(Map<String, List<double[]>> stored) {
        clear();
        stored.forEach((k, points) -> {
            curve(k).setAll(points.stream().map(p -> new XYChart.Data<Number, Number>((long) p[0], p[1])).toList());
            latest(k).set(points.isEmpty() ? Double.NaN : points.get(points.size() - 1)[1]);
        });
    }
}
