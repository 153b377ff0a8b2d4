package org.latentexplorer.ui.base;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ui layer's one way to work off the UI thread. Each owner (a view model, the settings store, the exports) has its
 * own Background: work runs on its worker, one job after another in the order asked, and results and failures come back
 * through {@link #ui(Runnable)} on the UI thread. Once {@link #close() closed}, nothing new starts and callbacks still
 * on their way are dropped quietly (logged at debug): a section closed while its work is in flight never throws at a
 * later moment in somebody else's code.
 *
 * <p>State a job reads is handed to it explicitly (captured when the job is asked for, or kept in a volatile field the
 * UI thread writes): jobs never read JavaFX properties, which belong to the UI thread.
 *
 * <p>{@link #inline()} runs jobs and callbacks at once on the calling thread, so a view model can be tested without a
 * JavaFX toolkit or any waiting.
 */
public final class Background {
    /** A job for the worker. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** A job that gives a result back. */
    @FunctionalInterface
    public interface Job<T> {
        T call() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    /** Wakes the throttles of every Background; it only posts to UI threads, so one thread serves them all. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ui-throttle");
        t.setDaemon(true);
        return t;
    });

    private final String name;
    /** Null for {@link #inline()}. */
    private final ExecutorService worker;
    private final Consumer<Runnable> uiExecutor;
    private volatile boolean closed;
    /** Jobs asked for so far, and the longest throttle interval: what {@link #awaitIdle} waits through. */
    private final AtomicLong asked = new AtomicLong();
    private volatile long longestIntervalNanos;
    private volatile Consumer<Throwable> onFailure = e -> LOG.warn("Background work failed", e);

    private Background(String name, ExecutorService worker, Consumer<Runnable> uiExecutor) {
        this.name = name;
        this.worker = worker;
        this.uiExecutor = uiExecutor;
    }

    /**
     * A Background with a worker thread of its own (a daemon, so it never holds the app open) that hands results to
     * {@code uiExecutor}: {@code Platform::runLater} in the app.
     */
    public static Background thread(String name, Consumer<Runnable> uiExecutor) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        return new Background(name, worker, uiExecutor);
    }

    /** Runs every job, callback and throttled update at once on the calling thread; for tests. */
    public static Background inline() {
        return new Background("inline", null, Runnable::run);
    }

    /** Where failures of {@link #run(Work)} go, on the UI thread; by default they are logged. */
    public Background onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
        return this;
    }

    /** Runs the job on the worker; a failure goes to the {@link #onFailure failure handler} on the UI thread. */
    public void run(Work work) {
        run(work, e -> onFailure.accept(e));
    }

    /**
     * A request for work of which at most one run waits on the worker: asked again while one waits, it still runs
     * once, and reads the newest state then, so a burst of drags or strokes never piles up jobs. Any thread may ask.
     */
    public Runnable newestOnly(Work work) {
        AtomicBoolean queued = new AtomicBoolean();
        return () -> {
            if (queued.compareAndSet(false, true)) {
                run(() -> {
                    queued.set(false);
                    work.run();
                });
            }
        };
    }

    /** Runs the job on the worker; a failure goes to {@code failed} on the UI thread. */
    public void run(Work work, Consumer<Throwable> failed) {
        execute(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                if (closed) {
                    // The job was cut short by the close (an interrupt, a closed stream): nobody is left to tell.
                    LOG.debug("{}: a job failed after close", name, e);
                } else {
                    ui(() -> failed.accept(e));
                }
            }
        });
    }

    /** Computes on the worker and hands the result to {@code done} on the UI thread; a failure goes to {@code failed}. */
    public <T> void supply(Job<T> job, Consumer<T> done, Consumer<Throwable> failed) {
        run(() -> {
            T result = job.call();
            ui(() -> done.accept(result));
        }, failed);
    }

    /** Runs {@code change} on the UI thread, unless this Background is closed by the time it gets there. */
    public void ui(Runnable change) {
        if (closed) {
            LOG.debug("{}: a UI update after close was dropped", name);
            return;
        }
        try {
            uiExecutor.accept(() -> {
                if (closed) {
                    LOG.debug("{}: a UI update that arrived after close was dropped", name);
                } else {
                    change.run();
                }
            });
        } catch (IllegalStateException toolkitGone) {
            // Platform.runLater after the JavaFX toolkit has exited: the window is gone, so is the update's reader.
            LOG.debug("{}: a UI update after the toolkit exited was dropped", name);
        }
    }

    /**
     * An update run on the UI thread at most once per interval however often it is asked for: training emits hundreds
     * of events a second, the screen needs about twenty.
     */
    public Throttle throttle(long intervalMillis, Runnable update) {
        long nanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        longestIntervalNanos = Math.max(longestIntervalNanos, nanos);
        return new Throttle(nanos, update);
    }

    /**
     * Waits until every job asked for so far has run and what it handed to the UI thread has landed there, including
     * throttled updates and the jobs those updates asked for in turn; for tests, which then read a settled state.
     * Call it off the UI thread. Work started by other threads (a Trainer's events) counts only once it asks here.
     *
     * @throws TimeoutException when the work is still going after {@code limit}
     */
    public void awaitIdle(Duration limit) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long before;
        do {
            if (closed) {
                return;
            }
            before = asked.get();
            CompletableFuture<Void> worked = new CompletableFuture<>();
            execute(() -> worked.complete(null));
            awaitUntil(worked, deadline);
            // A throttle's pending update was scheduled at most one interval ahead: the timer runs this after it.
            CompletableFuture<Void> timed = new CompletableFuture<>();
            TIMER.schedule(() -> timed.complete(null), longestIntervalNanos + 1, TimeUnit.NANOSECONDS);
            awaitUntil(timed, deadline);
            CompletableFuture<Void> shown = new CompletableFuture<>();
            uiExecutor.accept(() -> shown.complete(null));
            awaitUntil(shown, deadline);
        } while (asked.get() != before + 1);
    }

    private static void awaitUntil(CompletableFuture<Void> done, long deadline)
            throws TimeoutException, InterruptedException {
        try {
            done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed;
    }

    /** Stops: the running job is interrupted, queued ones and late callbacks are dropped. */
    public void close() {
        closed = true;
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /**
     * Stops taking jobs but lets the queued ones finish, waiting at most {@code limit}; for work that must not be lost
     * at exit, such as saving the settings. False when time ran out.
     */
    public boolean finishAndClose(Duration limit) {
        closed = true;
        if (worker == null) {
            return true;
        }
        worker.shutdown();
        try {
            return worker.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void execute(Runnable job) {
        asked.incrementAndGet();
        if (closed) {
            LOG.debug("{}: a job asked for after close was dropped", name);
            return;
        }
        if (worker == null) {
            job.run();
            return;
        }
        try {
            worker.execute(job);
        } catch (RejectedExecutionException e) {
            // Closed between the check above and here.
            LOG.debug("{}: a job asked for after close was dropped", name);
        }
    }

    /** See {@link #throttle(long, Runnable)}. */
    public final class Throttle {
        private final long intervalNanos;
        private final Runnable update;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile long lastRun;

        private Throttle(long intervalNanos, Runnable update) {
            this.intervalNanos = intervalNanos;
            this.update = update;
        }

        /** Asks for an update; callable from any thread, cheap when one is already pending. */
        public void request() {
            if (worker == null) {
                ui(update);
                return;
            }
            if (!closed && scheduled.compareAndSet(false, true)) {
                long wait = Math.max(0, lastRun + intervalNanos - System.nanoTime());
                TIMER.schedule(() -> ui(this::runUpdate), wait, TimeUnit.NANOSECONDS);
            }
        }

        private void runUpdate() {
            // Cleared before the update, so events arriving during it schedule the next one.
            scheduled.set(false);
            lastRun = System.nanoTime();
            update.run();
        }
    }
}
