package org.latentexplorer.ui;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** A live chart over training steps of some loss terms' curves, each train or held-out. */
final class LossChart extends LineChart<Number, Number> {
    /** One curve: which split and term, and the bundle key of its legend name. */
    record Curve(String split, String term, String nameKey) {
    }

    /** One term's train curve and its held-out curve. */
    LossChart(String id, TrainingViewModel vm, I18n i18n, String term, String yLabelKey) {
        this(id, vm, i18n, yLabelKey, new Curve(TrainingViewModel.TRAIN, term, "chart.train"),
                new Curve(TrainingViewModel.HELD_OUT, term, "chart.heldOut"));
    }

    LossChart(String id, CurveSource vm, I18n i18n, String yLabelKey, Curve... curves) {
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
    }
}
