package org.latentexplorer.ui.ganlab;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.latentexplorer.data.Distribution2D;
import org.latentexplorer.engine.core.TrainingDivergedException;
import org.latentexplorer.engine.ganlab.Divergences;
import org.latentexplorer.engine.ganlab.GanLab;
import org.latentexplorer.engine.ganlab.LabSettings;
import org.latentexplorer.engine.ganlab.ModeMetrics;
import org.latentexplorer.engine.store.Experiment;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.CurveStore;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.SharedProperty;
import org.latentexplorer.ui.training.TrainingViewModel;

/**
 * The GAN lab on its own thread: builds it, steps it (at the chosen speed, or once), and hands what the plane, the
 * numbers and the curves show to the next UI update, where {@link GanLabViewModel} takes it.
 */
final class LabRunner {
    private static final int METRIC_SAMPLES = 2000;
    private static final int EMD_SAMPLES = 256;
    private static final long METRICS_EVERY_NANOS = 300_000_000L;
    private static final long PUBLISH_EVERY_NANOS = 1_000_000_000L / TrainingViewModel.UPDATES_PER_SECOND;
    /**
     * Iterations whose median the gradient curve shows (the chart's legend says 25): once D is confident, one batch's
     * norm can be a thousand times its neighbours', and those spikes would hide the trend.
     */
    static final int CURVE_MEDIAN = 25;
    /** The smallest value the log curves show: a norm of exactly 0 has no logarithm. */
    private static final double LOG_FLOOR = 1e-12;
    /** D's map and the arrows cost more than a step of the default networks: refreshed at 8 Hz, not 20. */
    private static final long MAP_EVERY_NANOS = 125_000_000L;

    /** The numbers shown beside the plane; the metrics are null and NaN until first measured. */
    record Status(long step, double stepsPerSecond, GanLab.Losses losses, ModeMetrics.Coverage coverage,
            double jsd, double emd) {
    }

    private final I18n i18n;
    private final Background background;
    private final Background.Throttle throttle;
    private final CurveStore curves;
    /** Target steps per second; the loop paces itself by it. */
    private final SharedProperty.OfDouble speed;
    /** UI thread: the loop has stopped of its own accord (no lab, or it diverged). */
    private final Runnable stopped;

    // Handed from the lab's thread to the next UI update.
    private final AtomicReference<LabSettings> pendingSettings = new AtomicReference<>();
    private final AtomicReference<GanLabViewModel.Snapshot> pendingSnapshot = new AtomicReference<>();
    private final AtomicReference<Status> pendingStatus = new AtomicReference<>();
    /** An opened experiment's curves, which replace all curves at the next update. */
    private final AtomicReference<Map<String, List<double[]>>> pendingCurves = new AtomicReference<>();
    private volatile boolean clearCurves;
    private volatile String pendingMessage;

    // Owned by the lab's thread.
    private GanLab lab;
    private double[] realShown;
    private double[] realForMetrics;
    private volatile boolean run;
    private long lastMetrics;
    private long lastPublish;
    private long lastMap;
    private double[] map;
    private double[] arrows;
    private final DescriptiveStatistics recentGradients = new DescriptiveStatistics(CURVE_MEDIAN);
    private final DescriptiveStatistics recentDFake = new DescriptiveStatistics(CURVE_MEDIAN);
    /** The layer switches as the lab's thread reads them. */
    private volatile boolean mapShown = true;
    private volatile boolean arrowsShown;

    LabRunner(I18n i18n, Background background, Background.Throttle throttle, CurveStore curves,
            SharedProperty.OfDouble speed, Runnable stopped) {
        this.i18n = i18n;
        this.background = background;
        this.throttle = throttle;
        this.curves = curves;
        this.speed = speed;
        this.stopped = stopped;
    }

    // ---- asked for on the UI thread --------------------------------------------------------------------

    /** Starts the loop; set here, not in the loop, so a pause before the loop starts still stops it. */
    void play() {
        run = true;
        background.run(this::loop);
    }

    void pause() {
        run = false;
    }

    /** One action on the paused lab (a step, or one player's step). */
    void once(Function<GanLab, GanLab.Losses> action) {
        background.run(() -> {
            if (lab == null) {
                return;
            }
            try {
                record(action.apply(lab));
            } catch (TrainingDivergedException e) {
                diverged(e);
            }
            publish(true, Double.NaN);
        });
    }

    /** New settings: the lab takes them, or starts over when they need new networks. */
    void apply(LabSettings next) {
        pendingSettings.set(next);
        // While playing, the loop holds the lab's thread and picks the settings up itself.
        background.run(this::applyPendingSettings);
    }

    /** A layer switched on while paused is computed at once; while playing, the next refresh brings it. */
    void showLayers(boolean map, boolean arrows) {
        mapShown = map;
        arrowsShown = arrows;
        background.run(() -> {
            if (lab != null) {
                publish(true, Double.NaN);
            }
        });
    }

    /** A new lab on a distribution and settings; none, with an empty plane, while there is no distribution. */
    void reset(Distribution2D real, LabSettings s) {
        background.run(() -> {
            if (real == null) {
                lab = null;
                realShown = new double[0];
                clearCurves = true;
                pendingSnapshot.set(new GanLabViewModel.Snapshot(0, Distribution2D.DRAWING_EXTENT, realShown,
                        new double[0], null, false, null));
                throttle.request();
                return;
            }
            rebuild(real, s);
        });
    }

    /** A saved run where it stood, with its curves; queued after any rebuild asked for before it. */
    void restore(Distribution2D real, Experiment.LabRun saved, Map<String, List<double[]>> savedCurves) {
        background.run(() -> {
            rebuild(real, saved.settings());
            lab.restore(saved.state());
            publish(true, Double.NaN);
            curves.dropQueued();
            pendingCurves.set(savedCurves);
            throttle.request();
        });
    }

    void shutdown() {
        run = false;
    }

    // ---- on the lab's thread ----------------------------------------------------------------------------

    /** Lab thread: the lab's settings and where it stands, with settings not yet taken up applied first. */
    Experiment.LabRun saved() {
        applyPendingSettings();
        if (lab == null) {
            throw new IllegalStateException(i18n.get("lab.drawHint"));
        }
        return new Experiment.LabRun(lab.settings(), lab.state());
    }

    private void applyPendingSettings() {
        LabSettings next = pendingSettings.getAndSet(null);
        if (next == null || lab == null) {
            return;
        }
        if (lab.settings().needsRebuild(next)) {
            rebuild(lab.real(), next);
        } else {
            lab.apply(next);
        }
    }

    private void rebuild(Distribution2D real, LabSettings s) {
        lab = new GanLab(real, s);
        Random r = new Random(s.seed() + 1);
        realShown = real.sample(GanLabViewModel.REAL_SHOWN, r);
        realForMetrics = real.sample(METRIC_SAMPLES, r);
        recentGradients.clear();
        recentDFake.clear();
        clearCurves = true;
        curves.dropQueued();
        publish(true, Double.NaN);
    }

    /** Steps at the chosen speed until paused. */
    private void loop() {
        if (lab == null) {
            run = false;
            background.ui(stopped);
            return;
        }
        long windowStart = System.nanoTime();
        long windowSteps = 0;
        double rate = Double.NaN;
        while (run) {
            long t0 = System.nanoTime();
            applyPendingSettings();
            try {
                record(lab.step());
            } catch (TrainingDivergedException e) {
                diverged(e);
                run = false;
                background.ui(stopped);
                break;
            }
            windowSteps++;
            long now = System.nanoTime();
            if (now - windowStart > 500_000_000L) {
                rate = windowSteps * 1e9 / (now - windowStart);
                windowStart = now;
                windowSteps = 0;
            }
            publish(false, rate);
            long wait = (long) (1e9 / Math.max(1, speed.seen())) - (System.nanoTime() - t0);
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void record(GanLab.Losses l) {
        long s = lab.steps();
        curves.queue(GanLabViewModel.D_LOSS, s, l.dLoss());
        curves.queue(GanLabViewModel.G_LOSS, s, l.gLoss());
        if (Double.isFinite(l.generatorGradientNorm())) {
            recentGradients.addValue(l.generatorGradientNorm());
            curves.queue(GanLabViewModel.G_GRADIENT, s, logMedian(recentGradients));
        }
        // A critic's value is no probability.
        if (Double.isFinite(l.dFake()) && !lab.settings().wgan()) {
            recentDFake.addValue(l.dFake());
            curves.queue(GanLabViewModel.D_FAKE, s, logMedian(recentDFake));
        }
    }

    /** log₁₀ of the median of the recent values: the gradient spans 1e-7 to 1e2 over a run. */
    private static double logMedian(DescriptiveStatistics recent) {
        return Math.log10(Math.max(LOG_FLOOR, recent.getPercentile(50)));
    }

    private void diverged(TrainingDivergedException e) {
        pendingMessage = i18n.get("lab.error.diverged", e.step());
        throttle.request();
    }

    /** The plane at most 20 times a second, the metrics every 0.3 s; {@code now} forces both. */
    private void publish(boolean now, double rate) {
        long t = System.nanoTime();
        if (!now && t - lastPublish < PUBLISH_EVERY_NANOS) {
            return;
        }
        lastPublish = t;
        double[] generated = lab.shownSamples();
        double extent = lab.real().extent();
        if (now || t - lastMap > MAP_EVERY_NANOS) {
            lastMap = t;
            double[] reference = Arrays.copyOf(generated, 2 * 128);
            map = mapShown ? lab.discriminatorMap(GanLabViewModel.MAP_RESOLUTION, extent, reference) : null;
            arrows = arrowsShown ? lab.generatorDirections(Arrays.copyOf(generated, 2 * GanLabViewModel.ARROWS))
                    : null;
        }
        pendingSnapshot.set(new GanLabViewModel.Snapshot(lab.steps(), extent, realShown, generated, map,
                lab.settings().wgan(), arrows));
        ModeMetrics.Coverage coverage = null;
        double js = Double.NaN;
        double em = Double.NaN;
        if (now || t - lastMetrics > METRICS_EVERY_NANOS) {
            lastMetrics = t;
            double[] sample = lab.sample(METRIC_SAMPLES);
            coverage = ModeMetrics.evaluate(sample, lab.real().modes());
            js = Divergences.histogramJensenShannon(realForMetrics, sample, extent, 40);
            em = Divergences.earthMovers(Arrays.copyOf(realForMetrics, 2 * EMD_SAMPLES),
                    Arrays.copyOf(sample, 2 * EMD_SAMPLES));
            long s = lab.steps();
            if (coverage.modes() > 0) {
                curves.queue(GanLabViewModel.MODES, s, coverage.covered());
                curves.queue(GanLabViewModel.HIGH_QUALITY, s, 100 * coverage.highQualityShare());
            }
            curves.queue(GanLabViewModel.JSD, s, js);
            curves.queue(GanLabViewModel.EMD, s, em);
        }
        Status previous = pendingStatus.get();
        if (coverage == null && previous != null) {
            // Keep the newest metrics not yet shown.
            coverage = previous.coverage();
            js = previous.jsd();
            em = previous.emd();
        }
        pendingStatus.set(new Status(lab.steps(), rate, lab.losses(), coverage, js, em));
        throttle.request();
    }

    // ---- taken by the UI update -------------------------------------------------------------------------

    /** Whether the lab started over since the last update, so the curves and metrics go. */
    boolean takeCleared() {
        if (!clearCurves) {
            return false;
        }
        clearCurves = false;
        return true;
    }

    Map<String, List<double[]>> takeRestoredCurves() {
        return pendingCurves.getAndSet(null);
    }

    GanLabViewModel.Snapshot takeSnapshot() {
        return pendingSnapshot.getAndSet(null);
    }

    Status takeStatus() {
        return pendingStatus.getAndSet(null);
    }

    String takeMessage() {
        String m = pendingMessage;
        if (m != null) {
            pendingMessage = null;
        }
        return m;
    }
}
