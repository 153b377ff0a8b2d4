package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.i18n.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The app's own start, headless: the window shows before its views exist, then opens as the last run left it. */
@ExtendWith(ApplicationExtension.class)
class LatentExplorerAppUiTest {
    @TempDir
    Path folder;
    private String folderBefore;
    private LatentExplorerApp app;
    private Parent firstRoot;
    private boolean showingAtOnce;

    @Start
    void start(Stage stage) throws Exception {
        folderBefore = System.getProperty(SettingsStore.FOLDER_PROPERTY);
        System.setProperty(SettingsStore.FOLDER_PROPERTY, folder.toString());
        Files.writeString(folder.resolve(SettingsStore.FILE_NAME),
                "{\"language\":\"ja\",\"threads\":1,\"section\":\"VAE\",\"darkTheme\":true}");
        app = new LatentExplorerApp();
        app.start(stage);
        firstRoot = stage.getScene().getRoot();
        showingAtOnce = stage.isShowing();
    }

    @AfterEach
    void stop() throws Exception {
        fx(app::stop);
        if (folderBefore == null) {
            System.clearProperty(SettingsStore.FOLDER_PROPERTY);
        } else {
            System.setProperty(SettingsStore.FOLDER_PROPERTY, folderBefore);
        }
    }

    @Test
    void theWindowShowsBeforeItsViewsThenOpensTheRememberedSectionInTheRememberedLanguage(FxRobot robot)
            throws Exception {
        assertThat(showingAtOnce).isTrue();
        assertThat(firstRoot).isNotInstanceOf(MainView.class);
        waitUntil(60, () -> robot.lookup("#main-view").tryQuery().isPresent());
        assertThat(LatentExplorerApp.windowShown()).isDone();
        ListView<Section> sections = robot.lookup("#sections").queryListView();
        assertThat(onFx(() -> sections.getSelectionModel().getSelectedItem())).isEqualTo(Section.VAE);
        String vaeTitle = Messages.format(Locale.JAPANESE, Section.VAE.titleKey());
        assertThat(onFx(() -> robot.lookup((javafx.scene.control.Labeled l) -> vaeTitle.equals(l.getText()))
                .tryQuery().isPresent())).isTrue();
        // The opening view is gone from the window, and its sweeping bar with it.
        assertThat(onFx(() -> firstRoot.getScene())).isNull();
    }
}
