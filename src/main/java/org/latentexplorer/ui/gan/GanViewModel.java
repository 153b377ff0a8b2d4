package org.latentexplorer.ui.gan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.GeneratorLoss;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.gan.Architecture;
import org.latentexplorer.engine.gan.Gan;
import org.latentexplorer.engine.gan.GanConfig;
import org.latentexplorer.engine.gan.Noise;
import org.latentexplorer.engine.gan.QualityReference;
import org.latentexplorer.engine.gan.SampleTimeline;
import org.latentexplorer.engine.gan.SampleQuality;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.engine.store.TrainingHistory;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.ImageGrid;
import org.latentexplorer.ui.base.SharedProperty;
import org.latentexplorer.ui.base.StoredValues;
import org.latentexplorer.ui.training.TrainingViewModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The GAN section: the chapter's training loop with its settings (k, both learning rates and the Generator's
 * loss change at the next step; the rest at the next start), a grid of samples from fixed noise that refreshes
 * while training with a timeline of earlier snapshots, and quality numbers from the shipped classifier.
 */
public final class GanViewModel extends TrainingViewModel {
    static final int GRID = SampleTimeline.GRID;
    static final int GRID_COLUMNS = 8;
    static final int TIMELINE_MAX = 240;
    static final long QUALITY_EVERY_STEPS = 250;

    /** One published sample grid, for scrubbing back. */
    public record Snapshot(long step, ImageGrid samples) {
    }

    /** Shared: the worker asks for the kind of model in view. */
    private final SharedProperty<Architecture> architecture = new SharedProperty<>(this, "architecture",
            Architecture.MLP);
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 1);
    private final DoubleProperty learningRateD = new SimpleDoubleProperty(this, "learningRateD", 2e-4);
    private final DoubleProperty learningRateG = new SimpleDoubleProperty(this, "learningRateG", 2e-4);
    private final ObjectProperty<GeneratorLoss> generatorLoss = new SimpleObjectProperty<>(this, "generatorLoss",
            GeneratorLoss.NON_SATURATING);
    private final ObjectProperty<Noise> noise = new SimpleObjectProperty<>(this, "noise", Noise.NORMAL);
    private final DoubleProperty dDropout = new SimpleDoubleProperty(this, "dDropout", 0);
    private final DoubleProperty dWidth = new SimpleDoubleProperty(this, "dWidth", 1);

    private final ObjectProperty<ImageGrid> samples = new SimpleObjectProperty<>(this, "samples");
    private final ObservableList<Snapshot> timeline = FXCollections.observableArrayList();
    private final IntegerProperty timelineIndex = new SimpleIntegerProperty(this, "timelineIndex", -1);
    private final BooleanProperty followLive = new SimpleBooleanProperty(this, "followLive", true);
    private final ObjectProperty<ImageGrid> shownSamples = new SimpleObjectProperty<>(this, "shownSamples");
    private final LongProperty shownStep = new SimpleLongProperty(this, "shownStep");

    private final ObjectProperty<int[]> histogram = new SimpleObjectProperty<>(this, "histogram");
    private final IntegerProperty classesCovered = new SimpleIntegerProperty(this, "classesCovered", -1);
    private final DoubleProperty inceptionScore = new SimpleDoubleProperty(this, "inceptionScore", Double.NaN);
    private final DoubleProperty frechetDistance = new SimpleDoubleProperty(this, "frechetDistance", Double.NaN);
    private final DoubleProperty realInceptionScore = new SimpleDoubleProperty(this, "realInceptionScore", Double.NaN);
    /** Whether the data set has a shipped classifier to score samples with: only the bundled ones do. */
    private final javafx.beans.property.BooleanProperty qualityMeasured =
            new javafx.beans.property.SimpleBooleanProperty(this, "qualityMeasured", true);
    private final DoubleProperty realFrechetDistance = new SimpleDoubleProperty(this, "realFrechetDistance", Double.NaN);
    private final LongProperty qualityStep = new SimpleLongProperty(this, "qualityStep", -1);

    private final AtomicBoolean syncingArchitecture = new AtomicBoolean();

    // Worker thread.
    private ImageSet heldOut;
    private QualityReference reference;
    private INDArray fixedNoise;
    /** Whether the timeline's last frame is the newest snapshot kept only until the next; UI thread. */
    private boolean lastFrameTransient;
    private long lastQualityStep = Long.MIN_VALUE;

    public GanViewModel(I18n i18n, Background background) {
        super(i18n, background);
        latentSizeProperty().set(100);
        learningRateProperty().set(2e-4);
        // As long as the shipped GAN trained: digits appear within the first minute; a run goes on until stopped.
        epochsProperty().set(250);
        architecture.addListener((o, a, b) -> {
            // Choosing the other architecture opens its shipped model, unless a loaded file just told us its kind.
            if (!syncingArchitecture.get()) {
                openPretrained();
            }
        });
        k.addListener((o, a, b) -> live(g -> g.setK(b.intValue())));
        learningRateD.addListener((o, a, b) -> live(g -> g.setLearningRates(b.doubleValue(), learningRateG.get())));
        learningRateG.addListener((o, a, b) -> live(g -> g.setLearningRates(learningRateD.get(), b.doubleValue())));
        generatorLoss.addListener((o, a, b) -> live(g -> g.setGeneratorLoss(b)));
        timeline.addListener((javafx.collections.ListChangeListener<Snapshot>) c -> {
            if (followLive.get()) {
                timelineIndex.set(timeline.size() - 1);
            }
            showTimeline();
        });
        timelineIndex.addListener((o, a, b) -> {
            followLive.set(b.intValue() >= timeline.size() - 1);
            showTimeline();
        });
    }

    /** A setting that takes effect at the next step of the model being trained. */
    private void live(Consumer<Gan> change) {
        if (trainingModel() instanceof Gan g) {
            change.accept(g);
        }
    }

    private void showTimeline() {
        int i = timelineIndex.get();
        if (i >= 0 && i < timeline.size()) {
            shownSamples.set(timeline.get(i).samples());
            shownStep.set(timeline.get(i).step());
        } else {
            shownSamples.set(samples.get());
        }
    }

    @Override
    public ModelKind kind() {
        return architecture.seen() == Architecture.DCGAN ? ModelKind.DCGAN : ModelKind.GAN;
    }

    @Override
    public boolean accepts(ModelKind kind) {
        return kind == ModelKind.GAN || kind == ModelKind.DCGAN;
    }

    @Override
    protected Map<String, Object> modelSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", k.get());
        m.put("generator_loss", generatorLoss.get().id());
        m.put("noise", noise.get().id());
        m.put("learning_rate_d", learningRateD.get());
        m.put("learning_rate_g", learningRateG.get());
        m.put("d_dropout", dDropout.get());
        m.put("d_width", dWidth.get());
        return m;
    }

    @Override
    protected void applyModelSettings(ModelKind kind, Map<String, Object> settings) {
        syncingArchitecture.set(true);
        try {
            architecture.set(kind == ModelKind.DCGAN ? Architecture.DCGAN : Architecture.MLP);
        } finally {
            syncingArchitecture.set(false);
        }
        k.set(StoredValues.integer(settings, "k", k.get()));
        generatorLoss.set(StoredValues.parsed(settings, "generator_loss", GeneratorLoss::byId, generatorLoss.get()));
        noise.set(StoredValues.parsed(settings, "noise", Noise::byId, noise.get()));
        learningRateD.set(StoredValues.number(settings, "learning_rate_d", learningRateD.get()));
        learningRateG.set(StoredValues.number(settings, "learning_rate_g", learningRateG.get()));
        dDropout.set(StoredValues.number(settings, "d_dropout", dDropout.get()));
        dWidth.set(StoredValues.number(settings, "d_width", dWidth.get()));
    }

    /** The timeline of sample grids (one byte a pixel) and where the learner left its slider. */
    @Override
    protected Map<String, Object> viewState() {
        return SampleTimeline.stored(timeline.stream().map(s -> new SampleTimeline.Frame(s.step(), s.samples().rows(),
                s.samples().cols(), s.samples().images())).toList(), timelineIndex.get());
    }

    /** A damaged frame is left out; the others still show how the samples grew. */
    @Override
    protected void applyViewState(Map<String, Object> view) {
        List<SampleTimeline.Frame> frames = SampleTimeline.restored(view);
        if (frames.isEmpty()) {
            return;
        }
        timeline.setAll(frames.stream().map(f -> new Snapshot(f.step(), new ImageGrid(f.images(), f.rows(), f.cols())))
                .toList());
        lastFrameTransient = false;
        timelineIndex.set(SampleTimeline.restoredIndex(view, frames.size()));
    }

    @Override
    protected void onModelAdopted(GenerativeModel adopted) {
        Gan g = (Gan) adopted;
        GanConfig c = g.config();
        int kk = g.k();
        double lrD = g.learningRateD();
        double lrG = g.learningRateG();
        GeneratorLoss loss = g.generatorLoss();
        background.ui(() -> {
            syncingArchitecture.set(true);
            try {
                architecture.set(c.architecture());
            } finally {
                syncingArchitecture.set(false);
            }
            k.set(kk);
            learningRateD.set(lrD);
            learningRateG.set(lrG);
            generatorLoss.set(loss);
            noise.set(c.noise());
            dDropout.set(c.dDropout());
            dWidth.set(c.dWidth());
        });
    }

    @Override
    protected void onDataChanged(Split split) throws java.io.IOException {
        heldOut = split.heldOut();
        QualityReference r = ModelStore.bundledQualityReference(dataSpec, split);
        reference = r;
        background.ui(() -> qualityMeasured.set(r != null));
        if (r != null) {
            background.ui(() -> {
                realInceptionScore.set(r.realInceptionScore());
                realFrechetDistance.set(r.realFrechetDistance());
            });
        } else {
            background.ui(() -> {
                realInceptionScore.set(Double.NaN);
                realFrechetDistance.set(Double.NaN);
            });
        }
    }

    @Override
    protected void onInferenceChanged() {
        if (!(inference instanceof Gan gan) || heldOut == null) {
            publish(() -> {
                samples.set(null);
                showTimeline();
            });
            return;
        }
        if (fixedNoise == null || fixedNoise.columns() != gan.latentSize() || inferenceStep == 0) {
            fixedNoise = SampleTimeline.fixedNoise(gan);
        }
        ImageGrid grid = ImageGrid.of(Tensors.toFloats(gan.decode(fixedNoise)), heldOut.rows(), heldOut.cols());
        long step = inferenceStep;
        publish(() -> {
            if (step == 0) {
                timeline.clear();
                lastFrameTransient = false;
            }
            samples.set(grid);
            addToTimeline(new Snapshot(step, grid));
        });
        if (step == 0) {
            lastQualityStep = Long.MIN_VALUE;
        }
        if (reference != null && (step - lastQualityStep >= QUALITY_EVERY_STEPS || step == 0)) {
            lastQualityStep = step;
            SampleQuality.Report r = reference.score(gan);
            if (step > 0) {
                // A run's quality curve, as a shipped model's history keeps it.
                queuePoint(TrainingHistory.QUALITY, TrainingHistory.CLASSES_COVERED, step, r.classesCovered());
                queuePoint(TrainingHistory.QUALITY, TrainingHistory.INCEPTION_SCORE, step, r.inceptionScore());
                queuePoint(TrainingHistory.QUALITY, TrainingHistory.FRECHET_DISTANCE, step, r.frechetDistance());
            }
            publish(() -> {
                histogram.set(r.histogram());
                classesCovered.set(r.classesCovered());
                inceptionScore.set(r.inceptionScore());
                frechetDistance.set(r.frechetDistance());
                qualityStep.set(step);
            });
        }
    }

    /**
     * Keeps the frames due by the run's schedule (dense at the start, where the samples change most; at most
     * TIMELINE_MAX over a run) and, after them, the newest snapshot, which the next one replaces unless it was due.
     */
    private void addToTimeline(Snapshot s) {
        int scheduled = lastFrameTransient ? timeline.size() - 1 : timeline.size();
        boolean due = scheduled < TIMELINE_MAX
                && s.step() >= SampleTimeline.frameStep(scheduled, TIMELINE_MAX, totalStepsProperty().get());
        if (lastFrameTransient) {
            timeline.set(timeline.size() - 1, s);
        } else {
            timeline.add(s);
        }
        lastFrameTransient = !due;
    }

    public ObjectProperty<Architecture> architectureProperty() { return architecture; }
    public IntegerProperty kProperty() { return k; }
    public DoubleProperty learningRateDProperty() { return learningRateD; }
    public DoubleProperty learningRateGProperty() { return learningRateG; }
    public ObjectProperty<GeneratorLoss> generatorLossProperty() { return generatorLoss; }
    public ObjectProperty<Noise> noiseProperty() { return noise; }
    public DoubleProperty dDropoutProperty() { return dDropout; }
    public DoubleProperty dWidthProperty() { return dWidth; }
    public ObjectProperty<ImageGrid> samplesProperty() { return samples; }
    public ObservableList<Snapshot> timeline() { return timeline; }
    public IntegerProperty timelineIndexProperty() { return timelineIndex; }
    public BooleanProperty followLiveProperty() { return followLive; }
    public ObjectProperty<ImageGrid> shownSamplesProperty() { return shownSamples; }
    public LongProperty shownStepProperty() { return shownStep; }
    public ObjectProperty<int[]> histogramProperty() { return histogram; }
    public IntegerProperty classesCoveredProperty() { return classesCovered; }
    public DoubleProperty inceptionScoreProperty() { return inceptionScore; }
    public DoubleProperty frechetDistanceProperty() { return frechetDistance; }
    public DoubleProperty realInceptionScoreProperty() { return realInceptionScore; }
    public javafx.beans.property.BooleanProperty qualityMeasuredProperty() { return qualityMeasured; }
    public DoubleProperty realFrechetDistanceProperty() { return realFrechetDistance; }
    public LongProperty qualityStepProperty() { return qualityStep; }
}
