package org.latentexplorer.ui.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** The curves a view model shows, without a JavaFX toolkit: the test's thread stands for the UI thread. */
class CurveStoreTest {
    private final CurveStore store = new CurveStore();

    @Test
    void longCurvesAreThinnedKeepingTheirEnds() {
        ObservableList<XYChart.Data<Number, Number>> curve = store.curve("train:kl");
        for (int from = 1; from <= 5001; from += 500) {
            for (int i = from; i < Math.min(5002, from + 500); i++) {
                store.queue("train:kl", i, 1000.0 / i);
            }
            store.applyQueued();
            assertThat(curve.size()).isLessThanOrEqualTo(CurveStore.MAX_POINTS);
        }
        assertThat(curve.get(0).getXValue().doubleValue()).isEqualTo(1);
        assertThat(curve.get(curve.size() - 1).getXValue().doubleValue()).isEqualTo(5001);
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).getXValue().doubleValue())
                    .isGreaterThan(curve.get(i - 1).getXValue().doubleValue());
        }
        assertThat(store.latest("train:kl").get()).isEqualTo(1000.0 / 5001);
        // Evenly spread: the first steps are as dense as the last ones, not thinned again at every halving.
        double firstGap = curve.get(1).getXValue().doubleValue() - curve.get(0).getXValue().doubleValue();
        double lateGap = curve.get(curve.size() - 2).getXValue().doubleValue()
                - curve.get(curve.size() - 3).getXValue().doubleValue();
        assertThat(firstGap).isEqualTo(lateGap).isEqualTo(4);
    }

    @Test
    void storedCurvesComeBackWithTheirNewestValuesAndEmptyOnesAreLeftOut() {
        store.queue(CurveStore.key("train", "kl"), 10, 2.5);
        store.queue(CurveStore.key("train", "kl"), 20, 1.5);
        store.curve("heldout:kl");
        store.applyQueued();
        Map<String, List<double[]>> stored = store.stored();
        assertThat(stored).containsOnlyKeys("train:kl");

        CurveStore opened = new CurveStore();
        opened.queue("d_loss", 1, 0.7);
        opened.applyQueued();
        opened.restore(stored);
        assertThat(opened.curve("d_loss")).isEmpty();
        assertThat(opened.curve("train", "kl")).extracting(d -> d.getXValue().longValue()).containsExactly(10L, 20L);
        assertThat(opened.latest("train:kl").get()).isEqualTo(1.5);
    }

    @Test
    void aCurveOfNoSplitIsNamedByItsTermAlone() {
        assertThat(CurveStore.key("", "g_loss")).isEqualTo("g_loss");
        assertThat(store.curve("", "g_loss")).isSameAs(store.curve("g_loss"));
    }
}
