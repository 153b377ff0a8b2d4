package org.latentexplorer.ui.training;

import java.util.ArrayList;
import java.util.List;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.core.TrainerListener;
import org.latentexplorer.ui.base.Background;
import org.latentexplorer.ui.base.CurveStore;
import org.latentexplorer.ui.base.I18n;
import org.latentexplorer.ui.base.SharedProperty;

/**
 * A section's training run and its status: the Trainer and the commands to it, the worker's jobs, and what the view
 * shows of them (state, progress, samples a second, busy, the model's description, the message). The Trainer's events
 * and the worker's redraws are queued on their threads and applied together, at most
 * {@link TrainingViewModel#UPDATES_PER_SECOND} times a second.
 */
final class TrainingRun {
    private final I18n i18n;
    private final Background background;
    private final Background.Throttle throttle;
    private final CurveStore curves;

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
    private final StringProperty modelDescription = new SimpleStringProperty(this, "modelDescription");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(this, "messageIsError");

    // Handed from the Trainer's thread and the worker to the next UI update.
    private final AtomicReference<TrainerListener.StepEvent> lastStep = new AtomicReference<>();
    private final AtomicReference<Trainer.State> newState = new AtomicReference<>();
    private final AtomicReference<TrainerListener.Snapshot> pendingSnapshot = new AtomicReference<>();
    private final List<Runnable> visualUpdates = new ArrayList<>();

    private volatile Trainer trainer;
    /**
     * A pause or stop asked for while a run is being set up, before its Trainer exists (two quick presses of the
     * play/pause key): the run takes it up as soon as it starts.
     */
    private volatile Trainer.State requested;
    /** Background jobs not yet finished; UI thread only. */
    private int pendingJobs;

    TrainingRun(I18n i18n, Background background, CurveStore curves) {
        this.i18n = i18n;
        this.background = background;
        this.throttle = background.throttle(1000 / TrainingViewModel.UPDATES_PER_SECOND, this::applyUpdates);
        this.curves = curves;
        modelDescription.set(i18n.get("model.none"));
    }

    // ---- commands -------------------------------------------------------------------------------------

    /** Advances a paused run by one mini-batch; false when there is none. */
    boolean stepPaused() {
        Trainer t = trainer;
        if (t != null && t.state() == Trainer.State.PAUSED) {
            t.step(1);
            return true;
        }
        return false;
    }

    void pause() {
        requested = Trainer.State.PAUSED;
        Trainer t = trainer;
        if (t != null) {
            t.pause();
        }
    }

    void resume() {
        requested = null;
        Trainer t = trainer;
        if (t != null) {
            t.resume();
        }
    }

    void stop() {
        requested = Trainer.State.STOPPED;
        Trainer t = trainer;
        if (t != null) {
            t.stop();
        }
    }

    /** UI thread: a run is being set up; it shows as running or paused at once. */
    void prepare(boolean paused) {
        samplesPerSecond.set(Double.NaN);
        message.set("");
        trainer = null;
        requested = null;
        state.set(paused ? Trainer.State.PAUSED : Trainer.State.RUNNING);
    }

    /** Worker thread: starts the run's Trainer (paused after one step), then takes up a pause or stop asked for. */
    void begin(Trainer t, boolean paused) {
        trainer = t;
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
    }

    /** The model being trained, or null. */
    GenerativeModel trainingModel() {
        Trainer t = trainer;
        return t != null && isActive() ? t.model() : null;
    }

    /** Whether a model trains or is paused; callable from any thread. */
    boolean isActive() {
        Trainer.State s = state.seen();
        return s == Trainer.State.RUNNING || s == Trainer.State.PAUSED;
    }

    // ---- the Trainer's events -------------------------------------------------------------------------

    /**
     * Hears the Trainer on its thread, and only queues: the UI update and the decoding run elsewhere. On the worker,
     * {@code snapshot} gets the newest snapshot and {@code ended} the Trainer of a run that has ended.
     */
    TrainerListener listener(Consumer<TrainerListener.Snapshot> snapshot, Consumer<Trainer> ended) {
        // At most one decoding job waits on the worker: the newest snapshot wins.
        Runnable decodeNewest = background.newestOnly(() -> {
            TrainerListener.Snapshot newest = pendingSnapshot.getAndSet(null);
            if (newest != null) {
                snapshot.accept(newest);
            }
        });
        return new TrainerListener() {
            @Override
            public void onStep(StepEvent e) {
                lastStep.set(e);
                e.train().asMap().forEach((term, v) -> curves.queue(CurveStore.key(TrainingViewModel.TRAIN, term),
                        e.step(), v));
                throttle.request();
            }

            @Override
            public void onEval(EvalEvent e) {
                e.heldOut().asMap().forEach((term, v) -> curves.queue(CurveStore.key(TrainingViewModel.HELD_OUT,
                        term), e.step(), v));
                throttle.request();
            }

            @Override
            public void onSnapshot(Snapshot s) {
                pendingSnapshot.set(s);
                decodeNewest.run();
            }

            @Override
            public void onStateChanged(Trainer.State s) {
                if (s == Trainer.State.FINISHED || s == Trainer.State.STOPPED || s == Trainer.State.FAILED) {
                    background.run(() -> ended.accept(trainer));
                }
                newState.set(s);
                throttle.request();
            }

            @Override
            public void onFailure(Throwable failure) {
                background.ui(() -> error(failure));
            }
        };
    }

    // ---- the worker and the UI updates ---------------------------------------------------------------

    /** UI thread: runs the work on the worker; busy shows at once until it ends, and a failure as the message. */
    void inBackground(Background.Work work) {
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

    /** Worker thread: hands a UI change to the next coalesced update. */
    void publish(Runnable uiChange) {
        synchronized (visualUpdates) {
            visualUpdates.add(uiChange);
        }
        throttle.request();
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
        curves.applyQueued();
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

    // ---- status ---------------------------------------------------------------------------------------

    /** UI thread: a new run's Trainer exists, with this many steps. */
    void started(long steps, String description) {
        totalSteps.set(steps);
        step.set(0);
        epoch.set(0);
        progress.set(0);
        showModel(description);
    }

    /** UI thread: the numbers of the previous run go. */
    void clearProgress() {
        step.set(0);
        epoch.set(0);
        progress.set(0);
        samplesPerSecond.set(Double.NaN);
    }

    void showModel(String description) {
        modelOpen.set(true);
        modelDescription.set(description);
    }

    void showNoModel() {
        modelOpen.set(false);
        modelDescription.set(i18n.get("model.none"));
    }

    void error(Throwable e) {
        messageIsError.set(true);
        message.set(i18n.describe(e));
        if (isActive() && trainer == null) {
            state.set(Trainer.State.IDLE);
        }
    }

    void errorText(String key, Object... args) {
        messageIsError.set(true);
        message.set(i18n.get(key, args));
    }

    void info(String key, Object... args) {
        messageIsError.set(false);
        message.set(i18n.get(key, args));
    }

    BooleanBinding canStart() {
        return Bindings.createBooleanBinding(() -> !isActive() && !busy.get() && dataReady.get(), state, busy,
                dataReady);
    }

    BooleanBinding running() {
        return state.isEqualTo(Trainer.State.RUNNING);
    }

    BooleanBinding paused() {
        return state.isEqualTo(Trainer.State.PAUSED);
    }

    BooleanBinding active() {
        return running().or(paused());
    }

    BooleanBinding canSave() {
        return active().not().and(modelOpen).and(busy.not());
    }

    ObjectProperty<Trainer.State> stateProperty() { return state; }
    BooleanProperty busyProperty() { return busy; }
    BooleanProperty modelOpenProperty() { return modelOpen; }
    BooleanProperty dataReadyProperty() { return dataReady; }
    LongProperty stepProperty() { return step; }
    LongProperty totalStepsProperty() { return totalSteps; }
    IntegerProperty epochProperty() { return epoch; }
    DoubleProperty progressProperty() { return progress; }
    DoubleProperty samplesPerSecondProperty() { return samplesPerSecond; }
    StringProperty modelDescriptionProperty() { return modelDescription; }
    StringProperty messageProperty() { return message; }
    BooleanProperty messageIsErrorProperty() { return messageIsError; }
}
