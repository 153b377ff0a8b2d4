package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.ImageNoise;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.store.Experiment;
import org.latentexplorer.engine.store.ExperimentFile;
import org.latentexplorer.ui.training.FxTestSupport;
import org.latentexplorer.ui.ae.AutoencoderViewModel;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.gan.GanViewModel;
import org.latentexplorer.ui.ganlab.GanLabViewModel;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.testfx.api.FxToolkit;

/** Saving a run as an experiment file and opening it in a fresh window's view models. */
class ExperimentsViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private AutoencoderViewModel first;
    private AutoencoderViewModel second;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        for (TrainingViewModel vm : new TrainingViewModel[] {first, second}) {
            if (vm != null) {
                vm.shutdown();
            }
        }
    }

    private AutoencoderViewModel opened() throws Exception {
        AutoencoderViewModel vm = new AutoencoderViewModel(i18n, FxTestSupport.worker());
        vm.initialize();
        waitUntil(60, () -> vm.modelOpenProperty().get() && !vm.busyProperty().get());
        return vm;
    }

    private ExperimentsViewModel experiments(AutoencoderViewModel vm, ObjectProperty<Section> section) {
        return new ExperimentsViewModel(i18n, FxTestSupport.worker(), section, Map.of(Section.AUTOENCODER, vm), null);
    }

    private static void trainToTheEnd(TrainingViewModel vm) throws Exception {
        fx(vm::start);
        waitUntil(120, () -> vm.stateProperty().get() == Trainer.State.FINISHED && !vm.busyProperty().get());
    }

    /** What the experiment holds besides when and by which version it was written. */
    private static ObjectNode content(Experiment e) {
        ObjectNode node = JSON.valueToTree(e);
        node.remove("created");
        node.remove("appVersion");
        return node;
    }

    @Test
    void theSameSeedRetrainsTheSameCurvesAndAnOpenedExperimentIsTheSavedRun(@TempDir Path dir) throws Exception {
        first = opened();
        fx(() -> {
            first.epochsProperty().set(1);
            first.seedProperty().set(9);
            first.latentSizeProperty().set(3);
            first.learningRateProperty().set(2e-3);
            first.threadsProperty().set(1);
            first.trainingNoiseProperty().set(AutoencoderViewModel.TrainingNoise.MASKING);
            first.trainingNoiseLevelProperty().set(0.25);
        });
        trainToTheEnd(first);
        Experiment run = onFx(() -> first.captureExperiment(Section.AUTOENCODER.id()));
        assertThat(run.curves().get("train:recon_bce_noisy")).hasSizeGreaterThan(50);
        assertThat(run.curves()).containsKey("heldout:recon_bce");
        trainToTheEnd(first);
        Experiment rerun = onFx(() -> first.captureExperiment(Section.AUTOENCODER.id()));
        assertThat((Object) JSON.valueToTree(rerun.curves())).isEqualTo(JSON.valueToTree(run.curves()));

        // The learner leaves the denoising tab on salt-and-pepper noise at 45 %, then saves.
        fx(() -> {
            first.testNoiseProperty().set(ImageNoise.Type.SALT_AND_PEPPER);
            first.testNoiseLevelProperty().set(0.45);
            first.clustersProperty().set(6);
        });
        Experiment saved = onFx(() -> first.captureExperiment(Section.AUTOENCODER.id()));
        Path file = dir.resolve("masked-ae.lexp");
        fx(() -> experiments(first, new SimpleObjectProperty<>(Section.AUTOENCODER)).save(file));
        waitUntil(60, () -> Files.exists(file) && !first.busyProperty().get());
        assertThat(onFx(() -> first.messageProperty().get())).contains(file.toString());

        // A fresh window, in another section, opens it: the autoencoder section shows the saved run.
        second = opened();
        ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.VAE);
        ExperimentsViewModel opener = experiments(second, section);
        fx(() -> opener.open(file));
        waitUntil(60, () -> second.messageProperty().get().startsWith("Opened") && !second.busyProperty().get()
                && !opener.busyProperty().get());
        assertThat(section.get()).isEqualTo(Section.AUTOENCODER);
        Experiment restored = onFx(() -> second.captureExperiment(Section.AUTOENCODER.id()));
        assertThat(content(restored)).isEqualTo(content(saved));
        assertThat(onFx(() -> second.testNoiseLevelProperty().get())).isEqualTo(0.45);
        assertThat(onFx(() -> second.latest("train", "recon_bce_noisy").get()))
                .isEqualTo(run.curves().get("train:recon_bce_noisy").get(run.curves().get("train:recon_bce_noisy").size() - 1)[1]);

        // Saved again, it holds the same model, parameter for parameter.
        Path again = dir.resolve("again.lexp");
        fx(() -> second.saveExperiment(again, Section.AUTOENCODER.id()));
        waitUntil(60, () -> Files.exists(again) && !second.busyProperty().get());
        ExperimentFile.Loaded a = ExperimentFile.load(file);
        ExperimentFile.Loaded b = ExperimentFile.load(again);
        assertThat(content(b.experiment())).isEqualTo(content(a.experiment()));
        assertThat(b.model().model().parameters()).isEqualTo(a.model().model().parameters());
        assertThat(b.model().manifest().steps()).isEqualTo(a.model().manifest().steps()).isPositive();

        // A damaged file is one clear message, and the open run stays as it was.
        Path damaged = dir.resolve("damaged.lexp");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        fx(() -> section.set(Section.VAE));
        fx(() -> opener.open(damaged));
        waitUntil(60, () -> !opener.errorProperty().get().isEmpty() && !opener.busyProperty().get());
        assertThat(opener.errorProperty().get()).contains("damaged.lexp").contains("corrupt");
        assertThat(section.get()).isEqualTo(Section.VAE);
        assertThat(content(onFx(() -> second.captureExperiment(Section.AUTOENCODER.id())))).isEqualTo(content(saved));
    }

    @Test
    void valuesAFileShouldNotHoldAreReadAsTheNearestTheViewOffers(@TempDir Path dir) throws Exception {
        first = opened();
        Path file = dir.resolve("pretrained.lexp");
        ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.AUTOENCODER);
        ExperimentsViewModel experiments = experiments(first, section);
        fx(() -> experiments.save(file));
        waitUntil(60, () -> Files.exists(file) && !first.busyProperty().get());

        // Edited by hand: an unknown noise, a k far beyond the spinner, a scribble of the wrong size.
        Path edited = dir.resolve("edited.lexp");
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        ObjectNode json = (ObjectNode) JSON.readTree(entries.get("experiment.json"));
        ObjectNode view = (ObjectNode) json.get("view");
        view.put("test_noise", "NOPE");
        view.put("clusters", 1_000_000);
        view.putArray("scribble").add(1).add(2);
        ((ObjectNode) json.get("model_settings")).put("input_noise", "nonsense");
        entries.put("experiment.json", JSON.writeValueAsBytes(json));
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(edited))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        fx(() -> experiments.open(edited));
        waitUntil(60, () -> first.messageProperty().get().startsWith("Opened") && !first.busyProperty().get());
        assertThat(onFx(() -> first.clustersProperty().get())).isEqualTo(30);
        assertThat(onFx(() -> first.testNoiseProperty().get())).isEqualTo(ImageNoise.Type.MASKING);
        assertThat(onFx(() -> first.trainingNoiseProperty().get())).isEqualTo(AutoencoderViewModel.TrainingNoise.NONE);
        assertThat(onFx(() -> first.scribbleProperty().get())).hasSize(28 * 28);
        assertThat(onFx(() -> first.messageIsErrorProperty().get())).isFalse();
    }

    @Test
    void aLabRunOpensWhereItStoodWithItsCurvesSettingsAndPoints(@TempDir Path dir) throws Exception {
        GanLabViewModel labA = new GanLabViewModel(i18n, FxTestSupport.worker());
        GanLabViewModel labB = new GanLabViewModel(i18n, FxTestSupport.worker());
        try {
            ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.GAN_PROBLEMS);
            ExperimentsViewModel a = new ExperimentsViewModel(i18n, FxTestSupport.worker(), section, Map.of(), labA);
            fx(() -> {
                labA.distributionProperty().set(org.latentexplorer.data.Distribution2D.Kind.GRID);
                labA.unrolledProperty().set(true);
                labA.unrollStepsProperty().set(3);
                labA.showArrowsProperty().set(true);
            });
            for (int i = 0; i < 40; i++) {
                fx(labA::step);
            }
            waitUntil(60, () -> labA.stepProperty().get() == 40 && !labA.curve(GanLabViewModel.G_LOSS).isEmpty());
            Path file = dir.resolve("grid-unrolled.lexp");
            fx(() -> a.save(file));
            waitUntil(60, () -> Files.exists(file) && labA.messageProperty().get().contains("Saved"));

            int gLossPoints = onFx(() -> labA.curve(GanLabViewModel.G_LOSS).size());
            ObjectProperty<Section> elsewhere = new SimpleObjectProperty<>(Section.VAE);
            ExperimentsViewModel b = new ExperimentsViewModel(i18n, FxTestSupport.worker(), elsewhere, Map.of(), labB);
            fx(() -> b.open(file));
            waitUntil(60, () -> labB.stepProperty().get() == 40
                    && labB.curve(GanLabViewModel.G_LOSS).size() == gLossPoints);
            assertThat(elsewhere.get()).isEqualTo(Section.GAN_PROBLEMS);
            assertThat(onFx(() -> labB.distributionProperty().get())).isEqualTo(org.latentexplorer.data.Distribution2D.Kind.GRID);
            assertThat(onFx(() -> labB.unrollStepsProperty().get())).isEqualTo(3);
            assertThat(onFx(() -> labB.showArrowsProperty().get())).isTrue();
            // The same Generator: the plane shows the same generated points.
            waitUntil(30, () -> labB.snapshotProperty().get() != null && labB.snapshotProperty().get().step() == 40);
            assertThat(onFx(() -> labB.snapshotProperty().get().generated()))
                    .containsExactly(onFx(() -> labA.snapshotProperty().get().generated()));

            // Saved again, it is the same experiment: settings, networks, optimiser state, curves and view.
            Path again = dir.resolve("again.lexp");
            fx(() -> b.save(again));
            waitUntil(60, () -> Files.exists(again) && labB.messageProperty().get().contains("Saved"));
            assertThat(content(ExperimentFile.load(again).experiment()))
                    .isEqualTo(content(ExperimentFile.load(file).experiment()));
        } finally {
            labA.shutdown();
            labB.shutdown();
        }
    }

    @Test
    void aGanRunOpensWithItsTimelineOfSamples(@TempDir Path dir) throws Exception {
        GanViewModel ganA = new GanViewModel(i18n, FxTestSupport.worker());
        GanViewModel ganB = new GanViewModel(i18n, FxTestSupport.worker());
        try {
            for (GanViewModel g : new GanViewModel[] {ganA, ganB}) {
                g.initialize();
                waitUntil(60, () -> g.modelOpenProperty().get() && !g.busyProperty().get());
            }
            fx(() -> {
                ganA.epochsProperty().set(1);
                ganA.latentSizeProperty().set(16);
                ganA.threadsProperty().set(1);
            });
            trainToTheEnd(ganA);
            waitUntil(30, () -> ganA.timeline().size() > 3);
            fx(() -> ganA.timelineIndexProperty().set(2));
            List<GanViewModel.Snapshot> timeline = onFx(() -> List.copyOf(ganA.timeline()));
            Path file = dir.resolve("gan.lexp");
            ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.GAN);
            fx(() -> new ExperimentsViewModel(i18n, FxTestSupport.worker(), section, Map.of(Section.GAN, ganA), null).save(file));
            waitUntil(60, () -> Files.exists(file) && !ganA.busyProperty().get());

            fx(() -> new ExperimentsViewModel(i18n, FxTestSupport.worker(), section, Map.of(Section.GAN, ganB), null).open(file));
            waitUntil(60, () -> ganB.messageProperty().get().startsWith("Opened") && !ganB.busyProperty().get()
                    && ganB.timeline().size() == timeline.size());
            List<GanViewModel.Snapshot> back = onFx(() -> List.copyOf(ganB.timeline()));
            for (int i = 0; i < timeline.size(); i++) {
                assertThat(back.get(i).step()).isEqualTo(timeline.get(i).step());
                float[] before = timeline.get(i).samples().images().get(5);
                float[] after = back.get(i).samples().images().get(5);
                for (int p = 0; p < before.length; p++) {
                    // One byte a pixel: what a screen shows of the samples.
                    assertThat(after[p]).isCloseTo(before[p], org.assertj.core.data.Offset.offset(0.5f / 255 + 1e-6f));
                }
            }
            assertThat(onFx(() -> ganB.timelineIndexProperty().get())).isEqualTo(2);
            assertThat(onFx(() -> ganB.latentSizeProperty().get())).isEqualTo(16);
        } finally {
            ganA.shutdown();
            ganB.shutdown();
        }
    }
}
