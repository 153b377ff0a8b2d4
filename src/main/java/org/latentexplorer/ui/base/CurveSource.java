package org.latentexplorer.ui.base;

import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * A view model with live curves a LossChart can show, each named by a split and a term; a {@link CurveStore} keeps
 * them.
 */
public interface CurveSource {
    /** The curve's points over steps; UI thread. */
    ObservableList<XYChart.Data<Number, Number>> curve(String split, String term);
}
