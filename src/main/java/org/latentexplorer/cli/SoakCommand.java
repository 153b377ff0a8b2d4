package org.latentexplorer.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.javacpp.Pointer;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.GenerativeModel;
import org.latentexplorer.engine.ModelKind;
import org.latentexplorer.engine.Models;
import org.latentexplorer.engine.Nd4jRuntime;
import org.latentexplorer.engine.Trainer;
import org.latentexplorer.engine.TrainerListener;
import org.latentexplorer.engine.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the VAE section's work for a long time, to see whether memory levels off: the Trainer trains a 2-D VAE on the
 * bundled MNIST while another thread decodes the latent plane from the published parameter copies, as the view does
 * while the learner drags (one point at a time, and a 20 x 20 manifold grid). JSON lines on stdout: a sample every
 * {@code --report-every} seconds, then a summary with the growth over each half of the run.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Train the VAE while decoding its latent plane for a long time; report memory as JSON lines"
                + " (a sample every minute, then a summary).")
final class SoakCommand implements Callable<Integer> {
    private static final long MAX_SECONDS = 24 * 3600;
    private static final int GRID_SIDE = 20;
    /** The app's VAE section: latent size, batch, learning rate, evaluation and snapshot intervals (in steps). */
    private static final int LATENT = 2;
    private static final int BATCH = 128;
    private static final double LEARNING_RATE = 1e-3;
    private static final int EVAL_EVERY = 50;
    private static final int SNAPSHOT_EVERY = 10;
    private static final long SEED = 42;
    /** Point decodes between two grid decodes, as if the learner zoomed or panned now and then. */
    private static final int POINTS_PER_GRID = 50;
    private static final double MB = 1024.0 * 1024.0;

    @Option(names = "--minutes", description = "how long to run, in minutes (default: 30)")
    Long minutes;

    @Option(names = "--seconds", description = "how long to run, in seconds (instead of --minutes)")
    Long seconds;

    @Option(names = "--report-every", defaultValue = "60",
            description = "seconds between two sample lines (default: ${DEFAULT-VALUE})")
    long reportEvery;

    @Option(names = "--threads", description = "ND4J threads (default: cores - 1)")
    Integer threads;

    /** One measurement of the process's memory; {@code rssBytes} is -1 where /proc is not available. */
    private record Sample(double elapsedSeconds, long steps, long decodes, long grids, long rssBytes, long heapBytes,
            long javacppTotalBytes, long javacppPhysicalBytes) {
    }

    private final AtomicLong decodes = new AtomicLong();
    private final AtomicLong grids = new AtomicLong();
    private final AtomicReference<TrainerListener.Snapshot> newest = new AtomicReference<>();
    private volatile boolean running = true;

    @Override
    public Integer call() throws Exception {
        long durationSeconds = duration();
        within(reportEvery, MAX_SECONDS, "--report-every");
        Nd4jRuntime.configureThreads(threads != null ? threads : Nd4jRuntime.defaultThreads());
        Split split = Split.of(BundledDataset.MNIST.load(), Split.DEFAULT_HELD_OUT, Split.DEFAULT_SEED);
        GenerativeModel model = Models.create(ModelKind.VAE, split.train().pixelsPerImage(), LATENT, LEARNING_RATE, SEED);
        // The view's own copy, fed by the Trainer's published parameters, never the network being trained.
        GenerativeModel inference = model.copyForInference();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        TrainerListener listener = new TrainerListener() {
            @Override
            public void onSnapshot(Snapshot snapshot) {
                newest.set(snapshot);
            }

            @Override
            public void onFailure(Throwable error) {
                failure.set(error);
            }
        };

        long t0 = System.nanoTime();
        Sample start = sample(t0, null);
        Thread decoder = new Thread(() -> decodeLoop(inference, failure), "soak-decoder");
        decoder.setDaemon(true);
        decoder.start();
        Trainer trainer = newTrainer(model, split, listener);
        long stepsBefore = 0;
        long end = t0 + durationSeconds * 1_000_000_000L;
        long half = t0 + durationSeconds * 500_000_000L;
        long nextReport = t0 + reportEvery * 1_000_000_000L;
        Sample mid = null;
        while (failure.get() == null) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            if (trainer.state() == Trainer.State.FINISHED) {
                // A Trainer runs once: a run longer than its epochs goes on with a new one on the same model.
                stepsBefore += trainer.step();
                trainer = newTrainer(model, split, listener);
            }
            long wake = Math.min(end, mid == null ? Math.min(half, nextReport) : nextReport);
            Thread.sleep(Math.max(1, Math.min(500, (wake - now) / 1_000_000)));
            now = System.nanoTime();
            long steps = stepsBefore + trainer.step();
            if (mid == null && now >= half) {
                mid = sample(t0, steps);
            }
            if (now >= nextReport && now < end) {
                System.out.println(Json.line(line("sample", sample(t0, steps))));
                nextReport += reportEvery * 1_000_000_000L;
            }
        }
        running = false;
        trainer.stop();
        trainer.await(0);
        decoder.join();
        if (failure.get() != null) {
            throw failure.get() instanceof Exception e ? e : new IllegalStateException(failure.get());
        }
        Sample last = sample(t0, stepsBefore + trainer.step());
        System.out.println(Json.line(summary(start, mid != null ? mid : start, last)));
        return 0;
    }

    /** The run's length in seconds from either option, from 1 second to a day. */
    private long duration() {
        if (minutes != null && seconds != null) {
            throw new IllegalArgumentException("give --minutes or --seconds, not both");
        }
        if (seconds != null) {
            return within(seconds, MAX_SECONDS, "--seconds");
        }
        return within(minutes != null ? minutes : 30, MAX_SECONDS / 60, "--minutes") * 60;
    }

    private static long within(long value, long max, String option) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(option + " must be between 1 and " + max + " (24 hours), got " + value);
        }
        return value;
    }

    private static Trainer newTrainer(GenerativeModel model, Split split, TrainerListener listener) {
        Trainer trainer = new Trainer(model, split.train(), split.heldOut(),
                new TrainingConfig(10_000, BATCH, SEED, EVAL_EVERY, SNAPSHOT_EVERY));
        trainer.addListener(listener);
        trainer.start();
        return trainer;
    }

    /** The latent plane's worker: applies the newest parameter copy, then decodes points along a circle and grids. */
    private void decodeLoop(GenerativeModel inference, AtomicReference<Throwable> failure) {
        try {
            INDArray axis = Nd4j.linspace(-3.0, 3.0, GRID_SIDE, DataType.FLOAT);
            INDArray[] mesh = Nd4j.meshgrid(axis, axis.neg());
            INDArray grid = Nd4j.hstack(mesh[0].reshape(GRID_SIDE * GRID_SIDE, 1), mesh[1].reshape(GRID_SIDE * GRID_SIDE, 1));
            for (long i = 0; running; i++) {
                TrainerListener.Snapshot snapshot = newest.getAndSet(null);
                if (snapshot != null) {
                    inference.setParameters(snapshot.parameters());
                }
                double angle = i * 0.01;
                inference.decode(Nd4j.create(new float[] {(float) (2 * Math.cos(angle)), (float) (2 * Math.sin(angle))},
                        new long[] {1, LATENT}, 'c'));
                decodes.incrementAndGet();
                if (snapshot != null || i % POINTS_PER_GRID == 0) {
                    inference.decode(grid);
                    grids.incrementAndGet();
                }
                // A drag sends at most a few hundred moves a second; this is faster, yet leaves the trainer its core.
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private Sample sample(long t0, Long steps) {
        // A hint only: what stays after it is what the heap really holds.
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Sample((System.nanoTime() - t0) / 1e9, steps == null ? 0 : steps, decodes.get(), grids.get(), rss(),
                heap, Pointer.totalBytes(), Pointer.physicalBytes());
    }

    /** The resident set size from /proc/self/status (Linux), or -1 elsewhere. */
    static long rss() {
        Path status = Path.of("/proc/self/status");
        try {
            for (String l : Files.readAllLines(status)) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or a /proc without the line
        }
        return -1;
    }

    private static Map<String, Object> line(String event, Sample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("elapsed_s", round(s.elapsedSeconds()));
        m.put("steps", s.steps());
        m.put("decodes", s.decodes());
        m.put("grids", s.grids());
        m.put("rss_mb", rssMb(s));
        m.put("heap_used_mb", mb(s.heapBytes()));
        m.put("javacpp_total_mb", mb(s.javacppTotalBytes()));
        m.put("javacpp_physical_mb", mb(s.javacppPhysicalBytes()));
        return m;
    }

    /** The run's totals, and each memory figure at the start, the middle and the end with its growth over each half. */
    private static Map<String, Object> summary(Sample start, Sample mid, Sample end) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "summary");
        m.put("duration_s", round(end.elapsedSeconds()));
        m.put("steps", end.steps());
        m.put("decodes", end.decodes());
        m.put("grids", end.grids());
        m.put("steps_per_s", round(end.steps() / end.elapsedSeconds()));
        m.put("decodes_per_s", round(end.decodes() / end.elapsedSeconds()));
        figure(m, "rss", rssMb(start), rssMb(mid), rssMb(end));
        figure(m, "heap_used", mb(start.heapBytes()), mb(mid.heapBytes()), mb(end.heapBytes()));
        figure(m, "javacpp_total", mb(start.javacppTotalBytes()), mb(mid.javacppTotalBytes()), mb(end.javacppTotalBytes()));
        figure(m, "javacpp_physical", mb(start.javacppPhysicalBytes()), mb(mid.javacppPhysicalBytes()),
                mb(end.javacppPhysicalBytes()));
        return m;
    }

    private static void figure(Map<String, Object> m, String name, Object start, Object mid, Object end) {
        m.put(name + "_start_mb", start);
        m.put(name + "_mid_mb", mid);
        m.put(name + "_end_mb", end);
        boolean known = start instanceof Double && mid instanceof Double && end instanceof Double;
        m.put(name + "_growth_first_half_mb", known ? round((Double) mid - (Double) start) : "n/a");
        m.put(name + "_growth_last_half_mb", known ? round((Double) end - (Double) mid) : "n/a");
    }

    private static Object rssMb(Sample s) {
        return s.rssBytes() < 0 ? "n/a" : mb(s.rssBytes());
    }

    private static double mb(long bytes) {
        return round(bytes / MB);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
