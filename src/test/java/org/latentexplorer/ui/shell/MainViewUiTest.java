package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.gan.GanViewModel;
import org.latentexplorer.ui.vae.VaeViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole window, headless (Monocle): navigate, switch language, train and stop, as a learner would. */
@ExtendWith(ApplicationExtension.class)
class MainViewUiTest {
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(new I18n(Locale.ENGLISH), Platform::runLater);
        LatentExplorerApp.show(stage, vm);
        vm.initialize();
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    @Test
    void aDamagedExperimentFileIsOneClearMessageAndTheWindowStaysAsItWas(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path broken = dir.resolve("broken.lexp");
        java.nio.file.Files.writeString(broken, "PK this is not an experiment");
        FxTestSupport.fx(() -> vm.sectionProperty().set(Section.VAE));
        FxTestSupport.fx(() -> vm.experiments().open(broken));
        waitUntil(30, () -> robot.lookup("#experiment-error").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#experiment-error").query();
        assertThat(pane.getContentText()).contains("broken.lexp").contains("corrupt").contains("Nothing that is open");
        assertThat(onFx(() -> vm.sectionProperty().get())).isEqualTo(Section.VAE);
        FxTestSupport.fx(() -> pane.getScene().getWindow().hide());
        // The File menu offers experiments with their keys.
        robot.clickOn("#menu-file");
        assertThat(robot.lookup("#menu-file-openExperiment").tryQuery()).isPresent();
        javafx.scene.control.MenuItem save = onFx(() -> ((javafx.scene.control.MenuBar) robot.lookup("#menu-bar").query())
                .getMenus().get(0).getItems().stream().filter(m -> "menu-file-saveExperiment".equals(m.getId()))
                .findFirst().orElseThrow());
        assertThat(save.getAccelerator()).isEqualTo(Shortcut.SAVE_EXPERIMENT.keys());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void everySectionOpensItsView(FxRobot robot) throws Exception {
        ListView<Section> sections = robot.lookup("#sections").queryListView();
        for (Section s : Section.values()) {
            robot.clickOn(robot.from(sections).lookup((Labeled l) -> l.getText() != null
                    && l.getText().equals(vm.i18n().get(s.titleKey()))).queryLabeled());
            assertThat(onFx(() -> vm.sectionProperty().get())).isEqualTo(s);
            String id = switch (s) {
                case GENERATIVE -> "#generative-view";
                case LATENT -> "#latent-view";
                case AUTOENCODER -> "#autoencoder-view";
                case VAE -> "#vae-view";
                case VQVAE -> "#vqvae-view";
                case GAN -> "#gan-view";
                case GAN_PROBLEMS -> "#gan-lab-view";
            };
            assertThat(robot.lookup(id).tryQuery()).as(id).isPresent();
        }
    }

    @Test
    void switchingLanguageRelabelsTheWindow(FxRobot robot) throws Exception {
        Button start = robot.lookup("#start").queryButton();
        assertThat(start.getText()).isEqualTo("Start");
        robot.clickOn("#menu-language").clickOn("#language-ja");
        waitUntil(10, () -> start.getText().equals("開始"));
        StatusBar bar = robot.lookup("#status-bar").queryAs(StatusBar.class);
        waitUntil(60, () -> bar.getText().equals("準備完了"));
        robot.clickOn("#menu-language").clickOn("#language-en");
        waitUntil(10, () -> start.getText().equals("Start") && bar.getText().equals("Ready"));
    }

    @Test
    void trainingLiveUpdatesChartNumbersAndReconstructionsThenStops(FxRobot robot) throws Exception {
        waitUntil(60, () -> vm.autoencoder().reconstructionsProperty().get() != null && !vm.autoencoder().busyProperty().get());
        ImageGrid pretrained = onFx(() -> vm.autoencoder().reconstructionsProperty().get());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#loss-chart").queryAs(LineChart.class);
        // The shipped model's own run, to its last step (30 epochs of 71 mini-batches).
        waitUntil(30, () -> !chart.getData().get(0).getData().isEmpty());
        assertThat(onFx(() -> lastStep(chart))).isEqualTo(2130);

        robot.clickOn("#start");
        waitUntil(60, () -> vm.autoencoder().stepProperty().get() >= 25
                && vm.autoencoder().reconstructionsProperty().get() != pretrained);
        // The new run's curve instead, from its first step.
        assertThat(onFx(() -> chart.getData().get(0).getData().size())).isGreaterThan(5);
        assertThat(onFx(() -> chart.getData().get(0).getData().get(0).getXValue().longValue())).isEqualTo(1);
        assertThat(onFx(() -> lastStep(chart))).isLessThan(2130);
        assertThat(robot.lookup("#train-loss").queryLabeled().getText()).endsWith("nats");
        assertThat(robot.lookup("#samples-per-second").queryLabeled().getText()).endsWith("images/s");
        StatusBar bar = robot.lookup("#status-bar").queryAs(StatusBar.class);
        assertThat(bar.getText()).startsWith("Training the autoencoder on MNIST");
        // Settings cannot change under a running model.
        assertThat(robot.lookup("#latent").queryAs(Spinner.class).isDisabled()).isTrue();

        robot.clickOn("#stop");
        waitUntil(60, () -> vm.autoencoder().stateProperty().get() == Trainer.State.STOPPED);
        long stoppedAt = onFx(() -> vm.autoencoder().stepProperty().get());
        Thread.sleep(300);
        assertThat(onFx(() -> vm.autoencoder().stepProperty().get())).isEqualTo(stoppedAt);
        Node save = robot.lookup("#save-model").query();
        waitUntil(10, () -> !save.isDisabled());
        assertThat(robot.lookup("#start").queryButton().isDisabled()).isFalse();
    }

    private static long lastStep(LineChart<Number, Number> chart) {
        var points = chart.getData().get(0).getData();
        return points.get(points.size() - 1).getXValue().longValue();
    }

    @Test
    void draggingThroughTheVaePlaneChangesTheDecodedImageEvenWhileTraining(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup((Labeled l) -> vm.i18n().get(Section.VAE.titleKey()).equals(l.getText())).queryLabeled());
        VaeViewModel vae = vm.vae();
        waitUntil(60, () -> vae.pointsProperty().get() != null && vae.decodedProperty().get() != null);
        Node plane = robot.lookup("#latent-plane").query();
        java.util.List<float[]> seen = new java.util.ArrayList<>();
        vae.decodedProperty().addListener((o, a, b) -> {
            if (b != null) {
                seen.add(b.images().get(0));
            }
        });

        assertThat(plane.getBoundsInLocal().getWidth()).isGreaterThan(300);
        robot.moveTo(plane).moveBy(-120, -100).press(javafx.scene.input.MouseButton.PRIMARY);
        for (int i = 0; i < 12; i++) {
            robot.moveBy(20, 16).sleep(80);
        }
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil(10, () -> seen.size() >= 3);
        assertThat(seen.get(0)).isNotEqualTo(seen.get(seen.size() - 1));
        assertThat(onFx(() -> vae.cursorXProperty().get())).isNotEqualTo(0.0);

        // Now while it trains: the drag still decodes, and training keeps going.
        robot.clickOn(robot.lookup("#vae-view #start").queryButton());
        waitUntil(60, () -> vae.stepProperty().get() >= 5);
        long stepBefore = onFx(() -> vae.stepProperty().get());
        int seenBefore = seen.size();
        robot.moveTo(plane).moveBy(100, 80).press(javafx.scene.input.MouseButton.PRIMARY);
        for (int i = 0; i < 12; i++) {
            robot.moveBy(-18, -12).sleep(80);
        }
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil(30, () -> seen.size() > seenBefore + 2 && vae.stepProperty().get() > stepBefore + 5);
        robot.clickOn(robot.lookup("#vae-view #stop").queryButton());
        waitUntil(60, () -> vae.stateProperty().get() == Trainer.State.STOPPED);
    }

    @Test
    void aShortGanRunRefreshesTheSampleGridAndTheCurves(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup((Labeled l) -> vm.i18n().get(Section.GAN.titleKey()).equals(l.getText())).queryLabeled());
        GanViewModel gan = vm.gan();
        waitUntil(90, () -> gan.samplesProperty().get() != null && !gan.busyProperty().get());
        ImageGrid before = onFx(() -> gan.samplesProperty().get());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> losses = robot.lookup("#gan-loss-chart").queryAs(LineChart.class);

        robot.clickOn(robot.lookup("#gan-view #start").queryButton());
        waitUntil(90, () -> gan.stepProperty().get() >= 25 && gan.samplesProperty().get() != before
                && gan.timeline().size() >= 2);
        assertThat(onFx(() -> losses.getData().get(0).getData().size())).isGreaterThan(5);
        assertThat(onFx(() -> losses.getData().get(1).getData().size())).isGreaterThan(5);
        assertThat(robot.lookup("#gan-d-real").queryLabeled().getText()).isNotEqualTo("–");
        StatusBar bar = robot.lookup("#status-bar").queryAs(StatusBar.class);
        assertThat(bar.getText()).startsWith("Training the GAN on MNIST");
        robot.clickOn(robot.lookup("#gan-view #stop").queryButton());
        waitUntil(60, () -> gan.stateProperty().get() == Trainer.State.STOPPED);
    }
}
