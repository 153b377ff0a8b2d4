package org.latentexplorer.ui;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.DoubleBinding;
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

    public MainViewModel(I18n i18n, Consumer<Runnable> uiExecutor) {
        this.i18n = i18n;
        this.ui = uiExecutor;
        this.autoencoder = new AutoencoderViewModel(i18n, uiExecutor);
    }

    /** Warms ND4J up in the background while the window opens, then loads the first data set and model. */
    public void initialize() {
        Nd4jRuntime.warmUpAsync(autoencoder.threadsProperty().get())
                .whenComplete((ok, error) -> ui.accept(() -> engineReady.set(error == null)));
        autoencoder.initialize();
    }

    public void shutdown() {
        autoencoder.shutdown();
    }

    public I18n i18n() {
        return i18n;
    }

    public AutoencoderViewModel autoencoder() {
        return autoencoder;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public BooleanProperty engineReadyProperty() {
        return engineReady;
    }

    public void setLanguage(Locale locale) {
        i18n.setLocale(locale);
    }

    /** The status bar's text: what trains and how far, or what loads, or ready. */
    public StringBinding statusText() {
        AutoencoderViewModel ae = autoencoder;
        return Bindings.createStringBinding(() -> {
            Trainer.State s = ae.stateProperty().get();
            if (s == Trainer.State.RUNNING || s == Trainer.State.PAUSED) {
                return i18n.get(s == Trainer.State.RUNNING ? "status.training" : "status.paused",
                        ae.datasetProperty().get(), ae.epochProperty().get(), ae.epochsProperty().get(),
                        ae.stepProperty().get(), ae.totalStepsProperty().get(), zeroIfNaN(ae.samplesPerSecondProperty().get()));
            }
            if (!engineReady.get()) {
                return i18n.get("status.engineStarting");
            }
            if (ae.busyProperty().get()) {
                return i18n.get("status.loading");
            }
            return i18n.get("status.ready");
        }, i18n.localeProperty(), ae.stateProperty(), ae.epochProperty(), ae.stepProperty(), ae.samplesPerSecondProperty(),
                ae.busyProperty(), engineReady, ae.datasetProperty());
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Training progress, or indeterminate (-1) while something loads, or 0 when idle. */
    public DoubleBinding statusProgress() {
        AutoencoderViewModel ae = autoencoder;
        return Bindings.createDoubleBinding(() -> {
            if (ae.active().get()) {
                return ae.progressProperty().get();
            }
            return ae.busyProperty().get() || !engineReady.get() ? -1.0 : 0.0;
        }, ae.stateProperty(), ae.progressProperty(), ae.busyProperty(), engineReady);
    }
}
