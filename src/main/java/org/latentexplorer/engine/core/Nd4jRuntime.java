package org.latentexplorer.engine.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.nativeblas.NativeOpsHolder;

/** ND4J's process-wide settings: how many cores training may use, float32, and a warm-up off the UI thread. */
public final class Nd4jRuntime {
    public static final int MAX_THREADS = 256;
    private static volatile int threads;
    private static final CompletableFuture<Void> WARM = new CompletableFuture<>();
    private static volatile boolean warming;

    /** Workers for {@link #inParts}; kept, since a training step fans out a dozen times. */
    private static final AtomicInteger PART_THREADS = new AtomicInteger();
    private static final ExecutorService PARTS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "nd4j-part-" + PART_THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Nd4jRuntime() {
    }

    /** One core left for the UI: with every core busy, training ran 10-30x slower here. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * {@code n} threads for ND4J's own operations (the convolutions' im2col, element-wise ops, the updater), and
     * matrix products kept on the thread that asks for them: the dense models split their batch over {@code n} threads
     * themselves ({@link DenseStack}), and an OpenBLAS pool beside ND4J's left the two spinning against each other,
     * so that 2 threads trained slower than 1.
     */
    public static synchronized void configureThreads(int n) {
        if (n < 1 || n > MAX_THREADS) {
            throw new IllegalArgumentException("thread count must be between 1 and " + MAX_THREADS + ", got " + n);
        }
        Nd4j.getBackend(); // NativeOpsHolder reads properties that loading the backend sets
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(1);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        threads = n;
    }

    public static int threads() {
        return threads;
    }

    /** Below this many rows per block, handing rows to another thread costs more than it saves. */
    static final int MIN_BLOCK_ROWS = 16;

    /** How many blocks of rows a batch is cut into for {@code threadCount} training threads: one per thread. */
    static int blocks(int rows, int threadCount) {
        return Math.max(1, Math.min(threadCount, rows / MIN_BLOCK_ROWS));
    }

    /** Where block k of {@code blocks} starts in {@code rows} rows; block k ends where block k + 1 starts. */
    static long blockStart(long rows, int k, int blocks) {
        return rows * k / blocks;
    }

    /** Block k's rows of a row-major [rows, ...] array: a contiguous view, or the array itself for one block. */
    static INDArray rowsOf(INDArray full, int k, int blocks) {
        if (blocks == 1) {
            return full;
        }
        long rows = full.rows();
        return full.get(NDArrayIndex.interval(blockStart(rows, k, blocks), blockStart(rows, k + 1, blocks)),
                NDArrayIndex.all());
    }

    /**
     * Runs {@code part} for 0 .. parts-1 at once, part 0 on the calling thread, and returns when every part is done,
     * rethrowing the first failure. Waits through interrupts (the parts write into buffers the caller owns) and keeps
     * the interrupt for the caller.
     */
    static void inParts(int parts, IntConsumer part) {
        if (parts == 1) {
            part.accept(0);
            return;
        }
        Future<?>[] others = new Future<?>[parts - 1];
        for (int k = 1; k < parts; k++) {
            int index = k;
            others[k - 1] = PARTS.submit(() -> part.accept(index));
        }
        Throwable failure = null;
        try {
            part.accept(0);
        } catch (Throwable e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> other : others) {
            while (true) {
                try {
                    other.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause();
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Loads the native backend and runs one small product, on a background thread; repeated calls share it. */
    public static CompletableFuture<Void> warmUpAsync(int threadCount) {
        synchronized (Nd4jRuntime.class) {
            if (!warming) {
                warming = true;
                Thread t = new Thread(() -> {
                    try {
                        configureThreads(threadCount);
                        Nd4j.rand(DataType.FLOAT, 64, 64).mmul(Nd4j.rand(DataType.FLOAT, 64, 64)).sumNumber();
                        WARM.complete(null);
                    } catch (Throwable e) {
                        WARM.completeExceptionally(e);
                    }
                }, "nd4j-warm-up");
                t.setDaemon(true);
                t.start();
            }
        }
        return WARM;
    }

    /** Blocks until the backend is ready; for threads that are about to use ND4J anyway (never the UI thread). */
    public static void ensureReady() {
        warmUpAsync(threads > 0 ? threads : defaultThreads()).join();
    }
}
