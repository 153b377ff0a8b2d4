package org.latentexplorer.ui.ganlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.engine.ganlab.DivergenceDemo.Shape;
import org.latentexplorer.ui.base.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The JSD vs EMD view model's numbers and curves, and its view driven by the slider, headless. */
@ExtendWith(ApplicationExtension.class)
class JsdEmdViewModelTest {
    private static final double LN2 = Math.log(2);

    private JsdEmdViewModel shown;

    @Start
    void start(Stage stage) {
        shown = new JsdEmdViewModel();
        stage.setScene(new Scene(new JsdEmdView(shown, new I18n(Locale.ENGLISH)), 1360, 860));
        stage.show();
    }

    private static double y(XYChart.Data<Number, Number> d) {
        return d.getYValue().doubleValue();
    }

    private static double x(XYChart.Data<Number, Number> d) {
        return d.getXValue().doubleValue();
    }

    @Test
    void theNumbersFollowTheta() {
        JsdEmdViewModel vm = new JsdEmdViewModel();
        assertThat(vm.widthProperty().get()).isEqualTo(0.3);
        assertThat(vm.jsdProperty().get()).isCloseTo(0, within(1e-12));
        assertThat(vm.emdProperty().get()).isZero();
        assertThat(vm.jsdSlopeProperty().get()).isZero();

        vm.thetaProperty().set(0.3);
        assertThat(vm.jsdProperty().get()).isBetween(0.05, 0.5);
        assertThat(vm.jsdSlopeProperty().get()).isGreaterThan(0.5);

        vm.thetaProperty().set(3);
        assertThat(vm.jsdProperty().get()).isCloseTo(LN2, within(1e-5));
        assertThat(vm.emdProperty().get()).isEqualTo(3);
        assertThat(vm.jsdSlopeProperty().get()).isCloseTo(0, within(1e-4));
        assertThat(vm.emdSlopeProperty().get()).isCloseTo(1, within(1e-9));
        assertThat(vm.marker()).extracting(JsdEmdViewModelTest::x).containsExactly(3.0, 3.0);

        vm.thetaProperty().set(-2);
        assertThat(vm.emdProperty().get()).isEqualTo(2);
        assertThat(vm.emdSlopeProperty().get()).isCloseTo(-1, within(1e-9));
    }

    @Test
    void settingsOutOfRangeSnapBack() {
        JsdEmdViewModel vm = new JsdEmdViewModel();
        vm.thetaProperty().set(9);
        assertThat(vm.thetaProperty().get()).isEqualTo(JsdEmdViewModel.MAX_THETA);
        assertThat(vm.emdProperty().get()).isEqualTo(4);
        vm.thetaProperty().set(Double.NaN);
        assertThat(vm.thetaProperty().get()).isEqualTo(JsdEmdViewModel.MAX_THETA);
        vm.widthProperty().set(0);
        assertThat(vm.widthProperty().get()).isEqualTo(JsdEmdViewModel.MIN_WIDTH);
        vm.shapeProperty().set(null);
        assertThat(vm.shapeProperty().get()).isEqualTo(Shape.BUMPS);
    }

    @Test
    void theBumpsCurvesRiseFromZeroTheJsdLevellingAtLn2TheEmdAsAV() {
        JsdEmdViewModel vm = new JsdEmdViewModel();
        List<XYChart.Data<Number, Number>> jsd = vm.jsdCurve();
        List<XYChart.Data<Number, Number>> emd = vm.emdCurve();
        int n = JsdEmdViewModel.CURVE_POINTS;
        assertThat(jsd).hasSize(n);
        assertThat(emd).hasSize(n);
        assertThat(x(jsd.get(0))).isEqualTo(-4.0);
        assertThat(x(jsd.get(n - 1))).isEqualTo(4.0);
        assertThat(x(jsd.get(n / 2))).isEqualTo(0.0);
        assertThat(y(jsd.get(n / 2))).isCloseTo(0, within(1e-12));
        assertThat(y(jsd.get(0))).isCloseTo(LN2, within(1e-9));
        assertThat(y(jsd.get(n - 1))).isCloseTo(LN2, within(1e-9));
        for (int i = 0; i < n; i++) {
            assertThat(y(emd.get(i))).isCloseTo(Math.abs(x(emd.get(i))), within(1e-12));
            assertThat(y(jsd.get(i))).isCloseTo(y(jsd.get(n - 1 - i)), within(1e-12)).isBetween(0.0, LN2);
            if (i > n / 2) {
                assertThat(y(jsd.get(i))).isGreaterThanOrEqualTo(y(jsd.get(i - 1)) - 1e-15);
            }
        }
    }

    @Test
    void widerBumpsOverlapLongerAndSegmentsJumpStraightToLn2() {
        JsdEmdViewModel vm = new JsdEmdViewModel();
        int atOne = JsdEmdViewModel.CURVE_POINTS / 2 + 50; // θ = 1
        assertThat(x(vm.jsdCurve().get(atOne))).isCloseTo(1, within(1e-12));
        double narrow = y(vm.jsdCurve().get(atOne));
        vm.widthProperty().set(2);
        assertThat(y(vm.jsdCurve().get(atOne))).isLessThan(narrow / 5);

        vm.thetaProperty().set(0.5);
        vm.shapeProperty().set(Shape.SEGMENTS);
        assertThat(vm.jsdProperty().get()).isEqualTo(LN2);
        assertThat(vm.jsdSlopeProperty().get()).isZero();
        assertThat(vm.emdProperty().get()).isEqualTo(0.5);
        for (XYChart.Data<Number, Number> d : vm.jsdCurve()) {
            assertThat(y(d)).isEqualTo(x(d) == 0 ? 0 : LN2);
        }
    }

    @Test
    void theViewShowsTheNumbersAndDraggingTheSliderChangesTheJsd(FxRobot robot) throws Exception {
        Labeled jsd = robot.lookup("#jsdEmdJsd").queryLabeled();
        assertThat(jsd.getText()).isEqualTo("0.0000 nats");
        assertThat(robot.lookup("#jsdEmdLn2").queryLabeled().getText()).isEqualTo("0.6931 nats");
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#jsdEmdChart").queryAs(LineChart.class);
        assertThat(onFx(() -> chart.getData().stream().mapToInt(s -> s.getData().size()).max().orElse(0)))
                .isEqualTo(JsdEmdViewModel.CURVE_POINTS);
        Node picture = robot.lookup("#jsdEmdPicture").query();
        assertThat(picture.getBoundsInLocal().getWidth()).isGreaterThan(300);

        Slider slider = robot.lookup("#jsdEmdTheta").queryAs(Slider.class);
        Node thumb = robot.lookup("#jsdEmdTheta .thumb").query();
        robot.drag(thumb, MouseButton.PRIMARY).dropBy(40, 0);
        waitUntil(10, () -> slider.getValue() > 0.05 && !jsd.getText().equals("0.0000 nats"));
        double theta = onFx(() -> shown.thetaProperty().get());
        assertThat(theta).isEqualTo(onFx(slider::getValue));
        assertThat(jsd.getText()).endsWith(" nats");
        assertThat(robot.lookup("#jsdEmdEmd").queryLabeled().getText())
                .startsWith(String.format(Locale.ENGLISH, "%.3f", theta));

        // Far apart, the JSD reads log 2 and its slope 0 while the EMD's stays 1.
        fx(() -> shown.thetaProperty().set(-3.5));
        assertThat(jsd.getText()).isEqualTo("0.6931 nats");
        assertThat(robot.lookup("#jsdEmdJsdSlope").queryLabeled().getText()).isEqualTo("0.0000 nats per unit of θ");
        assertThat(robot.lookup("#jsdEmdEmdSlope").queryLabeled().getText()).isEqualTo("-1.000 per unit of θ");
    }
}
