package org.latentexplorer.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
import org.latentexplorer.engine.Autoencoder;
import org.latentexplorer.engine.DataSource;
import org.latentexplorer.engine.GenerativeModel;
import org.latentexplorer.engine.ModelKind;
import org.latentexplorer.engine.ModelManifest;
import org.latentexplorer.engine.ModelStore;
import org.latentexplorer.engine.Models;
import org.latentexplorer.engine.Nd4jRuntime;
import org.latentexplorer.engine.Tensors;
import org.latentexplorer.engine.Trainer;
import org.latentexplorer.engine.TrainerListener;
import org.latentexplorer.engine.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The autoencoder section's state and commands, without any Node. Training runs on the Trainer's thread;
 * loading, saving and decoding on this view model's worker thread; properties change only on the UI thread,
 * at most {@link #UPDATES_PER_SECOND} times a second.
 */
public final class AutoencoderViewModel {
    static final int UPDATES_PER_SECOND = 20;
    /** Loss curves are thinned to this many points, which LineChart redraws smoothly. */
    static final int MAX_CURVE_POINTS = 2000;
    static final int PREVIEW_IMAGES = 10;

    private final I18n i18n;
    private final Consumer<Runnable> ui;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "autoencoder-worker");
        t.setDaemon(true);
        return t;
    });
    private final UiThrottle throttle;

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
    private final ObjectProperty<Trainer.State> state = new SimpleObjectProperty<>(this, "state", Trainer.State.IDLE);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanProperty modelOpen = new SimpleBooleanProperty(this, "modelOpen", false);
    private final LongProperty step = new SimpleLongProperty(this, "step");
    private final LongProperty totalSteps = new SimpleLongProperty(this, "totalSteps");
    private final IntegerProperty epoch = new SimpleIntegerProperty(this, "epoch");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final DoubleProperty samplesPerSecond = new SimpleDoubleProperty(this, "samplesPerSecond", Double.NaN);
    private final DoubleProperty trainLoss = new SimpleDoubleProperty(this, "trainLoss", Double.NaN);
    private final DoubleProperty heldOutLoss = new SimpleDoubleProperty(this, "heldOutLoss", Double.NaN);
    private final ObservableList<XYChart.Data<Number, Number>> trainCurve = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> heldOutCurve = FXCollections.observableArrayList();
    private final ObjectProperty<ImageGrid> originals = new SimpleObjectProperty<>(this, "originals");
    private final ObjectProperty<ImageGrid> reconstructions = new SimpleObjectProperty<>(this, "reconstructions");
    private final StringProperty modelDescription = new SimpleStringProperty(this, "modelDescription");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(this, "messageIsError");

    // Handed from background threads to the next UI update.
    private final AtomicReference<TrainerListener.StepEvent> lastStep = new AtomicReference<>();
    private final ConcurrentLinkedQueue<double[]> newTrainPoints = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<double[]> newHeldOutPoints = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ImageGrid> newReconstructions = new AtomicReference<>();
    private final AtomicReference<Trainer.State> newState = new AtomicReference<>();
    private final AtomicReference<TrainerListener.Snapshot> pendingSnapshot = new AtomicReference<>();
    private final AtomicBoolean snapshotQueued = new AtomicBoolean();

    // Owned by the worker thread.
    private Split split;
    private float[] previewPixels;
    private GenerativeModel model;
    private GenerativeModel inference;
    private ModelManifest manifest;
    private String modelDatasetSpec;
    private long trainedSteps;
    private int trainedEpochs;

    private volatile Trainer trainer;
    /** Background jobs not yet finished; UI thread only. */
    private int pendingJobs;

    public AutoencoderViewModel(I18n i18n, Consumer<Runnable> uiExecutor) {
        this.i18n = i18n;
        this.ui = uiExecutor;
        this.throttle = new UiThrottle(uiExecutor, 1000 / UPDATES_PER_SECOND, this::applyUpdates);
        for (BundledDataset d : BundledDataset.values()) {
            datasets.add(new DataChoice(d.id(), null, d.displayName()));
        }
        dataset.set(datasets.get(0));
        modelDescription.set(i18n.get("ae.model.none"));
        dataset.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old)) {
                loadData(now, true);
            }
        });
    }

    /** Loads the first data set and the pre-trained model for it, in the background. */
    public void initialize() {
        loadData(dataset.get(), true);
    }

    // ---- commands -------------------------------------------------------------------------------------

    public void start() {
        if (!validateSettings()) {
            return;
        }
        launch(false);
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
        Trainer t = trainer;
        if (t != null) {
            t.pause();
        }
    }

    public void resume() {
        Trainer t = trainer;
        if (t != null) {
            t.resume();
        }
    }

    public void stop() {
        Trainer t = trainer;
        if (t != null) {
            t.stop();
        }
    }

    public void saveModel(Path path) {
        runInBackground(() -> {
            if (model == null) {
                return;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("heldout_" + Autoencoder.RECON_BCE, Trainer.evaluate(model, split.heldOut()).primary());
            ModelManifest m = ModelManifest.describe(model, modelDatasetSpec, seed.get(), trainedEpochs, trainedSteps, metrics);
            ModelStore.save(model, m, path, true);
            manifest = m;
            String description = describeModel(ModelStore.modelFile(path).getFileName().toString());
            ui.accept(() -> {
                modelDescription.set(description);
                info("ae.message.saved", ModelStore.modelFile(path));
            });
        });
    }

    public void openModel(Path path) {
        runInBackground(() -> {
            ModelStore.Loaded loaded = ModelStore.load(path);
            adopt(loaded, ModelStore.modelFile(path).getFileName().toString());
        });
    }

    /** Adds an IDX images file (with its labels) to the data sets and switches to it. */
    public void openDataset(Path images, Path labels) {
        DataChoice choice = new DataChoice(images.toString(), labels == null ? null : labels.toString(),
                images.getFileName().toString());
        runInBackground(() -> {
            // Read once here so a bad file is reported before it joins the list.
            DataSource.load(choice.spec(), labels);
            ui.accept(() -> {
                if (!datasets.contains(choice)) {
                    datasets.add(choice);
                }
                dataset.set(choice);
            });
        });
    }

    public void shutdown() {
        stop();
        worker.shutdownNow();
    }

    // ---- background work ------------------------------------------------------------------------------

    private interface Work {
        void run() throws Exception;
    }

    /**
     * Runs on the worker thread; called on the UI thread, it shows busy at once until the work ends, and any
     * failure as a message in the user's language.
     */
    private void runInBackground(Work work) {
        pendingJobs++;
        busy.set(true);
        worker.execute(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                ui.accept(() -> error(e));
            } finally {
                ui.accept(() -> busy.set(--pendingJobs > 0));
            }
        });
    }

    private void loadData(DataChoice choice, boolean withBundledModel) {
        runInBackground(() -> {
            ImageSet all = DataSource.load(choice.spec(), choice.labelsPath() == null ? null : Path.of(choice.labelsPath()));
            split = Split.of(all, Split.DEFAULT_HELD_OUT, Split.DEFAULT_SEED);
            int[] idx = new int[Math.min(PREVIEW_IMAGES, split.heldOut().size())];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            previewPixels = split.heldOut().gather(idx);
            ImageGrid preview = grid(previewPixels, idx.length);
            ui.accept(() -> {
                originals.set(preview);
                reconstructions.set(null);
            });
            if (model != null && model.inputSize() != all.pixelsPerImage()) {
                closeModel();
            }
            String bundledName = ModelKind.AE.id() + "-" + choice.spec();
            if (withBundledModel && DataSource.isBundled(choice.spec()) && ModelStore.bundledExists(bundledName)) {
                adopt(ModelStore.loadBundled(bundledName), i18n.get("ae.model.pretrained", bundledName));
            } else {
                refreshReconstructions();
            }
        });
    }

    /** Makes a loaded model the one in view (worker thread). */
    private void adopt(ModelStore.Loaded loaded, String name) {
        if (loaded.model().kind() != ModelKind.AE) {
            throw new IllegalArgumentException(i18n.get("ae.error.wrongKind", loaded.manifest().kind()));
        }
        if (split != null && loaded.model().inputSize() != split.train().pixelsPerImage()) {
            throw new IllegalArgumentException(i18n.get("ae.error.wrongSize", loaded.model().inputSize(),
                    split.train().pixelsPerImage()));
        }
        model = loaded.model();
        inference = model.copyForInference();
        manifest = loaded.manifest();
        modelDatasetSpec = manifest.dataset();
        trainedEpochs = manifest.epochs();
        trainedSteps = manifest.steps();
        int latent = model.latentSize();
        String description = describeModel(name);
        double heldOut = Trainer.evaluate(model, split.heldOut()).primary();
        refreshReconstructions();
        ui.accept(() -> {
            latentSize.set(latent);
            heldOutLoss.set(heldOut);
            modelOpen.set(true);
            modelDescription.set(description);
        });
    }

    private void closeModel() {
        model = null;
        inference = null;
        manifest = null;
        ui.accept(() -> {
            modelOpen.set(false);
            modelDescription.set(i18n.get("ae.model.none"));
        });
    }

    private String describeModel(String name) {
        return i18n.get("ae.model.description", name, model.latentSize(), trainedEpochs, trainedSteps);
    }

    private void refreshReconstructions() {
        if (inference == null || previewPixels == null) {
            newReconstructions.set(null);
            ui.accept(() -> reconstructions.set(null));
            return;
        }
        int n = previewPixels.length / inference.inputSize();
        INDArray out = inference.reconstruct(Tensors.rows(previewPixels, n));
        newReconstructions.set(grid(Tensors.toFloats(out), n));
        throttle.request();
    }

    private ImageGrid grid(float[] pixels, int count) {
        ImageSet set = split.heldOut();
        int per = set.pixelsPerImage();
        List<float[]> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] img = new float[per];
            System.arraycopy(pixels, i * per, img, 0, per);
            images.add(img);
        }
        return new ImageGrid(images, set.rows(), set.cols());
    }

    private boolean validateSettings() {
        if (isActive()) {
            return false;
        }
        double lr = learningRate.get();
        if (!(lr > 0 && lr <= 1)) {
            messageIsError.set(true);
            message.set(i18n.get("ae.error.learningRate", lr));
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
        String dataSpec = dataset.get().spec();
        TrainingConfig config;
        try {
            config = new TrainingConfig(epochs.get(), batchSize.get(), s, 50, 10);
        } catch (IllegalArgumentException e) {
            error(e);
            return;
        }
        trainCurve.clear();
        heldOutCurve.clear();
        trainLoss.set(Double.NaN);
        heldOutLoss.set(Double.NaN);
        samplesPerSecond.set(Double.NaN);
        message.set("");
        trainer = null;
        state.set(paused ? Trainer.State.PAUSED : Trainer.State.RUNNING);
        runInBackground(() -> {
            Nd4jRuntime.configureThreads(threadCount);
            boolean continuing = fromOpen && model != null && model.latentSize() == latent;
            GenerativeModel trained = continuing ? model.copyForInference()
                    : Models.create(ModelKind.AE, split.train().pixelsPerImage(), latent, lr, s);
            if (!continuing) {
                trainedEpochs = 0;
                trainedSteps = 0;
            }
            model = trained;
            inference = trained.copyForInference();
            modelDatasetSpec = dataSpec;
            Trainer t = new Trainer(trained, split.train(), split.heldOut(), config);
            t.addListener(new Listener());
            trainer = t;
            String description = i18n.get("ae.model.training", latent);
            ui.accept(() -> {
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
        });
    }

    private boolean isActive() {
        Trainer.State s = state.get();
        return s == Trainer.State.RUNNING || s == Trainer.State.PAUSED;
    }

    /** Hears the Trainer on its thread, and only queues: the UI update and the decoding run elsewhere. */
    private final class Listener implements TrainerListener {
        @Override
        public void onStep(StepEvent e) {
            lastStep.set(e);
            newTrainPoints.add(new double[] {e.step(), e.train().primary()});
            throttle.request();
        }

        @Override
        public void onEval(EvalEvent e) {
            newHeldOutPoints.add(new double[] {e.step(), e.heldOut().primary()});
            throttle.request();
        }

        @Override
        public void onSnapshot(Snapshot snapshot) {
            pendingSnapshot.set(snapshot);
            // At most one decoding job waits on the worker: the newest snapshot wins.
            if (snapshotQueued.compareAndSet(false, true)) {
                worker.execute(() -> {
                    snapshotQueued.set(false);
                    TrainerListener.Snapshot latest = pendingSnapshot.getAndSet(null);
                    if (latest != null && inference != null) {
                        inference.setParameters(latest.parameters());
                        refreshReconstructions();
                    }
                });
            }
        }

        @Override
        public void onStateChanged(Trainer.State s) {
            if (s == Trainer.State.FINISHED || s == Trainer.State.STOPPED || s == Trainer.State.FAILED) {
                worker.execute(() -> {
                    Trainer t = trainer;
                    trainedSteps += t.step();
                    trainedEpochs += (int) (t.step() / t.batchesPerEpoch());
                    String description = describeModel(i18n.get("ae.model.unsaved"));
                    ui.accept(() -> modelDescription.set(description));
                });
            }
            newState.set(s);
            throttle.request();
        }

        @Override
        public void onFailure(Throwable error) {
            ui.accept(() -> error(error));
        }
    }

    /** UI thread: moves everything queued by the background threads into the properties. */
    private void applyUpdates() {
        TrainerListener.StepEvent e = lastStep.getAndSet(null);
        if (e != null) {
            step.set(e.step());
            epoch.set(e.epoch());
            progress.set(e.progress());
            samplesPerSecond.set(e.samplesPerSecond());
            trainLoss.set(e.train().primary());
        }
        drain(newTrainPoints, trainCurve);
        drain(newHeldOutPoints, heldOutCurve);
        if (!heldOutCurve.isEmpty()) {
            heldOutLoss.set(heldOutCurve.get(heldOutCurve.size() - 1).getYValue().doubleValue());
        }
        ImageGrid recon = newReconstructions.getAndSet(null);
        if (recon != null) {
            reconstructions.set(recon);
        }
        Trainer.State s = newState.getAndSet(null);
        if (s != null) {
            state.set(s);
        }
    }

    static void drain(ConcurrentLinkedQueue<double[]> queue, ObservableList<XYChart.Data<Number, Number>> curve) {
        List<XYChart.Data<Number, Number>> added = new ArrayList<>();
        for (double[] p; (p = queue.poll()) != null; ) {
            added.add(new XYChart.Data<>(p[0], p[1]));
        }
        if (added.isEmpty()) {
            return;
        }
        if (curve.size() + added.size() <= MAX_CURVE_POINTS) {
            curve.addAll(added);
            return;
        }
        // Keep every other point: the curve's shape stays, the chart stays fast.
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

    private void error(Throwable e) {
        messageIsError.set(true);
        message.set(i18n.describe(e));
        if (isActive() && trainer == null) {
            state.set(Trainer.State.IDLE);
        }
    }

    private void info(String key, Object... args) {
        messageIsError.set(false);
        message.set(i18n.get(key, args));
    }

    // ---- properties -----------------------------------------------------------------------------------

    public BooleanBinding canStart() {
        return Bindings.createBooleanBinding(() -> !isActive() && !busy.get() && originals.get() != null, state, busy,
                originals);
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
    public DoubleProperty trainLossProperty() { return trainLoss; }
    public DoubleProperty heldOutLossProperty() { return heldOutLoss; }
    public ObservableList<XYChart.Data<Number, Number>> trainCurve() { return trainCurve; }
    public ObservableList<XYChart.Data<Number, Number>> heldOutCurve() { return heldOutCurve; }
    public ObjectProperty<ImageGrid> originalsProperty() { return originals; }
    public ObjectProperty<ImageGrid> reconstructionsProperty() { return reconstructions; }
    public StringProperty modelDescriptionProperty() { return modelDescription; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty messageIsErrorProperty() { return messageIsError; }
}
