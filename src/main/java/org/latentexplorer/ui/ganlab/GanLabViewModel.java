package org.latentexplorer.ui.ganlab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.latentexplorer.data.Distribution2D;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.ganlab.GanLab;
import org.latentexplorer.engine.ganlab.LabSettings;
import org.latentexplorer.engine.ganlab.LabStage;
import org.latentexplorer.engine.ganlab.LabVariant;
import org.latentexplorer.engine.store.Experiment;
import org.latentexplorer.engine.store.ExperimentFile;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.CurveSource;
import org.latentexplorer.ui.base.CurveStore;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.SharedProperty;
import org.latentexplorer.ui.base.StoredValues;
import org.latentexplorer.ui.training.TrainingViewModel;

/**
 * The GAN problems lab without any Node: the real distribution, both players' sizes, the remedies as switches, the
 * play / pause / step commands, and what the plane and the numbers show. The lab trains on this view model's own
 * thread (its {@link LabRunner}); the UI thread only reads snapshots, at most
 * {@link TrainingViewModel#UPDATES_PER_SECOND} times a second.
 */
public final class GanLabViewModel implements CurveSource {
    static final String D_LOSS = "d_loss";
    public static final String G_LOSS = "g_loss";
    /**
     * log₁₀ of ‖∂L_G/∂θ_G‖, the median over the last {@link LabRunner#CURVE_MEDIAN} Generator steps: what G learns
     * from, fading when D overpowers it under the minimax loss.
     */
    static final String G_GRADIENT = "log10_g_gradient_norm";
    /** log₁₀ of D(G(z)), the median over the last {@link LabRunner#CURVE_MEDIAN} iterations; none for a critic. */
    static final String D_FAKE = "log10_d_fake";
    static final String MODES = "modes";
    static final String HIGH_QUALITY = "high_quality";
    static final String JSD = "jsd";
    static final String EMD = "emd";
    /** The heatmap's cells per side. */
    static final int MAP_RESOLUTION = 48;
    /** Generated points that get a gradient arrow. */
    static final int ARROWS = 160;
    static final int REAL_SHOWN = 1000;

    /** What the plane draws, taken on the lab's thread. */
    public record Snapshot(long step, double extent, double[] real, double[] generated, double[] map, boolean critic,
            double[] arrows) {
    }

    private final I18n i18n;
    private final Background background;
    private final LabRunner runner;

    // Settings.
    private final ObjectProperty<Distribution2D.Kind> distribution = new SimpleObjectProperty<>(this, "distribution",
            Distribution2D.Kind.RING);
    private final ObservableList<Double> drawn = FXCollections.observableArrayList();
    private final IntegerProperty noiseSize = new SimpleIntegerProperty(this, "noiseSize");
    private final IntegerProperty gWidth = new SimpleIntegerProperty(this, "gWidth");
    private final IntegerProperty gDepth = new SimpleIntegerProperty(this, "gDepth");
    private final IntegerProperty dWidth = new SimpleIntegerProperty(this, "dWidth");
    private final IntegerProperty dDepth = new SimpleIntegerProperty(this, "dDepth");
    private final DoubleProperty dDropout = new SimpleDoubleProperty(this, "dDropout");
    private final ObjectProperty<GeneratorLoss> generatorLoss = new SimpleObjectProperty<>(this, "generatorLoss");
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k");
    private final BooleanProperty unrolled = new SimpleBooleanProperty(this, "unrolled");
    private final IntegerProperty unrollSteps = new SimpleIntegerProperty(this, "unrollSteps");
    private final BooleanProperty minibatch = new SimpleBooleanProperty(this, "minibatch");
    private final BooleanProperty wgan = new SimpleBooleanProperty(this, "wgan");
    private final DoubleProperty clip = new SimpleDoubleProperty(this, "clip");
    private final IntegerProperty nCritic = new SimpleIntegerProperty(this, "nCritic");
    private final DoubleProperty learningRateD = new SimpleDoubleProperty(this, "learningRateD");
    private final DoubleProperty learningRateG = new SimpleDoubleProperty(this, "learningRateG");
    private final IntegerProperty batch = new SimpleIntegerProperty(this, "batch");
    /** G on SGD with momentum rather than Adam, whose rescaled steps would hide a vanishing gradient. */
    private final BooleanProperty generatorSgd = new SimpleBooleanProperty(this, "generatorSgd");
    /** D's head start: iterations in which G does not step, so D can overpower a fixed G. */
    private final IntegerProperty dHeadStart = new SimpleIntegerProperty(this, "dHeadStart");
    /** WGAN-GP's λ, kept from a stage or a saved run; 0 for the chapter's clipped WGAN. */
    private double gradientPenalty;
    /** The chapter's problem the lab is set up for; choosing one puts its baseline into the settings. */
    private final ObjectProperty<LabStage> stage = new SimpleObjectProperty<>(this, "stage", LabStage.MODE_COLLAPSE);
    private final LongProperty seed = new SimpleLongProperty(this, "seed");
    /** Target steps per second; the lab runs slower when a step takes longer. Shared: the lab's loop paces by it. */
    private final SharedProperty.OfDouble speed = new SharedProperty.OfDouble(this, "speed", 120);
    private final BooleanProperty showMap = new SimpleBooleanProperty(this, "showMap", true);
    private final BooleanProperty showArrows = new SimpleBooleanProperty(this, "showArrows", false);
    private final BooleanProperty showReal = new SimpleBooleanProperty(this, "showReal", true);
    private final BooleanProperty showGenerated = new SimpleBooleanProperty(this, "showGenerated", true);

    // What the view shows.
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final LongProperty step = new SimpleLongProperty(this, "step");
    private final DoubleProperty stepsPerSecond = new SimpleDoubleProperty(this, "stepsPerSecond", Double.NaN);
    private final IntegerProperty modesCovered = new SimpleIntegerProperty(this, "modesCovered", -1);
    private final IntegerProperty modeCount = new SimpleIntegerProperty(this, "modeCount");
    private final DoubleProperty highQuality = new SimpleDoubleProperty(this, "highQuality", Double.NaN);
    private final DoubleProperty jsd = new SimpleDoubleProperty(this, "jsd", Double.NaN);
    private final DoubleProperty emd = new SimpleDoubleProperty(this, "emd", Double.NaN);
    private final DoubleProperty dLoss = new SimpleDoubleProperty(this, "dLoss", Double.NaN);
    private final DoubleProperty gLoss = new SimpleDoubleProperty(this, "gLoss", Double.NaN);
    private final DoubleProperty dReal = new SimpleDoubleProperty(this, "dReal", Double.NaN);
    private final DoubleProperty dFake = new SimpleDoubleProperty(this, "dFake", Double.NaN);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final CurveStore curves = new CurveStore();

    public GanLabViewModel(I18n i18n, Background background) {
        this.i18n = i18n;
        this.background = background.onFailure(e -> message.set(i18n.describe(e)));
        runner = new LabRunner(i18n, background, background.throttle(1000 / TrainingViewModel.UPDATES_PER_SECOND,
                this::applyUpdates), curves, speed, () -> playing.set(false));
        show(LabSettings.vanilla());
        // Settings that need new networks start the lab over; the rest reach the running lab at once.
        List<ObservableValue<?>> all = List.of(noiseSize, gWidth, gDepth, dWidth, dDepth, dDropout, generatorLoss, k,
                unrolled, unrollSteps, minibatch, wgan, clip, nCritic, learningRateD, learningRateG, batch, seed,
                generatorSgd, dHeadStart);
        all.forEach(p -> p.addListener((o, a, b) -> settingsChanged()));
        stage.addListener((o, a, b) -> show(b.baseline()));
        distribution.addListener((o, a, b) -> reset());
        showMap.addListener((o, a, b) -> layersChanged());
        showArrows.addListener((o, a, b) -> layersChanged());
        reset();
    }

    /** Puts a settings record into the properties, e.g. the defaults or a comparison variant. */
    void show(LabSettings s) {
        noiseSize.set(s.noiseDim());
        gWidth.set(s.gWidth());
        gDepth.set(s.gDepth());
        dWidth.set(s.dWidth());
        dDepth.set(s.dDepth());
        dDropout.set(s.dDropout());
        generatorLoss.set(s.generatorLoss());
        k.set(s.k());
        unrolled.set(s.unrolled());
        unrollSteps.set(s.unrollSteps());
        minibatch.set(s.minibatchKernels() > 0);
        wgan.set(s.wgan());
        clip.set(s.clip());
        nCritic.set(s.nCritic());
        learningRateD.set(s.learningRateD());
        learningRateG.set(s.learningRateG());
        batch.set(s.batch());
        seed.set(s.seed());
        gradientPenalty = s.gradientPenalty();
        generatorSgd.set(s.generatorSgd());
        dHeadStart.set(s.dHeadStart());
    }

    /** The settings as the properties hold them; IllegalArgumentException for a nonsense value. */
    LabSettings settings() {
        return new LabSettings(noiseSize.get(), gWidth.get(), gDepth.get(), dWidth.get(), dDepth.get(), dDropout.get(),
                generatorLoss.get(), k.get(), unrolled.get(), unrollSteps.get(),
                minibatch.get() ? LabVariant.MINIBATCH_KERNELS : 0, wgan.get(), clip.get(), nCritic.get(),
                learningRateD.get(), learningRateG.get(), batch.get(), seed.get(), gradientPenalty, generatorSgd.get(),
                dHeadStart.get());
    }

    private Distribution2D target() {
        return target(distribution.get(), drawn.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The real distribution of a kind; the learner's drawing for DRAWN, null while there is none. */
    private static Distribution2D target(Distribution2D.Kind kind, double[] drawing) {
        if (kind == Distribution2D.Kind.DRAWN) {
            return drawing.length >= 2 ? Distribution2D.drawn(drawing) : null;
        }
        return Distribution2D.of(kind);
    }

    // ---- experiment files ------------------------------------------------------------------------------

    /** Saves the run as an experiment file: pauses, then takes the networks on the lab's thread. */
    public void saveExperiment(Path path, String section) {
        pause();
        Map<String, List<double[]>> curveData = curves.stored();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("drawing", List.copyOf(drawn));
        view.put("speed", speed.get());
        view.put("show_map", showMap.get());
        view.put("show_arrows", showArrows.get());
        view.put("show_real", showReal.get());
        view.put("show_generated", showGenerated.get());
        String kind = distribution.get().name();
        background.run(() -> {
            ExperimentFile.save(path, Experiment.ofLab(section, kind, runner.saved(), curveData, view), null, null);
            background.ui(() -> message.set(i18n.get("experiment.saved", path)));
        });
    }

    /**
     * Checks, off the UI thread, that an opened lab experiment can be shown: a known distribution and networks that
     * fit its settings; IllegalArgumentException otherwise, before anything changes.
     */
    public static void verify(Experiment e) {
        Distribution2D real = target(Distribution2D.Kind.valueOf(e.dataset()), drawing(e.view()));
        if (real == null) {
            throw new IllegalArgumentException("no drawing");
        }
        new GanLab(real, e.lab().settings()).restore(e.lab().state());
    }

    private static double[] drawing(Map<String, Object> view) {
        return view.get("drawing") instanceof List<?> l
                ? l.stream().mapToDouble(v -> v instanceof Number n ? n.doubleValue() : 0).toArray() : new double[0];
    }

    /** UI thread: shows a saved run (checked with {@link #verify}) where it stood, with its curves and view. */
    public void restore(Experiment e, String name) {
        pause();
        Experiment.LabRun run = e.lab();
        Distribution2D.Kind kind = Distribution2D.Kind.valueOf(e.dataset());
        double[] xy = drawing(e.view());
        Distribution2D real = target(kind, xy);
        show(run.settings());
        drawn.setAll(java.util.Arrays.stream(xy).boxed().toList());
        distribution.set(kind);
        Map<String, Object> v = e.view();
        speed.set(StoredValues.number(v, "speed", speed.get()));
        showMap.set(StoredValues.flag(v, "show_map", showMap.get()));
        showArrows.set(StoredValues.flag(v, "show_arrows", showArrows.get()));
        showReal.set(StoredValues.flag(v, "show_real", showReal.get()));
        showGenerated.set(StoredValues.flag(v, "show_generated", showGenerated.get()));
        message.set(i18n.get("experiment.opened", name));
        // Queued after the rebuilds the settings above asked for, so this lab is the one that stays.
        runner.restore(real, run, e.curves());
    }

    private void settingsChanged() {
        LabSettings next;
        try {
            next = settings();
        } catch (IllegalArgumentException e) {
            message.set(i18n.get("lab.error.settings", e.getMessage()));
            return;
        }
        message.set("");
        runner.apply(next);
    }

    /** The chosen stage's baseline settings; the lab starts over with them. */
    public void restoreDefaults() {
        show(stage.get().baseline());
    }

    /** A layer switched on while paused is computed at once; while playing, the next refresh brings it. */
    private void layersChanged() {
        runner.showLayers(showMap.get(), showArrows.get());
    }

    /** A new lab on the chosen distribution and settings: fresh networks, empty curves. */
    public void reset() {
        pause();
        Distribution2D real = target();
        LabSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            message.set(i18n.get("lab.error.settings", e.getMessage()));
            return;
        }
        message.set(real == null ? i18n.get("lab.drawHint") : "");
        runner.reset(real, s);
    }

    /** The learner's drawing, as x, y pairs in the plane's coordinates; starts the lab over on it. */
    public void setDrawing(double[] xy) {
        List<Double> values = new ArrayList<>(xy.length);
        for (double v : xy) {
            values.add(v);
        }
        drawn.setAll(values);
        if (distribution.get() == Distribution2D.Kind.DRAWN) {
            reset();
        } else {
            distribution.set(Distribution2D.Kind.DRAWN);
        }
    }

    public void play() {
        if (playing.get()) {
            return;
        }
        playing.set(true);
        runner.play();
    }

    public void pause() {
        runner.pause();
        playing.set(false);
    }

    /** One step of the chapter's loop (k D steps, then one G step). */
    public void step() {
        once(GanLab::step);
    }

    public void discriminatorStep() {
        once(GanLab::discriminatorStep);
    }

    public void generatorStep() {
        once(GanLab::generatorStep);
    }

    private void once(Function<GanLab, GanLab.Losses> action) {
        pause();
        runner.once(action);
    }

    /** UI thread. */
    private void applyUpdates() {
        if (runner.takeCleared()) {
            curves.clear();
            modesCovered.set(-1);
            highQuality.set(Double.NaN);
            jsd.set(Double.NaN);
            emd.set(Double.NaN);
            stepsPerSecond.set(Double.NaN);
        }
        Map<String, List<double[]>> restored = runner.takeRestoredCurves();
        if (restored != null) {
            curves.restore(restored);
        }
        Snapshot s = runner.takeSnapshot();
        if (s != null) {
            snapshot.set(s);
        }
        LabRunner.Status st = runner.takeStatus();
        if (st != null) {
            step.set(st.step());
            if (!Double.isNaN(st.stepsPerSecond())) {
                stepsPerSecond.set(st.stepsPerSecond());
            }
            dLoss.set(st.losses().dLoss());
            gLoss.set(st.losses().gLoss());
            dReal.set(st.losses().dReal());
            dFake.set(st.losses().dFake());
            if (st.coverage() != null) {
                modeCount.set(st.coverage().modes());
                modesCovered.set(st.coverage().modes() > 0 ? st.coverage().covered() : -1);
                highQuality.set(st.coverage().modes() > 0 ? st.coverage().highQualityShare() : Double.NaN);
                jsd.set(st.jsd());
                emd.set(st.emd());
            }
        }
        curves.applyQueued();
        String m = runner.takeMessage();
        if (m != null) {
            message.set(m);
        }
    }

    /** A curve by its term alone: the lab's curves have no split. */
    @Override
    public ObservableList<XYChart.Data<Number, Number>> curve(String split, String term) {
        return curve(term);
    }

    public ObservableList<XYChart.Data<Number, Number>> curve(String term) {
        return curves.curve(term);
    }

    public void shutdown() {
        runner.shutdown();
        background.close();
    }

    // ---- properties -----------------------------------------------------------------------------------

    public ObjectProperty<Distribution2D.Kind> distributionProperty() { return distribution; }
    public ObservableList<Double> drawing() { return drawn; }
    public IntegerProperty noiseSizeProperty() { return noiseSize; }
    public IntegerProperty gWidthProperty() { return gWidth; }
    public IntegerProperty gDepthProperty() { return gDepth; }
    public IntegerProperty dWidthProperty() { return dWidth; }
    public IntegerProperty dDepthProperty() { return dDepth; }
    public DoubleProperty dDropoutProperty() { return dDropout; }
    public ObjectProperty<GeneratorLoss> generatorLossProperty() { return generatorLoss; }
    public IntegerProperty kProperty() { return k; }
    public BooleanProperty unrolledProperty() { return unrolled; }
    public IntegerProperty unrollStepsProperty() { return unrollSteps; }
    public BooleanProperty minibatchProperty() { return minibatch; }
    public BooleanProperty wganProperty() { return wgan; }
    public DoubleProperty clipProperty() { return clip; }
    public IntegerProperty nCriticProperty() { return nCritic; }
    public DoubleProperty learningRateDProperty() { return learningRateD; }
    public DoubleProperty learningRateGProperty() { return learningRateG; }
    public IntegerProperty batchProperty() { return batch; }
    public BooleanProperty generatorSgdProperty() { return generatorSgd; }
    public IntegerProperty dHeadStartProperty() { return dHeadStart; }
    public ObjectProperty<LabStage> stageProperty() { return stage; }
    public LongProperty seedProperty() { return seed; }
    public DoubleProperty speedProperty() { return speed; }
    public BooleanProperty showMapProperty() { return showMap; }
    public BooleanProperty showArrowsProperty() { return showArrows; }
    public BooleanProperty showRealProperty() { return showReal; }
    public BooleanProperty showGeneratedProperty() { return showGenerated; }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    public LongProperty stepProperty() { return step; }
    public DoubleProperty stepsPerSecondProperty() { return stepsPerSecond; }
    public IntegerProperty modesCoveredProperty() { return modesCovered; }
    public IntegerProperty modeCountProperty() { return modeCount; }
    public DoubleProperty highQualityProperty() { return highQuality; }
    public DoubleProperty jsdProperty() { return jsd; }
    public DoubleProperty emdProperty() { return emd; }
    public DoubleProperty dLossProperty() { return dLoss; }
    public DoubleProperty gLossProperty() { return gLoss; }
    public DoubleProperty dRealProperty() { return dReal; }
    public DoubleProperty dFakeProperty() { return dFake; }
    public StringProperty messageProperty() { return message; }
}
