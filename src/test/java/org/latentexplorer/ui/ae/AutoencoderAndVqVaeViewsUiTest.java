package org.latentexplorer.ui.ae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.vqvae.VqVaeView;
import org.latentexplorer.ui.vqvae.VqVaeViewModel;

/** The denoising and clustering tabs and the VQ-VAE section, headless, used with the mouse as a learner would. */
@ExtendWith(ApplicationExtension.class)
class AutoencoderAndVqVaeViewsUiTest {
    private AutoencoderViewModel ae;
    private VqVaeViewModel vq;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        ae = new AutoencoderViewModel(i18n, FxTestSupport.worker());
        vq = new VqVaeViewModel(i18n, FxTestSupport.worker());
        HBox both = new HBox(new AutoencoderView(ae, i18n), new VqVaeView(vq, i18n));
        FxTestSupport.show(stage, both, 1900, 1000);
        ae.initialize();
        vq.initialize();
    }

    @AfterEach
    void close() {
        ae.shutdown();
        vq.shutdown();
    }

    @Test
    void scribblingOnThePadChangesTheDenoisedDigit(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#ae-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "ae-tab-denoising".equals(t.getId())).findFirst().orElseThrow()));
        waitUntil(90, () -> ae.scribbleOutputProperty().get() != null);
        ImageGrid before = onFx(() -> ae.scribbleOutputProperty().get());
        Node pad = robot.lookup("#scribble-pad").query();
        Bounds b = onFx(() -> pad.localToScreen(pad.getLayoutBounds()));
        robot.moveTo(new Point2D(b.getMinX() + 10, b.getMinY() + 10));
        robot.press(MouseButton.PRIMARY);
        for (int i = 1; i <= 8; i++) {
            robot.moveTo(new Point2D(b.getMinX() + 10 + i * b.getWidth() / 10, b.getMinY() + 10 + i * 4));
        }
        robot.release(MouseButton.PRIMARY);
        FxTestSupport.settle(ae);
        assertThat(onFx(() -> ae.scribbleOutputProperty().get().images().get(0))).isNotEqualTo(before.images().get(0));
        assertThat(onFx(() -> ae.scribbleProperty().get())).as("the stroke reached the digit")
                .isNotEqualTo(onFx(() -> ae.originalsProperty().get().images().get(0)));
        robot.clickOn("#scribble-reset");
        assertThat(onFx(() -> ae.scribbleProperty().get())).containsExactly(
                onFx(() -> ae.originalsProperty().get().images().get(0)));
    }

    @Test
    void clickingACellOfTheCodeMapShowsWhatThatCodeDraws(FxRobot robot) throws Exception {
        waitUntil(120, () -> vq.codeMapProperty().get() != null && vq.codeImageProperty().get() != null
                && vq.usageProperty().get() != null);
        int[] map = onFx(() -> vq.codeMapProperty().get());
        Node codeMap = robot.lookup("#vqvae-code-map").query();
        Bounds b = onFx(() -> codeMap.localToScreen(codeMap.getLayoutBounds()));
        double side = Math.min(b.getWidth(), b.getHeight());
        // The top-left cell.
        robot.clickOn(new Point2D(b.getMinX() + side / 14, b.getMinY() + side / 14));
        waitUntil(30, () -> vq.selectedCodeProperty().get() == map[0]);
        assertThat(robot.lookup("#vqvae-selected-code").queryAs(Labeled.class).getText()).isEqualTo("code " + map[0]);
        assertThat(robot.lookup("#vqvae-codes-used").queryAs(Labeled.class).getText()).endsWith("/ 32");
    }

    @Test
    void theVqVaesInputIsAPadWhoseCodeMapFollowsTheLearnersStrokes(FxRobot robot) throws Exception {
        waitUntil(120, () -> vq.codeMapProperty().get() != null && vq.usageProperty().get() != null);
        robot.clickOn("#vqvae-input-clear");
        FxTestSupport.settle(vq);
        assertThat(onFx(() -> vq.codeMapProperty().get())).isNull();
        Node pad = robot.lookup("#vqvae-input").query();
        Bounds b = onFx(() -> pad.localToScreen(pad.getLayoutBounds()));
        double side = Math.min(b.getWidth(), b.getHeight());
        robot.drag(new Point2D(b.getMinX() + side * 0.3, b.getMinY() + side * 0.2), MouseButton.PRIMARY);
        for (int i = 1; i <= 6; i++) {
            robot.moveTo(new Point2D(b.getMinX() + side * (0.3 + i * 0.05), b.getMinY() + side * (0.2 + i * 0.1)));
        }
        robot.release(MouseButton.PRIMARY);
        FxTestSupport.settle(vq);
        int[] map = onFx(() -> vq.codeMapProperty().get());
        assertThat(map).hasSize(49);
        // A second stroke across the first changes the code map.
        robot.drag(new Point2D(b.getMinX() + side * 0.2, b.getMinY() + side * 0.5), MouseButton.PRIMARY);
        robot.moveTo(new Point2D(b.getMinX() + side * 0.8, b.getMinY() + side * 0.5));
        robot.release(MouseButton.PRIMARY);
        FxTestSupport.settle(vq);
        assertThat(onFx(() -> vq.codeMapProperty().get())).hasSize(49).isNotEqualTo(map);
        robot.clickOn("#vqvae-input-undo");
        FxTestSupport.settle(vq);
        assertThat(onFx(() -> vq.codeMapProperty().get())).containsExactly(map);
    }
}
