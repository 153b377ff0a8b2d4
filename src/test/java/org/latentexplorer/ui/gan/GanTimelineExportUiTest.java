package org.latentexplorer.ui.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.widgets.Export;

/**
 * The GAN section's timeline saved as an animated GIF, from the samples grid's menu or the button under it; and its
 * quality histogram's bars, named as the data set names its classes.
 */
@ExtendWith(ApplicationExtension.class)
class GanTimelineExportUiTest {
    @TempDir
    Path dir;

    private GanViewModel vm;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        vm = new GanViewModel(i18n, FxTestSupport.worker());
        FxTestSupport.show(stage, new GanView(vm, i18n), 1360, 860);
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    /** A grid of 64 28 x 28 samples, each pixel {@code ink}. */
    private static ImageGrid grid(float ink) {
        float[] pixels = new float[GanViewModel.GRID * 28 * 28];
        java.util.Arrays.fill(pixels, ink);
        return ImageGrid.of(pixels, 28, 28);
    }

    @Test
    void theTimelineSavesAsALoopingGifWithOneFramePerSnapshot(FxRobot robot) throws Exception {
        Node samples = robot.lookup("#gan-samples").query();
        Export.Action gif = onFx(() -> Export.actions(samples).stream()
                .filter(a -> a.format() == Export.Format.GIF).findFirst().orElseThrow());
        assertThat(robot.lookup("#gan-save-timeline").queryButton().isDisabled()).isTrue();
        assertThat(onFx(() -> gif.available().getAsBoolean())).as("nothing to animate yet").isFalse();

        fx(() -> {
            for (int i = 0; i < 5; i++) {
                vm.timeline().add(new GanViewModel.Snapshot(100L * i, grid(i / 4f)));
            }
        });
        assertThat(robot.lookup("#gan-save-timeline").queryButton().isDisabled()).isFalse();
        assertThat(onFx(() -> Export.fileName(samples, gif))).isEqualTo("gan-timeline-mnist.gif");

        Path file = dir.resolve("gan-timeline-mnist.gif");
        onFx(() -> gif.save().to(file)).get(60, TimeUnit.SECONDS);

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(5);
            int side = 8 * 28 * GanView.GIF_SCALE + 7 * GanView.GIF_GAP;
            assertThat(reader.getWidth(0)).isEqualTo(side);
            assertThat(reader.getHeight(0)).as("the samples and the step under them").isGreaterThan(side);
            // Snapshot 0 is blank paper, snapshot 4 all ink.
            assertThat(reader.read(0).getRGB(10, 10)).isEqualTo(0xFFFFFFFF);
            assertThat(reader.read(4).getRGB(10, 10)).isEqualTo(0xFF000000);
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            assertThat(((IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0))
                    .getAttribute("applicationID")).isEqualTo("NETSCAPE");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void theQualityBarsAreNamedAsTheDataSetNamesItsClasses(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.chart.BarChart<String, Number> bars = robot.lookup("#gan-histogram").queryAs(javafx.scene.chart.BarChart.class);
        java.util.List<String> garments = onFx(() -> org.latentexplorer.ui.base.DataChoice.classNames("fashion",
                new I18n(Locale.ENGLISH)));
        int[] counts = {120, 82, 110, 43, 122, 110, 78, 73, 156, 106};
        fx(() -> {
            vm.data().classNamesProperty().set(garments);
            vm.histogramProperty().set(counts);
        });
        assertThat(onFx(() -> ((javafx.scene.chart.CategoryAxis) bars.getXAxis()).getCategories()))
                .containsExactlyElementsOf(garments).contains("Dress");
        assertThat(onFx(() -> bars.getData().get(0).getData().get(3).getXValue())).isEqualTo("Dress");
        assertThat(onFx(() -> bars.getData().get(0).getData().get(3).getYValue().intValue())).isEqualTo(43);

        // Back on digits, the bars are the digits again.
        fx(() -> vm.data().classNamesProperty().set(org.latentexplorer.ui.base.DataChoice.classNames("mnist",
                new I18n(Locale.ENGLISH))));
        assertThat(onFx(() -> ((javafx.scene.chart.CategoryAxis) bars.getXAxis()).getCategories()))
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }
}
