package org.latentexplorer.ui.intro;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import org.latentexplorer.data.MonthlyWeather;
import org.latentexplorer.engine.intro.SeasonAutoencoder;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.I18n;

/**
 * The latent-variable section without any Node: Tokyo's twelve months in the temperature-humidity plane, the 2-1-2
 * autoencoder that compresses them to one latent value z ("the season") and PCA beside it, and the point the Decoder
 * generates from the z the learner picks. Training takes tens of milliseconds but still runs on this view model's
 * thread; decoding one z is a few dozen multiplications, done on the UI thread as the learner drags.
 */
public final class SeasonViewModel {
    /** Samples of the learned curve and of the PCA line across the latent range. */
    static final int CURVE_POINTS = 200;
    /** The latent range reaches this far past the months' codes on each side, as a share of their spread. */
    private static final double MARGIN = 0.25;
    /** The season the section opens on: April, mid-way up the axis, so the first drag can go either way. */
    private static final int FIRST_MONTH = 3;

    /**
     * One trained model as plain data: the months (rows of temperature, humidity), their codes z, the Decoder's
     * curve over [zMin, zMax], the months' reconstructions, PCA's line and projections, both errors.
     */
    public record Fit(long seed, double[] months, double[] codes, double zMin, double zMax, double[] curve,
            double[] reconstructions, double[] pcaLine, double[] pcaReconstructions, double error, double pcaError,
            double trainMillis) {
    }

    private final I18n i18n;
    private final Background background;

    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final DoubleProperty season = new SimpleDoubleProperty(this, "season", 0);
    private final BooleanProperty showPca = new SimpleBooleanProperty(this, "showPca", true);
    private final BooleanProperty showReconstructions = new SimpleBooleanProperty(this, "showReconstructions", true);
    private final ReadOnlyObjectWrapper<Fit> fit = new ReadOnlyObjectWrapper<>(this, "fit");
    private final ReadOnlyObjectWrapper<double[]> generated = new ReadOnlyObjectWrapper<>(this, "generated");
    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper(this, "training");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** Used on the UI thread only, once the worker has handed it over. */
    private SeasonAutoencoder model;

    public SeasonViewModel(I18n i18n, Background background) {
        this.i18n = i18n;
        this.background = background;
        season.addListener((o, a, b) -> {
            Fit f = fit.get();
            double z = b.doubleValue();
            if (f != null && (Double.isNaN(z) || z < f.zMin() || z > f.zMax())) {
                season.set(Double.isNaN(z) ? a.doubleValue() : Math.max(f.zMin(), Math.min(f.zMax(), z)));
            } else {
                generate();
            }
        });
        retrain();
    }

    /** Trains a new autoencoder with the current seed in the background; the season keeps its month. */
    public void retrain() {
        long s = seed.get();
        training.set(true);
        background.run(() -> {
            MonthlyWeather weather = MonthlyWeather.tokyo();
            long t0 = System.nanoTime();
            SeasonAutoencoder trained = SeasonAutoencoder.train(weather.points(), s);
            double millis = (System.nanoTime() - t0) / 1e6;
            Fit f = describe(trained, weather.points(), millis);
            background.ui(() -> adopt(trained, f));
        }, e -> {
            training.set(false);
            message.set(i18n.get("latent.trainError", i18n.describe(e)));
        });
    }

    /** Worker: everything the plane draws, computed once per model. */
    private static Fit describe(SeasonAutoencoder ae, double[] months, double millis) {
        double[] z = ae.codes();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double margin = MARGIN * (hi - lo);
        double zMin = lo - margin;
        double zMax = hi + margin;
        double[] u = ae.pcaCodes();
        double uLo = Double.POSITIVE_INFINITY;
        double uHi = Double.NEGATIVE_INFINITY;
        for (double v : u) {
            uLo = Math.min(uLo, v);
            uHi = Math.max(uHi, v);
        }
        double uMargin = MARGIN * (uHi - uLo);
        double[] line = new double[4];
        System.arraycopy(ae.pcaDecode(uLo - uMargin), 0, line, 0, 2);
        System.arraycopy(ae.pcaDecode(uHi + uMargin), 0, line, 2, 2);
        return new Fit(ae.seed(), months, z, zMin, zMax, ae.curve(zMin, zMax, CURVE_POINTS), ae.reconstructions(),
                line, ae.pcaReconstructions(), ae.reconstructionError(), ae.pcaReconstructionError(), millis);
    }

    /** UI thread: shows a new model; the season moves to the same month's code in it, so the point stays put. */
    private void adopt(SeasonAutoencoder trained, Fit f) {
        Fit old = fit.get();
        int month = old == null ? 0 : nearestMonth(old, season.get());
        model = trained;
        fit.set(f);
        training.set(false);
        message.set("");
        double z = f.codes()[old == null ? FIRST_MONTH : month];
        if (z == season.get()) {
            generate();
        } else {
            season.set(z);
        }
    }

    private static int nearestMonth(Fit f, double z) {
        int best = 0;
        for (int m = 1; m < f.codes().length; m++) {
            if (Math.abs(f.codes()[m] - z) < Math.abs(f.codes()[best] - z)) {
                best = m;
            }
        }
        return best;
    }

    private void generate() {
        if (model != null) {
            generated.set(model.decode(season.get()));
        }
    }

    /** The z whose generated point lies nearest (x, y) in the plane: dragging on the plane follows the curve. */
    public void seasonNearest(double temperature, double humidity, double temperatureSpan, double humiditySpan) {
        Fit f = fit.get();
        if (f == null) {
            return;
        }
        // Distances in screen proportions, so a drag follows the curve as drawn whatever the two units.
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < CURVE_POINTS; i++) {
            double dx = (f.curve()[2 * i] - temperature) / temperatureSpan;
            double dy = (f.curve()[2 * i + 1] - humidity) / humiditySpan;
            double d = dx * dx + dy * dy;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        season.set(f.zMin() + (f.zMax() - f.zMin()) * best / (CURVE_POINTS - 1));
    }

    public void shutdown() {
        background.close();
    }

    // ---- properties -----------------------------------------------------------------------------------------

    public LongProperty seedProperty() { return seed; }
    /** The latent value z the learner picks; kept inside the fit's range. */
    public DoubleProperty seasonProperty() { return season; }
    public BooleanProperty showPcaProperty() { return showPca; }
    public BooleanProperty showReconstructionsProperty() { return showReconstructions; }
    /** The trained model as the plane draws it; null until the first training ends. */
    public ReadOnlyObjectProperty<Fit> fitProperty() { return fit.getReadOnlyProperty(); }
    /** Decoder(season): (temperature, humidity). */
    public ReadOnlyObjectProperty<double[]> generatedProperty() { return generated.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty trainingProperty() { return training.getReadOnlyProperty(); }
    /** Why training failed, or empty. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
