package org.latentexplorer.ui.intro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.Arrays;
import java.util.Locale;
import javafx.scene.chart.BarChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.engine.intro.SkewedDie;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Section 1 headless, as a learner uses it: roll, animate, switch the prior on, reshape the die, pick a digit. */
@ExtendWith(ApplicationExtension.class)
class SkewedDieViewUiTest {
    private SkewedDieViewModel vm;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        vm = new SkewedDieViewModel(i18n, FxTestSupport.worker(), FxTestSupport.worker());
        vm.initialize();
        // The section's share of a 1360 x 860 window, beside the chapter list.
        FxTestSupport.show(stage, new SkewedDieView(vm, i18n), 1120, 800);
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    /** As the bundle's {0,number,0.000} writes it. */
    private static String threeDecimals(double v) {
        return new java.text.DecimalFormat("0.000", java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH))
                .format(v);
    }

    @SuppressWarnings("unchecked")
    private static double[] bars(FxRobot robot, int series) throws Exception {
        BarChart<String, Number> chart = robot.lookup("#generative-histograms").queryAs(BarChart.class);
        return onFx(() -> chart.getData().get(series).getData().stream()
                .mapToDouble(d -> d.getYValue().doubleValue()).toArray());
    }

    @Test
    void rollingFitsTheDieAndThePriorChangesTheFit(FxRobot robot) throws Exception {
        assertThat(text(robot, "#generative-error")).isEqualTo("–");
        robot.clickOn("#generative-roll");
        waitUntil(10, () -> vm.shownProperty().get() == 100);
        assertThat(text(robot, "#generative-shown")).isEqualTo("100");
        assertThat(text(robot, "#generative-error")).matches("0\\.\\d{4}");
        double[] truth = bars(robot, 0);
        double[] observed = bars(robot, 1);
        double[] pseudo = bars(robot, 2);
        assertThat(truth).containsExactly(SkewedDie.skewed().probabilities(), within(1e-12));
        assertThat(Arrays.stream(observed).sum()).isCloseTo(1, within(1e-9));
        assertThat(Arrays.stream(pseudo).sum()).isCloseTo(1, within(1e-9));
        // Without a prior the fit is the observed frequencies.
        assertThat(text(robot, "#generative-fit-6")).isEqualTo(threeDecimals(observed[5]));
        assertThat(onFx(() -> vm.curve("", SkewedDieViewModel.MLE).size())).isGreaterThan(10);
        assertThat(onFx(() -> vm.curve("", SkewedDieViewModel.PRIOR))).isEmpty();

        String mleFit = text(robot, "#generative-fit-6");
        assertThat(robot.lookup("#generative-prior").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#generative-alpha").query().isDisabled()).isTrue();
        robot.clickOn("#generative-prior");
        waitUntil(10, () -> !vm.curve("", SkewedDieViewModel.PRIOR).isEmpty());
        assertThat(robot.lookup("#generative-alpha").query().isDisabled()).isFalse();
        assertThat(text(robot, "#generative-fit-6")).isNotEqualTo(mleFit);
        // The posterior mean with α = 1 pulls the fit towards 1/6: (n_6 + 1) / (100 + 6).
        double n6 = observed[5] * 100;
        assertThat(text(robot, "#generative-fit-6"))
                .isEqualTo(threeDecimals((n6 + 1) / 106));

        robot.clickOn("#generative-roll");
        waitUntil(10, () -> !Arrays.equals(vm.observedProperty().get(), observed));
        assertThat(vm.shownProperty().get()).isEqualTo(100);
    }

    @Test
    void animationShowsRollsOneByOneUntilStopped(FxRobot robot) throws Exception {
        fx(() -> {
            vm.rollsProperty().set(1000);
            vm.speedProperty().set(100);
        });
        robot.clickOn("#generative-animate");
        assertThat(robot.lookup("#generative-animate").queryButton().getText()).isEqualTo("Stop");
        waitUntil(10, () -> vm.shownProperty().get() >= 5);
        assertThat(text(robot, "#generative-last-roll")).matches("[1-6]");
        robot.clickOn("#generative-animate");
        waitUntil(5, () -> !vm.animatingProperty().get());
        int stoppedAt = onFx(() -> vm.shownProperty().get());
        Thread.sleep(300);
        assertThat(onFx(() -> vm.shownProperty().get())).isEqualTo(stoppedAt).isLessThan(1000);
        assertThat(robot.lookup("#generative-animate").queryButton().getText()).isEqualTo("Animate");
    }

    @Test
    void draggingOneFaceRescalesTheOthersAndRerollsFromTheNewDie(FxRobot robot) throws Exception {
        robot.clickOn("#generative-roll");
        waitUntil(10, () -> vm.shownProperty().get() == 100);
        Slider six = robot.lookup("#generative-truth-6").queryAs(Slider.class);
        robot.interact(() -> six.setValue(0.9));
        waitUntil(10, () -> vm.observedProperty().get()[5] > 0.7);
        double[] truth = onFx(() -> vm.truthValuesProperty().get());
        assertThat(truth[5]).isCloseTo(0.9, within(1e-9));
        assertThat(Arrays.stream(truth).sum()).isCloseTo(1, within(1e-9));
        // The others keep their proportions: the skewed die's 1 and 2 were 0.05 and 0.10.
        assertThat(truth[1] / truth[0]).isCloseTo(2, within(1e-9));
        assertThat(robot.lookup("#generative-truth-1").queryAs(Slider.class).getValue()).isCloseTo(truth[0],
                within(1e-9));

        robot.clickOn("#generative-fair");
        waitUntil(10, () -> vm.observedProperty().get()[5] < 0.4);
        assertThat(bars(robot, 0)).containsOnly(1.0 / 6);
    }

    @Test
    void theClassifierGivesQOfYGivenXForEachHeldOutDigit(FxRobot robot) throws Exception {
        waitUntil(60, () -> vm.classProbabilitiesProperty().get() != null
                || !vm.classifierMessageProperty().get().startsWith("Loading"));
        assertThat(text(robot, "#generative-classifier-message")).isEmpty();
        double[] first = onFx(() -> vm.classProbabilitiesProperty().get());
        assertThat(Arrays.stream(first).sum()).isCloseTo(1, within(1e-4));
        assertThat(text(robot, "#generative-prediction")).startsWith("Label ");
        Slider digit = robot.lookup("#generative-digit").queryAs(Slider.class);
        int agree = 0;
        for (int i = 0; i < SkewedDieViewModel.DIGITS; i++) {
            int index = i;
            robot.interact(() -> digit.setValue(index));
            if (onFx(() -> vm.predictedProperty().get() == vm.digitLabelProperty().get())) {
                agree++;
            }
        }
        // The shipped classifier is right about 95 % of the time.
        assertThat(agree).isGreaterThanOrEqualTo(17);
        assertThat(onFx(() -> vm.classProbabilitiesProperty().get())).isNotEqualTo(first);
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#generative-classes").queryAs(BarChart.class);
        double[] shown = onFx(() -> chart.getData().get(0).getData().stream()
                .mapToDouble(d -> d.getYValue().doubleValue()).toArray());
        assertThat(shown).containsExactly(onFx(() -> vm.classProbabilitiesProperty().get()), within(1e-12));
    }
}
