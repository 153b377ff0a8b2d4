package org.latentexplorer.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.DataException;
import org.latentexplorer.i18n.Messages;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.base.CurveSource;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.vqvae.CodeMap;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The export menu on a grid, a plane and a chart, and what exporting them writes. */
@ExtendWith(ApplicationExtension.class)
class ExportUiTest {
    @TempDir
    Path dir;

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final Map<String, ObservableList<XYChart.Data<Number, Number>>> curves = new HashMap<>();
    private ImageTiles tiles;
    private ImageTiles strip;
    private LatentPlane plane;
    private LossChart chart;
    private CodeMap codes;

    @Start
    void start(Stage stage) {
        tiles = ImageTiles.grid(2, 4);
        tiles.setId("samples");
        // Image 0 is all ink, the others blank: its cell, top left, is black.
        tiles.imagesProperty().set(ImageGrid.of(new float[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 2, 2));
        strip = ImageTiles.row(3);
        strip.setId("decoded");
        strip.setPrefSize(600, 96);
        strip.imagesProperty().set(ImageGrid.of(new float[] {1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1}, 2, 2));
        plane = new LatentPlane();
        plane.setId("latent-plane");
        CurveSource source = (split, term) -> curves.computeIfAbsent(split + ":" + term,
                k -> FXCollections.observableArrayList());
        chart = new LossChart("vae-loss-chart", source, i18n, "vae.chart.loss",
                new LossChart.Curve(TrainingViewModel.TRAIN, "kl", "chart.train"),
                new LossChart.Curve(TrainingViewModel.HELD_OUT, "kl", "chart.heldOut"));
        codes = new CodeMap(2);
        codes.setId("vqvae-code-map");
        codes.setCodes(new int[] {0, 1, 2, 3});
        GridPane root = new GridPane();
        root.add(tiles, 0, 0);
        root.add(plane, 1, 0);
        root.add(chart, 0, 1);
        root.add(codes, 1, 1);
        root.add(strip, 0, 2, 2, 1);
        Export.install(root, i18n, "vae", () -> "mnist");
        FxTestSupport.show(stage, root, 1000, 760);
    }

    @AfterEach
    void hideMenus() throws Exception {
        fx(() -> shownMenus().forEach(ContextMenu::hide));
    }

    private static List<ContextMenu> shownMenus() {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).toList();
    }

    /** What the platform sends on a right click (or the menu key), aimed at the node's centre. */
    private static void requestMenu(Node target, boolean keyboard) throws Exception {
        fx(() -> {
            var b = target.localToScreen(target.getBoundsInLocal());
            Event.fireEvent(target, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    b.getWidth() / 2, b.getHeight() / 2, b.getCenterX(), b.getCenterY(), keyboard, null));
        });
    }

    private static List<String> shownItems() throws Exception {
        waitUntil(5, () -> shownMenus().size() == 1);
        return onFx(() -> shownMenus().get(0).getItems().stream().map(i -> i.getId() + "=" + i.getText()).toList());
    }

    @Test
    void aGridsAChartsAndACodeMapsMenuOfferTheirFormats() throws Exception {
        // Aimed at the grid's canvas, as a real click would be: the menu belongs to the grid around it.
        requestMenu(onFx(() -> tiles.getChildrenUnmodifiable().get(0)), false);
        assertThat(shownItems()).containsExactly("export-png=Save image as PNG…");
        hideMenus();

        requestMenu(chart, false);
        assertThat(shownItems()).containsExactly("export-png=Save image as PNG…", "export-csv=Save data as CSV…");
        hideMenus();

        requestMenu(codes, false);
        assertThat(shownItems()).containsExactly("export-png=Save image as PNG…");
    }

    @Test
    void aPlaneOpensItsMenuOnAStillRightClickNotOnThePressThatStartsAPan(FxRobot robot) throws Exception {
        requestMenu(plane, false);
        assertThat(onFx(() -> shownMenus().size())).as("the press-time request starts a pan instead").isZero();

        robot.clickOn(plane, MouseButton.SECONDARY);
        assertThat(shownItems()).containsExactly("export-png=Save image as PNG…");
        hideMenus();

        requestMenu(plane, true);
        assertThat(shownItems()).as("the menu key").containsExactly("export-png=Save image as PNG…");
    }

    @Test
    void theMenuSpeaksTheCurrentLanguage() throws Exception {
        fx(() -> i18n.setLocale(Locale.JAPANESE));
        requestMenu(chart, false);
        assertThat(shownItems()).containsExactly("export-png=画像を PNG で保存…", "export-csv=データを CSV で保存…");
    }

    @Test
    void filesAreNamedAfterTheViewThePartAndTheData() throws Exception {
        assertThat(onFx(() -> Export.fileName(tiles, Export.actions(tiles).get(0)))).isEqualTo("vae-samples-mnist.png");
        // A part whose id already names the view keeps it once.
        assertThat(onFx(() -> Export.fileName(chart, Export.actions(chart).get(1)))).isEqualTo("vae-loss-chart-mnist.csv");
        assertThat(onFx(() -> Export.fileName(plane, Export.actions(plane).get(0)))).isEqualTo("vae-latent-plane-mnist.png");
    }

    private Path save(Node part, int action, String name) throws Exception {
        Path file = dir.resolve(name);
        onFx(() -> Export.actions(part).get(action).save().to(file)).get(30, TimeUnit.SECONDS);
        return file;
    }

    /** The side of a cell of tiles laid out {@code columns} by {@code rows}, {@code gap} apart, as ImageTiles draws them. */
    private static double cell(ImageTiles t, int columns, int rows, double gap) throws Exception {
        return onFx(() -> Math.min((t.getWidth() - gap * (columns - 1)) / columns, (t.getHeight() - gap * (rows - 1)) / rows));
    }

    @Test
    void aGridSavesAsAPngOfItsCellsShowingItsImages() throws Exception {
        BufferedImage png = ImageIO.read(save(tiles, 0, "vae-samples-mnist.png").toFile());
        double cell = cell(tiles, 2, 2, 2);
        assertThat(png.getWidth()).isEqualTo((int) Math.ceil(2 * cell + 2));
        assertThat(png.getHeight()).isEqualTo((int) Math.ceil(2 * cell + 2));
        assertThat(png.getRGB(3, 3)).as("inside the inked first image").isEqualTo(0xFF000000);
        assertThat(png.getRGB((int) cell + 5, 3)).as("inside the blank second image").isEqualTo(0xFFFFFFFF);
    }

    @Test
    void aStripWiderThanItsCellsSavesOnlyTheCells() throws Exception {
        BufferedImage png = ImageIO.read(save(strip, 0, "vae-decoded-mnist.png").toFile());
        double cell = cell(strip, 3, 1, 4);
        assertThat(png.getWidth()).isEqualTo((int) Math.ceil(3 * cell + 8)).isLessThan((int) onFx(strip::getWidth).doubleValue());
        assertThat(png.getHeight()).isEqualTo((int) Math.ceil(cell));
        assertThat(png.getRGB((int) (2 * (cell + 4) + cell / 2), (int) cell / 2)).as("the third image, inked")
                .isEqualTo(0xFF000000);
    }

    @Test
    void aChartSavesAsAPngWithItsAxesAndItsCurvesAsCsv() throws Exception {
        fx(() -> {
            curves.get("train:kl").setAll(List.of(new XYChart.Data<>(1, 2.5), new XYChart.Data<>(2, 1.25)));
            curves.get("heldout:kl").setAll(List.of(new XYChart.Data<>(2, 1.5)));
        });
        BufferedImage png = ImageIO.read(save(chart, 0, "chart.png").toFile());
        assertThat(png.getWidth()).isEqualTo((int) Math.ceil(onFx(chart::getWidth)));
        assertThat(png.getHeight()).isEqualTo((int) Math.ceil(onFx(chart::getHeight)));

        assertThat(Files.readAllLines(save(chart, 1, "vae-loss-chart-mnist.csv")))
                .containsExactly("step,train:kl,heldout:kl", "1,2.5,", "2,1.25,1.5");
    }

    @Test
    void aPlaneSavesAtItsSizeWithoutTheFocusFrame() throws Exception {
        fx(plane::requestFocus);
        waitUntil(5, plane::isFocused);
        BufferedImage png = ImageIO.read(save(plane, 0, "vae-latent-plane-mnist.png").toFile());
        assertThat(png.getWidth()).isEqualTo((int) Math.ceil(onFx(plane::getWidth)));
        assertThat(png.getHeight()).isEqualTo((int) Math.ceil(onFx(plane::getHeight)));
        // The frame is blue; the plane's edge holds only white, greys and black text.
        long blue = java.util.stream.IntStream.range(0, png.getHeight()).map(y -> png.getRGB(1, y))
                .filter(p -> (p & 255) - (p >> 16 & 255) > 100).count();
        assertThat(blue).isZero();
    }

    @Test
    void savingIntoAFolderThatDoesNotExistSaysSoAndWritesNothing() throws Exception {
        Path file = dir.resolve("missing").resolve("x.png");
        ExecutionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> onFx(() -> Export.png(tiles, file)).get(30, TimeUnit.SECONDS), ExecutionException.class);
        assertThat(e.getCause()).isInstanceOf(DataException.class);
        assertThat(i18n.describe(e.getCause())).contains("does not exist", dir.resolve("missing").toString());
        assertThat(Messages.describe(Locale.JAPANESE, e.getCause())).contains("フォルダー");
        assertThat(Files.exists(file.getParent())).isFalse();
    }

    @Test
    void menuItemsAreNotShownForAPartOutsideAnInstalledView() throws Exception {
        ImageTiles loose = onFx(() -> ImageTiles.row(1));
        assertThat(onFx(() -> Export.menu(loose))).isNull();
    }
}
