package org.latentexplorer.ui.base;

import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/** A view model with live curves a {@link LossChart} can show, each named by a split and a term. */
public interface CurveSource {
    /** The curve's points over steps; UI thread. */
    ObservableList<XYChart.Data<Number, Number>> curve(String split, String term);
}
