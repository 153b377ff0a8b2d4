package org.latentexplorer.ui.widgets;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.latentexplorer.ui.base.CurveSource;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.TrainingViewModel;

/** A live chart over training steps of some loss terms' curves, each train or held-out; saved as PNG or its data as CSV. */
public final class LossChart extends LineChart<Number, Number> {
    static final String STEP_COLUMN = "step";

    /** One curve: which split and term, and the bundle key of its legend name. */
    public record Curve(String split, String term, String nameKey) {
        /** The CSV column: split and term ("train:kl"), or the term alone for a curve of no split. */
        String column() {
            return split.isEmpty() ? term : split + ":" + term;
        }
    }

    /** One term's train curve and its held-out curve. */
    public LossChart(String id, TrainingViewModel vm, I18n i18n, String term, String yLabelKey) {
        this(id, vm, i18n, yLabelKey, new Curve(TrainingViewModel.TRAIN, term, "chart.train"),
                new Curve(TrainingViewModel.HELD_OUT, term, "chart.heldOut"));
    }

    public LossChart(String id, CurveSource vm, I18n i18n, String yLabelKey, Curve... curves) {
        super(new NumberAxis(), new NumberAxis());
        setId(id);
        NumberAxis x = (NumberAxis) getXAxis();
        x.labelProperty().bind(i18n.text("chart.step"));
        x.setForceZeroInRange(false);
        NumberAxis y = (NumberAxis) getYAxis();
        y.labelProperty().bind(i18n.text(yLabelKey));
        y.setForceZeroInRange(false);
        setCreateSymbols(false);
        setAnimated(false);
        for (Curve c : curves) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>(vm.curve(c.split(), c.term()));
            s.nameProperty().bind(i18n.text(c.nameKey()));
            getData().add(s);
        }
        setMinHeight(200);
        Map<String, XYChart.Series<Number, Number>> columns = new LinkedHashMap<>();
        for (int k = 0; k < curves.length; k++) {
            columns.put(curves[k].column(), getData().get(k));
        }
        Export.offerChart(this, STEP_COLUMN, columns);
    }
}
