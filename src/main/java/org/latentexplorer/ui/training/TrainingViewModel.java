package org.latentexplorer.ui.training;

import java.nio.file.Path;
import java.util.Map;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
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
import org.latentexplorer.engine.store.HistoryFile;
import org.latentexplorer.engine.store.ModelStore;
import org.latentexplorer.engine.store.Models;
import org.latentexplorer.engine.store.TrainingHistory;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.CurveSource;
import org.latentexplorer.ui.base.CurveStore;
import org.latentexplorer.ui.base.DataChoice;
import org.latentexplorer.ui.base.I18n;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every model section shares, without any Node: the data set, the training settings and commands, the
 * loss curves and numbers, and the model in view (open, save, pre-trained at start). Training runs on the
 * Trainer's thread; loading, saving and decoding on this view model's {@link Background}; properties change only
 * on the UI thread, at most {@link #UPDATES_PER_SECOND} times a second. What the worker needs of the settings is
 * read on the UI thread when the work is asked for and handed to it. Subclasses say which kind of model they
 * train and what they draw from it. It ties together the settings form ({@link TrainingSettings}), the run and
 * its status ({@link TrainingRun}), the curves ({@link CurveStore}), the model in view ({@link ModelSlot}) and
 * experiment files ({@link TrainingExperiments}).
 */
public abstract class TrainingViewModel implements CurveSource {
    public static final int UPDATES_PER_SECOND = 20;
    /** The splits' names in curve keys, as a shipped model's history names them. */
    public static final String TRAIN = TrainingHistory.TRAIN;
    public static final String HELD_OUT = TrainingHistory.HELD_OUT;

    protected final I18n i18n;
    protected final Background background;
    private final TrainingSettings settings = new TrainingSettings();
    private final CurveStore curves = new CurveStore();
    private final TrainingRun run;
    private final TrainingExperiments experiments;
    private final DataOpening opening;

    // Owned by the worker thread.
    protected Split split;
    /** The data set in use: a bundled set's id or a file's path. */
    protected String dataSpec;
    protected GenerativeModel inference;
    /** The training step the inference copy's parameters come from; 0 for a model opened or just created. */
    protected long inferenceStep;
    /** How often a run or an opened experiment has set the curves; UI thread. A shipped history comes before both. */
    private int curvesSet;
    /** The model in view, which experiment files save with the run. */
    final ModelSlot slot = new ModelSlot();

    protected TrainingViewModel(I18n i18n, Background background) {
        this.i18n = i18n;
        this.background = background.onFailure(this::error);
        this.run = new TrainingRun(i18n, this.background, curves);
        this.experiments = new TrainingExperiments(this, settings, curves, run);
        this.opening = new DataOpening(this, settings, i18n, this.background);
        settings.onDatasetChosen(this::loadData);
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
    public boolean accepts(ModelKind k) { return k == kind(); }

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

    /** UI thread: sets the kind's own settings from their manifest names, the inverse of {@link #modelSettings()}. */
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
        loadData(settings.datasetProperty().get());
    }

    // ---- commands -------------------------------------------------------------------------------------

    public void start() {
        if (validateSettings()) {
            launch(false);
        }
    }

    /** One mini-batch: from idle it starts a paused run; while paused it advances it. */
    public void step() {
        if (!run.stepPaused() && validateSettings()) {
            launch(true);
        }
    }

    public void pause() {
        run.pause();
    }

    public void resume() {
        run.resume();
    }

    public void stop() {
        run.stop();
    }

    public void saveModel(Path path) {
        long s = settings.seedProperty().get();
        runInBackground(() -> {
            if (slot.model() == null) {
                return;
            }
            ModelStore.save(slot.model(), slot.manifest(split.heldOut(), s), path, true);
            String description = slot.describe(i18n, ModelStore.modelFile(path).getFileName().toString());
            background.ui(() -> {
                run.modelDescriptionProperty().set(description);
                run.info("model.saved", ModelStore.modelFile(path));
            });
        });
    }

    /** Back to the pre-trained model shipped for this data set, after training or opening another. */
    public void openPretrained() {
        loadData(settings.datasetProperty().get());
    }

    public void openModel(Path path) {
        runInBackground(() -> adopt(ModelStore.load(path), ModelStore.modelFile(path).getFileName().toString()));
    }

    /** Adds an IDX images file (with its labels) to the data sets and switches to it. */
    public void openDataset(Path images, Path labels) {
        opening.openIdx(images, labels);
    }

    /** UI thread: the run as an experiment of the given section, without the model (which the worker owns). */
    public Experiment captureExperiment(String section) {
        return experiments.capture(section);
    }

    /** Saves the run with its model as one experiment file; refused while training, which owns the model. */
    public void saveExperiment(Path path, String section) {
        experiments.save(path, section);
    }

    /**
     * Whether the run can be saved now, and if not, says why: the model belongs to its trainer while it trains, and
     * a data set or model still loading would not match the settings in view.
     */
    public boolean readyToSave() {
        return experiments.readyToSave();
    }

    /**
     * UI thread: reproduces a saved run: its data set (already read, so a missing file has been reported before
     * anything changed), settings, model, curves and view. False, and nothing changes, while a model trains here.
     */
    public boolean restore(ExperimentFile.Loaded loaded, ImageSet data, String name) {
        boolean restoring = experiments.restore(loaded, data, name);
        if (restoring) {
            curvesSet++;
        }
        return restoring;
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
        run.inBackground(work);
    }

    /** Worker work that should not show as busy: redrawing after a drag or a snapshot. Failures still show. */
    protected void runQuietly(Background.Work work) {
        background.run(work);
    }

    /** {@link Background#newestOnly} on this section's worker, quietly as {@link #runQuietly}. */
    protected Runnable newestOnly(Background.Work work) {
        return background.newestOnly(work);
    }

    /** Worker thread: hands a UI change to the next coalesced update, so a burst of redraws costs one. */
    protected void publish(Runnable uiChange) {
        run.publish(uiChange);
    }

    private void loadData(DataChoice choice) {
        String bundledName = kind().id() + "-" + choice.spec();
        int curvesSetBefore = curvesSet;
        runInBackground(() -> {
            ImageSet previewed = opening.takeRead(choice.spec());
            useData(choice, previewed != null ? previewed : DataSource.load(choice.spec(),
                    choice.labelsPath() == null ? null : Path.of(choice.labelsPath())));
            if (DataSource.isBundled(choice.spec()) && ModelStore.bundledExists(bundledName)) {
                adopt(ModelStore.loadBundled(bundledName), i18n.get("model.pretrained", bundledName));
                Experiment history = HistoryFile.loadBundled(bundledName);
                if (history != null) {
                    // Published and then posted, as an opened experiment is: after what the adoption queued.
                    // Unless a run started or an experiment opened meanwhile: its curves are the ones to show.
                    publish(() -> background.ui(() -> {
                        if (curvesSet == curvesSetBefore) {
                            experiments.showHistory(history);
                        }
                    }));
                }
            } else {
                onInferenceChanged();
            }
        });
    }

    /** Worker thread: splits a data set that has been read and redraws what is drawn from it. */
    void useData(DataChoice choice, ImageSet all) throws java.io.IOException {
        split = Split.of(all, Split.defaultHeldOut(all.size()), Split.DEFAULT_SEED);
        dataSpec = choice.spec();
        background.ui(() -> opening.showClassNames(choice.spec(), all.classNames()));
        onDataChanged(split);
        background.ui(() -> run.dataReadyProperty().set(true));
        if (slot.model() != null && slot.model().inputSize() != all.pixelsPerImage()) {
            closeModel();
        }
    }

    /** Makes a loaded model the one in view (worker thread). */
    void adopt(ModelStore.Loaded loaded, String name) {
        if (!accepts(loaded.model().kind())) {
            throw new IllegalArgumentException(i18n.get("model.error.wrongKind", loaded.manifest().kind(),
                    kind().id()));
        }
        if (split != null && loaded.model().inputSize() != split.train().pixelsPerImage()) {
            throw new IllegalArgumentException(i18n.get("model.error.wrongSize", loaded.model().inputSize(),
                    split.train().pixelsPerImage()));
        }
        onModelAdopted(loaded.model());
        slot.adopt(loaded);
        inference = loaded.model().copyForInference();
        inferenceStep = 0;
        int latent = latentSetting(loaded.model());
        String description = slot.describe(i18n, name);
        Map<String, Double> heldOut = Trainer.evaluate(loaded.model(), split.heldOut()).asMap();
        onInferenceChanged();
        background.ui(() -> {
            settings.latentSizeProperty().set(latent);
            heldOut.forEach((term, v) -> latest(HELD_OUT, term).set(v));
            run.showModel(description);
        });
    }

    void closeModel() {
        slot.close();
        inference = null;
        background.ui(run::showNoModel);
    }

    /** Encodes or decodes a batch with the inference copy (worker thread). */
    protected INDArray rows(float[] pixels) {
        return Tensors.rows(pixels, pixels.length / inference.inputSize());
    }

    private boolean validateSettings() {
        if (isActive()) {
            return false;
        }
        if (!settings.learningRateValid()) {
            run.errorText("model.error.learningRate", settings.learningRateProperty().get());
            return false;
        }
        return true;
    }

    private void launch(boolean paused) {
        curvesSet++;
        int latent = settings.latentSizeProperty().get();
        double lr = settings.learningRateProperty().get();
        long s = settings.seedProperty().get();
        int threadCount = settings.threadsProperty().get();
        boolean fromOpen = settings.continueTrainingProperty().get();
        String spec = settings.datasetProperty().get().spec();
        ModelKind k = kind();
        Map<String, Object> extra = modelSettings();
        TrainingConfig config;
        try {
            config = settings.config();
        } catch (IllegalArgumentException e) {
            error(e);
            return;
        }
        curves.clear();
        curves.forgetLatest(key -> true);
        run.prepare(paused);
        runInBackground(() -> {
            Nd4jRuntime.configureThreads(threadCount);
            GenerativeModel open = slot.model();
            boolean continuing = fromOpen && open != null && latentSetting(open) == latent;
            GenerativeModel trained = continuing ? open.copyForInference()
                    : Models.create(k, split.train().pixelsPerImage(), latent, lr, s, extra);
            slot.train(trained, continuing, spec);
            inference = trained.copyForInference();
            inferenceStep = 0;
            onInferenceChanged();
            Trainer t = new Trainer(trained, split.train(), split.heldOut(), config);
            t.addListener(run.listener(this::showSnapshot, this::runEnded));
            String description = i18n.get("model.training", latent);
            background.ui(() -> run.started(t.totalSteps(), description));
            run.begin(t, paused);
        });
    }

    /** Worker thread: the newest snapshot becomes the inference copy's parameters. */
    private void showSnapshot(TrainerListener.Snapshot snapshot) {
        if (inference != null) {
            inference.setParameters(snapshot.parameters());
            inferenceStep = snapshot.step();
            onInferenceChanged();
        }
    }

    /** Worker thread: a run ended; the model counts its steps and epochs. */
    private void runEnded(Trainer t) {
        slot.count(t);
        String description = slot.describe(i18n, i18n.get("model.unsaved"));
        background.ui(() -> run.modelDescriptionProperty().set(description));
    }

    /** The model being trained, or null; for settings that take effect during training. */
    protected GenerativeModel trainingModel() {
        return run.trainingModel();
    }

    /** Whether a model trains or is paused here; callable from any thread. */
    protected boolean isActive() {
        return run.isActive();
    }

    /** UI thread: shows a failure as the message, in the learner's language. */
    protected void error(Throwable e) {
        run.error(e);
    }

    // ---- properties -----------------------------------------------------------------------------------

    /** The curve of one loss term, train or held-out, e.g. curve("train", "kl"). UI thread. */
    @Override
    public ObservableList<XYChart.Data<Number, Number>> curve(String split, String term) {
        return curves.curve(split, term);
    }

    /** Any thread: a point of a curve the section measures itself (a GAN's quality), shown at the next update. */
    protected void queuePoint(String split, String term, long step, double value) {
        curves.queue(CurveStore.key(split, term), step, value);
    }

    /** The newest value of one loss term, train or held-out; NaN before there is one. UI thread. */
    public DoubleProperty latest(String split, String term) {
        return curves.latest(CurveStore.key(split, term));
    }

    public BooleanBinding canStart() { return run.canStart(); }
    public BooleanBinding running() { return run.running(); }
    public BooleanBinding paused() { return run.paused(); }
    public BooleanBinding active() { return run.active(); }
    public BooleanBinding canSave() { return run.canSave(); }
    public ObservableList<DataChoice> datasets() { return settings.datasets(); }
    /** Opening a folder of pictures (its preview) and the names of the labels in use. */
    public DataOpening data() { return opening; }
    public ObjectProperty<DataChoice> datasetProperty() { return settings.datasetProperty(); }
    public IntegerProperty latentSizeProperty() { return settings.latentSizeProperty(); }
    public IntegerProperty epochsProperty() { return settings.epochsProperty(); }
    public IntegerProperty batchSizeProperty() { return settings.batchSizeProperty(); }
    public DoubleProperty learningRateProperty() { return settings.learningRateProperty(); }
    public LongProperty seedProperty() { return settings.seedProperty(); }
    public IntegerProperty threadsProperty() { return settings.threadsProperty(); }
    public BooleanProperty continueTrainingProperty() { return settings.continueTrainingProperty(); }
    public ObjectProperty<Trainer.State> stateProperty() { return run.stateProperty(); }
    public BooleanProperty busyProperty() { return run.busyProperty(); }
    public BooleanProperty modelOpenProperty() { return run.modelOpenProperty(); }
    public LongProperty stepProperty() { return run.stepProperty(); }
    public LongProperty totalStepsProperty() { return run.totalStepsProperty(); }
    public IntegerProperty epochProperty() { return run.epochProperty(); }
    public DoubleProperty progressProperty() { return run.progressProperty(); }
    public DoubleProperty samplesPerSecondProperty() { return run.samplesPerSecondProperty(); }
    public StringProperty modelDescriptionProperty() { return run.modelDescriptionProperty(); }
    public StringProperty messageProperty() { return run.messageProperty(); }
    public BooleanProperty messageIsErrorProperty() { return run.messageIsErrorProperty(); }
}
