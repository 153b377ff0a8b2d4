package org.latentexplorer.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.latentexplorer.data.Distribution2D;
import org.latentexplorer.engine.ganlab.Divergences;
import org.latentexplorer.engine.ganlab.GanLab;
import org.latentexplorer.engine.ganlab.LabVariant;
import org.latentexplorer.engine.ganlab.ModeMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train the GAN problems lab's variants (vanilla GAN and its remedies) on a 2-D mixture and print"
                + " one JSON line per variant: modes covered, share of high-quality samples, JSD and EMD to the real"
                + " distribution, speed.")
final class CompareCommand implements Callable<Integer> {
    /**
     * Where, on the ring, Unrolled GAN, WGAN and Minibatch Discrimination have spread over most modes while the vanilla
     * GAN is still collapsed; all six variants times three seeds take about three minutes on two cores.
     */
    static final int DEFAULT_STEPS = 6000;
    static final int MAX_STEPS = 1_000_000;
    static final int MAX_SEEDS = 100;
    /** The mixtures of Gaussians, whose modes can be counted as covered or missed. */
    private static final Distribution2D.Kind[] DATA = {Distribution2D.Kind.RING, Distribution2D.Kind.GRID};
    /** Runs are single-threaded: more threads than runs or cores only wait. */
    static final int MAX_THREADS = 256;
    /** Points generated for modes covered, high quality and JSD, as in the lab's view. */
    static final int METRIC_SAMPLES = 2000;
    /** Points per side for the exact EMD, whose matching costs O(n³). */
    static final int EMD_SAMPLES = 256;
    /** Cells per side of the JSD's histogram over the distribution's square. */
    static final int JSD_BINS = 40;

    @Option(names = "--variants", split = ",", paramLabel = "ID",
            description = "variants to train, comma separated (default: all): vanilla_minimax, vanilla_non_saturating,"
                    + " small_d_dropout, unrolled, minibatch, wgan")
    List<String> variants;

    @Option(names = "--data", defaultValue = "ring",
            description = "ring (8 Gaussians) or grid (5 x 5 Gaussians) (default: ${DEFAULT-VALUE})")
    String data;

    @Option(names = "--steps", defaultValue = "" + DEFAULT_STEPS,
            description = "training iterations (k D steps, then one G step) per run (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--seeds", defaultValue = "3",
            description = "runs per variant, with seeds 1, 2, ... (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--threads", description = "runs trained at once (default: the number of cores)")
    Integer threads;

    /** One run's end state. */
    private record Run(int covered, int modes, double highQuality, double jsd, double emd, double seconds) {
    }

    @Override
    public Integer call() throws Exception {
        List<LabVariant> chosen = chosenVariants();
        Distribution2D.Kind kind = BadOption.choice("--data", data, DATA, CompareCommand::id);
        BadOption.inRange("--steps", steps, 1, MAX_STEPS);
        BadOption.inRange("--seeds", seeds, 1, MAX_SEEDS);
        if (threads != null) {
            BadOption.inRange("--threads", threads, 1, MAX_THREADS);
        }
        // Each run is single-threaded and seeded, so running several at once changes the time, never the numbers.
        int jobs = chosen.size() * seeds;
        // A pool of that many workers, not the ui's Background: these are independent jobs with no UI to report to.
        ForkJoinPool pool = new ForkJoinPool(
                Math.min(jobs, threads != null ? threads : Runtime.getRuntime().availableProcessors()));
        try {
            Map<LabVariant, List<Future<Run>>> runs = new LinkedHashMap<>();
            for (LabVariant v : chosen) {
                List<Future<Run>> perSeed = new ArrayList<>();
                for (int s = 1; s <= seeds; s++) {
                    long seed = s;
                    perSeed.add(pool.submit(() -> train(v, kind, seed)));
                }
                runs.put(v, perSeed);
            }
            for (Map.Entry<LabVariant, List<Future<Run>>> e : runs.entrySet()) {
                List<Run> done = new ArrayList<>();
                for (Future<Run> f : e.getValue()) {
                    done.add(result(f));
                }
                System.out.println(Json.line(summary(e.getKey(), kind, done)));
            }
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private List<LabVariant> chosenVariants() {
        return BadOption.listed("--variants", variants, List.of(LabVariant.values()), LabVariant.ids(), id -> {
            try {
                return LabVariant.byId(id);
            } catch (IllegalArgumentException e) {
                throw new BadOption("compare.error.variant", id, LabVariant.ids());
            }
        });
    }

    private static Run result(Future<Run> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // The run's own error (a diverged loss) is what the user should read.
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Run train(LabVariant variant, Distribution2D.Kind kind, long seed) {
        Distribution2D real = Distribution2D.of(kind);
        GanLab lab = new GanLab(real, variant.settings(seed));
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            // Another run failed: stop rather than train on for nothing.
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException();
            }
            lab.step();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // The real points the generated ones are measured against come from their own seeded stream.
        Random rng = new Random(seed);
        double[] generated = lab.sample(METRIC_SAMPLES);
        double[] reference = real.sample(METRIC_SAMPLES, rng);
        ModeMetrics.Coverage c = ModeMetrics.evaluate(generated, real.modes());
        double jsd = Divergences.histogramJensenShannon(reference, generated, real.extent(), JSD_BINS);
        double emd = Divergences.earthMovers(Arrays.copyOf(reference, 2 * EMD_SAMPLES),
                Arrays.copyOf(generated, 2 * EMD_SAMPLES));
        return new Run(c.covered(), c.modes(), c.highQualityShare(), jsd, emd, seconds);
    }

    private Map<String, Object> summary(LabVariant variant, Distribution2D.Kind kind, List<Run> runs) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("variant", variant.id());
        line.put("data", id(kind));
        line.put("seeds", runs.size());
        line.put("steps", steps);
        line.put("modes", runs.get(0).modes());
        line.put("modes_covered", runs.stream().mapToInt(Run::covered).toArray());
        line.put("modes_covered_mean", round(runs.stream().mapToInt(Run::covered).average().orElseThrow(), 100));
        line.put("modes_covered_min", runs.stream().mapToInt(Run::covered).min().orElseThrow());
        line.put("high_quality_mean", round(runs.stream().mapToDouble(Run::highQuality).average().orElseThrow(), 1000));
        line.put("jsd_mean", round(runs.stream().mapToDouble(Run::jsd).average().orElseThrow(), 1000));
        line.put("emd_mean", round(runs.stream().mapToDouble(Run::emd).average().orElseThrow(), 1000));
        // Each run's own rate on its thread, training only.
        line.put("steps_per_second", round(steps * runs.size() / runs.stream().mapToDouble(Run::seconds).sum(), 10));
        return line;
    }

    private static String id(Distribution2D.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
