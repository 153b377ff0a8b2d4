package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.MnistStyle.Polarity;
import org.latentexplorer.data.PictureFiles;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.LatentPoints;
import org.latentexplorer.ui.gan.GanViewModel;
import org.latentexplorer.ui.training.DataOpening;
import org.latentexplorer.ui.training.DataOpening.Stage;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.vae.VaeViewModel;
import org.testfx.api.FxToolkit;

/** A folder of the learner's own pictures in the window's view models: previewed, chosen, trained on, saved. */
class FolderDataSetTest {
    private static final String[] KANA = {"あ", "い", "う"};
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private TrainingViewModel vm;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.shutdown();
        }
    }

    private <T extends TrainingViewModel> T opened(T model) throws Exception {
        vm = model;
        vm.initialize();
        waitUntil(60, () -> vm.modelOpenProperty().get() && !vm.busyProperty().get());
        return model;
    }

    /** 30 pictures of each of three shapes in folders あ, い and う, and two files that are no pictures. */
    private Path kana() throws Exception {
        Path kana = dir.resolve("kana");
        PictureFiles.writeLabelled(kana, KANA, 30, true);
        byte[] png = Files.readAllBytes(kana.resolve("あ/p-000.png"));
        Files.write(kana.resolve("あ/cut.png"), Arrays.copyOf(png, png.length / 3));
        Files.writeString(kana.resolve("う/notes.png"), "words, not pixels", StandardCharsets.UTF_8);
        return kana;
    }

    private void choose(Path folder) throws Exception {
        DataOpening data = vm.data();
        fx(() -> data.openFolder(folder));
        waitUntil(60, () -> data.stageProperty().get() == Stage.PREVIEW);
        fx(data::accept);
        waitUntil(60, () -> vm.datasetProperty().get().spec().startsWith("folder:") && !vm.busyProperty().get());
    }

    @Test
    void aFolderIsPreviewedChosenNamesTheLegendTrainsAndAnExperimentOfItIsRefusedOnceItIsGone() throws Exception {
        VaeViewModel vae = opened(new VaeViewModel(i18n, FxTestSupport.worker()));
        Path kana = kana();
        DataOpening data = vae.data();
        fx(() -> data.openFolder(kana));
        waitUntil(60, () -> data.stageProperty().get() == Stage.PREVIEW);
        List<DataOpening.LabelRow> rows = onFx(() -> List.copyOf(data.rows()));
        assertThat(rows).extracting(DataOpening.LabelRow::name).containsExactly(KANA);
        assertThat(rows).extracting(DataOpening.LabelRow::count).containsExactly(30, 30, 30);
        assertThat(rows.get(0).samples().size()).isEqualTo(10);
        assertThat(onFx(() -> List.copyOf(data.skipped()))).hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("あ/cut.png: damaged"))
                .anySatisfy(s -> assertThat(s).startsWith("う/notes.png: not a picture"));
        assertThat(onFx(() -> data.summaryProperty().get())).contains("90 images in 3 label folders; 2 files skipped",
                "grey levels are inverted");
        // Nothing is chosen before the learner accepts: the section still shows MNIST.
        assertThat(onFx(() -> vae.datasetProperty().get().spec())).isEqualTo("mnist");

        fx(() -> data.polarityProperty().set(Polarity.KEEP));
        waitUntil(60, () -> data.stageProperty().get() == Stage.PREVIEW
                && data.summaryProperty().get().contains("kept as they are"));
        fx(() -> data.polarityProperty().set(Polarity.AUTO));
        waitUntil(60, () -> data.stageProperty().get() == Stage.PREVIEW
                && data.summaryProperty().get().contains("inverted"));
        fx(data::accept);
        waitUntil(60, () -> vae.datasetProperty().get().spec().equals("folder:" + kana.toAbsolutePath())
                && !vae.busyProperty().get() && vae.pointsProperty().get() != null
                && vae.pointsProperty().get().size() == 9);
        assertThat(onFx(() -> data.stageProperty().get())).isEqualTo(Stage.IDLE);
        assertThat(onFx(() -> vae.classNamesProperty().get())).containsExactly(KANA);
        assertThat(onFx(() -> vae.datasetProperty().get().toString())).isEqualTo("kana");
        LatentPoints points = onFx(() -> vae.pointsProperty().get());
        assertThat(Arrays.stream(points.labels()).distinct().sorted().toArray()).containsExactly(0, 1, 2);

        fx(() -> vae.epochsProperty().set(1));
        fx(() -> vae.batchSizeProperty().set(16));
        fx(vae::start);
        waitUntil(120, () -> vae.stateProperty().get() == Trainer.State.FINISHED && !vae.busyProperty().get());
        assertThat(onFx(() -> vae.stepProperty().get())).isEqualTo((81 + 15) / 16);

        // The experiment records the folder; once the folder is gone, opening it says so and changes nothing.
        SimpleObjectProperty<Section> section = new SimpleObjectProperty<>(Section.VAE);
        ExperimentsViewModel experiments = new ExperimentsViewModel(i18n, FxTestSupport.worker(), section,
                Map.of(Section.VAE, vae), null);
        Path file = dir.resolve("kana.lexp");
        fx(() -> experiments.save(file));
        waitUntil(60, () -> Files.exists(file) && !vae.busyProperty().get());
        Files.move(kana, dir.resolve("elsewhere"));
        fx(() -> experiments.open(file));
        waitUntil(60, () -> !experiments.errorProperty().get().isEmpty() && !experiments.busyProperty().get());
        assertThat(experiments.errorProperty().get()).startsWith("The folder of pictures kana is gone ("
                + kana.toAbsolutePath() + ")");
        experiments.shutdown();
    }

    @Test
    void aCancelledReadAndAFolderWithTooFewPicturesLeaveTheDataSetInUse() throws Exception {
        opened(new VaeViewModel(i18n, FxTestSupport.worker()));
        DataOpening data = vm.data();
        Path few = dir.resolve("few");
        PictureFiles.writeLabelled(few, KANA, 4, true);
        fx(() -> data.openFolder(few));
        waitUntil(60, () -> data.stageProperty().get() == Stage.FAILED);
        assertThat(onFx(() -> data.errorProperty().get())).contains("few holds 12 usable pictures");
        fx(data::cancel);

        Path kana = kana();
        fx(() -> {
            data.openFolder(kana);
            data.cancel();
        });
        assertThat(onFx(() -> data.stageProperty().get())).isEqualTo(Stage.IDLE);
        waitUntil(60, () -> !vm.busyProperty().get());
        assertThat(onFx(() -> data.stageProperty().get())).isEqualTo(Stage.IDLE);
        assertThat(onFx(() -> vm.datasetProperty().get().spec())).isEqualTo("mnist");
        assertThat(onFx(() -> vm.datasets().size())).isEqualTo(2);
    }

    @Test
    void theGanSectionSaysItsQualityFiguresAreNotMeasuredOnAFolder() throws Exception {
        GanViewModel gan = opened(new GanViewModel(i18n, FxTestSupport.worker()));
        assertThat(onFx(() -> gan.qualityMeasuredProperty().get())).isTrue();
        choose(kana());
        waitUntil(60, () -> !gan.qualityMeasuredProperty().get());
        assertThat(onFx(() -> gan.realInceptionScoreProperty().get())).isNaN();
        // It trains on the folder all the same.
        fx(gan::step);
        waitUntil(60, () -> gan.stepProperty().get() == 1 && gan.paused().get());
        fx(gan::stop);
        waitUntil(60, () -> !gan.active().get() && !gan.busyProperty().get());
    }
}
