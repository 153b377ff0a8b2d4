package org.latentexplorer.engine.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.MiniBatches;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any {@link GenerativeModel} on one dedicated background thread (ND4J workspaces are per thread):
 * epochs of shuffled mini-batches, pause / resume / single step / stop, held-out evaluation and parameter
 * snapshots, all reported to listeners. It never touches a UI.
 */
public final class Trainer {
    public enum State { IDLE, RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final int EVAL_BATCH = 500;
    private static final int SPEED_WINDOW = 20;
    private static final long EXIT_WAIT_MILLIS = 5_000;
    /** Trainers whose thread runs now. */
    private static final Set<Trainer> ACTIVE = ConcurrentHashMap.newKeySet();

    static {
        // libnd4j's C++ singletons are destroyed as the process exits; a training thread still inside a native op
        // then crashes the JVM (SIGSEGV in ConstantShapeHelper, seen on closing or killing the app mid-run). So at
        // exit, the window closed, Ctrl+C or a SIGTERM, every run is stopped and waited for at its next step.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAllAndWait(EXIT_WAIT_MILLIS), "trainer-exit"));
    }

    private final GenerativeModel model;
    private final ImageSet train;
    private final ImageSet heldOut;
    private final TrainingConfig config;
    private final MiniBatches batches;
    private final List<TrainerListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    private State state = State.IDLE;
    private int pendingSteps;
    private boolean stopRequested;
    private Thread thread;
    private volatile long step;
    private volatile double progress;
    private volatile LossTerms lastHeldOut;

    public Trainer(GenerativeModel model, ImageSet train, ImageSet heldOut, TrainingConfig config) {
        this.model = Objects.requireNonNull(model);
        this.train = Objects.requireNonNull(train);
        this.heldOut = heldOut;
        this.config = Objects.requireNonNull(config);
        if (train.pixelsPerImage() != model.inputSize()) {
            throw new IllegalArgumentException("the model takes " + model.inputSize() + " pixels per image, the data set has "
                    + train.pixelsPerImage());
        }
        this.batches = new MiniBatches(train.size(), config.batchSize(), config.seed());
    }

    public void addListener(TrainerListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TrainerListener listener) {
        listeners.remove(listener);
    }

    public GenerativeModel model() {
        return model;
    }

    public TrainingConfig config() {
        return config;
    }

    public int batchesPerEpoch() {
        return batches.batchesPerEpoch();
    }

    public long totalSteps() {
        return (long) config.epochs() * batches.batchesPerEpoch();
    }

    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    public long step() {
        return step;
    }

    public double progress() {
        return progress;
    }

    /** The last held-out loss terms, or null before the first evaluation. */
    public LossTerms lastHeldOut() {
        return lastHeldOut;
    }

    public void start() {
        launch(State.RUNNING, 0);
    }

    /** One batch: starts the run paused if it has not started, or advances a paused run by one step. */
    public void step(int count) {
        synchronized (lock) {
            if (state == State.PAUSED) {
                pendingSteps += count;
                lock.notifyAll();
                return;
            }
            if (state != State.IDLE) {
                return;
            }
        }
        // Outside the lock: launching tells listeners, and a listener must never run under the Trainer's lock.
        launch(State.PAUSED, count);
    }

    public void pause() {
        changeWhile(State.RUNNING, State.PAUSED);
    }

    public void resume() {
        changeWhile(State.PAUSED, State.RUNNING);
    }

    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /** Stops every running trainer and waits up to the given time for all of them; true when all have ended. */
    static boolean stopAllAndWait(long millis) {
        List<Trainer> running = List.copyOf(ACTIVE);
        running.forEach(Trainer::stop);
        long deadline = System.nanoTime() + millis * 1_000_000;
        try {
            for (Trainer t : running) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (!t.await(left)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for the training thread to end; true when it has (or never started). */
    public boolean await(long millis) throws InterruptedException {
        Thread t;
        synchronized (lock) {
            t = thread;
        }
        if (t != null) {
            t.join(millis);
            return !t.isAlive();
        }
        return true;
    }

    private void changeWhile(State from, State to) {
        boolean changed;
        synchronized (lock) {
            changed = state == from && !stopRequested;
            if (changed) {
                state = to;
                lock.notifyAll();
            }
        }
        if (changed) {
            listeners.forEach(l -> l.onStateChanged(to));
        }
    }

    private void launch(State initial, int steps) {
        synchronized (lock) {
            if (state != State.IDLE) {
                throw new IllegalStateException("a Trainer runs once; this one is " + state);
            }
            state = initial;
            pendingSteps = steps;
            thread = new Thread(this::run, "trainer-" + model.kind().id());
            thread.setDaemon(true);
            ACTIVE.add(this);
        }
        listeners.forEach(l -> l.onStateChanged(initial));
        thread.start();
    }

    /** Blocks while paused with no step to take; false once a stop was requested. */
    private boolean awaitTurn() throws InterruptedException {
        synchronized (lock) {
            while (state == State.PAUSED && pendingSteps == 0 && !stopRequested) {
                lock.wait();
            }
            if (stopRequested) {
                return false;
            }
            if (state == State.PAUSED) {
                pendingSteps--;
            }
            return true;
        }
    }

    private void run() {
        State end = State.FINISHED;
        Throwable failure = null;
        try {
            Nd4jRuntime.ensureReady();
            // ND4J's random numbers (dropout's masks) come from a generator per thread, seeded by the clock: seeded
            // here, the same seed gives the same run.
            Nd4j.getRandom().setSeed(config.seed());
            INDArray lastGood = model.parameters().dup();
            long lastGoodStep = 0;
            long[] stepNanos = new long[SPEED_WINDOW];
            int[] stepSamples = new int[SPEED_WINDOW];
            long total = totalSteps();
            outer:
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                for (int b = 0; b < batches.batchesPerEpoch(); b++) {
                    if (!awaitTurn()) {
                        end = State.STOPPED;
                        break outer;
                    }
                    int[] idx = batches.indices(epoch, b);
                    long t0 = System.nanoTime();
                    LossTerms loss = model.trainBatch(Tensors.rows(train.gather(idx), idx.length));
                    long elapsed = System.nanoTime() - t0;
                    long s = ++step;
                    if (!loss.isFinite()) {
                        model.setParameters(lastGood);
                        throw new TrainingDivergedException(s, lastGoodStep);
                    }
                    int slot = (int) (s % SPEED_WINDOW);
                    stepNanos[slot] = elapsed;
                    stepSamples[slot] = idx.length;
                    progress = (double) s / total;
                    var event = new TrainerListener.StepEvent(s, epoch + 1, b + 1, batches.batchesPerEpoch(), loss,
                            samplesPerSecond(stepNanos, stepSamples), progress);
                    listeners.forEach(l -> l.onStep(event));
                    boolean epochEnd = b == batches.batchesPerEpoch() - 1;
                    if (s % config.evalEvery() == 0 || epochEnd) {
                        evaluate(s, epoch + 1);
                    }
                    if (s % config.snapshotEvery() == 0 || epochEnd) {
                        INDArray current = model.parameters().dup();
                        // The step's loss is measured before its update, so the update itself may have wrecked
                        // the parameters: never keep (or publish) such a copy as the one to restore.
                        if (!Tensors.allFinite(current)) {
                            model.setParameters(lastGood);
                            throw new TrainingDivergedException(s, lastGoodStep);
                        }
                        lastGood = current;
                        lastGoodStep = s;
                        // Listeners get their own copy, so none can touch the restore point.
                        publish(s, lastGood.dup());
                    }
                }
            }
            if (end == State.STOPPED && step > 0) {
                // The views keep the model as it was when the user stopped.
                publish(step, model.parameters().dup());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end = State.STOPPED;
        } catch (TrainingDivergedException e) {
            // An expected outcome, which listeners report in the user's language: logged too, it was said twice.
            end = State.FAILED;
            failure = e;
        } catch (Throwable e) {
            LOG.warn("training failed at step {}", step, e);
            end = State.FAILED;
            failure = e;
        }
        synchronized (lock) {
            state = end;
            lock.notifyAll();
        }
        ACTIVE.remove(this);
        if (failure != null) {
            Throwable f = failure;
            listeners.forEach(l -> l.onFailure(f));
        }
        State finalState = end;
        listeners.forEach(l -> l.onStateChanged(finalState));
    }

    private static double samplesPerSecond(long[] nanos, int[] samples) {
        long n = 0;
        long s = 0;
        for (int i = 0; i < nanos.length; i++) {
            n += nanos[i];
            s += samples[i];
        }
        return n == 0 ? 0 : s * 1e9 / n;
    }

    private void publish(long s, INDArray parameters) {
        var snapshot = new TrainerListener.Snapshot(s, parameters);
        listeners.forEach(l -> l.onSnapshot(snapshot));
    }

    private void evaluate(long s, int epoch) {
        if (heldOut == null) {
            return;
        }
        LossTerms terms = evaluate(model, heldOut);
        lastHeldOut = terms;
        var event = new TrainerListener.EvalEvent(s, epoch, terms);
        listeners.forEach(l -> l.onEval(event));
    }

    /** Mean loss terms per image over a whole image set, in batches so memory stays small. */
    public static LossTerms evaluate(GenerativeModel model, ImageSet images) {
        List<LossTerms> parts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int from = 0; from < images.size(); from += EVAL_BATCH) {
            int n = Math.min(EVAL_BATCH, images.size() - from);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = from + i;
            }
            parts.add(model.evaluate(Tensors.rows(images.gather(idx), n)));
            sizes.add(n);
        }
        return LossTerms.weightedMean(parts, sizes);
    }
}
