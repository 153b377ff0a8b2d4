package org.latentexplorer.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.latentexplorer.data.CurvesCsv;

/** A live chart over training steps of some loss terms' curves, each train or held-out; saved as PNG or its data as CSV. */
final class LossChart extends LineChart<Number, Number> {
    static final String STEP_COLUMN = "step";

    /** One curve: which split and term, and the bundle key of its legend name. */
    record Curve(String split, String term, String nameKey) {
        /** The CSV column: split and term ("train:kl"), or the term alone for a curve of no split. */
        String column() {
            return split.isEmpty() ? term : split + ":" + term;
        }
    }

    private final List<Curve> curves;

    /** One term's train curve and its held-out curve. */
    LossChart(String id, TrainingViewModel vm, I18n i18n, String term, String yLabelKey) {
        this(id, vm, i18n, yLabelKey, new Curve(TrainingViewModel.TRAIN, term, "chart.train"),
                new Curve(TrainingViewModel.HELD_OUT, term, "chart.heldOut"));
    }

    LossChart(String id, CurveSource vm, I18n i18n, String yLabelKey, Curve... curves) {
        super(new NumberAxis(), new NumberAxis());
        this.curves = List.of(curves);
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
        Export.offerImage(this);
        Export.offer(this, new Export.Action(Export.Format.CSV, null, () -> true, file -> {
            List<CurvesCsv.Curve> data = data();
            return Export.inBackground(file, f -> CurvesCsv.write(f, STEP_COLUMN, data));
        }));
    }

    /** The curves' points as they are now, named by split and term. UI thread. */
    List<CurvesCsv.Curve> data() {
        List<CurvesCsv.Curve> out = new ArrayList<>();
        for (int k = 0; k < curves.size(); k++) {
            List<XYChart.Data<Number, Number>> points = getData().get(k).getData();
            double[] steps = new double[points.size()];
            double[] values = new double[points.size()];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = points.get(i).getXValue().doubleValue();
                values[i] = points.get(i).getYValue().doubleValue();
            }
            out.add(new CurvesCsv.Curve(curves.get(k).column(), steps, values));
        }
        return out;
    }
}
