package org.latentexplorer.ui.intro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.I18n;

/** Section 2 headless: the season slider and a drag on the plane move the generated point; retraining reseeds. */
@ExtendWith(ApplicationExtension.class)
class SeasonViewUiTest {
    private SeasonViewModel vm;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        vm = new SeasonViewModel(i18n, FxTestSupport.worker());
        FxTestSupport.show(stage, new SeasonView(vm, i18n), 1120, 800);
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    private static double number(FxRobot robot, String id) {
        return Double.parseDouble(robot.lookup(id).queryLabeled().getText());
    }

    @Test
    void opensOnAprilWithBothReconstructionErrors(FxRobot robot) throws Exception {
        waitUntil(30, () -> vm.fitProperty().get() != null && vm.generatedProperty().get() != null);
        double ae = number(robot, "#latent-ae-error");
        double pca = number(robot, "#latent-pca-error");
        assertThat(ae).isPositive().isLessThan(pca);
        SeasonViewModel.Fit fit = onFx(() -> vm.fitProperty().get());
        assertThat(fit.codes()).hasSize(12);
        assertThat(onFx(() -> vm.seasonProperty().get())).isEqualTo(fit.codes()[3]);
        // April's code decodes to April's reconstruction.
        assertThat(onFx(() -> vm.generatedProperty().get()))
                .containsExactly(new double[] {fit.reconstructions()[6], fit.reconstructions()[7]}, within(1e-9));
        assertThat(robot.lookup("#latent-generated").queryLabeled().getText()).startsWith("z = ");
    }

    @Test
    void theSeasonSliderMovesTheGeneratedPointAlongTheCurve(FxRobot robot) throws Exception {
        waitUntil(30, () -> vm.fitProperty().get() != null && vm.generatedProperty().get() != null);
        Slider season = robot.lookup("#latent-season").queryAs(Slider.class);
        String before = robot.lookup("#latent-generated").queryLabeled().getText();
        robot.interact(() -> season.setValue(season.getMax()));
        double[] warm = onFx(() -> vm.generatedProperty().get());
        robot.interact(() -> season.setValue(season.getMin()));
        double[] cold = onFx(() -> vm.generatedProperty().get());
        assertThat(robot.lookup("#latent-generated").queryLabeled().getText()).isNotEqualTo(before);
        // The season runs from winter to summer: warmer and more humid at the top of the range.
        assertThat(warm[0]).isGreaterThan(24);
        assertThat(cold[0]).isLessThan(8);
        assertThat(warm[1]).isGreaterThan(cold[1] + 15);
        SeasonViewModel.Fit fit = onFx(() -> vm.fitProperty().get());
        assertThat(onFx(() -> vm.seasonProperty().get())).isEqualTo(fit.zMin());
        assertThat(fit.curve()[0]).isCloseTo(cold[0], within(1e-9));
    }

    @Test
    void pressingOnThePlaneNearAugustPicksAugustsSeason(FxRobot robot) throws Exception {
        waitUntil(30, () -> vm.fitProperty().get() != null && vm.generatedProperty().get() != null);
        SeasonViewModel.Fit fit = onFx(() -> vm.fitProperty().get());
        // Where the view draws August, on the screen.
        WeatherPlane plane = robot.lookup("#latent-plane").queryAs(WeatherPlane.class);
        Point2D august = onFx(() -> plane.localToScreen(plane.pointOf(fit.months()[14], fit.months()[15])));
        robot.moveTo(august);
        robot.press(MouseButton.PRIMARY);
        robot.release(MouseButton.PRIMARY);
        waitUntil(10, () -> Math.abs(vm.seasonProperty().get() - fit.codes()[7]) < 0.1 * (fit.zMax() - fit.zMin()));
        double[] p = onFx(() -> vm.generatedProperty().get());
        assertThat(p[0]).isCloseTo(fit.months()[14], within(2.0));
    }

    @Test
    void retrainingWithAnotherSeedGivesAnotherCurveAndKeepsTheMonth(FxRobot robot) throws Exception {
        waitUntil(30, () -> vm.fitProperty().get() != null && vm.generatedProperty().get() != null);
        SeasonViewModel.Fit first = onFx(() -> vm.fitProperty().get());
        Slider season = robot.lookup("#latent-season").queryAs(Slider.class);
        robot.interact(() -> season.setValue(first.codes()[6]));
        @SuppressWarnings("unchecked")
        Spinner<Integer> seed = robot.lookup("#latent-seed").queryAs(Spinner.class);
        robot.interact(() -> seed.getValueFactory().setValue(7));
        robot.clickOn("#latent-retrain");
        waitUntil(30, () -> vm.fitProperty().get().seed() == 7);
        SeasonViewModel.Fit second = onFx(() -> vm.fitProperty().get());
        assertThat(second.codes()).isNotEqualTo(first.codes());
        assertThat(second.error()).isLessThan(second.pcaError());
        // July stays selected: the season moves to July's code in the new model.
        assertThat(onFx(() -> vm.seasonProperty().get())).isEqualTo(second.codes()[6]);
        assertThat(onFx(() -> season.getValue())).isEqualTo(second.codes()[6]);

        CheckBox pca = robot.lookup("#latent-show-pca").queryAs(CheckBox.class);
        robot.interact(pca::fire);
        assertThat(onFx(() -> vm.showPcaProperty().get())).isFalse();
    }
}
