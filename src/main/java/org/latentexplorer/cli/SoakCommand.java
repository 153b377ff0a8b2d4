package org.latentexplorer.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.bytedeco.javacpp.Pointer;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.Split;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.engine.core.Trainer;
import org.latentexplorer.engine.core.TrainerListener;
import org.latentexplorer.engine.core.TrainingConfig;
import org.latentexplorer.engine.store.Models;
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
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private Split split;
    private GenerativeModel model;
    /** The run's current Trainer, and the steps of those before it. */
    private Trainer trainer;
    private long stepsBefore;

    @Override
    public Integer call() throws Exception {
        long durationSeconds = duration();
        within(reportEvery, MAX_SECONDS, "--report-every");
        Nd4jRuntime.configureThreads(threads != null ? threads : Nd4jRuntime.defaultThreads());
        split = Split.of(BundledDataset.MNIST.load(), Split.DEFAULT_HELD_OUT, Split.DEFAULT_SEED);
        model = Models.create(ModelKind.VAE, split.train().pixelsPerImage(), LATENT, LEARNING_RATE, SEED);
        // The view's own copy, fed by the Trainer's published parameters, never the network being trained.
        GenerativeModel inference = model.copyForInference();

        long t0 = System.nanoTime();
        List<Sample> samples = new ArrayList<>();
        samples.add(sample(t0));
        Thread decoder = new Thread(() -> decodeLoop(inference), "soak-decoder");
        decoder.setDaemon(true);
        decoder.start();
        trainer = newTrainer();
        Sample mid = watch(t0, durationSeconds, samples);
        running = false;
        trainer.stop();
        trainer.await(0);
        decoder.join();
        if (failure.get() != null) {
            throw failure.get() instanceof Exception e ? e : new IllegalStateException(failure.get());
        }
        samples.add(sample(t0));
        System.out.println(Json.line(summary(samples, mid)));
        return 0;
    }

    /**
     * Until the end of the run (or a failure): keeps the training going, prints a sample line every
     * {@code --report-every} seconds, and returns the sample taken at half time (null after a failure).
     */
    private Sample watch(long t0, long durationSeconds, List<Sample> samples) throws InterruptedException {
        long end = t0 + durationSeconds * 1_000_000_000L;
        long half = t0 + durationSeconds * 500_000_000L;
        long nextReport = t0 + reportEvery * 1_000_000_000L;
        Sample mid = null;
        for (long now = System.nanoTime(); now < end && failure.get() == null; now = System.nanoTime()) {
            if (trainer.state() == Trainer.State.FINISHED) {
                // A Trainer runs once: a run longer than its epochs goes on with a new one on the same model.
                stepsBefore += trainer.step();
                trainer = newTrainer();
            }
            long wake = Math.min(end, mid == null ? Math.min(half, nextReport) : nextReport);
            Thread.sleep(Math.max(1, Math.min(500, (wake - now) / 1_000_000)));
            now = System.nanoTime();
            if (mid == null && now >= half) {
                mid = sample(t0);
                samples.add(mid);
            }
            if (now >= nextReport && now < end) {
                Sample s = sample(t0);
                samples.add(s);
                System.out.println(Json.line(line("sample", s)));
                nextReport += reportEvery * 1_000_000_000L;
            }
        }
        return mid;
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

    private Trainer newTrainer() {
        Trainer t = new Trainer(model, split.train(), split.heldOut(),
                new TrainingConfig(10_000, BATCH, SEED, EVAL_EVERY, SNAPSHOT_EVERY));
        t.addListener(new TrainerListener() {
            @Override
            public void onSnapshot(Snapshot snapshot) {
                newest.set(snapshot);
            }

            @Override
            public void onFailure(Throwable error) {
                failure.set(error);
            }
        });
        t.start();
        return t;
    }

    /** The latent plane's worker: applies the newest parameter copy, then decodes points along a circle and grids. */
    private void decodeLoop(GenerativeModel inference) {
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

    private Sample sample(long t0) {
        // A hint only: what stays after it is what the heap really holds.
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long steps = trainer == null ? 0 : stepsBefore + trainer.step();
        return new Sample((System.nanoTime() - t0) / 1e9, steps, decodes.get(), grids.get(), rss(),
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

    /**
     * The run's totals, and each memory figure at the start, the middle and the end, with its growth over each half
     * and its trend over the last half (a least-squares slope over the samples there: one pair of samples can be a
     * trough and a peak of a figure that no longer grows).
     */
    private static Map<String, Object> summary(List<Sample> samples, Sample mid) {
        Sample end = samples.get(samples.size() - 1);
        List<Sample> lastHalf = samples.stream().filter(s -> s.elapsedSeconds() >= mid.elapsedSeconds()).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "summary");
        m.put("duration_s", round(end.elapsedSeconds()));
        m.put("steps", end.steps());
        m.put("decodes", end.decodes());
        m.put("grids", end.grids());
        m.put("steps_per_s", round(end.steps() / end.elapsedSeconds()));
        m.put("decodes_per_s", round(end.decodes() / end.elapsedSeconds()));
        figure(m, "rss", Sample::rssBytes, samples.get(0), mid, end, lastHalf);
        figure(m, "heap_used", Sample::heapBytes, samples.get(0), mid, end, lastHalf);
        figure(m, "javacpp_total", Sample::javacppTotalBytes, samples.get(0), mid, end, lastHalf);
        figure(m, "javacpp_physical", Sample::javacppPhysicalBytes, samples.get(0), mid, end, lastHalf);
        return m;
    }

    private static void figure(Map<String, Object> m, String name, ToLongFunction<Sample> bytes, Sample start,
            Sample mid, Sample end, List<Sample> lastHalf) {
        String[] parts = {"start", "mid", "end", "growth_first_half", "growth_last_half"};
        if (bytes.applyAsLong(end) < 0) { // RSS where there is no /proc
            for (String part : parts) {
                m.put(name + "_" + part + "_mb", "n/a");
            }
            m.put(name + "_trend_last_half_mb_per_min", "n/a");
            return;
        }
        long[] values = {bytes.applyAsLong(start), bytes.applyAsLong(mid), bytes.applyAsLong(end)};
        long[] figures = {values[0], values[1], values[2], values[1] - values[0], values[2] - values[1]};
        for (int i = 0; i < parts.length; i++) {
            m.put(name + "_" + parts[i] + "_mb", mb(figures[i]));
        }
        m.put(name + "_trend_last_half_mb_per_min", lastHalf.size() < 3 ? "n/a" : round(slope(lastHalf, bytes) * 60 / MB));
    }

    /** Least-squares slope of a figure against time, in bytes per second. */
    private static double slope(List<Sample> samples, ToLongFunction<Sample> bytes) {
        double meanT = samples.stream().mapToDouble(Sample::elapsedSeconds).average().orElseThrow();
        double meanY = samples.stream().mapToDouble(bytes::applyAsLong).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (Sample s : samples) {
            double dt = s.elapsedSeconds() - meanT;
            covariance += dt * (bytes.applyAsLong(s) - meanY);
            variance += dt * dt;
        }
        return covariance / variance;
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
