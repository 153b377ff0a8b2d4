package org.latentexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentexplorer.ui.training.FxTestSupport.fx;
import static org.latentexplorer.ui.training.FxTestSupport.onFx;
import static org.latentexplorer.ui.training.FxTestSupport.waitUntil;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.engine.core.AppInfo;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.ganlab.GanLabViewModel;
import org.latentexplorer.ui.intro.SkewedDieViewModel;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.vae.VaeViewModel;
import org.testfx.api.FxToolkit;

/** The window's view model without a window: settings restored at start, shortcuts acting on the section in view. */
class MainViewModelTest {
    @TempDir
    Path folder;
    private MainViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (vm != null) {
            fx(vm::shutdown);
        }
    }

    private MainViewModel open(Locale locale) throws Exception {
        vm = onFx(() -> new MainViewModel(new I18n(locale), Platform::runLater));
        return vm;
    }

    @Test
    void aStoredSettingsFileSetsLanguageThreadsDataSetsSectionAndThemeAtStart() throws Exception {
        // A data set the learner opened from files, still there.
        Path images = folder.resolve("mine-images-idx3-ubyte.gz");
        Path labels = folder.resolve("mine-labels-idx1-ubyte.gz");
        Path assets = Path.of("assets", "data");
        java.nio.file.Files.copy(assets.resolve("fashion10k-images-idx3-ubyte.gz"), images);
        java.nio.file.Files.copy(assets.resolve("fashion10k-labels-idx1-ubyte.gz"), labels);
        Settings stored = new Settings("ja", 1, Section.VAE, true,
                Map.of("ae", new Settings.Data("fashion", null),
                        "gan", new Settings.Data(folder.resolve("gone-images-idx3-ubyte").toString(), null),
                        "vqvae", new Settings.Data(images.toString(), labels.toString()),
                        MainViewModel.COMPARE_DATASET, new Settings.Data("fashion", null)),
                null, new Settings.Classroom(true, 1.25, EnumSet.of(ClassroomPart.INSPECTOR)));
        new SettingsStore(folder).save(stored);

        open(Locale.ENGLISH);
        fx(() -> {
            vm.restore(new SettingsStore(folder).load());
            vm.initialize();
        });
        assertThat(onFx(() -> vm.i18n().getLocale())).isEqualTo(Locale.JAPANESE);
        assertThat(onFx(() -> vm.sectionProperty().get())).isEqualTo(Section.VAE);
        assertThat(onFx(() -> vm.darkThemeProperty().get())).isTrue();
        assertThat(onFx(() -> vm.classroom().onProperty().get())).isTrue();
        assertThat(onFx(() -> vm.classroom().presentationScale().get())).isEqualTo(1.25);
        assertThat(onFx(() -> vm.classroom().hides(ClassroomPart.INSPECTOR))).isTrue();
        assertThat(onFx(() -> vm.classroom().hides(ClassroomPart.NAVIGATION))).isFalse();
        for (TrainingViewModel t : java.util.List.of(vm.autoencoder(), vm.vae(), vm.vqvae(), vm.gan())) {
            assertThat(onFx(() -> t.threadsProperty().get())).as(t.kind().id()).isEqualTo(1);
        }
        // The autoencoder opens Fashion-MNIST with its shipped model; the others keep MNIST, the GAN too, as its
        // remembered file is gone.
        waitUntil(120, () -> vm.autoencoder().modelOpenProperty().get() && !vm.autoencoder().busyProperty().get()
                && vm.gan().modelOpenProperty().get() && !vm.gan().busyProperty().get());
        assertThat(onFx(() -> vm.autoencoder().datasetProperty().get().spec())).isEqualTo("fashion");
        assertThat(onFx(() -> vm.autoencoder().modelDescriptionProperty().get())).contains("ae-fashion");
        assertThat(onFx(() -> vm.vae().datasetProperty().get().spec())).isEqualTo("mnist");
        assertThat(onFx(() -> vm.gan().datasetProperty().get().spec())).isEqualTo("mnist");
        assertThat(onFx(() -> vm.gan().messageProperty().get())).isEmpty();
        assertThat(onFx(() -> vm.compare().datasetProperty().get().id())).isEqualTo("fashion");
        waitUntil(120, () -> vm.vqvae().datasetProperty().get().spec().equals(images.toString())
                && !vm.vqvae().busyProperty().get());
        assertThat(onFx(() -> vm.vqvae().datasetProperty().get().labelsPath())).isEqualTo(labels.toString());

        Settings now = onFx(vm::settings);
        assertThat(now.language()).isEqualTo("ja");
        assertThat(now.threads()).isEqualTo(1);
        assertThat(now.section()).isEqualTo(Section.VAE);
        assertThat(now.classroom()).isEqualTo(stored.classroom());
        assertThat(now.datasets().get("ae")).isEqualTo(new Settings.Data("fashion", null));
        assertThat(now.datasets().get("gan")).isEqualTo(new Settings.Data("mnist", null));
        assertThat(now.datasets().get("vqvae")).isEqualTo(new Settings.Data(images.toString(), labels.toString()));
    }

    @Test
    void theThreadCountIsOneForTheWholeAppAndAChangeIsReportedForSaving() throws Exception {
        open(Locale.ENGLISH);
        int[] changes = new int[1];
        int other = onFx(() -> vm.threadsProperty().get()) == 1 ? 2 : 1;
        fx(() -> {
            vm.onSettingsChanged(() -> changes[0]++);
            vm.vae().threadsProperty().set(other);
        });
        assertThat(onFx(() -> vm.gan().threadsProperty().get())).isEqualTo(other);
        assertThat(onFx(() -> vm.threadsProperty().get())).isEqualTo(other);
        assertThat(changes[0]).isEqualTo(1);
        fx(() -> {
            vm.classroom().hidden().add(ClassroomPart.FORMULAS);
            vm.setLanguage(Locale.JAPANESE);
            vm.sectionProperty().set(Section.GAN);
        });
        assertThat(changes[0]).isEqualTo(4);
        // The window's bounds change with every drag: they are saved with the rest, not on their own.
        fx(() -> vm.windowProperty().set(new Settings.Window(0, 0, 1280, 720, false)));
        assertThat(changes[0]).isEqualTo(4);
    }

    @Test
    void playPauseAndStepActOnTheGanLabWhenItIsInView() throws Exception {
        open(Locale.ENGLISH);
        GanLabViewModel lab = vm.lab();
        waitUntil(30, () -> lab.snapshotProperty().get() != null);
        fx(() -> {
            vm.sectionProperty().set(Section.GAN_PROBLEMS);
            vm.step();
        });
        waitUntil(30, () -> lab.stepProperty().get() == 1);
        assertThat(onFx(() -> lab.playingProperty().get())).isFalse();

        fx(vm::playPause);
        assertThat(onFx(() -> lab.playingProperty().get())).isTrue();
        waitUntil(30, () -> lab.stepProperty().get() > 1);
        fx(vm::playPause);
        assertThat(onFx(() -> lab.playingProperty().get())).isFalse();
        fx(() -> {
            vm.playPause();
            vm.stop();
        });
        assertThat(onFx(() -> lab.playingProperty().get())).isFalse();
        // Nothing else ran.
        assertThat(onFx(() -> vm.vae().stateProperty().get())).isEqualTo(Trainer.State.IDLE);
        assertThat(onFx(() -> vm.generative().animatingProperty().get())).isFalse();
    }

    @Test
    void playPauseStartsPausesAndResumesTheVaeWhenItIsInViewAndStopStopsIt() throws Exception {
        open(Locale.ENGLISH);
        VaeViewModel vae = vm.vae();
        fx(() -> {
            vm.sectionProperty().set(Section.VAE);
            vae.initialize();
        });
        waitUntil(60, () -> vae.canStart().get());
        fx(vm::playPause);
        assertThat(onFx(() -> vae.stateProperty().get())).isEqualTo(Trainer.State.RUNNING);
        waitUntil(60, () -> vae.stepProperty().get() > 0);
        fx(vm::playPause);
        waitUntil(30, () -> vae.stateProperty().get() == Trainer.State.PAUSED);
        assertThat(onFx(() -> vm.lab().playingProperty().get())).isFalse();
        long at = onFx(() -> vae.stepProperty().get());
        fx(vm::step);
        waitUntil(30, () -> vae.stepProperty().get() == at + 1);
        fx(vm::playPause);
        waitUntil(30, () -> vae.stateProperty().get() == Trainer.State.RUNNING);
        fx(vm::stop);
        waitUntil(30, () -> vae.stateProperty().get() == Trainer.State.STOPPED);
        assertThat(onFx(() -> vm.autoencoder().stateProperty().get())).isEqualTo(Trainer.State.IDLE);
    }

    @Test
    void playPauseRollsTheDieInTheFirstSection() throws Exception {
        open(Locale.ENGLISH);
        fx(() -> {
            vm.sectionProperty().set(Section.GENERATIVE);
            vm.generative().rollsProperty().set(SkewedDieViewModel.MAX_ROLLS);
            vm.playPause();
        });
        assertThat(onFx(() -> vm.generative().animatingProperty().get())).isTrue();
        fx(vm::stop);
        assertThat(onFx(() -> vm.generative().animatingProperty().get())).isFalse();
    }

    @Test
    void nextAndPreviousSectionStopAtTheChaptersEnds() throws Exception {
        open(Locale.ENGLISH);
        fx(() -> vm.sectionProperty().set(Section.GENERATIVE));
        fx(vm::previousSection);
        assertThat(onFx(() -> vm.sectionProperty().get())).isEqualTo(Section.GENERATIVE);
        fx(vm::nextSection);
        assertThat(onFx(() -> vm.sectionProperty().get())).isEqualTo(Section.LATENT);
        fx(() -> vm.sectionProperty().set(Section.GAN_PROBLEMS));
        fx(vm::nextSection);
        assertThat(onFx(() -> vm.sectionProperty().get())).isEqualTo(Section.GAN_PROBLEMS);
    }

    @Test
    void theAboutTextGivesTheVersionsAndTheDataLicencesInBothLanguages() throws Exception {
        open(Locale.ENGLISH);
        String english = onFx(vm::aboutText);
        assertThat(english).contains("Latent Explorer " + AppInfo.version(), System.getProperty("java.version"),
                "JavaFX 21", "Deeplearning4j / ND4J 1.0.0-M2.1", "CC BY-SA 3.0", "Zalando Research, MIT",
                "Japan Meteorological Agency", "IPA Font License", "GPL v2 with the Classpath Exception", "Debian's");
        fx(() -> vm.setLanguage(Locale.JAPANESE));
        String japanese = onFx(vm::aboutText);
        assertThat(japanese).contains("1.0.0-M2.1", "CC BY-SA 3.0", "気象庁", "IPAフォントライセンス")
                .isNotEqualTo(english);
    }
}
