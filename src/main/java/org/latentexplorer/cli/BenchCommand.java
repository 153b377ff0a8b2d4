package org.latentexplorer.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.latentexplorer.data.BundledDataset;
import org.latentexplorer.data.DataException;
import org.latentexplorer.data.Distribution2D;
import org.latentexplorer.data.ImageSet;
import org.latentexplorer.data.MonthlyWeather;
import org.latentexplorer.engine.core.Bench;
import org.latentexplorer.engine.core.GenerativeModel;
import org.latentexplorer.engine.core.ModelKind;
import org.latentexplorer.engine.core.Nd4jRuntime;
import org.latentexplorer.engine.core.StepProfile;
import org.latentexplorer.engine.core.TrainingConfig;
import org.latentexplorer.engine.ganlab.Divergences;
import org.latentexplorer.engine.intro.SeasonAutoencoder;
import org.latentexplorer.engine.store.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed per model as one JSON line each, against this machine's sgemm rate,"
                + " and for a 2-D latent plane how long decoding one point and a 20 x 20 grid takes; then, one line"
                + " each, the lab's exact EMD of 256 points and the weather autoencoder's training.")
final class BenchCommand implements Callable<Integer> {
    private static final int DECODE_WARMUP = 200;
    private static final int DECODE_POINTS = 2000;
    private static final int GRID_REPETITIONS = 20;
    /** The lab's EMD compares this many real and generated points, as its view does. */
    private static final int EMD_POINTS = 256;
    private static final int VIEW_RUNS = 8;
    /** Ten times the default: a DCGAN step takes most of a second here, so more would run for hours. */
    static final int MAX_STEPS = 1000;

    @Option(names = "--batch", defaultValue = "128", description = "mini-batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--steps", defaultValue = "100", description = "timed training steps per model (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--threads", description = "ND4J threads (default: cores - 1)")
    Integer threads;

    @Option(names = "--models", split = ",", paramLabel = "KIND",
            description = "models to measure, comma separated (default: all): ae, vae, vqvae, gan, dcgan")
    List<String> models;

    @Option(names = "--profile", description = "also run the timed steps again under the JDK's sampling profiler and"
            + " add where their time went (matrix products, updater, im2col, other ND4J ops, allocation, Java)")
    boolean profile;

    @Override
    public Integer call() throws Exception {
        BadOption.inRange("--batch", batch, 1, TrainingConfig.MAX_BATCH_SIZE);
        BadOption.inRange("--steps", steps, 1, MAX_STEPS);
        int n = threads != null ? BadOption.inRange("--threads", threads, 1, Nd4jRuntime.MAX_THREADS)
                : Nd4jRuntime.defaultThreads();
        List<ModelKind> kinds = BadOption.listed("--models", models, List.of(ModelKind.values()),
                Arrays.stream(ModelKind.values()).map(ModelKind::id).collect(Collectors.joining(", ")),
                id -> BadOption.choice("--models", id, ModelKind.values(), ModelKind::id));
        Nd4jRuntime.configureThreads(n);
        ImageSet data = BundledDataset.MNIST.load();
        for (ModelKind kind : kinds) {
            measure(kind, data, n);
        }
        measureViews();
        return 0;
    }

    /** One JSON line: the model's training speed, where its time went with --profile, and its decoding speed. */
    private void measure(ModelKind kind, ImageSet data, int n) {
        // The VQ-VAE's latent size is its code dimension: benchmarked as shipped, not as a 2-D plane.
        int latent = kind == ModelKind.VQVAE ? Models.defaultLatentSize(kind) : 2;
        GenerativeModel model = Models.create(kind, data.pixelsPerImage(), latent, 1e-3, 42);
        Bench.Result r = Bench.training(kind.id(), model, data, batch, 10, steps);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", r.model());
        line.put("batch", r.batch());
        line.put("threads", n);
        line.put("steps_per_sec", round(r.stepsPerSec()));
        line.put("samples_per_sec", round(r.samplesPerSec()));
        line.put("sgemm_gflops", round(r.sgemmGflops()));
        line.put("peak_gflops", round(r.peakGflops()));
        line.put("model_gflops", round(r.modelGflops()));
        line.put("flops_fraction", Math.round(r.flopsFraction() * 1000) / 1000.0);
        if (profile) {
            StepProfile.Breakdown b = StepProfile.of(() -> Bench.trainingSteps(model, data, batch, steps));
            Map<String, Object> parts = new LinkedHashMap<>();
            parts.put("samples", b.samples());
            for (StepProfile.Part p : StepProfile.Part.values()) {
                parts.put(p.key(), Math.round(b.share(p) * 1000) / 1000.0);
            }
            line.put("profile", parts);
        }
        // Every model with a 2-D latent plane (AE and VAE alike) is dragged through and gridded in its view.
        if (model.latentSize() == 2) {
            Bench.Decoding d = Bench.decoding(model, DECODE_WARMUP, DECODE_POINTS, GRID_REPETITIONS);
            line.put("decode_p50_ms", roundMs(d.p50Ms()));
            line.put("decode_p99_ms", roundMs(d.p99Ms()));
            line.put("grid20_decode_ms", roundMs(d.grid20Ms()));
        }
        System.out.println(Json.line(line));
    }

    /** What the lab and the latent-variables section compute while they draw, one JSON line each. */
    private static void measureViews() throws DataException {
        Distribution2D ring = Distribution2D.of(Distribution2D.Kind.RING);
        double[] real = ring.sample(EMD_POINTS, new Random(1));
        double[] generated = ring.sample(EMD_POINTS, new Random(2));
        System.out.println(Json.line(Map.of("measure", "lab_emd_" + EMD_POINTS + "_points", "best_ms",
                roundMs(Bench.bestMillis(() -> Divergences.earthMovers(real, generated), VIEW_RUNS)))));
        double[] months = MonthlyWeather.tokyo().points();
        System.out.println(Json.line(Map.of("measure", "season_autoencoder_training", "best_ms",
                roundMs(Bench.bestMillis(() -> SeasonAutoencoder.train(months, 1), VIEW_RUNS)))));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Microsecond resolution: a single decode takes a fraction of a millisecond. */
    private static double roundMs(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
