package org.latentexplorer.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.PictureFiles;
import org.latentexplorer.ui.ae.AutoencoderViewModel;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.training.DataOpening;
import org.latentexplorer.ui.training.FxTestSupport;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window a folder of pictures opens in: its progress, its preview, and what its two buttons do. */
@ExtendWith(ApplicationExtension.class)
class FolderPreviewUiTest {
    @TempDir
    Path dir;

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private AutoencoderViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new AutoencoderViewModel(i18n, FxTestSupport.worker());
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    private Dialog<ButtonType> open(Path folder) throws Exception {
        return onFx(() -> {
            vm.data().openFolder(folder);
            return FolderPreview.show(stage, i18n, vm.data(), folder.getFileName().toString());
        });
    }

    @Test
    void thePreviewListsEachLabelAndSkippedFileAndUseChoosesTheFolder() throws Exception {
        Path kana = dir.resolve("kana");
        PictureFiles.writeLabelled(kana, new String[] {"あ", "い", "う"}, 20, true);
        Files.writeString(kana.resolve("い/words.png"), "no picture here", StandardCharsets.UTF_8);
        Dialog<ButtonType> dialog = open(kana);
        DataOpening data = vm.data();
        waitUntil(60, () -> data.stageProperty().get() == DataOpening.Stage.PREVIEW);
        GridPane labels = (GridPane) onFx(() -> dialog.getDialogPane().lookup("#folder-labels"));
        // A name, a count and a strip of images for each label.
        assertThat(onFx(() -> labels.getChildren().size())).isEqualTo(9);
        @SuppressWarnings("unchecked")
        ListView<String> skipped = (ListView<String>) onFx(() -> dialog.getDialogPane().lookup("#folder-skipped"));
        assertThat(onFx(() -> skipped.getItems())).containsExactly("い/words.png: not a picture (its content is no PNG,"
                + " JPEG, GIF or BMP)");
        Button use = (Button) onFx(() -> dialog.getDialogPane().lookup("#folder-use"));
        assertThat(onFx(use::isDisabled)).isFalse();

        fx(use::fire);
        waitUntil(60, () -> !dialog.isShowing() && vm.datasetProperty().get().spec().startsWith("folder:")
                && !vm.busyProperty().get());
        assertThat(onFx(() -> vm.data().classNamesProperty().get())).containsExactly("あ", "い", "う");
    }

    @Test
    void cancelClosesTheWindowAndKeepsTheDataSetInUse() throws Exception {
        Path few = dir.resolve("few");
        PictureFiles.writeLabelled(few, new String[] {"a"}, 10, true);
        Dialog<ButtonType> dialog = open(few);
        waitUntil(60, () -> vm.data().stageProperty().get() == DataOpening.Stage.FAILED);
        assertThat(onFx(() -> ((javafx.scene.control.Label) dialog.getDialogPane().lookup("#folder-error")).getText()))
                .contains("few holds 10 usable pictures");
        Button use = (Button) onFx(() -> dialog.getDialogPane().lookup("#folder-use"));
        assertThat(onFx(use::isDisabled)).isTrue();
        fx(() -> ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).fire());
        waitUntil(10, () -> !dialog.isShowing());
        assertThat(onFx(() -> vm.data().stageProperty().get())).isEqualTo(DataOpening.Stage.IDLE);
        assertThat(onFx(() -> vm.datasetProperty().get().spec())).isEqualTo("mnist");
    }
}
