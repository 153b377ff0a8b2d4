package org.latentexplorer.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.SetChangeListener;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.engine.core.AppInfo;
import org.latentexplorer.engine.core.DataSource;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.ui.ae.AutoencoderViewModel;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.DataChoice;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.gan.GanViewModel;
import org.latentexplorer.ui.ganlab.GanLabViewModel;
import org.latentexplorer.ui.ganlab.JsdEmdViewModel;
import org.latentexplorer.ui.intro.SeasonViewModel;
import org.latentexplorer.ui.intro.SkewedDieViewModel;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.latentexplorer.ui.vae.CompareViewModel;
import org.latentexplorer.ui.vae.VaeViewModel;
import org.latentexplorer.ui.vqvae.VqVaeViewModel;

/**
 * The window's state: the section in view, the language, the theme, classroom mode and full screen, what runs in the
 * background, and what the keyboard shortcuts do in the section in view. It can be saved as {@link Settings} and
 * restored from them.
 */
public final class MainViewModel {
    /** The comparison's data set in {@link Settings#datasets()}, beside the model kinds' ids. */
    static final String COMPARE_DATASET = "compare";
    private final I18n i18n;
    /** The window's own background work: hearing when the engine is ready. */
    private final Background background;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.AUTOENCODER);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final BooleanProperty engineReady = new SimpleBooleanProperty(this, "engineReady", false);
    /** One thread count for the app: every model section's Threads setting shows and changes it. */
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads", Nd4jRuntime.defaultThreads());
    private final ClassroomMode classroom = new ClassroomMode();
    private final BooleanProperty fullScreen = new SimpleBooleanProperty(this, "fullScreen");
    /** The window's bounds as the app last saw them; null until a window reports them. */
    private final ObjectProperty<Settings.Window> window = new SimpleObjectProperty<>(this, "window");
    /** Data sets remembered from the last run, opened by {@link #initialize()}. */
    private Map<String, Settings.Data> rememberedData = Map.of();
    private final AutoencoderViewModel autoencoder;
    private final VaeViewModel vae;
    private final CompareViewModel compare;
    private final GanViewModel gan;
    private final VqVaeViewModel vqvae;
    private final GanLabViewModel lab;
    private final SkewedDieViewModel generative;
    private final SeasonViewModel latent;
    private final JsdEmdViewModel divergences = new JsdEmdViewModel();
    private final ExperimentsViewModel experiments;
    /** The sections that train a model, in the chapter's order, each with its view model. */
    private final Map<Section, TrainingViewModel> modelSections = new java.util.EnumMap<>(Section.class);

    public MainViewModel(I18n i18n, Consumer<Runnable> uiExecutor) {
        this.i18n = i18n;
        this.background = Background.thread("window", uiExecutor);
        // Each section works on a thread of its own, so a long job in one never holds up another.
        this.autoencoder = new AutoencoderViewModel(i18n, Background.thread("autoencoder-worker", uiExecutor));
        this.vae = new VaeViewModel(i18n, Background.thread("vae-worker", uiExecutor));
        this.compare = new CompareViewModel(i18n, Background.thread("compare-worker", uiExecutor));
        this.gan = new GanViewModel(i18n, Background.thread("gan-worker", uiExecutor));
        this.vqvae = new VqVaeViewModel(i18n, Background.thread("vqvae-worker", uiExecutor));
        this.lab = new GanLabViewModel(i18n, Background.thread("gan-lab", uiExecutor));
        this.generative = new SkewedDieViewModel(i18n, Background.thread("skewed-die", uiExecutor),
                Background.thread("generative-classifier", uiExecutor));
        this.latent = new SeasonViewModel(i18n, Background.thread("season-autoencoder", uiExecutor));
        modelSections.putAll(Map.of(Section.AUTOENCODER, autoencoder, Section.VAE, vae, Section.VQVAE, vqvae,
                Section.GAN, gan));
        this.experiments = new ExperimentsViewModel(i18n, Background.thread("experiment-reader", uiExecutor), section,
                modelSections, lab);
        for (TrainingViewModel t : trainers()) {
            t.threadsProperty().bindBidirectional(threads);
        }
        // A lab left playing would take the CPU from the section in view.
        section.addListener((o, a, b) -> {
            if (a == Section.GAN_PROBLEMS) {
                lab.pause();
            } else if (a == Section.GENERATIVE) {
                generative.stop();
            }
        });
    }

    /** Warms ND4J up in the background while the window opens, then loads the data sets and pre-trained models. */
    public void initialize() {
        Nd4jRuntime.warmUpAsync(threads.get())
                .whenComplete((ok, error) -> background.ui(() -> engineReady.set(error == null)));
        for (TrainingViewModel t : trainers()) {
            openRememberedData(t);
        }
        BundledDataset remembered = bundled(rememberedData.get(COMPARE_DATASET));
        if (remembered != null && remembered != compare.datasetProperty().get()) {
            compare.datasetProperty().set(remembered); // loads it
        } else {
            compare.load();
        }
        generative.initialize();
    }

    /** The name a section's data set is remembered under: its kind, and "gan" whichever GAN architecture is chosen. */
    private String dataKey(TrainingViewModel t) {
        return t == gan ? org.latentexplorer.engine.core.ModelKind.GAN.id() : t.kind().id();
    }

    /** Loads the data set a section had last time, or its first one; each is loaded once. */
    private void openRememberedData(TrainingViewModel t) {
        Settings.Data d = rememberedData.get(dataKey(t));
        DataChoice bundled = d == null ? null
                : t.datasets().stream().filter(c -> c.spec().equals(d.spec())).findFirst().orElse(null);
        if (bundled != null && !bundled.equals(t.datasetProperty().get())) {
            t.datasetProperty().set(bundled); // loads it
            return;
        }
        t.initialize();
        if (d != null && bundled == null && DataSource.isFolder(d.spec())) {
            // A folder of pictures opened last time, if it is still there; read again from the cache.
            t.data().reopen(d.spec());
            return;
        }
        // A file opened last time, if it is still there; it is read again and any error shows as usual.
        Path images = d == null || bundled != null ? null : existingFile(d.spec());
        if (images != null) {
            t.openDataset(images, d.labels() == null ? null : existingFile(d.labels()));
        }
    }

    private static Path existingFile(String path) {
        try {
            Path p = Path.of(path);
            return Files.isRegularFile(p) ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null; // written on another system
        }
    }

    private static BundledDataset bundled(Settings.Data d) {
        if (d != null) {
            for (BundledDataset b : BundledDataset.values()) {
                if (b.id().equals(d.spec())) {
                    return b;
                }
            }
        }
        return null;
    }

    public void shutdown() {
        background.close();
        autoencoder.shutdown();
        vae.shutdown();
        compare.shutdown();
        gan.shutdown();
        vqvae.shutdown();
        lab.shutdown();
        generative.shutdown();
        latent.shutdown();
        experiments.shutdown();
    }

    private List<TrainingViewModel> trainers() {
        return List.copyOf(modelSections.values());
    }

    public I18n i18n() { return i18n; }
    public AutoencoderViewModel autoencoder() { return autoencoder; }
    public VaeViewModel vae() { return vae; }
    public CompareViewModel compare() { return compare; }
    public GanViewModel gan() { return gan; }
    public VqVaeViewModel vqvae() { return vqvae; }
    public GanLabViewModel lab() { return lab; }
    public SkewedDieViewModel generative() { return generative; }
    public SeasonViewModel latent() { return latent; }
    public JsdEmdViewModel divergences() { return divergences; }
    public ExperimentsViewModel experiments() { return experiments; }
    public ObjectProperty<Section> sectionProperty() { return section; }
    public BooleanProperty darkThemeProperty() { return darkTheme; }
    public BooleanProperty engineReadyProperty() { return engineReady; }
    public IntegerProperty threadsProperty() { return threads; }
    public ClassroomMode classroom() { return classroom; }
    /** Whether the window fills the screen; the window follows it and reports back (Esc leaves full screen). */
    public BooleanProperty fullScreenProperty() { return fullScreen; }
    public ObjectProperty<Settings.Window> windowProperty() { return window; }

    public void setLanguage(Locale locale) {
        i18n.setLocale(locale);
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    /** Takes over what the last run remembered; call before {@link #initialize()}, which opens the data sets. */
    public void restore(Settings s) {
        if (s.language() != null) {
            i18n.setLocale(Locale.forLanguageTag(s.language()));
        }
        if (s.threads() != null) {
            // Another machine's count may not fit this one.
            threads.set(Math.min(s.threads(), Math.max(Runtime.getRuntime().availableProcessors(),
                    Nd4jRuntime.defaultThreads())));
        }
        if (s.section() != null) {
            section.set(s.section());
        }
        if (s.darkTheme() != null) {
            darkTheme.set(s.darkTheme());
        }
        if (s.classroom() != null) {
            classroom.restore(s.classroom());
        }
        window.set(s.window());
        rememberedData = s.datasets();
    }

    /** What to remember of this run, now. */
    public Settings settings() {
        Map<String, Settings.Data> data = new LinkedHashMap<>();
        for (TrainingViewModel t : trainers()) {
            DataChoice d = t.datasetProperty().get();
            if (d != null) {
                data.put(dataKey(t), new Settings.Data(d.spec(), d.labelsPath()));
            }
        }
        data.put(COMPARE_DATASET, new Settings.Data(compare.datasetProperty().get().id(), null));
        return new Settings(i18n.getLocale().getLanguage(), threads.get(), section.get(), darkTheme.get(), data,
                window.get(), classroom.settings());
    }

    /** Runs {@code onChange} (UI thread) whenever a remembered setting changes, except the window's bounds. */
    public void onSettingsChanged(Runnable onChange) {
        List<ObservableValue<?>> remembered = new java.util.ArrayList<>(List.of(i18n.localeProperty(), threads,
                section, darkTheme, compare.datasetProperty(), classroom.onProperty(), classroom.scaleProperty()));
        trainers().forEach(t -> remembered.add(t.datasetProperty()));
        // Change listeners, not invalidation ones: they hear every change, read or not.
        remembered.forEach(o -> o.addListener((v, a, b) -> onChange.run()));
        classroom.hidden().addListener((SetChangeListener<ClassroomPart>) c -> onChange.run());
    }

    // ---- keyboard shortcuts: they act on the section in view ----------------------------------------------------

    /**
     * Plays or pauses what the section in view runs: a model's training (starting it when idle), the GAN lab, the
     * die's rolls; in the latent-variable section it trains the season's autoencoder again.
     */
    public void playPause() {
        TrainingViewModel t = current();
        if (t != null) {
            if (t.running().get()) {
                t.pause();
            } else if (t.paused().get()) {
                t.resume();
            } else if (t.canStart().get()) {
                t.start();
            }
            return;
        }
        switch (section.get()) {
            case GAN_PROBLEMS -> {
                if (lab.playingProperty().get()) {
                    lab.pause();
                } else {
                    lab.play();
                }
            }
            case GENERATIVE -> {
                if (generative.animatingProperty().get()) {
                    generative.stop();
                } else {
                    generative.animate();
                }
            }
            case LATENT -> {
                if (!latent.trainingProperty().get()) {
                    latent.retrain();
                }
            }
            default -> { }
        }
    }

    /** One step: a model's mini-batch (from idle, a paused run's first), the GAN lab's k D steps and one G step. */
    public void step() {
        TrainingViewModel t = current();
        if (t != null) {
            if (t.paused().get() || t.canStart().get()) {
                t.step();
            }
        } else if (section.get() == Section.GAN_PROBLEMS) {
            lab.step();
        }
    }

    /** Stops a model's training, pauses the GAN lab, stops the die's rolls. */
    public void stop() {
        TrainingViewModel t = current();
        if (t != null) {
            t.stop();
        } else if (section.get() == Section.GAN_PROBLEMS) {
            lab.pause();
        } else if (section.get() == Section.GENERATIVE) {
            generative.stop();
        }
    }

    /** The chapter's next section; the last one stays. */
    public void nextSection() {
        Section[] all = Section.values();
        section.set(all[Math.min(all.length - 1, section.get().ordinal() + 1)]);
    }

    /** The chapter's previous section; the first one stays. */
    public void previousSection() {
        section.set(Section.values()[Math.max(0, section.get().ordinal() - 1)]);
    }

    public void toggleFullScreen() {
        fullScreen.set(!fullScreen.get());
    }

    // ---- About ------------------------------------------------------------------------------------------------

    /** The About box's text: versions, this machine, and the licences of the data, fonts and libraries shipped. */
    public String aboutText() {
        Runtime rt = Runtime.getRuntime();
        return i18n.get("about.versions", AppInfo.version(), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("javafx.runtime.version",
                        System.getProperty("javafx.version", "?")), AppInfo.dl4jVersion(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                threads.get(), rt.availableProcessors(), rt.maxMemory() / (1024 * 1024))
                + "\n\n" + i18n.get("about.licences");
    }

    /** The section view model whose model the File menu opens and saves, or null for sections without one. */
    public TrainingViewModel current() {
        return modelSections.get(section.get());
    }

    private Observable[] dependencies() {
        List<Observable> deps = new java.util.ArrayList<>(List.of(i18n.localeProperty(), engineReady,
                experiments.busyProperty()));
        for (TrainingViewModel t : trainers()) {
            deps.addAll(List.of(t.stateProperty(), t.epochProperty(), t.stepProperty(), t.samplesPerSecondProperty(),
                    t.busyProperty(), t.datasetProperty(), t.progressProperty()));
        }
        return deps.toArray(Observable[]::new);
    }

    private TrainingViewModel training() {
        return trainers().stream().filter(t -> t.active().get()).findFirst().orElse(null);
    }

    /** The status bar's text: what trains and how far, or what loads, or ready. */
    public StringBinding statusText() {
        return Bindings.createStringBinding(() -> {
            TrainingViewModel t = training();
            if (t != null) {
                boolean running = t.stateProperty().get() == Trainer.State.RUNNING;
                return i18n.get(running ? "status.training" : "status.paused", t.datasetProperty().get(),
                        t.epochProperty().get(), t.epochsProperty().get(), t.stepProperty().get(),
                        t.totalStepsProperty().get(), zeroIfNaN(t.samplesPerSecondProperty().get()),
                        i18n.get("kind." + t.kind().id()));
            }
            if (!engineReady.get()) {
                return i18n.get("status.engineStarting");
            }
            if (experiments.busyProperty().get() || trainers().stream().anyMatch(v -> v.busyProperty().get())) {
                return i18n.get("status.loading");
            }
            return i18n.get("status.ready");
        }, dependencies());
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Training progress, or indeterminate (-1) while something loads, or 0 when idle. */
    public DoubleBinding statusProgress() {
        return Bindings.createDoubleBinding(() -> {
            TrainingViewModel t = training();
            if (t != null) {
                return t.progressProperty().get();
            }
            boolean busy = experiments.busyProperty().get() || trainers().stream().anyMatch(v -> v.busyProperty().get());
            return busy || !engineReady.get() ? -1.0 : 0.0;
        }, dependencies());
    }
}
