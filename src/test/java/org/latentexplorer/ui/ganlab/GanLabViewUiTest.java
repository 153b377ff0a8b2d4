package org.latentexplorer.ui.ganlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.data.Distribution2D;
import org.latentexplorer.engine.ganlab.LabSettings;
import org.latentexplorer.engine.ganlab.LabStage;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The GAN problems section headless, as a learner uses it: play, watch the points move, switch a remedy, draw. */
@ExtendWith(ApplicationExtension.class)
class GanLabViewUiTest {
    private GanLabViewModel vm;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        vm = new GanLabViewModel(i18n, FxTestSupport.worker());
        FxTestSupport.show(stage, new GanLabView(vm, new JsdEmdViewModel(), i18n), 1360, 860);
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    @Test
    void playMovesTheGeneratedPointsAndTheNumbersUntilPaused(FxRobot robot) throws Exception {
        waitUntil(30, () -> vm.snapshotProperty().get() != null);
        double[] before = onFx(() -> vm.snapshotProperty().get().generated());
        robot.clickOn("#lab-play");
        waitUntil(60, () -> vm.stepProperty().get() >= 10 && !"–".equals(
                robot.lookup("#lab-d-real").queryLabeled().getText()));
        assertThat(robot.lookup("#lab-play").queryButton().getText()).isEqualTo("Pause");
        robot.clickOn("#lab-play");
        waitUntil(10, () -> !vm.playingProperty().get());
        double[] after = onFx(() -> vm.snapshotProperty().get().generated());
        assertThat(Arrays.equals(before, after)).isFalse();
        assertThat(Long.parseLong(robot.lookup("#lab-step-count").queryLabeled().getText())).isGreaterThanOrEqualTo(10);
        assertThat(robot.lookup("#lab-modes").queryLabeled().getText()).endsWith("/ 8");
    }

    @Test
    void switchingOnWganStartsOverWithACriticAndKeepsStepping(FxRobot robot) throws Exception {
        robot.clickOn("#lab-step");
        waitUntil(30, () -> vm.stepProperty().get() == 1);
        CheckBox wgan = robot.lookup("#lab-wgan").queryAs(CheckBox.class);
        // The switch sits low in the scrolled inspector: fire it as a click would.
        robot.interact(wgan::fire);
        waitUntil(30, () -> vm.stepProperty().get() == 0 && vm.snapshotProperty().get().critic());
        assertThat(robot.lookup("#lab-clip").query().isDisabled()).isFalse();
        robot.clickOn("#lab-step");
        waitUntil(30, () -> vm.stepProperty().get() == 1);
        assertThat(robot.lookup((Labeled l) -> l.getText() != null && l.getText().startsWith("Background: the critic"))
                .tryQuery()).isPresent();
    }

    @Test
    void aLearningRateShowsAsAPlainDecimalAndNonsenseTypedIntoItIsUndone(FxRobot robot) throws Exception {
        javafx.scene.control.TextField lr = robot.lookup("#lab-lr-d").queryAs(javafx.scene.control.TextField.class);
        assertThat(lr.getText()).isEqualTo("0.0003");
        robot.interact(() -> {
            lr.setText("fast please");
            lr.commitValue();
        });
        assertThat(lr.getText()).isEqualTo("0.0003");
        assertThat(onFx(() -> vm.learningRateDProperty().get())).isEqualTo(3e-4);
        robot.interact(() -> {
            lr.setText("0.001");
            lr.commitValue();
        });
        assertThat(onFx(() -> vm.learningRateDProperty().get())).isEqualTo(1e-3);
    }

    @Test
    void drawingOnThePlaneBecomesTheRealDistribution(FxRobot robot) throws Exception {
        ComboBox<Distribution2D.Kind> kind = robot.lookup("#lab-distribution").queryComboBox();
        robot.interact(() -> kind.getSelectionModel().select(Distribution2D.Kind.DRAWN));
        waitUntil(10, () -> vm.messageProperty().get().contains("Drag on the plane"));
        Node plane = robot.lookup("#lab-plane").query();
        Bounds b = onFx(() -> plane.localToScreen(plane.getLayoutBounds()));
        double side = Math.min(b.getWidth(), b.getHeight());
        double x0 = b.getMinX() + (b.getWidth() - side) / 2;
        robot.moveTo(new javafx.geometry.Point2D(x0 + side * 0.3, b.getMinY() + side * 0.5));
        robot.press(MouseButton.PRIMARY);
        for (int i = 1; i <= 10; i++) {
            robot.moveTo(new javafx.geometry.Point2D(x0 + side * (0.3 + 0.04 * i), b.getMinY() + side * 0.5));
        }
        robot.release(MouseButton.PRIMARY);
        waitUntil(30, () -> vm.drawing().size() >= 4 && vm.snapshotProperty().get().real().length > 0);
        double[] real = onFx(() -> vm.snapshotProperty().get().real());
        for (int i = 1; i < real.length; i += 2) {
            // A horizontal stroke through the middle: every real point has y near 0.
            assertThat(Math.abs(real[i])).isLessThan(0.4);
        }
        assertThat(onFx(() -> vm.messageProperty().get())).isEmpty();
    }

    @Test
    void theVanishingGradientStageHoldsGStillDuringDsHeadStartAndChartsItsGradient(FxRobot robot) throws Exception {
        ComboBox<LabStage> stage = robot.lookup("#lab-stage").queryComboBox();
        robot.interact(() -> stage.getSelectionModel().select(LabStage.VANISHING_GRADIENT));
        javafx.scene.control.Spinner<?> headStart = robot.lookup("#lab-d-head-start").queryAs(
                javafx.scene.control.Spinner.class);
        waitUntil(30, () -> vm.stepProperty().get() == 0 && Integer.valueOf(LabSettings.HEAD_START).equals(
                headStart.getValue()));
        robot.clickOn("#lab-step");
        waitUntil(30, () -> vm.stepProperty().get() == 1);
        Labeled notice = robot.lookup("#lab-head-start").queryLabeled();
        assertThat(onFx(notice::isVisible)).isTrue();
        assertThat(notice.getText()).contains(String.valueOf(LabSettings.HEAD_START));

        javafx.scene.control.TabPane charts = robot.lookup("#lab-charts").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> charts.getSelectionModel().select(charts.getTabs().size() - 1));
        javafx.scene.chart.LineChart<?, ?> gradient = robot.lookup("#lab-gradient-chart")
                .queryAs(javafx.scene.chart.LineChart.class);
        assertThat(onFx(gradient::isVisible)).isTrue();
        // G's gradient and D(G(z)), each a point so far, on a log scale, each named as the median it is.
        waitUntil(30, () -> gradient.getData().get(0).getData().size() == 1);
        assertThat(gradient.getData()).hasSize(2);
        assertThat(gradient.getData().get(1).getData()).hasSize(1);
        assertThat(gradient.getYAxis().getLabel()).contains("log");
        assertThat(gradient.getData().get(0).getName()).contains("∂L_G").contains("median");

        // Without the head start the notice goes.
        robot.interact(() -> vm.dHeadStartProperty().set(0));
        assertThat(onFx(notice::isVisible)).isFalse();
    }
}
