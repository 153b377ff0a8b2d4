package org.latentexplorer.ui;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Coalesces requests from background threads into at most one UI update per interval: training emits
 * hundreds of events a second, the screen needs about twenty.
 */
final class UiThrottle {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ui-throttle");
        t.setDaemon(true);
        return t;
    });

    private final Consumer<Runnable> uiExecutor;
    private final Runnable update;
    private final long intervalNanos;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastRun;

    UiThrottle(Consumer<Runnable> uiExecutor, long intervalMillis, Runnable update) {
        this.uiExecutor = uiExecutor;
        this.update = update;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    }

    /** Asks for an update; callable from any thread, cheap when one is already pending. */
    void request() {
        if (scheduled.compareAndSet(false, true)) {
            long wait = Math.max(0, lastRun + intervalNanos - System.nanoTime());
            TIMER.schedule(() -> uiExecutor.accept(this::run), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void run() {
        // Cleared before the update, so events arriving during it schedule the next one.
        scheduled.set(false);
        lastRun = System.nanoTime();
        update.run();
    }
}
