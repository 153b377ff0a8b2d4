package org.latentexplorer.ui;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** A live loss chart over training steps: one term's train curve and its held-out curve. */
final class LossChart extends LineChart<Number, Number> {
    LossChart(String id, TrainingViewModel vm, I18n i18n, String term, String yLabelKey) {
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
        XYChart.Series<Number, Number> train = new XYChart.Series<>(vm.curve(TrainingViewModel.TRAIN, term));
        train.nameProperty().bind(i18n.text("chart.train"));
        XYChart.Series<Number, Number> heldOut = new XYChart.Series<>(vm.curve(TrainingViewModel.HELD_OUT, term));
        heldOut.nameProperty().bind(i18n.text("chart.heldOut"));
        getData().add(train);
        getData().add(heldOut);
        setMinHeight(200);
    }
}
