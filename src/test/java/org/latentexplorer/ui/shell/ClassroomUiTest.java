package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.widgets.Presentation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole window, headless: classroom mode hides and enlarges, shortcuts work wherever the focus is, About. */
@ExtendWith(ApplicationExtension.class)
class ClassroomUiTest {
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(new I18n(Locale.ENGLISH), Platform::runLater);
        LatentExplorerApp.show(stage, vm);
        vm.initialize();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            vm.classroom().onProperty().set(false); // the presentation scale is app-wide
            vm.shutdown();
        });
    }

    private static boolean shown(Node n) {
        return n.isVisible() && n.isManaged();
    }

    @Test
    void classroomModeEnlargesTextAndCanvasesAndHidesTheChosenParts(FxRobot robot) throws Exception {
        Labeled title = robot.lookup("#autoencoder-view .section-title").queryLabeled();
        Node navigation = robot.lookup("#navigation").query();
        Node inspector = robot.lookup("#autoencoder-view .inspector").query();
        Node statusBar = robot.lookup("#status-bar").query();
        double normal = title.getFont().getSize();
        double inspectorWidth = inspector.getLayoutBounds().getWidth();
        assertThat(shown(navigation)).isTrue();

        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        waitUntil(10, () -> vm.classroom().onProperty().get() && title.getFont().getSize() > normal);
        assertThat(title.getFont().getSize()).isCloseTo(normal * Settings.Classroom.DEFAULT_SCALE,
                org.assertj.core.data.Offset.offset(0.5));
        assertThat(Presentation.scale()).isEqualTo(Settings.Classroom.DEFAULT_SCALE);
        // Hidden by default: the chapter's navigation, the settings panels and the explanations; the rest stays.
        assertThat(shown(navigation)).isFalse();
        assertThat(shown(inspector)).isFalse();
        java.util.Set<Node> explanations = robot.lookup("#autoencoder-view .explanation").queryAll();
        assertThat(explanations).isNotEmpty().noneMatch(ClassroomUiTest::shown);
        assertThat(shown(statusBar)).isTrue();
        assertThat(shown(robot.lookup("#autoencoder-view .model-and-loss").query())).isTrue();

        // The teacher's choices apply at once; a panel shown grows with the text.
        fx(() -> vm.classroom().hidden().remove(ClassroomPart.INSPECTOR));
        waitUntil(10, () -> shown(inspector) && inspector.getLayoutBounds().getWidth() > inspectorWidth);
        fx(() -> vm.classroom().hidden().addAll(java.util.List.of(ClassroomPart.INSPECTOR, ClassroomPart.STATUS_BAR,
                ClassroomPart.MENU_BAR, ClassroomPart.FORMULAS)));
        waitUntil(10, () -> !shown(inspector) && !shown(statusBar) && !shown(robot.lookup("#menu-bar").query())
                && !shown(robot.lookup("#autoencoder-view .model-and-loss").query()));
        // With the menu bar hidden its shortcuts still work.
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        waitUntil(10, () -> !vm.classroom().onProperty().get());
        waitUntil(10, () -> shown(inspector) && shown(navigation) && shown(statusBar)
                && title.getFont().getSize() == normal);
        assertThat(Presentation.scale()).isEqualTo(1.0);
    }

    @Test
    void playPauseAndStopKeysWorkWhileASettingHasTheFocus(FxRobot robot) throws Exception {
        waitUntil(60, () -> vm.autoencoder().canStart().get());
        robot.clickOn(robot.lookup("#autoencoder-view #epochs").queryAs(javafx.scene.control.Spinner.class).getEditor());
        robot.push(KeyCode.F5);
        waitUntil(60, () -> vm.autoencoder().stepProperty().get() > 0);
        robot.push(KeyCode.F5);
        waitUntil(30, () -> vm.autoencoder().stateProperty().get() == Trainer.State.PAUSED);
        robot.push(KeyCode.SHIFT, KeyCode.F5);
        waitUntil(30, () -> vm.autoencoder().stateProperty().get() == Trainer.State.STOPPED);
    }

    @Test
    void sectionKeysMoveThroughTheChapterEvenFromTheSectionList(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup((Labeled l) -> vm.i18n().get(Section.VAE.titleKey()).equals(l.getText()))
                .queryLabeled());
        assertThat(onFx(() -> vm.sectionProperty().get())).isEqualTo(Section.VAE);
        robot.push(KeyCode.SHORTCUT, KeyCode.PAGE_DOWN);
        waitUntil(10, () -> vm.sectionProperty().get() == Section.VQVAE);
        robot.push(KeyCode.SHORTCUT, KeyCode.PAGE_UP);
        robot.push(KeyCode.SHORTCUT, KeyCode.PAGE_UP);
        waitUntil(10, () -> vm.sectionProperty().get() == Section.AUTOENCODER);
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT7);
        waitUntil(10, () -> vm.sectionProperty().get() == Section.GAN_PROBLEMS);
        assertThat(robot.lookup("#gan-lab-view").tryQuery()).isPresent();
        robot.push(KeyCode.F5);
        waitUntil(10, () -> vm.lab().playingProperty().get());
        robot.push(KeyCode.F5);
        waitUntil(10, () -> !vm.lab().playingProperty().get());
    }

    @Test
    void f11PutsTheWindowFullScreenAndBack(FxRobot robot) throws Exception {
        Stage stage = (Stage) robot.lookup("#main-view").query().getScene().getWindow();
        robot.push(KeyCode.F11);
        waitUntil(10, () -> stage.isFullScreen() && vm.fullScreenProperty().get());
        robot.push(KeyCode.F11);
        waitUntil(10, () -> !stage.isFullScreen() && !vm.fullScreenProperty().get());
    }

    @Test
    void aSecondWindowOpensWhereTheLastRunLeftItAndReportsItsMoves() throws Exception {
        MainViewModel next = onFx(() -> new MainViewModel(new I18n(Locale.ENGLISH), Platform::runLater));
        Stage stage = onFx(Stage::new);
        try {
            fx(() -> {
                next.restore(new Settings(null, null, null, null, null, new Settings.Window(50, 60, 1100, 700, false),
                        null));
                LatentExplorerApp.show(stage, next);
            });
            assertThat(onFx(() -> new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()}))
                    .containsExactly(50, 60, 1100, 700);
            fx(() -> stage.setX(120));
            assertThat(onFx(() -> next.settings().window())).isEqualTo(new Settings.Window(120, 60, 1100, 700, false));
        } finally {
            fx(() -> {
                stage.close();
                next.shutdown();
            });
        }
    }

    @Test
    void theHelpMenuListsTheShortcutsAndShowsVersionsAndLicences(FxRobot robot) throws Exception {
        robot.clickOn("#menu-help").clickOn("#menu-help-shortcuts");
        waitUntil(10, () -> robot.lookup("#shortcuts").tryQuery().isPresent());
        assertThat(robot.lookup("#shortcuts .keys").queryAll()).hasSize(Shortcut.values().length + 1);
        assertThat(robot.lookup("#shortcuts .keys").queryAllAs(Labeled.class)).anyMatch(l -> l.getText().equals("F5"));
        robot.push(KeyCode.ESCAPE);
        waitUntil(10, () -> robot.lookup("#shortcuts").tryQuery().isEmpty());

        robot.clickOn("#menu-help").clickOn("#menu-help-about");
        waitUntil(10, () -> robot.lookup("#about-text").tryQuery().isPresent());
        TextArea about = robot.lookup("#about-text").queryAs(TextArea.class);
        assertThat(about.getText()).contains(org.latentexplorer.engine.core.AppInfo.version(), "1.0.0-M2.1", "CC BY-SA 3.0",
                System.getProperty("javafx.runtime.version"));
        assertThat(about.isEditable()).isFalse();
        // It fits a 1280 x 720 projector.
        javafx.stage.Window dialog = about.getScene().getWindow();
        assertThat(dialog.getWidth()).isLessThanOrEqualTo(1280);
        assertThat(dialog.getHeight()).isLessThanOrEqualTo(720);
        robot.push(KeyCode.ESCAPE);
    }
}
