package org.latentexplorer.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentexplorer.engine.Nd4jRuntime;
import org.latentexplorer.engine.Trainer;

/** The window's state: the section in view, the language, the theme, and what runs in the background. */
public final class MainViewModel {
    private final I18n i18n;
    private final Consumer<Runnable> ui;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.AUTOENCODER);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final BooleanProperty engineReady = new SimpleBooleanProperty(this, "engineReady", false);
    private final AutoencoderViewModel autoencoder;
    private final VaeViewModel vae;
    private final CompareViewModel compare;
    private final GanViewModel gan;
    private final VqVaeViewModel vqvae;
    private final GanLabViewModel lab;
    private final GenerativeViewModel generative;
    private final LatentViewModel latent;
    private final JsdEmdViewModel divergences = new JsdEmdViewModel();
    private final ExperimentsViewModel experiments;

    public MainViewModel(I18n i18n, Consumer<Runnable> uiExecutor) {
        this.i18n = i18n;
        this.ui = uiExecutor;
        this.autoencoder = new AutoencoderViewModel(i18n, uiExecutor);
        this.vae = new VaeViewModel(i18n, uiExecutor);
        this.compare = new CompareViewModel(i18n, uiExecutor);
        this.gan = new GanViewModel(i18n, uiExecutor);
        this.vqvae = new VqVaeViewModel(i18n, uiExecutor);
        this.lab = new GanLabViewModel(i18n, uiExecutor);
        this.generative = new GenerativeViewModel(i18n, uiExecutor);
        this.latent = new LatentViewModel(i18n, uiExecutor);
        this.experiments = new ExperimentsViewModel(i18n, uiExecutor, section, java.util.Map.of(Section.AUTOENCODER,
                autoencoder, Section.VAE, vae, Section.VQVAE, vqvae, Section.GAN, gan), lab);
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
        Nd4jRuntime.warmUpAsync(autoencoder.threadsProperty().get())
                .whenComplete((ok, error) -> ui.accept(() -> engineReady.set(error == null)));
        autoencoder.initialize();
        vae.initialize();
        compare.load();
        gan.initialize();
        vqvae.initialize();
        generative.initialize();
    }

    public void shutdown() {
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
        return List.of(autoencoder, vae, vqvae, gan);
    }

    public I18n i18n() { return i18n; }
    public AutoencoderViewModel autoencoder() { return autoencoder; }
    public VaeViewModel vae() { return vae; }
    public CompareViewModel compare() { return compare; }
    public GanViewModel gan() { return gan; }
    public VqVaeViewModel vqvae() { return vqvae; }
    public GanLabViewModel lab() { return lab; }
    public GenerativeViewModel generative() { return generative; }
    public LatentViewModel latent() { return latent; }
    public JsdEmdViewModel divergences() { return divergences; }
    public ExperimentsViewModel experiments() { return experiments; }
    public ObjectProperty<Section> sectionProperty() { return section; }
    public BooleanProperty darkThemeProperty() { return darkTheme; }
    public BooleanProperty engineReadyProperty() { return engineReady; }

    public void setLanguage(Locale locale) {
        i18n.setLocale(locale);
    }

    /** The section view model whose model the File menu opens and saves, or null for sections without one. */
    public TrainingViewModel current() {
        return switch (section.get()) {
            case AUTOENCODER -> autoencoder;
            case VAE -> vae;
            case GAN -> gan;
            case VQVAE -> vqvae;
            default -> null;
        };
    }

    private Observable[] dependencies() {
        List<Observable> deps = new java.util.ArrayList<>(List.of(i18n.localeProperty(), engineReady));
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
            if (trainers().stream().anyMatch(v -> v.busyProperty().get())) {
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
            boolean busy = trainers().stream().anyMatch(v -> v.busyProperty().get());
            return busy || !engineReady.get() ? -1.0 : 0.0;
        }, dependencies());
    }
}
