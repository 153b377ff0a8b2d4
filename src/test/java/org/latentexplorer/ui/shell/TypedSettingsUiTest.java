package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.ae.AutoencoderView;
import org.latentexplorer.ui.ae.AutoencoderViewModel;
import org.latentexplorer.ui.base.I18n;

/** Numbers typed into the settings as a hurried or mischievous learner would: nonsense never reaches the model. */
@ExtendWith(ApplicationExtension.class)
class TypedSettingsUiTest {
    private I18n i18n;
    private AutoencoderViewModel vm;

    @Start
    void start(Stage stage) {
        i18n = new I18n(Locale.ENGLISH);
        vm = new AutoencoderViewModel(i18n, FxTestSupport.worker());
        FxTestSupport.show(stage, new AutoencoderView(vm, i18n), 1360, 860);
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    private static void type(FxRobot robot, TextField field, String text) {
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.type(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
        robot.type(KeyCode.ENTER);
    }

    private static boolean red(Control c) {
        return c.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER);
    }

    @Test
    void nonsenseInAWholeNumberSettingKeepsTheValueAndSaysWhy(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        Spinner<Integer> epochs = robot.lookup("#epochs").queryAs(Spinner.class);
        for (String bad : List.of("NaN", "abc", "0", "-3", "1e9", "99999999999", "Infinity", "2.5", "")) {
            type(robot, epochs.getEditor(), bad);
            assertThat(onFx(() -> vm.epochsProperty().get())).as("after typing '%s'", bad).isEqualTo(30);
            assertThat(onFx(() -> red(epochs))).as("marked after '%s'", bad).isTrue();
            assertThat(onFx(() -> epochs.getTooltip().getText())).as("said after '%s'", bad)
                    .contains("\"" + bad + "\"").contains("1 to 1000").contains("stays 30");
            FxTestSupport.waitUntil(10, () -> epochs.getEditor().getText().equals("30"));
        }
        type(robot, epochs.getEditor(), "12");
        assertThat(onFx(() -> vm.epochsProperty().get())).isEqualTo(12);
        assertThat(onFx(() -> red(epochs))).isFalse();
        assertThat(onFx(() -> epochs.getTooltip())).as("the complaint goes with the nonsense").isNull();
    }

    @Test
    void aLearningRateMustBeAboveZeroAndAtMostOne(FxRobot robot) throws Exception {
        TextField rate = robot.lookup("#learning-rate").queryAs(TextField.class);
        for (String bad : List.of("NaN", "-0.01", "0", "1.5", "Infinity", "1e9", "fast")) {
            type(robot, rate, bad);
            assertThat(onFx(() -> vm.learningRateProperty().get())).as("after typing '%s'", bad).isEqualTo(1e-3);
            assertThat(onFx(() -> red(rate))).isTrue();
            assertThat(onFx(() -> rate.getTooltip().getText())).contains("\"" + bad + "\"").contains("0.001");
            assertThat(onFx(() -> rate.getText())).isEqualTo("0.001");
        }
        type(robot, rate, "0.0005");
        assertThat(onFx(() -> vm.learningRateProperty().get())).isEqualTo(5e-4);
        assertThat(onFx(() -> red(rate))).isFalse();
    }

    @Test
    void theComplaintIsInTheLanguageInUse(FxRobot robot) throws Exception {
        robot.interact(() -> {
            i18n.setLocale(Locale.JAPANESE);
            vm.trainingNoiseProperty().set(AutoencoderViewModel.TrainingNoise.MASKING);
        });
        @SuppressWarnings("unchecked")
        Spinner<Double> level = robot.lookup("#training-noise-level").queryAs(Spinner.class);
        double before = onFx(() -> vm.trainingNoiseLevelProperty().get());
        type(robot, level.getEditor(), "NaN");
        assertThat(onFx(() -> vm.trainingNoiseLevelProperty().get())).isEqualTo(before);
        assertThat(onFx(() -> level.getTooltip().getText())).contains("「NaN」").contains("のままです");
    }
}
