package org.latentexplorer.ui.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ui layer's background work, without a JavaFX toolkit: the "UI thread" here is the test's own thread, which runs
 * what the worker hands back when it drains {@link #ui}.
 */
class BackgroundTest {
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final Background background = Background.thread("test-worker", ui::add);

    @AfterEach
    void close() {
        background.close();
    }

    /** Runs what was handed to the UI side, waiting up to 10 s for the first of {@code count} callbacks each. */
    private void runUiCallbacks(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Runnable r = ui.poll(10, TimeUnit.SECONDS);
            assertThat(r).as("callback %d of %d", i + 1, count).isNotNull();
            r.run();
        }
    }

    @Test
    void aJobRunsOnTheWorkerAndItsResultComesBackOnlyThroughTheUiSide() throws Exception {
        List<String> results = new CopyOnWriteArrayList<>();
        background.supply(() -> Thread.currentThread().getName(), results::add, e -> results.add("failed"));
        Runnable handedBack = ui.poll(10, TimeUnit.SECONDS);
        assertThat(results).as("nothing reaches the UI side until it runs the callback").isEmpty();
        handedBack.run();
        assertThat(results).containsExactly("test-worker");
    }

    @Test
    void newestOnlyRunsOnceForABurstOfRequestsAndReadsTheNewestState() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        background.run(release::await);
        AtomicInteger state = new AtomicInteger();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Runnable request = background.newestOnly(() -> seen.add(state.get()));
        for (int i = 1; i <= 20; i++) {
            state.set(i);
            request.run();
        }
        release.countDown();
        background.supply(() -> null, x -> { }, e -> { });
        runUiCallbacks(1);
        assertThat(seen).as("one run for the burst, with the newest state").containsExactly(20);

        // Once it has run, the next request runs again.
        state.set(21);
        request.run();
        background.supply(() -> null, x -> { }, e -> { });
        runUiCallbacks(1);
        assertThat(seen).containsExactly(20, 21);
    }

    @Test
    void jobsRunOneAfterAnotherInTheOrderAsked() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            background.run(() -> order.add(n));
        }
        background.supply(() -> null, x -> { }, e -> { });
        runUiCallbacks(1);
        assertThat(order).hasSize(50).isSorted();
    }

    @Test
    void aFailureReachesItsHandlerOnTheUiSide() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        background.onFailure(e -> failures.add(Thread.currentThread().getName() + ": " + e.getMessage()));
        background.run(() -> {
            throw new java.io.IOException("disk full");
        });
        runUiCallbacks(1);
        assertThat(failures).containsExactly(Thread.currentThread().getName() + ": disk full");
    }

    @Test
    void aCallbackThatArrivesAfterCloseIsDroppedAndWhatItAsksForNeverRuns() throws Exception {
        // The fault once seen on a clean clone: a result queued for the UI thread runs after its view model closed and
        // asks its closed worker for more work, which used to throw RejectedExecutionException at the next test.
        AtomicInteger shown = new AtomicInteger();
        AtomicInteger ranAfterClose = new AtomicInteger();
        background.supply(() -> 1, v -> {
            shown.addAndGet(v);
            background.run(ranAfterClose::incrementAndGet);
        }, e -> { });
        Runnable late = ui.poll(10, TimeUnit.SECONDS);
        background.close();
        assertThatCode(late::run).doesNotThrowAnyException();
        assertThatCode(() -> background.run(ranAfterClose::incrementAndGet)).doesNotThrowAnyException();
        assertThatCode(() -> background.ui(shown::incrementAndGet)).doesNotThrowAnyException();
        background.throttle(10, shown::incrementAndGet).request();
        Thread.sleep(100);
        assertThat(shown.get()).as("nothing reaches the UI side after close").isZero();
        assertThat(ranAfterClose.get()).isZero();
        assertThat(ui).isEmpty();
    }

    @Test
    void closeInterruptsTheRunningJobAndItsFailureIsNotReported() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        background.onFailure(failures::add);
        background.run(() -> {
            started.countDown();
            Thread.sleep(60_000);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        background.close();
        Thread.sleep(200);
        assertThat(ui).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void aThrottleCoalescesABurstOfRequestsIntoFewUpdates() throws Exception {
        AtomicInteger updates = new AtomicInteger();
        Background.Throttle throttle = background.throttle(200, updates::incrementAndGet);
        for (int i = 0; i < 1000; i++) {
            throttle.request();
        }
        runUiCallbacks(1);
        assertThat(updates.get()).isEqualTo(1);
        // Requests after an update bring exactly one more.
        throttle.request();
        throttle.request();
        runUiCallbacks(1);
        assertThat(updates.get()).isEqualTo(2);
        assertThat(ui.poll(400, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void finishAndCloseLetsQueuedJobsEndButTakesNoNewOnes() {
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            background.run(() -> {
                Thread.sleep(20);
                done.incrementAndGet();
            });
        }
        assertThat(background.finishAndClose(Duration.ofSeconds(10))).isTrue();
        assertThat(done.get()).isEqualTo(5);
        background.run(done::incrementAndGet);
        assertThat(done.get()).isEqualTo(5);
    }

    @Test
    void inlineRunsJobsCallbacksAndThrottledUpdatesAtOnceOnTheCallingThread() {
        Background inline = Background.inline();
        List<String> seen = new CopyOnWriteArrayList<>();
        String me = Thread.currentThread().getName();
        inline.supply(() -> Thread.currentThread().getName(), name -> seen.add("job on " + name), e -> { });
        inline.throttle(1000, () -> seen.add("update")).request();
        inline.onFailure(e -> seen.add("failed: " + e.getMessage())).run(() -> {
            throw new IllegalStateException("bad");
        });
        assertThat(seen).containsExactly("job on " + me, "update", "failed: bad");
        inline.close();
        inline.run(() -> seen.add("after close"));
        assertThat(seen).hasSize(3);
    }

    @Test
    void awaitIdleWaitsForJobsTheirUpdatesAndTheJobsThoseUpdatesAskFor() throws Exception {
        Background threaded = Background.thread("chained", Runnable::run);
        try {
            List<String> log = new CopyOnWriteArrayList<>();
            Background.Throttle throttle = threaded.throttle(100, () -> {
                log.add("update");
                threaded.run(() -> {
                    Thread.sleep(50);
                    log.add("follow-up");
                });
            });
            threaded.run(() -> {
                Thread.sleep(50);
                log.add("job");
                throttle.request();
            });
            threaded.awaitIdle(Duration.ofSeconds(10));
            assertThat(log).containsExactly("job", "update", "follow-up");
        } finally {
            threaded.close();
        }
    }
}
