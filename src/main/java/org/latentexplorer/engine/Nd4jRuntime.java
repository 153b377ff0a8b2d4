package org.latentexplorer.engine;

import java.util.concurrent.CompletableFuture;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** ND4J's process-wide settings: how many cores training may use, float32, and a warm-up off the UI thread. */
public final class Nd4jRuntime {
    public static final int MAX_THREADS = 256;
    private static volatile int threads;
    private static final CompletableFuture<Void> WARM = new CompletableFuture<>();
    private static volatile boolean warming;

    private Nd4jRuntime() {
    }

    /** One core left for the UI: with every core busy, training ran 10-30x slower here. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public static synchronized void configureThreads(int n) {
        if (n < 1 || n > MAX_THREADS) {
            throw new IllegalArgumentException("thread count must be between 1 and " + MAX_THREADS + ", got " + n);
        }
        Nd4j.getBackend(); // NativeOpsHolder reads properties that loading the backend sets
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        threads = n;
    }

    public static int threads() {
        return threads;
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
