package org.latentexplorer.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Parts of a training step on threads of their own: all of them run, at once, and failures come back. */
class Nd4jRuntimeTest {
    @Test
    void everyPartRunsAtOnceAndPartZeroOnTheCallingThread() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        // Each part waits for all three to have started: the call would never return if they ran one after another.
        CountDownLatch started = new CountDownLatch(3);
        AtomicBoolean allMet = new AtomicBoolean(true);
        Nd4jRuntime.inParts(3, k -> {
            threads.add(Thread.currentThread().getName() + (k == 0 ? ":0" : ""));
            started.countDown();
            try {
                allMet.compareAndSet(true, started.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            done.add(k);
        });
        assertThat(done).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(allMet).isTrue();
        assertThat(threads).contains(Thread.currentThread().getName() + ":0").hasSize(3);
    }

    @Test
    void aFailingPartIsRethrownAfterTheOthersHaveFinished() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> Nd4jRuntime.inParts(3, k -> {
            if (k == 1) {
                throw new ArithmeticException("part 1 failed");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            done.add(k);
        })).isInstanceOf(ArithmeticException.class).hasMessage("part 1 failed");
        assertThat(done).containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void anInterruptWaitsForThePartsAndIsKeptForTheCaller() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        try {
            Nd4jRuntime.inParts(2, k -> {
                if (k == 0) {
                    Thread.currentThread().interrupt();
                } else {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                done.add(k);
            });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(done).containsExactlyInAnyOrder(0, 1);
        } finally {
            Thread.interrupted();
        }
    }
}
