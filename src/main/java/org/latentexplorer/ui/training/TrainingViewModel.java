package org.latentexplorer.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.DataSource;
import org.latentexplorer.engine.core.EncodingModel;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.engine.core.Tensors;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.core.TrainerListener;
import org.latentexplorer.engine.core.TrainingConfig;
import org.latentexplorer.engine.store.Experiment;
import org.latentexplorer.engine.store.ExperimentFile;
import org.latentexplorer.engine.store.ModelManifest;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.engine.store.Models;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.CurveSource;
import org.latentexplorer.ui.base.DataChoice;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.SharedProperty;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every model section shares, without any Node: the data set, the training settings and commands, the
 * loss curves and numbers, and the model in view (open, save, pre-trained at start). Training runs on the
 * Trainer's thread; loading, saving and decoding on this view model's {@link Background}; properties change only
 * on the UI thread, at most {@link #UPDATES_PER_SECOND} times a second. What the worker needs of the settings is
 * read on the UI thread when the work is asked for and handed to it. Subclasses say which kind of model
 * they train and what they draw from it.
 */
public abstract class TrainingViewModel implements CurveSource {
    public static final int UPDATES_PER_SECOND = 20;
    /** Loss curves are thinned to this many points, which LineChart redraws smoothly. */
    public static final int MAX_CURVE_POINTS = 2000;
    public static final String TRAIN = "train";
    public static final String HELD_OUT = "heldout";

    protected final I18n i18n;
    protected final Background background;
    private final Background.Throttle throttle;

    // Settings the learner edits.
    private final ObservableList<DataChoice> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<DataChoice> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final IntegerProperty latentSize = new SimpleIntegerProperty(this, "latentSize", 2);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 5);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 128);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 1e-3);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads", Nd4jRuntime.defaultThreads());
    private final BooleanProperty continueTraining = new SimpleBooleanProperty(this, "continueTraining", false);

    // What the view shows.
    /** Shared: the worker asks whether a run is active. */
    private final SharedProperty<Trainer.State> state = new SharedProperty<>(this, "state", Trainer.State.IDLE);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanProperty modelOpen = new SimpleBooleanProperty(this, "modelOpen", false);
    private final BooleanProperty dataReady = new SimpleBooleanProperty(this, "dataReady", false);
    private final LongProperty step = new SimpleLongProperty(this, "step");
    private final LongProperty totalSteps = new SimpleLongProperty(this, "totalSteps");
    private final IntegerProperty epoch = new SimpleIntegerProperty(this, "epoch");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final DoubleProperty samplesPerSecond = new SimpleDoubleProperty(this, "samplesPerSecond", Double.NaN);
    private final Map<String, ObservableList<XYChart.Data<Number, Number>>> curves = new HashMap<>();
    private final Map<String, DoubleProperty> latest = new HashMap<>();
    private final StringProperty modelDescription = new SimpleStringProperty(this, "modelDescription");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(this, "messageIsError");

    // Handed from background threads to the next UI update.
    private final AtomicReference<TrainerListener.StepEvent> lastStep = new AtomicReference<>();
    private final ConcurrentLinkedQueue<CurvePoint> newPoints = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Trainer.State> newState = new AtomicReference<>();
    private final AtomicReference<TrainerListener.Snapshot> pendingSnapshot = new AtomicReference<>();
    private final AtomicBoolean snapshotQueued = new AtomicBoolean();
    private final List<Runnable> visualUpdates = new ArrayList<>();

    // Owned by the worker thread.
    protected Split split;
    /** The data set in use: a bundled set's id or a file's path. */
    protected String dataSpec;
    protected GenerativeModel model;
    protected GenerativeModel inference;
    /** The training step the inference copy's parameters come from; 0 for a model opened or just created. */
    protected long inferenceStep;
    private String modelDatasetSpec;
    private long trainedSteps;
    private int trainedEpochs;

    private volatile Trainer trainer;
    /**
     * A pause or stop asked for while a run is being set up, before its Trainer exists (two quick presses of the
     * play/pause key): the run takes it up as soon as it starts.
     */
    private volatile Trainer.State requested;
    /** Background jobs not yet finished; UI thread only. */
    private int pendingJobs;
    /** True while an experiment sets the data set, which it has already read; UI thread only. */
    private boolean restoring;
    /** How many experiments have been opened here; UI thread only. */
    private int restores;

    private record CurvePoint(String key, long step, double value) {
    }

    protected TrainingViewModel(I18n i18n, Background background) {
        this.i18n = i18n;
        this.background = background.onFailure(this::error);
        this.throttle = background.throttle(1000 / UPDATES_PER_SECOND, this::applyUpdates);
        for (BundledDataset d : BundledDataset.values()) {
            datasets.add(new DataChoice(d.id(), null, d.displayName()));
        }
        dataset.set(datasets.get(0));
        modelDescription.set(i18n.get("model.none"));
        dataset.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old) && !restoring) {
                loadData(now);
            }
        });
    }

    /** The kind of model this section trains. */
    public abstract ModelKind kind();

    /** The kind's own settings by their manifest names, read on the UI thread when training starts. */
    protected Map<String, Object> modelSettings() {
        return Map.of();
    }

    /** Worker thread: the data set changed; prepare what is drawn from it. */
    protected abstract void onDataChanged(Split split) throws java.io.IOException;

    /** Worker thread: the inference copy changed (new model or new snapshot); redraw what depends on it. */
    protected abstract void onInferenceChanged();

    /** Whether this section opens models of a kind; a section may show more than one. */
    public boolean accepts(ModelKind k) {
        return k == kind();
    }

    /** The model in view, for a section whose kinds all have an Encoder (its {@link #accepts} admits no GAN). */
    protected EncodingModel encodingInference() {
        return (EncodingModel) inference;
    }

    /** The latent-size setting that builds a model like this one: its code size, unless the kind says otherwise. */
    protected int latentSetting(GenerativeModel m) {
        return m.latentSize();
    }

    /** Worker thread: called before a model of this kind is adopted, to check or read its settings. */
    protected void onModelAdopted(GenerativeModel adopted) {
    }

    /**
     * UI thread: sets the kind's own settings from their manifest names, the inverse of {@link #modelSettings()}; the
     * kind tells a section that trains more than one which it was.
     */
    protected void applyModelSettings(ModelKind kind, Map<String, Object> settings) {
    }

    /** UI thread: what an experiment file keeps of the view besides the model and the curves, by name. */
    protected Map<String, Object> viewState() {
        return Map.of();
    }

    /** UI thread: puts the view back as {@link #viewState()} described it. */
    protected void applyViewState(Map<String, Object> view) {
    }

    /** Loads the first data set and the pre-trained model for it, in the background. */
    public void initialize() {
        loadData(dataset.get());
    }

    // ---- commands -------------------------------------------------------------------------------------

    public void start() {
        if (validateSettings()) {
            launch(false);
        }
    }

    /** One mini-batch: from idle it starts a paused run; while paused it advances it. */
    public void step() {
        Trainer t = trainer;
        if (t != null && t.state() == Trainer.State.PAUSED) {
            t.step(1);
        } else if (validateSettings()) {
            launch(true);
        }
    }

    public void pause() {
        requested = Trainer.State.PAUSED;
        Trainer t = trainer;
        if (t != null) {
            t.pause();
        }
    }

    public void resume() {
        requested = null;
        Trainer t = trainer;
        if (t != null) {
            t.resume();
        }
    }

    public void stop() {
        requested = Trainer.State.STOPPED;
        Trainer t = trainer;
        if (t != null) {
            t.stop();
        }
    }

    public void saveModel(Path path) {
        long s = seed.get();
        runInBackground(() -> {
            if (model == null) {
                return;
            }
            ModelStore.save(model, manifest(s), path, true);
            String description = describeModel(ModelStore.modelFile(path).getFileName().toString());
            background.ui(() -> {
                modelDescription.set(description);
                info("model.saved", ModelStore.modelFile(path));
            });
        });
    }

    /** Worker thread: the manifest of the model in view, with its held-out loss terms. */
    private ModelManifest manifest(long seed) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Trainer.evaluate(model, split.heldOut()).asMap().forEach((k, v) -> metrics.put("heldout_" + k, v));
        return ModelManifest.describe(model, modelDatasetSpec, seed, trainedEpochs, trainedSteps, metrics);
    }

    /** Back to the pre-trained model shipped for this data set, after training or opening another. */
    public void openPretrained() {
        loadData(dataset.get());
    }

    public void openModel(Path path) {
        runInBackground(() -> adopt(ModelStore.load(path), ModelStore.modelFile(path).getFileName().toString()));
    }

    /** Adds an IDX images file (with its labels) to the data sets and switches to it. */
    public void openDataset(Path images, Path labels) {
        DataChoice choice = new DataChoice(images.toString(), labels == null ? null : labels.toString(),
                images.getFileName().toString());
        int asked = restores;
        runInBackground(() -> {
            // Read once here so a bad file is reported before it joins the list.
            DataSource.load(choice.spec(), labels);
            background.ui(() -> {
                if (!datasets.contains(choice)) {
                    datasets.add(choice);
                }
                // An experiment opened meanwhile brought its own data set: this one joins the list, not the view.
                if (restores == asked) {
                    dataset.set(choice);
                }
            });
        });
    }

    /** UI thread: the run as an experiment of the given section, without the model (which the worker owns). */
    public Experiment captureExperiment(String section) {
        DataChoice d = dataset.get();
        return Experiment.of(section, kind().id(), d.spec(), d.labelsPath(),
                new Experiment.Training(latentSize.get(), epochs.get(), batchSize.get(), learningRate.get(), seed.get(),
                        continueTraining.get()),
                modelSettings(), stored(curves), viewState());
    }

    /** Saves the run with its model as one experiment file; refused while training, which owns the model. */
    public void saveExperiment(Path path, String section) {
        if (!readyToSave()) {
            return;
        }
        Experiment captured = captureExperiment(section);
        long s = seed.get();
        runInBackground(() -> {
            ModelManifest manifest = model == null ? null : manifest(s);
            // The model's own kind: a section that trains more than one may show a model of the kind not chosen now.
            Experiment experiment = model == null ? captured : captured.withKind(model.kind().id());
            ExperimentFile.save(path, experiment, model, manifest);
            background.ui(() -> info("experiment.saved", path));
        });
    }

    /**
     * Whether the run can be saved now, and if not, says why: the model belongs to its trainer while it trains, and
     * a data set or model still loading would not match the settings in view.
     */
    public boolean readyToSave() {
        if (isActive()) {
            errorText("experiment.error.training");
            return false;
        }
        if (busy.get()) {
            errorText("experiment.error.busy");
            return false;
        }
        return true;
    }

    /**
     * UI thread: reproduces a saved run: its data set (already read, so a missing file has been reported before
     * anything changed), settings, model, curves and view. False, and nothing changes, while a model trains here.
     */
    public boolean restore(ExperimentFile.Loaded loaded, ImageSet data, String name) {
        if (isActive()) {
            return false;
        }
        Experiment e = loaded.experiment();
        DataChoice choice = datasets.stream().filter(c -> c.spec().equals(e.dataset())).findFirst()
                .orElseGet(() -> new DataChoice(e.dataset(), e.labels(), Path.of(e.dataset()).getFileName().toString()));
        restores++;
        restoring = true;
        try {
            if (!datasets.contains(choice)) {
                datasets.add(choice);
            }
            dataset.set(choice);
        } finally {
            restoring = false;
        }
        runInBackground(() -> {
            useData(choice, data);
            if (loaded.model() != null) {
                adopt(loaded.model(), name);
            } else {
                closeModel();
                onInferenceChanged();
            }
            // Published and then posted, so it runs after the redraws and the updates the adoption above queued.
            publish(() -> background.ui(() -> {
                try {
                    apply(e);
                    info("experiment.opened", name);
                } catch (RuntimeException bad) {
                    error(bad);
                }
            }));
        });
        return true;
    }

    /** UI thread: an opened experiment's settings, curves and view, over what the adoption showed. */
    private void apply(Experiment e) {
        Experiment.Training t = e.training();
        latentSize.set(t.latentSize());
        epochs.set(t.epochs());
        batchSize.set(t.batchSize());
        learningRate.set(t.learningRate());
        seed.set(t.seed());
        continueTraining.set(t.continueTraining());
        applyModelSettings(ModelKind.byId(e.kind()), e.modelSettings());
        // The previous run's numbers go; the held-out ones the adoption measured on this model stay.
        curves.values().forEach(List::clear);
        latest.forEach((k, p) -> {
            if (k.startsWith(TRAIN + ":")) {
                p.set(Double.NaN);
            }
        });
        step.set(0);
        epoch.set(0);
        progress.set(0);
        samplesPerSecond.set(Double.NaN);
        e.curves().forEach((k, points) -> {
            curve(k).setAll(chartData(points));
            latest(k).set(points.isEmpty() ? Double.NaN : points.get(points.size() - 1)[1]);
        });
        applyViewState(e.view());
    }

    /** Stops training and the worker; nothing it had under way reaches the properties afterwards. */
    public void shutdown() {
        stop();
        background.close();
    }

    // ---- background work ------------------------------------------------------------------------------

    /**
     * Runs on the worker thread; called on the UI thread, it shows busy at once until the work ends, and any
     * failure as a message in the user's language.
     */
    protected void runInBackground(Background.Work work) {
        pendingJobs++;
        busy.set(true);
        background.run(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                // Told before busy ends, so whoever waits for the end of the work finds its message.
                background.ui(() -> error(e));
            } finally {
                background.ui(() -> busy.set(--pendingJobs > 0));
            }
        });
    }

    /** Worker work that should not show as busy: redrawing after a drag or a snapshot. Failures still show. */
    protected void runQuietly(Background.Work work) {
        background.run(work);
    }

    /** Worker thread: hands a UI change to the next coalesced update, so a burst of redraws costs one. */
    protected void publish(Runnable uiChange) {
        synchronized (visualUpdates) {
            visualUpdates.add(uiChange);
        }
        throttle.request();
    }

    private void loadData(DataChoice choice) {
        String bundledName = kind().id() + "-" + choice.spec();
        runInBackground(() -> {
            useData(choice, DataSource.load(choice.spec(),
                    choice.labelsPath() == null ? null : Path.of(choice.labelsPath())));
            if (DataSource.isBundled(choice.spec()) && ModelStore.bundledExists(bundledName)) {
                adopt(ModelStore.loadBundled(bundledName), i18n.get("model.pretrained", bundledName));
            } else {
                onInferenceChanged();
            }
        });
    }

    /** Worker thread: splits a data set that has been read and redraws what is drawn from it. */
    private void useData(DataChoice choice, ImageSet all) throws java.io.IOException {
        split = Split.of(all, Split.DEFAULT_HELD_OUT, Split.DEFAULT_SEED);
        dataSpec = choice.spec();
        onDataChanged(split);
        background.ui(() -> dataReady.set(true));
        if (model != null && model.inputSize() != all.pixelsPerImage()) {
            closeModel();
        }
    }

    /** Makes a loaded model the one in view (worker thread). */
    private void adopt(ModelStore.Loaded loaded, String name) {
        if (!accepts(loaded.model().kind())) {
            throw new IllegalArgumentException(i18n.get("model.error.wrongKind", loaded.manifest().kind(), kind().id()));
        }
        if (split != null && loaded.model().inputSize() != split.train().pixelsPerImage()) {
            throw new IllegalArgumentException(i18n.get("model.error.wrongSize", loaded.model().inputSize(),
                    split.train().pixelsPerImage()));
        }
        onModelAdopted(loaded.model());
        model = loaded.model();
        inference = model.copyForInference();
        inferenceStep = 0;
        modelDatasetSpec = loaded.manifest().dataset();
        trainedEpochs = loaded.manifest().epochs();
        trainedSteps = loaded.manifest().steps();
        int latent = latentSetting(model);
        String description = describeModel(name);
        Map<String, Double> heldOut = Trainer.evaluate(model, split.heldOut()).asMap();
        onInferenceChanged();
        background.ui(() -> {
            latentSize.set(latent);
            heldOut.forEach((term, v) -> latest(HELD_OUT, term).set(v));
            modelOpen.set(true);
            modelDescription.set(description);
        });
    }

    private void closeModel() {
        model = null;
        inference = null;
        background.ui(() -> {
            modelOpen.set(false);
            modelDescription.set(i18n.get("model.none"));
        });
    }

    private String describeModel(String name) {
        return i18n.get("model.description", name, model.latentSize(), trainedEpochs, trainedSteps);
    }

    /** Encodes or decodes a batch with the inference copy (worker thread). */
    protected INDArray rows(float[] pixels) {
        return Tensors.rows(pixels, pixels.length / inference.inputSize());
    }

    private boolean validateSettings() {
        if (isActive()) {
            return false;
        }
        double lr = learningRate.get();
        if (!(lr > 0 && lr <= 1)) {
            errorText("model.error.learningRate", lr);
            return false;
        }
        return true;
    }

    private void launch(boolean paused) {
        int latent = latentSize.get();
        double lr = learningRate.get();
        long s = seed.get();
        int threadCount = threads.get();
        boolean fromOpen = continueTraining.get();
        String spec = dataset.get().spec();
        ModelKind k = kind();
        Map<String, Object> extra = modelSettings();
        TrainingConfig config;
        try {
            config = new TrainingConfig(epochs.get(), batchSize.get(), s, 50, 10);
        } catch (IllegalArgumentException e) {
            error(e);
            return;
        }
        curves.values().forEach(List::clear);
        latest.values().forEach(p -> p.set(Double.NaN));
        samplesPerSecond.set(Double.NaN);
        message.set("");
        trainer = null;
        requested = null;
        state.set(paused ? Trainer.State.PAUSED : Trainer.State.RUNNING);
        runInBackground(() -> {
            Nd4jRuntime.configureThreads(threadCount);
            boolean continuing = fromOpen && model != null && latentSetting(model) == latent;
            GenerativeModel trained = continuing ? model.copyForInference()
                    : Models.create(k, split.train().pixelsPerImage(), latent, lr, s, extra);
            if (!continuing) {
                trainedEpochs = 0;
                trainedSteps = 0;
            }
            model = trained;
            inference = trained.copyForInference();
            inferenceStep = 0;
            modelDatasetSpec = spec;
            onInferenceChanged();
            Trainer t = new Trainer(trained, split.train(), split.heldOut(), config);
            t.addListener(new Listener());
            trainer = t;
            String description = i18n.get("model.training", latent);
            background.ui(() -> {
                totalSteps.set(t.totalSteps());
                step.set(0);
                epoch.set(0);
                progress.set(0);
                modelOpen.set(true);
                modelDescription.set(description);
            });
            if (paused) {
                t.step(1);
            } else {
                t.start();
            }
            Trainer.State wanted = requested;
            if (wanted == Trainer.State.PAUSED) {
                t.pause();
            } else if (wanted == Trainer.State.STOPPED) {
                t.stop();
            }
        });
    }

    /** The model being trained, or null; for settings that take effect during training. */
    protected GenerativeModel trainingModel() {
        Trainer t = trainer;
        return t != null && isActive() ? t.model() : null;
    }

    /** Whether a model trains or is paused here; callable from any thread. */
    protected boolean isActive() {
        Trainer.State s = state.seen();
        return s == Trainer.State.RUNNING || s == Trainer.State.PAUSED;
    }

    /** Hears the Trainer on its thread, and only queues: the UI update and the decoding run elsewhere. */
    private final class Listener implements TrainerListener {
        @Override
        public void onStep(StepEvent e) {
            lastStep.set(e);
            e.train().asMap().forEach((term, v) -> newPoints.add(new CurvePoint(key(TRAIN, term), e.step(), v)));
            throttle.request();
        }

        @Override
        public void onEval(EvalEvent e) {
            e.heldOut().asMap().forEach((term, v) -> newPoints.add(new CurvePoint(key(HELD_OUT, term), e.step(), v)));
            throttle.request();
        }

        @Override
        public void onSnapshot(Snapshot snapshot) {
            pendingSnapshot.set(snapshot);
            // At most one decoding job waits on the worker: the newest snapshot wins.
            if (snapshotQueued.compareAndSet(false, true)) {
                runQuietly(() -> {
                    snapshotQueued.set(false);
                    TrainerListener.Snapshot latestSnapshot = pendingSnapshot.getAndSet(null);
                    if (latestSnapshot != null && inference != null) {
                        inference.setParameters(latestSnapshot.parameters());
                        inferenceStep = latestSnapshot.step();
                        onInferenceChanged();
                    }
                });
            }
        }

        @Override
        public void onStateChanged(Trainer.State s) {
            if (s == Trainer.State.FINISHED || s == Trainer.State.STOPPED || s == Trainer.State.FAILED) {
                runQuietly(() -> {
                    Trainer t = trainer;
                    trainedSteps += t.step();
                    trainedEpochs += (int) (t.step() / t.batchesPerEpoch());
                    String description = describeModel(i18n.get("model.unsaved"));
                    background.ui(() -> modelDescription.set(description));
                });
            }
            newState.set(s);
            throttle.request();
        }

        @Override
        public void onFailure(Throwable error) {
            background.ui(() -> error(error));
        }
    }

    private static String key(String split, String term) {
        return split + ":" + term;
    }

    /** UI thread: moves everything queued by the background threads into the properties. */
    private void applyUpdates() {
        TrainerListener.StepEvent e = lastStep.getAndSet(null);
        if (e != null) {
            step.set(e.step());
            epoch.set(e.epoch());
            progress.set(e.progress());
            samplesPerSecond.set(e.samplesPerSecond());
        }
        Map<String, List<XYChart.Data<Number, Number>>> added = new LinkedHashMap<>();
        for (CurvePoint p; (p = newPoints.poll()) != null; ) {
            added.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(new XYChart.Data<>(p.step(), p.value()));
        }
        added.forEach((k, points) -> {
            append(curve(k), points);
            latest(k).set(points.get(points.size() - 1).getYValue().doubleValue());
        });
        List<Runnable> visuals;
        synchronized (visualUpdates) {
            visuals = new ArrayList<>(visualUpdates);
            visualUpdates.clear();
        }
        visuals.forEach(Runnable::run);
        Trainer.State s = newState.getAndSet(null);
        if (s != null) {
            state.set(s);
        }
    }

    /** Curves as an experiment file stores them: [step, value] pairs by key, empty curves left out. */
    public static Map<String, List<double[]>> stored(Map<String, ObservableList<XYChart.Data<Number, Number>>> curves) {
        Map<String, List<double[]>> stored = new java.util.TreeMap<>();
        curves.forEach((key, points) -> {
            if (!points.isEmpty()) {
                stored.put(key, points.stream()
                        .map(d -> new double[] {d.getXValue().doubleValue(), d.getYValue().doubleValue()}).toList());
            }
        });
        return stored;
    }

    /** A stored curve back as chart points. */
    public static List<XYChart.Data<Number, Number>> chartData(List<double[]> points) {
        return points.stream().map(p -> new XYChart.Data<Number, Number>((long) p[0], p[1])).toList();
    }

    /** Appends, keeping at most {@link #MAX_CURVE_POINTS}: every other point goes, the curve's shape and ends stay. */
    public static void append(ObservableList<XYChart.Data<Number, Number>> curve, List<XYChart.Data<Number, Number>> added) {
        if (curve.size() + added.size() <= MAX_CURVE_POINTS) {
            curve.addAll(added);
            return;
        }
        List<XYChart.Data<Number, Number>> all = new ArrayList<>(curve);
        all.addAll(added);
        List<XYChart.Data<Number, Number>> thinned = new ArrayList<>(all.size() / 2 + 1);
        for (int i = 0; i < all.size(); i += 2) {
            thinned.add(new XYChart.Data<>(all.get(i).getXValue(), all.get(i).getYValue()));
        }
        if (all.size() % 2 == 0) {
            XYChart.Data<Number, Number> last = all.get(all.size() - 1);
            thinned.add(new XYChart.Data<>(last.getXValue(), last.getYValue()));
        }
        curve.setAll(thinned);
    }

    protected void error(Throwable e) {
        messageIsError.set(true);
        message.set(i18n.describe(e));
        if (isActive() && trainer == null) {
            state.set(Trainer.State.IDLE);
        }
    }

    protected void errorText(String key, Object... args) {
        messageIsError.set(true);
        message.set(i18n.get(key, args));
    }

    protected void info(String key, Object... args) {
        messageIsError.set(false);
        message.set(i18n.get(key, args));
    }

    // ---- properties -----------------------------------------------------------------------------------

    /** The curve of one loss term, train or held-out, e.g. curve("train", "kl"). UI thread. */
    @Override
    public ObservableList<XYChart.Data<Number, Number>> curve(String split, String term) {
        return curve(key(split, term));
    }

    private ObservableList<XYChart.Data<Number, Number>> curve(String key) {
        return curves.computeIfAbsent(key, k -> FXCollections.observableArrayList());
    }

    /** The newest value of one loss term, train or held-out; NaN before there is one. UI thread. */
    public DoubleProperty latest(String split, String term) {
        return latest(key(split, term));
    }

    private DoubleProperty latest(String key) {
        return latest.computeIfAbsent(key, k -> new SimpleDoubleProperty(this, k, Double.NaN));
    }

    public BooleanBinding canStart() {
        return Bindings.createBooleanBinding(() -> !isActive() && !busy.get() && dataReady.get(), state, busy, dataReady);
    }

    public BooleanBinding running() {
        return state.isEqualTo(Trainer.State.RUNNING);
    }

    public BooleanBinding paused() {
        return state.isEqualTo(Trainer.State.PAUSED);
    }

    public BooleanBinding active() {
        return running().or(paused());
    }

    public BooleanBinding canSave() {
        return active().not().and(modelOpen).and(busy.not());
    }

    public ObservableList<DataChoice> datasets() { return datasets; }
    public ObjectProperty<DataChoice> datasetProperty() { return dataset; }
    public IntegerProperty latentSizeProperty() { return latentSize; }
    public IntegerProperty epochsProperty() { return epochs; }
    public IntegerProperty batchSizeProperty() { return batchSize; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public LongProperty seedProperty() { return seed; }
    public IntegerProperty threadsProperty() { return threads; }
    public BooleanProperty continueTrainingProperty() { return continueTraining; }
    public ObjectProperty<Trainer.State> stateProperty() { return state; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty modelOpenProperty() { return modelOpen; }
    public LongProperty stepProperty() { return step; }
    public LongProperty totalStepsProperty() { return totalSteps; }
    public IntegerProperty epochProperty() { return epoch; }
    public DoubleProperty progressProperty() { return progress; }
    public DoubleProperty samplesPerSecondProperty() { return samplesPerSecond; }
    public StringProperty modelDescriptionProperty() { return modelDescription; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty messageIsErrorProperty() { return messageIsError; }
}
